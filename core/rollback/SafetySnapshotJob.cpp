#include "SafetySnapshotJob.h"

#include "RemedyCalls.h"
#include "RollbackLogging.h"
#include "api/ApiCall.h"
#include "api/EcsApi.h"

#include <QPointer>
#include <QRegularExpression>
#include <QUuid>

#include <memory>

namespace ecs {

namespace {

const QString JobAction = QStringLiteral("SafetySnapshot");
const QString CreateAction = QStringLiteral("CreateSnapshotGroup");

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

} // namespace

SafetySnapshotJob::SafetySnapshotJob(EcsApi *api, QString regionId, QString instanceId,
    QStringList diskIds, WaitOptions options, OperationRecorder recorder, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_regionId(std::move(regionId))
    , m_instanceId(std::move(instanceId))
    , m_diskIds(std::move(diskIds))
    , m_options(options)
    , m_recorder(std::move(recorder))
{
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &SafetySnapshotJob::poll);
    m_deadline.setSingleShot(true);
    // The timeout is a promise to the user; a coarse timer may fire up to 5% early.
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (m_snapshotGroupId.isEmpty()) {
            finish(Outcome::Failed,
                tr("The instance snapshot was not accepted within %1 s; the rollback was not "
                   "started.")
                    .arg(seconds(m_options.timeoutMs)));
        } else {
            finish(Outcome::Failed,
                tr("Instance snapshot %1 was not finished within %2 s: it is still being created; "
                   "the rollback was not started. The service goes on creating it.")
                    .arg(m_snapshotGroupId, seconds(m_options.timeoutMs)));
        }
    });
}

QString SafetySnapshotJob::defaultName(const QDateTime &time)
{
    // The service allows letters, digits and . _ - : only (no spaces), starting with a
    // letter: "Before-rollback-2026-11-18T02:00:00Z".
    return QStringLiteral("Before-rollback-") + time.toUTC().toString(Qt::ISODate);
}

QString SafetySnapshotJob::nameProblem(const QString &name)
{
    if (name.isEmpty())
        return {}; // the service allows a group without a name
    // CreateSnapshotGroup's Name rules (REFERENCE §6), checked here because the request
    // type does not, so that a bad name is refused before anything is sent.
    static const QRegularExpression pattern(
        QStringLiteral("^[A-Za-z\\x{4e00}-\\x{9fa5}][A-Za-z0-9\\x{4e00}-\\x{9fa5}._:-]*$"));
    if (name.size() < 2 || name.size() > 128)
        return tr("The instance snapshot name must be 2 to 128 characters long.");
    // Snapshot names may not start with "auto" (reserved for automatic snapshots); the
    // same is kept for groups, whose rule the docs leave open.
    if (!pattern.match(name).hasMatch() || name.startsWith(QLatin1String("auto")))
        return tr("The instance snapshot name must start with a letter, not with \"auto\", and "
                  "contain only letters, digits, periods, underscores, hyphens and colons.");
    return {};
}

QString SafetySnapshotJob::descriptionProblem(const QString &description)
{
    if (description.isEmpty())
        return {};
    if (description.size() < 2 || description.size() > 256)
        return tr("The instance snapshot description must be 2 to 256 characters long.");
    if (description.startsWith(QLatin1String("http://"))
        || description.startsWith(QLatin1String("https://")))
        return tr("The instance snapshot description must not start with http:// or https://.");
    return {};
}

void SafetySnapshotJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_outcome = Outcome::Cancelled;
    m_message.clear();
    m_error = ApiError();
    m_snapshotGroupId.clear();
    m_createAttempts = 0;
    m_failedReadsInARow = 0;
    m_callContext = new QObject(this);

    // Built once: a create sent again must carry exactly the same parameters, or the
    // service answers IdempotentParameterMismatch instead of the first group.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_clientToken = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_request = CreateSnapshotGroupRequest();
    m_request.regionId = m_regionId;
    m_request.instanceId = m_instanceId;
    m_request.diskIds = m_diskIds;
    m_request.name = m_name.isEmpty() ? defaultName(now) : m_name;
    m_request.description = m_description.isEmpty()
        ? tr("Taken by ECS Rollback Console before a rollback, %1.").arg(now.toString(Qt::ISODate))
        : m_description;
    m_request.clientToken = m_clientToken;

    m_recorder.job(JobAction, m_diskIds, JournalOutcome::Started);
    QString problem = nameProblem(m_request.name);
    if (problem.isEmpty())
        problem = descriptionProblem(m_request.description);
    if (problem.isEmpty())
        problem = m_request.problem();
    if (!problem.isEmpty()) {
        // Still later, like every completion; dropped with the context if cancelled first.
        QTimer::singleShot(0, m_callContext, [this, problem] { finish(Outcome::Failed, problem); });
        return;
    }
    m_deadline.start(m_options.timeoutMs);
    create();
}

void SafetySnapshotJob::cancel()
{
    if (m_running) {
        finish(Outcome::Cancelled,
            tr("Cancelled. An instance snapshot already requested is still created by the "
               "service."));
    }
}

void SafetySnapshotJob::create()
{
    ++m_createAttempts;
    Q_EMIT progressed(0, tr("Requesting an instance snapshot of %1…").arg(m_instanceId));
    if (!m_running)
        return; // a receiver cancelled
    // The handler reads the RequestId from the call, which exists by the time it runs.
    auto call = std::make_shared<QPointer<ApiCall>>();
    *call = m_api->createSnapshotGroup(m_request, remedy::callContext(m_recorder, this),
        [self = QPointer<SafetySnapshotJob>(this), recorder = m_recorder, diskIds = m_diskIds,
            attempt = m_createAttempts, call](const Result<QString> &result) mutable {
            const ApiError &error = result.error();
            const QString requestId = *call ? (*call)->requestId() : error.requestId();
            if (result.ok()) {
                recorder.call(CreateAction, diskIds, requestId, JournalOutcome::Succeeded, {},
                    tr("Instance snapshot %1 requested.").arg(result.value()));
            } else if (error.leavesOutcomeUnknown()) {
                recorder.call(CreateAction, diskIds, requestId, JournalOutcome::Unknown, error,
                    tr("%1 (attempt %2 of %3)")
                        .arg(error.message(), QString::number(attempt),
                            QString::number(MaxCreateAttempts)));
            } else {
                recorder.call(CreateAction, diskIds, requestId, JournalOutcome::Failed, error);
            }
            if (self && self->m_running)
                self->createAnswered(result);
        });
}

void SafetySnapshotJob::createAnswered(const Result<QString> &result)
{
    if (result.ok()) {
        m_snapshotGroupId = result.value();
        qCInfo(lcEcsRollback).noquote()
            << "safety snapshot" << m_snapshotGroupId << "of" << m_instanceId << "requested";
        poll();
        return;
    }
    const ApiError &error = result.error();
    // Sending again is safe only because of the ClientToken: the service answers a create
    // it already has with the same group. A throttled one was not processed at all.
    const bool sendAgain = error.leavesOutcomeUnknown() || error.isThrottling();
    if (sendAgain && m_createAttempts < MaxCreateAttempts) {
        qCInfo(lcEcsRollback).noquote() << "CreateSnapshotGroup attempt" << m_createAttempts
                                        << "got no answer; sending again with the same token";
        QTimer::singleShot(m_options.intervalMs, m_callContext, [this] { create(); });
        return;
    }
    if (sendAgain) {
        finish(Outcome::Failed,
            tr("The instance snapshot request got no answer after %1 attempts (last: %2). It may "
               "or may not have been created; look for it under the client token %3. The "
               "rollback was not started.")
                .arg(QString::number(m_createAttempts), error.summary(), m_clientToken),
            error);
    } else if (error.code() == QLatin1String("IncorrectDiskStatus.CreatingSnapshot")) {
        finish(Outcome::Failed,
            tr("Another snapshot of a disk of %1 is still being created (%2), so no instance "
               "snapshot can be taken now. Wait until it has finished and try again; the "
               "rollback was not started.")
                .arg(m_instanceId, error.summary()),
            error);
    } else {
        finish(Outcome::Failed,
            tr("The service refused the instance snapshot: %1. The rollback was not started.")
                .arg(error.summary()),
            error);
    }
}

