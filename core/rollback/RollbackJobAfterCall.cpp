// RollbackJob after the irreversible call: waiting for the disks, starting the instance,
// reading the final state, and the outcome.
#include "RollbackCallSender.h"
#include "RollbackJob.h"
#include "StateWaiter.h"
#include "api/EcsApi.h"
#include "journal/OperationLock.h"

#include <QTimer>

#include <memory>

namespace ecs {

namespace {

const QString jobAction = QStringLiteral("Rollback");
const QString startAction = QStringLiteral("StartInstance");

QString journalOutcome(RollbackJob::Outcome outcome)
{
    switch (outcome) {
    case RollbackJob::Outcome::Succeeded:
        return JournalOutcome::Succeeded;
    case RollbackJob::Outcome::RolledBackStartFailed:
    case RollbackJob::Outcome::Partial:
    case RollbackJob::Outcome::RolledBackButChanged:
        return JournalOutcome::Partial;
    case RollbackJob::Outcome::Blocked:
        return JournalOutcome::Blocked;
    case RollbackJob::Outcome::Failed:
        return JournalOutcome::Failed;
    case RollbackJob::Outcome::Unknown:
        return JournalOutcome::Unknown;
    case RollbackJob::Outcome::Cancelled:
        return JournalOutcome::Cancelled;
    case RollbackJob::Outcome::Interrupted:
        return JournalOutcome::Interrupted;
    }
    return JournalOutcome::Unknown;
}

QString stepStateJournalOutcome(RollbackJob::StepState state)
{
    switch (state) {
    case RollbackJob::StepState::Running:
        return JournalOutcome::Started;
    case RollbackJob::StepState::Done:
        return JournalOutcome::Done;
    case RollbackJob::StepState::Skipped:
        return JournalOutcome::Skipped;
    case RollbackJob::StepState::Failed:
    case RollbackJob::StepState::Pending:
        break;
    }
    return JournalOutcome::Failed;
}

bool isRunningOrStarting(const QString &status)
{
    return status == InstanceStatusName::Running || status == InstanceStatusName::Starting;
}

} // namespace

void RollbackJob::onRollbackSent()
{
    const QStringList accepted = disksIn(DiskState::RollingBack);
    const ApiError error = m_sender->error();
    setStep(Step::Rollback, error.isError() ? StepState::Failed : StepState::Done,
        error.isError() ? error.summary()
                        : tr("Accepted for %n disk(s)", nullptr, int(accepted.size())));
    if (error.isError())
        m_error = error;
    if (m_interruptRequested) {
        finishInterrupted();
        return;
    }
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
    const bool diskGone = waiter->outcome() == StateWaiter::Outcome::Failed;

    for (const QString &diskId : disksIn(DiskState::RollingBack)) {
        const auto disk = lastRead.constFind(diskId);
        if (disk != lastRead.cend() && disk->isSettled()) {
            setDisk(diskId, DiskState::RolledBack, disk->status);
            noteDetached(*disk);
        } else if (disk == lastRead.cend() && diskGone) {
            if (!m_goneDisks.contains(diskId))
                m_goneDisks.append(diskId);
            setDisk(diskId, DiskState::Failed, tr("The disk no longer exists"));
        } else {
            // Accepted and not settled yet: the service goes on resetting it whether or not
            // this job watches, so it stays "rolling back", not "unknown".
            setDisk(diskId, DiskState::RollingBack,
                tr("Still being rolled back when the wait ended: %1").arg(waiter->message()));
        }
    }
    if (m_interruptRequested) {
        finishInterrupted();
        return;
    }
    const bool reached = waiter->outcome() == StateWaiter::Outcome::Reached;
    setStep(Step::WaitForDisks, reached ? StepState::Done : StepState::Failed,
        reached ? tr("Every disk is back") : waiter->message());
    conclude();
}

void RollbackJob::noteDetached(const Disk &disk)
{
    if (disk.isAttachedTo(m_plan.target.instanceId) || m_detachedDisks.contains(disk.diskId))
        return;
    m_detachedDisks.append(disk.diskId);
}

void RollbackJob::conclude()
{
    if (m_interruptRequested) {
        finishInterrupted();
        return;
    }
    const QStringList rolledBack = disksIn(DiskState::RolledBack);
    if (!m_detachedDisks.isEmpty()) {
        // Starting now would boot without a disk the user meant to restore with the others.
        setStep(Step::StartInstance, StepState::Skipped,
            m_plan.startAfterRollback ? tr("Not started: a disk was detached meanwhile")
                                      : QString());
        verify(Outcome::RolledBackButChanged, {}, m_error);
        return;
    }
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
    if (!disksIn(DiskState::Unknown).isEmpty())
        verify(Outcome::Unknown, {}, m_error);
    else if (!disksIn(DiskState::RollingBack).isEmpty())
        verify(Outcome::Interrupted, {}, m_error);
    else if (rolledBack.isEmpty())
        verify(Outcome::Failed, {}, m_error);
    else
        verify(Outcome::Partial, {}, m_error);
}

void RollbackJob::startInstance(int attempt)
{
    setStep(Step::StartInstance, StepState::Running, tr("Starting the instance"));
    if (m_startSentBefore) {
        // Resumed after a StartInstance was sent: read the instance before sending another.
        m_startSentBefore = false;
        onStartRefused({});
        return;
    }
    StartInstanceRequest request;
    request.regionId = m_plan.target.regionId;
    request.instanceId = m_plan.target.instanceId;
    m_recorder.intent(startAction, {});
    m_api->startInstance(request, this, [this, attempt](const Result<QString> &result) {
        const QStringList noDisks;
        if (result.ok()) {
            m_recorder.call(startAction, noDisks, result.value(), JournalOutcome::Succeeded);
            if (m_interruptRequested)
                finishInterrupted();
            else
                waitForRunning();
            return;
        }
        if (m_interruptRequested) {
            m_recorder.call(startAction, noDisks, result.error().requestId(),
                result.error().leavesOutcomeUnknown() ? JournalOutcome::Unknown
                                                      : JournalOutcome::Failed,
                result.error());
            finishInterrupted();
            return;
        }
        const ApiError error = result.error();
        if (error.isThrottling() && attempt < m_plan.maxThrottledAttempts) {
            // Refused before acting: sending it again is not a repeat.
            m_recorder.call(startAction, noDisks, error.requestId(), JournalOutcome::Failed, error,
                tr("Throttled; sent again in %1 s.").arg(m_plan.throttledPauseMs / 1000.0));
            setStep(Step::StartInstance, StepState::Running,
                tr("The service is throttling requests; trying again shortly."));
            QTimer::singleShot(
                m_plan.throttledPauseMs, this, [this, attempt] { startInstance(attempt + 1); });
            return;
        }
        if (error.leavesOutcomeUnknown()) {
            // Not sent again: the state shows whether it arrived.
            m_recorder.call(
                startAction, noDisks, error.requestId(), JournalOutcome::Unknown, error);
            waitForRunning();
            return;
        }
        m_recorder.call(startAction, noDisks, error.requestId(), JournalOutcome::Failed, error);
        onStartRefused(error);
    });
}

void RollbackJob::onStartRefused(const ApiError &error)
{
    // A refusal may only mean that someone else started the instance first: read it, so
    // the result says what is true rather than "did not start". Without an error (a
    // resumed job whose StartInstance was sent before), a Stopped instance is started.
    DescribeInstancesRequest request;
    request.regionId = m_plan.target.regionId;
    request.instanceIds = QStringList { m_plan.target.instanceId };
    m_api->describeInstances(request, this, [this, error](const Result<Page<Instance>> &result) {
        if (result.ok() && !result.value().items.isEmpty()
            && isRunningOrStarting(result.value().items.constFirst().status)) {
            if (error.isError())
                m_startNote = tr("Someone else started the instance before this job did.");
            waitForRunning();
            return;
        }
        if (!error.isError() && result.ok() && !result.value().items.isEmpty()
            && result.value().items.constFirst().status == InstanceStatusName::Stopped) {
            startInstance();
            return;
        }
        if (!error.isError()) {
            const ApiError unread = result.ok()
                ? ApiError::service(404, QStringLiteral("InvalidInstanceId.NotFound"),
                    tr("The instance is no longer listed."), {})
                : result.error();
            setStep(Step::StartInstance, StepState::Failed, unread.summary());
            verify(Outcome::RolledBackStartFailed, unread.summary(), unread);
            return;
        }
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
        if (m_interruptRequested && outcome != StateWaiter::Outcome::Reached) {
            finishInterrupted();
            return;
        }
        if (outcome == StateWaiter::Outcome::Reached) {
            setStep(Step::StartInstance, StepState::Done,
                m_startNote.isEmpty() ? tr("Running") : m_startNote);
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
        // A disk detached after the wait (while the instance was starting) changes the
        // outcome too: the user must not read "succeeded".
        const Outcome final = outcome == Outcome::Succeeded && !m_detachedDisks.isEmpty()
            ? Outcome::RolledBackButChanged
            : outcome;
        setStep(Step::Verify, notes->isEmpty() ? StepState::Done : StepState::Failed,
            notes->join(QLatin1Char(' ')));
        QString summary = outcomeSummary(final, detail);
        if (!notes->isEmpty())
            summary += QLatin1Char(' ') + notes->join(QLatin1Char(' '));
        finish(final, summary, error);
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
            done();
            return;
        }
        QStringList listed;
        for (const Disk &disk : result.value().items) {
            listed.append(disk.diskId);
            if (diskState(disk.diskId) == DiskState::RolledBack)
                noteDetached(disk);
        }
        for (const QString &diskId : qAsConst(m_plan.diskIds)) {
            if (!listed.contains(diskId) && !m_goneDisks.contains(diskId))
                m_goneDisks.append(diskId);
        }
        done();
    });
}

void RollbackJob::setStep(Step step, StepState state, const QString &detail)
{
    const StepState before = m_stepStates.value(step, StepState::Pending);
    m_step = step;
    m_stepStates.insert(step, state);
    // The write-ahead record of the job's progress: each step's start and end, not every
    // progress line of a running step.
    if (state != before && state != StepState::Pending)
        m_recorder.step(stepKey(step), stepStateJournalOutcome(state), detail);
    Q_EMIT stepChanged(step, state, detail);
}

void RollbackJob::finishInterrupted()
{
    setStep(m_step, StepState::Failed, tr("Interrupted"));
    finish(Outcome::Interrupted, outcomeSummary(Outcome::Interrupted, {}), m_error);
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
    m_lock.reset(); // after the outcome is written: then another process may look
    Q_EMIT finished(outcome);
}

} // namespace ecs
