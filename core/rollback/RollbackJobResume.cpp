// RollbackJob taking up an operation the journal shows unfinished (RollbackRecord): the
// recovery after a quit, a crash or a power cut. It reads the service state and finishes
// the steps after the irreversible call; it never sends that call.
#include "RollbackJob.h"
#include "RollbackRecord.h"
#include "StateWaiter.h"
#include "api/EcsApi.h"
#include "journal/Journal.h"
#include "journal/OperationLock.h"

#include <QMetaObject>

namespace ecs {

namespace {

const QString jobAction = QStringLiteral("Rollback");

} // namespace

RollbackJob::RollbackJob(
    EcsApi *api, const RollbackRecord &record, Journal *journal, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_plan(record.plan)
    , m_recorder(OperationRecorder::resuming(journal, record.operationId, m_plan.profileName,
          m_plan.target.regionId, m_plan.target.instanceId, m_plan.target.snapshotGroupId))
    , m_record(std::make_shared<const RollbackRecord>(record))
{
    for (const QString &diskId : qAsConst(m_plan.diskIds))
        m_diskStates.insert(diskId, DiskState::Waiting);
}

QString RollbackJob::closeSandboxOperation(Journal *journal, const RollbackRecord &record)
{
    OperationLock lock(journal ? journal->filePath() : QString(), record.operationId);
    if (!lock.tryLock()) {
        return tr("Operation %1 is being carried on by %2; nothing was done here.")
            .arg(record.operationId,
                OperationLock::holder(journal->filePath(), record.operationId)
                    .value_or(tr("another process")));
    }
    OperationRecorder recorder = OperationRecorder::resuming(journal, record.operationId,
        record.plan.profileName, record.plan.target.regionId, record.plan.target.instanceId,
        record.plan.target.snapshotGroupId);
    const QString summary = tr("Operation %1 ran on the sandbox, whose simulated state ended "
                               "with the process that ran it: closed without an outcome.")
                                .arg(record.operationId);
    recorder.job(jobAction, record.plan.diskIds, JournalOutcome::Unknown, summary);
    return summary;
}

void RollbackJob::resume()
{
    if (m_running || !m_record)
        return;
    m_running = true;
    m_resumed = true;
    m_lock = std::make_unique<OperationLock>(journalPath(), operationId());
    if (!m_lock->tryLock()) {
        // Another console or ecs-rollback-cli is carrying it: its outcome is its own to
        // write, so nothing goes to the journal from here.
        const QString holder
            = OperationLock::holder(journalPath(), operationId()).value_or(tr("another process"));
        m_lock.reset();
        m_running = false;
        m_outcome = Outcome::Interrupted;
        m_summary = tr("Operation %1 is being carried on by %2; nothing was done here. Its "
                       "outcome will be in the journal when it ends.")
                        .arg(operationId(), holder);
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT finished(m_outcome); }, Qt::QueuedConnection);
        return;
    }
    const RollbackRecord &record = *m_record;
    m_safetySnapshotGroupId = record.safetySnapshotGroupId;
    const QString at = record.lastStep.isEmpty() ? tr("its start") : record.lastStep;
    m_recorder.job(jobAction, m_plan.diskIds, JournalOutcome::Resumed,
        tr("Taken up again after an interruption at %1.").arg(at));

    if (!record.rollbackSent()) {
        // The user confirmed a rollback of the state as it was then; doing it now would
        // skip the confirmation. Close it, truthfully.
        QString summary = tr("The operation was interrupted before the rollback call (at "
                             "%1), so nothing was rolled back. Start a new rollback to do it.")
                              .arg(at);
        if (!m_safetySnapshotGroupId.isEmpty())
            summary += QLatin1Char(' ')
                + tr("The safety instance snapshot %1 was kept.").arg(m_safetySnapshotGroupId);
        QMetaObject::invokeMethod(
            this, [this, summary] { finish(Outcome::Cancelled, summary); }, Qt::QueuedConnection);
        return;
    }
    resumeAfterCall(record);
}

void RollbackJob::resumeAfterCall(const RollbackRecord &record)
{
    m_irreversibleSent = true;
    m_startSentBefore = record.startSent;
    // The steps up to the call ran before the interruption; they are shown, not re-run.
    for (Step step :
        { Step::Check, Step::SafetySnapshot, Step::DryRun, Step::Recheck, Step::Rollback }) {
        const StepState state = step == Step::SafetySnapshot && !m_plan.safetySnapshot
            ? StepState::Skipped
            : StepState::Done;
        m_stepStates.insert(step, state);
        Q_EMIT stepChanged(step, state, tr("Before the interruption"));
    }
    for (const QString &diskId : qAsConst(m_plan.diskIds)) {
        switch (record.calls.value(diskId, RollbackRecord::CallState::NotSent)) {
        case RollbackRecord::CallState::Accepted:
            setDisk(diskId, DiskState::RollingBack, tr("Accepted before the interruption"));
            break;
        case RollbackRecord::CallState::Refused:
            setDisk(diskId, DiskState::Failed, tr("Refused before the interruption"));
            break;
        case RollbackRecord::CallState::NotSent:
            setDisk(diskId, DiskState::NotSent, tr("Not sent before the interruption"));
            break;
        case RollbackRecord::CallState::Unanswered:
            setDisk(diskId, DiskState::Unknown,
                tr("Sent just before the interruption; its answer was not recorded"));
            break;
        }
    }
    const QStringList unanswered = disksIn(DiskState::Unknown);
    if (unanswered.isEmpty())
        QMetaObject::invokeMethod(
            this, [this] { continueAfterResolution(); }, Qt::QueuedConnection);
    else
        resolveUnanswered(unanswered);
}

void RollbackJob::resolveUnanswered(const QStringList &diskIds)
{
    setStep(Step::WaitForDisks, StepState::Running,
        tr("Reading the disks whose rollback call got no recorded answer"));
    DescribeDisksRequest request;
    request.regionId = m_plan.target.regionId;
    request.diskIds = diskIds;
    m_api->describeDisks(request, this, [this, diskIds](const Result<Page<Disk>> &result) {
        if (!result.ok()) {
            m_error = result.error();
            setStep(Step::WaitForDisks, StepState::Failed, result.error().summary());
            finish(Outcome::Interrupted,
                tr("The disks could not be read to finish the interrupted rollback: %1. "
                   "Nothing was sent. Resume it again when the service can be reached.")
                    .arg(result.error().summary()),
                result.error());
            return;
        }
        QHash<QString, Disk> read;
        for (const Disk &disk : result.value().items)
            read.insert(disk.diskId, disk);
        for (const QString &diskId : diskIds) {
            const auto disk = read.constFind(diskId);
            if (disk == read.cend()) {
                m_goneDisks.append(diskId);
                setDisk(diskId, DiskState::Failed, tr("The disk no longer exists"));
            } else if (!disk->isSettled()) {
                // Only a reset the service accepted takes a disk out of In_use while the
                // instance is stopped: the call arrived.
                setDisk(diskId, DiskState::RollingBack, tr("The service is resetting it"));
            } else {
                setDisk(diskId, DiskState::Unknown,
                    tr("The call was on its way when the app stopped, and the disk shows no "
                       "sign of it (%1). It was not sent again.")
                        .arg(disk->status));
            }
        }
        continueAfterResolution();
    });
}

void RollbackJob::continueAfterResolution()
{
    const QStringList resetting = disksIn(DiskState::RollingBack);
    if (resetting.isEmpty()) {
        setStep(Step::WaitForDisks, StepState::Skipped);
        conclude();
        return;
    }
    waitForDisks(resetting);
}

} // namespace ecs