void SafetySnapshotJob::poll()
{
    if (!m_running)
        return;
    DescribeSnapshotGroupsRequest request;
    request.regionId = m_regionId;
    request.snapshotGroupIds = QStringList { m_snapshotGroupId };
    m_api->describeSnapshotGroups(request, m_callContext,
        [this](const Result<Page<SnapshotGroup>> &result) { pollAnswered(result); });
}

void SafetySnapshotJob::pollAnswered(const Result<Page<SnapshotGroup>> &result)
{
    if (!result.ok()) {
        m_error = result.error();
        if (++m_failedReadsInARow >= m_options.maxFailedReads) {
            finish(Outcome::Failed,
                tr("Could not read the progress of instance snapshot %1: %2. It may still be "
                   "being created; the rollback was not started.")
                    .arg(m_snapshotGroupId, result.error().summary()),
                result.error());
        } else {
            m_pollTimer.start(m_options.intervalMs);
        }
        return;
    }
    m_failedReadsInARow = 0;
    const SnapshotGroup *group = nullptr;
    for (const SnapshotGroup &candidate : result.value().items) {
        if (candidate.snapshotGroupId == m_snapshotGroupId)
            group = &candidate;
    }
    if (!group) {
        finish(Outcome::Failed,
            tr("Instance snapshot %1 disappeared before it was finished (deleted by someone "
               "else?). The rollback was not started.")
                .arg(m_snapshotGroupId));
        return;
    }
    if (group->status == SnapshotGroupStatusName::Failed) {
        finish(Outcome::Failed,
            tr("The service reports that instance snapshot %1 failed. The rollback was not "
               "started.")
                .arg(m_snapshotGroupId));
        return;
    }
    if (group->isAccomplished()) {
        Q_EMIT progressed(100, tr("Instance snapshot %1 is ready.").arg(m_snapshotGroupId));
        if (m_running)
            finish(
                Outcome::Accomplished, tr("Instance snapshot %1 is ready.").arg(m_snapshotGroupId));
        return;
    }
    int sum = 0;
    for (const SnapshotGroupMember &member : group->snapshots)
        sum += member.progress;
    const int percent
        = group->snapshots.isEmpty() ? 0 : static_cast<int>(sum / group->snapshots.size());
    Q_EMIT progressed(
        percent, tr("Creating instance snapshot %1: %2%").arg(m_snapshotGroupId).arg(percent));
    if (m_running)
        m_pollTimer.start(m_options.intervalMs);
}

void SafetySnapshotJob::finish(Outcome outcome, const QString &message, const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    m_pollTimer.stop();
    m_deadline.stop();
    // Drops the handlers of reads in flight (not the create's: it is journalled anyway).
    delete m_callContext;
    m_callContext = nullptr;
    m_outcome = outcome;
    m_message = message;
    if (error.isError())
        m_error = error;
    const QString journalOutcome = outcome == Outcome::Accomplished ? JournalOutcome::Succeeded
        : outcome == Outcome::Failed                                ? JournalOutcome::Failed
                                                                    : JournalOutcome::Cancelled;
    m_recorder.job(JobAction, m_diskIds, journalOutcome, message);
    qCInfo(lcEcsRollback).noquote()
        << "safety snapshot of" << m_instanceId << "ended:" << outcome << message;
    Q_EMIT finished(outcome);
}

} // namespace ecs
