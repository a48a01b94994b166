#include "RollbackJob.h"

#include "FactsGatherer.h"
#include "PreconditionCheck.h"
#include "RollbackCallSender.h"
#include "RollbackRecord.h"
#include "SafetySnapshotJob.h"
#include "StateWaiter.h"
#include "api/EcsApi.h"
#include "journal/Journal.h"
#include "journal/OperationLock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

#include <algorithm>

namespace ecs {

namespace {

const QString jobAction = QStringLiteral("Rollback");

QStringList titlesOf(const QList<PreconditionItem> &items)
{
    QStringList titles;
    for (const PreconditionItem &item : items) {
        titles.append(item.diskId.isEmpty()
                ? item.title
                : RollbackJob::tr("%1 (%2)").arg(item.title, item.diskId));
    }
    return titles;
}

} // namespace

RollbackJob::RollbackJob(EcsApi *api, RollbackPlan plan, Journal *journal, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_plan(std::move(plan))
    , m_recorder(journal, m_plan.profileName, m_plan.target.regionId, m_plan.target.instanceId,
          m_plan.target.snapshotGroupId)
{
    for (const QString &diskId : qAsConst(m_plan.diskIds))
        m_diskStates.insert(diskId, DiskState::Waiting);
}

RollbackJob::~RollbackJob() = default;

QString RollbackJob::journalPath() const
{
    const Journal *journal = m_recorder.journal();
    return journal ? journal->filePath() : QString();
}

RollbackJob::DiskState RollbackJob::diskState(const QString &diskId) const
{
    return m_diskStates.value(diskId, DiskState::NotSent);
}

QStringList RollbackJob::disksIn(DiskState state) const
{
    QStringList ids;
    for (const QString &diskId : m_plan.diskIds) {
        if (diskState(diskId) == state)
            ids.append(diskId);
    }
    return ids;
}

bool RollbackJob::isCancellable() const
{
    return m_running && !m_irreversibleSent;
}

RollbackPlan RollbackJob::retryPlan() const
{
    RollbackPlan retry = m_plan;
    retry.diskIds.clear();
    for (const QString &diskId : m_plan.diskIds) {
        // Not a disk that is back, still being reset (resume that instead), or released.
        const DiskState state = diskState(diskId);
        if (state != DiskState::RolledBack && state != DiskState::RollingBack
            && !m_goneDisks.contains(diskId))
            retry.diskIds.append(diskId);
    }
    // The safety snapshot already taken covers these disks too.
    retry.safetySnapshot = m_plan.safetySnapshot && m_safetySnapshotGroupId.isEmpty();
    return retry;
}

void RollbackJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_lock = std::make_unique<OperationLock>(journalPath(), operationId());
    m_lock->tryLock(); // a new operation ID: nobody else can hold it
    // The plan goes into the start record so that a job interrupted by a crash can be
    // taken up again from the journal alone (RollbackRecord).
    const QJsonObject detail { { QStringLiteral("plan"), rollbackPlanToJson(m_plan) } };
    m_recorder.job(jobAction, m_plan.diskIds, JournalOutcome::Started,
        tr("Safety snapshot: %1. Start afterwards: %2.")
            .arg(m_plan.safetySnapshot ? tr("yes") : tr("no"),
                m_plan.startAfterRollback ? tr("yes") : tr("no")),
        QString::fromUtf8(QJsonDocument(detail).toJson(QJsonDocument::Compact)));

    if (m_plan.target.instanceId.isEmpty() || m_plan.diskIds.isEmpty()) {
        const QString summary = m_plan.diskIds.isEmpty()
            ? tr("No disk was selected, so nothing was rolled back.")
            : tr("The instance of the instance snapshot is not known, so nothing was rolled "
                 "back.");
        QMetaObject::invokeMethod(
            this, [this, summary] { finish(Outcome::Failed, summary); }, Qt::QueuedConnection);
        return;
    }
    runCheck(Step::Check);
}

void RollbackJob::interrupt()
{
    if (!m_running || m_interruptRequested)
        return;
    if (!m_irreversibleSent) {
        cancel();
        return;
    }
    m_interruptRequested = true;
    // Waiting is only watching: it stops now. A call in flight keeps its answer coming;
    // the step that receives it ends the job (see finishInterrupted()).
    if (m_sender)
        m_sender->interrupt();
    if (m_waiter && m_waiter->isRunning())
        m_waiter->cancel();
}

bool RollbackJob::cancel()
{
    if (!m_running)
        return true;
    if (m_irreversibleSent)
        return false;
    // Children die with their handlers: no answer reaches this job any more. A dry run in
    // flight changes nothing; a safety snapshot already requested is kept by the service.
    delete m_gatherer;
    delete m_safetySnapshot;
    delete m_sender;
    delete m_waiter;
    setStep(m_step, StepState::Failed, tr("Cancelled"));
    QString summary = tr("Cancelled before anything was rolled back.");
    if (!m_safetySnapshotGroupId.isEmpty())
        summary += QLatin1Char(' ')
            + tr("The safety instance snapshot %1 was kept.").arg(m_safetySnapshotGroupId);
    finish(Outcome::Cancelled, summary);
    return true;
}

void RollbackJob::runCheck(Step step)
{
    setStep(step, StepState::Running, tr("Reading the instance, its disks and snapshots"));
    m_gatherer = new FactsGatherer(m_api, m_plan.target, this);
    connect(m_gatherer, &FactsGatherer::finished, this, [this, step](const RollbackFacts &facts) {
        m_gatherer->deleteLater();
        onFacts(step, facts);
    });
    m_gatherer->start();
}

void RollbackJob::onFacts(Step step, const RollbackFacts &facts)
{
    m_report = checkPreconditions(facts, m_plan.diskIds);
    m_recorder.check(m_report);
    for (const PreconditionItem &item : qAsConst(m_report.items)) {
        if (item.kind == PreconditionKind::DiskExists && item.outcome == PreconditionOutcome::Failed
            && !m_goneDisks.contains(item.diskId))
            m_goneDisks.append(item.diskId);
    }
    if (step == Step::Recheck)
        onRecheck();
    else
        onFirstCheck();
}

void RollbackJob::onFirstCheck()
{
    if (!m_report.allowsRollback()) {
        stopForReport(Step::Check, tr("Nothing was rolled back: %1."));
        return;
    }
    const int warnings = int(m_report.warnings().size());
    setStep(Step::Check, StepState::Done,
        warnings == 0 ? tr("Every precondition holds")
                      : tr("Every precondition holds; %n warning(s)", nullptr, warnings));
    if (m_plan.safetySnapshot) {
        startSafetySnapshot();
    } else {
        setStep(Step::SafetySnapshot, StepState::Skipped);
        runDryRun();
    }
}

void RollbackJob::onRecheck()
{
    const QList<PreconditionItem> blocking = m_report.blockingItems();
    if (blocking.isEmpty()) {
        setStep(Step::Recheck, StepState::Done, tr("Nothing changed"));
        sendRollback();
        return;
    }
    // What changed since the first check. An instance-wide change (or a failed read, which
    // hides what changed) stops the whole job whatever the plan says.
    QStringList changedDisks;
    bool instanceWide = false;
    for (const PreconditionItem &item : blocking) {
        if (item.diskId.isEmpty() || item.outcome == PreconditionOutcome::Unknown)
            instanceWide = true;
        else if (!changedDisks.contains(item.diskId))
            changedDisks.append(item.diskId);
    }
    QStringList unchanged;
    for (const QString &diskId : qAsConst(m_plan.diskIds)) {
        if (!changedDisks.contains(diskId))
            unchanged.append(diskId);
    }
    if (instanceWide || unchanged.isEmpty()
        || m_plan.onChangeBeforeCall != RollbackPlan::ChangePolicy::SkipChangedDisks) {
        stopForReport(Step::Recheck,
            tr("The state changed after the first check, so nothing was rolled back: %1."));
        return;
    }
    for (const QString &diskId : qAsConst(changedDisks)) {
        QStringList reasons;
        for (const PreconditionItem &item : m_report.itemsForDisk(diskId)) {
            if (item.outcome == PreconditionOutcome::Failed)
                reasons.append(item.title);
        }
        setDisk(diskId, DiskState::NotSent,
            tr("Left out: changed since the first check (%1)")
                .arg(reasons.join(QStringLiteral("; "))));
    }
    m_sender->restrictTo(unchanged);
    setStep(Step::Recheck, StepState::Done,
        tr("Changed since the first check and left out: %1")
            .arg(changedDisks.join(QStringLiteral(", "))));
    sendRollback();
}

void RollbackJob::stopForReport(Step step, const QString &intro)
{
    const QList<PreconditionItem> blocking = m_report.blockingItems();
    const QString titles = titlesOf(blocking).join(QStringLiteral("; "));
    setStep(step, StepState::Failed, titles);
    const bool onlyUnread = std::all_of(blocking.cbegin(), blocking.cend(),
        [](const PreconditionItem &item) { return item.outcome == PreconditionOutcome::Unknown; });
    if (onlyUnread && !blocking.isEmpty()) {
        // A read that failed is not a precondition that failed: say so, and call it an
        // error (the state is unknown), not a block.
        finish(Outcome::Failed,
            tr("The preconditions could not be checked, so nothing was rolled back: %1. "
               "Try again when the service can be reached.")
                .arg(titles));
        return;
    }
    finish(Outcome::Blocked, intro.arg(titles));
}

void RollbackJob::startSafetySnapshot()
{
    setStep(Step::SafetySnapshot, StepState::Running,
        tr("Creating an instance snapshot of the current disks"));
    m_safetySnapshot = new SafetySnapshotJob(m_api, m_plan.target.regionId,
        m_plan.target.instanceId, m_plan.diskIds, m_plan.waits, m_recorder, this);
    connect(m_safetySnapshot, &SafetySnapshotJob::progressed, this,
        [this, lastPercent = -1](int percent, const QString &description) mutable {
            // The job polls; only a change is news.
            if (percent == lastPercent)
                return;
            lastPercent = percent;
            setStep(Step::SafetySnapshot, StepState::Running, tr("%1%").arg(percent));
            Q_EMIT progressed(description);
        });
    connect(m_safetySnapshot, &SafetySnapshotJob::finished, this,
        [this](SafetySnapshotJob::Outcome outcome) {
            SafetySnapshotJob *job = m_safetySnapshot;
            job->deleteLater();
            m_safetySnapshotGroupId = job->snapshotGroupId();
            if (outcome != SafetySnapshotJob::Outcome::Accomplished) {
                setStep(Step::SafetySnapshot, StepState::Failed, job->message());
                finish(Outcome::Failed,
                    tr("The safety instance snapshot could not be created, so nothing was "
                       "rolled back: %1")
                        .arg(job->message()),
                    job->error());
                return;
            }
            setStep(Step::SafetySnapshot, StepState::Done, m_safetySnapshotGroupId);
            runDryRun();
        });
    m_safetySnapshot->start();
}

void RollbackJob::runDryRun()
{
    setStep(Step::DryRun, StepState::Running, tr("Asking the service to validate the rollback"));
    m_sender = new RollbackCallSender(
        m_api, m_plan.target.regionId, m_report.rollbackPairs(), m_plan, &m_recorder, this);
    connect(m_sender, &RollbackCallSender::diskChanged, this,
        [this](const QString &diskId, RollbackDiskState state, const QString &detail) {
            setDisk(diskId, state, detail);
        });
    connect(m_sender, &RollbackCallSender::progressed, this, &RollbackJob::progressed);
    connect(m_sender, &RollbackCallSender::dryRunFinished, this, &RollbackJob::onDryRun);
    connect(m_sender, &RollbackCallSender::finished, this, &RollbackJob::onRollbackSent);
    m_sender->sendDryRun();
}

void RollbackJob::onDryRun(const ApiError &error)
{
    if (!error.isError()) {
        setStep(Step::DryRun, StepState::Done, tr("Passed"));
        // The last reads before the call: a change since the first check (another actor
        // detaching a disk, deleting a snapshot, starting the instance) stops it here.
        runCheck(Step::Recheck);
        return;
    }
    setStep(Step::DryRun, StepState::Failed, error.summary());
    // A dry run changes nothing, whatever happened to it.
    if (error.leavesOutcomeUnknown() || error.isThrottling())
        finish(Outcome::Failed,
            tr("The service could not be asked to validate the rollback, so nothing was "
               "rolled back: %1")
                .arg(error.summary()),
            error);
    else
        finish(Outcome::Blocked,
            tr("The service refused the rollback when asked to validate it, so nothing was "
               "rolled back: %1")
                .arg(error.summary()),
            error);
}

void RollbackJob::sendRollback()
{
    // The point of no return: from here on the job cannot be cancelled.
    m_irreversibleSent = true;
    setStep(Step::Rollback, StepState::Running,
        m_sender->usesPerDiskCalls() ? tr("ResetDisk for each disk") : tr("ResetDisks"));
    m_sender->send();
}

} // namespace ecs
