#include "RollbackJob.h"

#include "FactsGatherer.h"
#include "PreconditionCheck.h"
#include "RollbackCallSender.h"
#include "SafetySnapshotJob.h"
#include "StateWaiter.h"
#include "api/EcsApi.h"

#include <QMetaObject>

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

QString journalOutcome(RollbackJob::Outcome outcome)
{
    switch (outcome) {
    case RollbackJob::Outcome::Succeeded:
        return JournalOutcome::Succeeded;
    case RollbackJob::Outcome::RolledBackStartFailed:
    case RollbackJob::Outcome::Partial:
        return JournalOutcome::Partial;
    case RollbackJob::Outcome::Blocked:
        return JournalOutcome::Blocked;
    case RollbackJob::Outcome::Failed:
        return JournalOutcome::Failed;
    case RollbackJob::Outcome::Unknown:
        return JournalOutcome::Unknown;
    case RollbackJob::Outcome::Cancelled:
        return JournalOutcome::Cancelled;
    }
    return JournalOutcome::Unknown;
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
        if (diskState(diskId) != DiskState::RolledBack)
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
    m_recorder.job(jobAction, m_plan.diskIds, JournalOutcome::Started,
        tr("Safety snapshot: %1. Start afterwards: %2.")
            .arg(m_plan.safetySnapshot ? tr("yes") : tr("no"),
                m_plan.startAfterRollback ? tr("yes") : tr("no")));

    if (m_plan.target.instanceId.isEmpty() || m_plan.diskIds.isEmpty()) {
        const QString summary = m_plan.diskIds.isEmpty()
            ? tr("No disk was selected, so nothing was rolled back.")
            : tr("The instance of the instance snapshot is not known, so nothing was rolled "
                 "back.");
        QMetaObject::invokeMethod(
            this, [this, summary] { finish(Outcome::Failed, summary); }, Qt::QueuedConnection);
        return;
    }
    if (m_plan.safetySnapshot) {
        runCheck(Step::Check);
    } else {
        setStep(Step::Check, StepState::Skipped);
        setStep(Step::SafetySnapshot, StepState::Skipped);
        runCheck(Step::Recheck);
    }
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
    if (!m_report.allowsRollback()) {
        const QStringList blocking = titlesOf(m_report.blockingItems());
        setStep(step, StepState::Failed, blocking.join(QStringLiteral("; ")));
        finish(Outcome::Blocked,
            tr("Nothing was rolled back: %1.").arg(blocking.join(QStringLiteral("; "))));
        return;
    }
    const int warnings = int(m_report.warnings().size());
    setStep(step, StepState::Done,
        warnings == 0 ? tr("Every precondition holds")
                      : tr("Every precondition holds; %n warning(s)", nullptr, warnings));
    if (step == Step::Check)
        startSafetySnapshot();
    else
        runDryRun();
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
            runCheck(Step::Recheck);
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
        sendRollback();
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

void RollbackJob::onRollbackSent()
{
    const QStringList accepted = disksIn(DiskState::RollingBack);
    const ApiError error = m_sender->error();
    setStep(Step::Rollback, error.isError() ? StepState::Failed : StepState::Done,
        error.isError() ? error.summary()
                        : tr("Accepted for %n disk(s)", nullptr, int(accepted.size())));
    if (error.isError())
        m_error = error;
    if (accepted.isEmpty()) {
        setStep(Step::WaitForDisks, StepState::Skipped);
        conclude();
        return;
    }
    waitForDisks(accepted);
}

void RollbackJob::waitForDisks(const QStringList &diskIds)
{
    setStep(Step::WaitForDisks, StepState::Running,
        tr("Waiting until %n disk(s) are back", nullptr, int(diskIds.size())));
    m_waiter = new StateWaiter(m_api, m_plan.target.regionId, m_plan.waits, this);
    connect(m_waiter, &StateWaiter::progressed, this, [this](const QString &description) {
        setStep(Step::WaitForDisks, StepState::Running, description);
        Q_EMIT progressed(description);
    });
    connect(m_waiter, &StateWaiter::finished, this, &RollbackJob::onDisksWaited);
    m_waiter->waitForDisksSettled(diskIds);
}

void RollbackJob::onDisksWaited()
{
    StateWaiter *waiter = m_waiter;
    waiter->deleteLater();
    QHash<QString, Disk> lastRead;
    for (const Disk &disk : waiter->lastDisks())
        lastRead.insert(disk.diskId, disk);

    for (const QString &diskId : disksIn(DiskState::RollingBack)) {
        const auto disk = lastRead.constFind(diskId);
        if (disk != lastRead.cend() && disk->isSettled())
            setDisk(diskId, DiskState::RolledBack, disk->status);
        else if (disk == lastRead.cend() && waiter->outcome() == StateWaiter::Outcome::Failed)
            setDisk(diskId, DiskState::Failed, tr("The disk no longer exists"));
        else
            setDisk(diskId, DiskState::Unknown,
                tr("Still being rolled back when the wait ended: %1").arg(waiter->message()));
    }
    const bool reached = waiter->outcome() == StateWaiter::Outcome::Reached;
    setStep(Step::WaitForDisks, reached ? StepState::Done : StepState::Failed,
        reached ? tr("Every disk is back") : waiter->message());
    conclude();
}

void RollbackJob::conclude()
{
    const QStringList rolledBack = disksIn(DiskState::RolledBack);
    if (rolledBack.size() == m_plan.diskIds.size()) {
        if (m_plan.startAfterRollback) {
            startInstance();
            return;
        }
        setStep(Step::StartInstance, StepState::Skipped);
        verify(Outcome::Succeeded, {});
        return;
    }
    // Not everything was rolled back: the instance stays stopped so that nobody boots a
    // half-restored system.
    setStep(Step::StartInstance, StepState::Skipped,
        m_plan.startAfterRollback ? tr("Not started: not every disk was rolled back") : QString());
    const bool unknown = !disksIn(DiskState::Unknown).isEmpty();
    if (unknown)
        verify(Outcome::Unknown, {}, m_error);
    else if (rolledBack.isEmpty())
        verify(Outcome::Failed, {}, m_error);
    else
        verify(Outcome::Partial, {}, m_error);
}

void RollbackJob::startInstance()
{
    setStep(Step::StartInstance, StepState::Running, tr("Starting the instance"));
    StartInstanceRequest request;
    request.regionId = m_plan.target.regionId;
    request.instanceId = m_plan.target.instanceId;
    const QStringList noDisks;
    m_api->startInstance(request, this, [this, noDisks](const Result<QString> &result) {
        if (result.ok()) {
            m_recorder.call(QStringLiteral("StartInstance"), noDisks, result.value(),
                JournalOutcome::Succeeded);
            waitForRunning();
            return;
        }
        const ApiError error = result.error();
        if (error.leavesOutcomeUnknown()) {
            // Not sent again: the state shows whether it arrived.
            m_recorder.call(QStringLiteral("StartInstance"), noDisks, error.requestId(),
                JournalOutcome::Unknown, error);
            waitForRunning();
            return;
        }
        m_recorder.call(QStringLiteral("StartInstance"), noDisks, error.requestId(),
            JournalOutcome::Failed, error);
        setStep(Step::StartInstance, StepState::Failed, error.summary());
        verify(Outcome::RolledBackStartFailed, error.summary(), error);
    });
}

void RollbackJob::waitForRunning()
{
    m_waiter = new StateWaiter(m_api, m_plan.target.regionId, m_plan.waits, this);
    connect(m_waiter, &StateWaiter::progressed, this, [this](const QString &description) {
        setStep(Step::StartInstance, StepState::Running, description);
        Q_EMIT progressed(description);
    });
    connect(m_waiter, &StateWaiter::finished, this, [this](StateWaiter::Outcome outcome) {
        StateWaiter *waiter = m_waiter;
        waiter->deleteLater();
        if (outcome == StateWaiter::Outcome::Reached) {
            setStep(Step::StartInstance, StepState::Done, tr("Running"));
            verify(Outcome::Succeeded, {});
            return;
        }
        setStep(Step::StartInstance, StepState::Failed, waiter->message());
        verify(Outcome::RolledBackStartFailed, waiter->message(), waiter->error());
    });
    m_waiter->waitForInstance(m_plan.target.instanceId, InstanceStatusName::Running);
}

void RollbackJob::verify(Outcome outcome, const QString &detail, const ApiError &error)
{
    setStep(Step::Verify, StepState::Running, tr("Reading the instance and its disks"));
    // The final state is read again rather than assumed, so the result shows what the
    // service says now.
    auto pending = std::make_shared<int>(2);
    auto notes = std::make_shared<QStringList>();
    auto done = [this, outcome, detail, error, pending, notes] {
        if (--*pending > 0)
            return;
        setStep(Step::Verify, notes->isEmpty() ? StepState::Done : StepState::Failed,
            notes->join(QLatin1Char(' ')));
        QString summary = outcomeSummary(outcome, detail);
        if (!notes->isEmpty())
            summary += QLatin1Char(' ') + notes->join(QLatin1Char(' '));
        finish(outcome, summary, error);
    };

    DescribeInstancesRequest instances;
    instances.regionId = m_plan.target.regionId;
    instances.instanceIds = QStringList { m_plan.target.instanceId };
    m_api->describeInstances(
        instances, this, [this, done, notes](const Result<Page<Instance>> &result) {
            if (!result.ok())
                notes->append(tr("The instance's final state could not be read: %1.")
                                  .arg(result.error().summary()));
            else if (result.value().items.isEmpty())
                notes->append(tr("The instance is no longer listed."));
            else
                m_finalInstance = result.value().items.constFirst();
            done();
        });

    DescribeDisksRequest disks;
    disks.regionId = m_plan.target.regionId;
    disks.diskIds = m_plan.diskIds;
    m_api->describeDisks(disks, this, [this, done, notes](const Result<Page<Disk>> &result) {
        if (!result.ok()) {
            notes->append(
                tr("The disks' final state could not be read: %1.").arg(result.error().summary()));
        } else {
            for (const Disk &disk : result.value().items) {
                if (diskState(disk.diskId) == DiskState::RolledBack
                    && !disk.isAttachedTo(m_plan.target.instanceId))
                    notes->append(tr("Disk %1 is no longer attached to %2.")
                                      .arg(disk.diskId, m_plan.target.instanceId));
            }
        }
        done();
    });
}

void RollbackJob::setStep(Step step, StepState state, const QString &detail)
{
    m_step = step;
    m_stepStates.insert(step, state);
    Q_EMIT stepChanged(step, state, detail);
}

void RollbackJob::setDisk(const QString &diskId, DiskState state, const QString &detail)
{
    m_diskStates.insert(diskId, state);
    m_diskMessages.insert(diskId, detail);
    Q_EMIT diskChanged(diskId, state, detail);
}

void RollbackJob::finish(Outcome outcome, const QString &summary, const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    for (const QString &diskId : disksIn(DiskState::Waiting))
        setDisk(diskId, DiskState::NotSent);
    m_outcome = outcome;
    m_summary = summary;
    if (error.isError())
        m_error = error;
    m_recorder.job(jobAction, m_plan.diskIds, journalOutcome(outcome), summary);
    Q_EMIT finished(outcome);
}

} // namespace ecs
