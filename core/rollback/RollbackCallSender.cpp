#include "RollbackCallSender.h"

#include "api/ApiCall.h"
#include "api/EcsApi.h"
#include "model/OperationProgress.h"

#include <QPointer>

#include <memory>

namespace ecs {

namespace {

const QString resetDisksAction = QStringLiteral("ResetDisks");
const QString resetDiskAction = QStringLiteral("ResetDisk");

} // namespace

RollbackCallSender::RollbackCallSender(EcsApi *api, QString regionId, QList<DiskSnapshotPair> pairs,
    const RollbackPlan &plan, OperationRecorder *recorder, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_regionId(std::move(regionId))
    , m_pairs(std::move(pairs))
    , m_plan(plan)
    , m_recorder(recorder)
{
    for (const DiskSnapshotPair &pair : qAsConst(m_pairs))
        m_states.insert(pair.diskId, RollbackDiskState::Waiting);
    m_watchTimer.setSingleShot(true);
    connect(&m_watchTimer, &QTimer::timeout, this, &RollbackCallSender::readDuringWatch);
}

RollbackDiskState RollbackCallSender::state(const QString &diskId) const
{
    return m_states.value(diskId, RollbackDiskState::NotSent);
}

QList<QList<DiskSnapshotPair>> RollbackCallSender::batches() const
{
    const int size = m_perDisk ? 1 : ResetDisksRequest::MaxDisksPerCall;
    QList<QList<DiskSnapshotPair>> result;
    for (int i = 0; i < m_pairs.size(); i += size)
        result.append(m_pairs.mid(i, size));
    return result;
}

QString RollbackCallSender::actionName() const
{
    return m_perDisk ? resetDiskAction : resetDisksAction;
}

bool RollbackCallSender::isUnsupportedAction(const ApiError &error)
{
    // The gateway's answer to an action it does not know, and the codes the API uses for
    // an operation it does not allow for this account or resource type.
    static const QStringList codes { QStringLiteral("InvalidApi.NotFound"),
        QStringLiteral("InvalidAction"), QStringLiteral("InvalidAction.NotFound"),
        QStringLiteral("UnsupportedOperation"), QStringLiteral("OperationDenied.Deprecated") };
    return error.kind() == ApiError::Kind::Service && codes.contains(error.code());
}

bool RollbackCallSender::isResetInProgress(const ApiError &error)
{
    return error.kind() == ApiError::Kind::Service
        && error.code() == QLatin1String("InvalidOperation.DiskResetInProgress");
}

QStringList RollbackCallSender::diskIdsOf(const QList<DiskSnapshotPair> &batch)
{
    QStringList ids;
    for (const DiskSnapshotPair &pair : batch)
        ids.append(pair.diskId);
    return ids;
}

void RollbackCallSender::sendDryRun()
{
    m_queue = batches();
    sendNextDryRun();
}

void RollbackCallSender::sendNextDryRun()
{
    if (m_queue.isEmpty()) {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT dryRunFinished({}); }, Qt::QueuedConnection);
        return;
    }
    sendBatch(m_queue.takeFirst(), true, 1);
}

void RollbackCallSender::restrictTo(const QStringList &diskIds)
{
    Q_ASSERT(!m_sending);
    QList<DiskSnapshotPair> kept;
    for (const DiskSnapshotPair &pair : qAsConst(m_pairs)) {
        if (diskIds.contains(pair.diskId))
            kept.append(pair);
        else
            m_states.insert(pair.diskId, RollbackDiskState::NotSent);
    }
    m_pairs = kept;
}

void RollbackCallSender::interrupt()
{
    m_interrupted = true;
    if (!m_watched.isEmpty() && m_watchTimer.isActive()) {
        m_watchTimer.stop();
        endWatch(false);
    }
}

void RollbackCallSender::send()
{
    Q_ASSERT(!m_sending);
    m_sending = true;
    m_queue = batches();
    sendNextBatch();
}

void RollbackCallSender::sendNextBatch()
{
    if (m_interrupted && !m_queue.isEmpty()) {
        markRestNotSent();
        return;
    }
    if (m_queue.isEmpty()) {
        m_sending = false;
        QMetaObject::invokeMethod(this, &RollbackCallSender::finished, Qt::QueuedConnection);
        return;
    }
    const QList<DiskSnapshotPair> batch = m_queue.takeFirst();
    for (const DiskSnapshotPair &pair : batch)
        setState(pair.diskId, RollbackDiskState::Sent);
    sendBatch(batch, false, 1);
}

void RollbackCallSender::sendBatch(const QList<DiskSnapshotPair> &batch, bool dryRun, int attempt)
{
    // Write-ahead: should the app stop before the answer, the journal shows the call may
    // have reached the service, so no later start sends it again.
    if (!dryRun)
        m_recorder->intent(actionName(), diskIdsOf(batch));
    auto answered = [this, batch, dryRun, attempt](const ApiError &error, const QString &requestId,
                        const QList<OperationProgress> &progress) {
        // ResetDisks may report a per-disk failure inside a successful answer.
        QStringList refused;
        QHash<QString, QString> itemErrors;
        for (const OperationProgress &item : progress) {
            if (item.isSuccess())
                continue;
            for (const QString &diskId : item.relatedValues(RelatedItemName::DiskId)) {
                refused.append(diskId);
                itemErrors.insert(diskId, item.errorCode + QStringLiteral(": ") + item.errorMsg);
            }
        }
        onAnswer(batch, dryRun, attempt, error, requestId, refused, itemErrors);
    };

    if (m_perDisk) {
        ResetDiskRequest request;
        request.regionId = m_regionId;
        request.diskId = batch.constFirst().diskId;
        request.snapshotId = batch.constFirst().snapshotId;
        request.dryRun = dryRun;
        m_api->resetDisk(request, this, [answered](const Result<QString> &result) {
            if (result.ok())
                answered({}, result.value(), {});
            else
                answered(result.error(), result.error().requestId(), {});
        });
    } else {
        ResetDisksRequest request;
        request.regionId = m_regionId;
        request.disks = batch;
        request.dryRun = dryRun;
        // The parsed answer holds the progress items only; the call knows the RequestId.
        auto call = std::make_shared<QPointer<ApiCall>>();
        *call = m_api->resetDisks(
            request, this, [answered, call](const Result<QList<OperationProgress>> &result) {
                const QString requestId = *call ? (*call)->requestId() : QString();
                if (result.ok())
                    answered({}, requestId, result.value());
                else
                    answered(result.error(), result.error().requestId(), {});
            });
    }
    if (!dryRun) {
        Q_EMIT progressed(
            tr("Sending %1 for %2").arg(actionName(), diskIdsOf(batch).join(QStringLiteral(", "))));
    }
}

void RollbackCallSender::onAnswer(const QList<DiskSnapshotPair> &batch, bool dryRun, int attempt,
    const ApiError &error, const QString &requestId, const QStringList &refusedByItem,
    const QHash<QString, QString> &itemErrors)
{
    const QStringList diskIds = diskIdsOf(batch);
    const QString action = actionName();
    const QString journalAction = dryRun ? action + QStringLiteral(" (DryRun)") : action;

    if (error.isThrottling() && attempt < m_plan.maxThrottledAttempts) {
        // Refused before the service acted: sending it again is not a repeat.
        m_recorder->call(journalAction, diskIds, requestId, JournalOutcome::Failed, error,
            tr("Throttled; sent again in %1 s.").arg(m_plan.throttledPauseMs / 1000.0));
        Q_EMIT progressed(tr("The service is throttling requests; trying again shortly."));
        QTimer::singleShot(m_plan.throttledPauseMs, this, [this, batch, dryRun, attempt] {
            if (m_interrupted && !dryRun) {
                // Refused, so not carried out: these disks were not sent after all.
                m_queue.prepend(batch);
                markRestNotSent();
                return;
            }
            sendBatch(batch, dryRun, attempt + 1);
        });
        return;
    }

    if (dryRun) {
        if (!error.isError()) {
            m_recorder->call(journalAction, diskIds, requestId, JournalOutcome::Passed);
            sendNextDryRun();
            return;
        }
        if (!m_perDisk && isUnsupportedAction(error)) {
            m_recorder->call(journalAction, diskIds, requestId, JournalOutcome::Failed, error,
                tr("ResetDisks is not offered; using ResetDisk for each disk."));
            m_perDisk = true;
            m_queue = batches();
            sendNextDryRun();
            return;
        }
        m_recorder->call(journalAction, diskIds, requestId, JournalOutcome::Failed, error);
        m_queue.clear();
        Q_EMIT dryRunFinished(error);
        return;
    }

    if (!error.isError()) {
        m_recorder->call(action, diskIds, requestId,
            refusedByItem.isEmpty() ? JournalOutcome::Succeeded : JournalOutcome::Partial);
        for (const QString &diskId : diskIds) {
            if (refusedByItem.contains(diskId))
                setState(diskId, RollbackDiskState::Failed, itemErrors.value(diskId));
            else
                setState(diskId, RollbackDiskState::RollingBack);
        }
        if (!refusedByItem.isEmpty()) {
            m_error = ApiError::service(200, QStringLiteral("OperationProgress"),
                itemErrors.value(refusedByItem.constFirst()), requestId);
            markRestNotSent();
            return;
        }
        sendNextBatch();
        return;
    }

    if (error.leavesOutcomeUnknown()) {
        m_error = error;
        m_recorder->call(action, diskIds, requestId, JournalOutcome::Unknown, error,
            tr("No answer: %1. Not sent again; the disks are read to see whether the "
               "service acted.")
                .arg(error.summary()));
        for (const QString &diskId : diskIds)
            setState(diskId, RollbackDiskState::Unknown, error.summary());
        watchAfterLostAnswer(batch,
            tr("No answer to the rollback request; reading the disks to find out whether it "
               "was carried out."));
        return;
    }

    if (attempt > 1 && isResetInProgress(error)) {
        // The earlier attempt was answered Throttling* but carried out all the same (or its
        // answer was a gateway's): the reset under way is this job's. Reading the disks
        // confirms it; the call is not sent again.
        m_error = error;
        m_recorder->call(action, diskIds, requestId, JournalOutcome::Unknown, error,
            tr("Refused as already in progress: an earlier attempt was carried out. Not "
               "sent again; the disks are read to confirm."));
        for (const QString &diskId : diskIds)
            setState(diskId, RollbackDiskState::Unknown, tr("already being reset"));
        watchAfterLostAnswer(batch,
            tr("The service says the disks are already being reset; reading them to "
               "confirm."));
        return;
    }

    // A refusal: nothing of this call was carried out (the service checks every disk
    // before acting). The calls after it are not sent, since the state changed under us.
    m_error = error;
    m_recorder->call(action, diskIds, requestId, JournalOutcome::Failed, error);
    const QString detail = isResetInProgress(error)
        ? tr("A reset of this disk was already under way, not started by this job")
        : error.summary();
    for (const QString &diskId : diskIds)
        setState(diskId, RollbackDiskState::Failed, detail);
    markRestNotSent();
}

void RollbackCallSender::watchAfterLostAnswer(
    const QList<DiskSnapshotPair> &batch, const QString &why)
{
    m_watched = batch;
    m_watchClock.start();
    Q_EMIT progressed(why);
    readDuringWatch();
}

void RollbackCallSender::readDuringWatch()
{
    DescribeDisksRequest request;
    request.regionId = m_regionId;
    request.diskIds = diskIdsOf(m_watched);
    m_api->describeDisks(request, this, [this](const Result<Page<Disk>> &result) {
        if (result.ok()) {
            for (const Disk &disk : result.value().items) {
                // Only a reset the service accepted takes a disk out of In_use while the
                // instance is stopped (ROLLBACK-SEMANTICS §3).
                if (!disk.isSettled()) {
                    endWatch(true);
                    return;
                }
            }
        }
        if (m_interrupted || m_watchClock.elapsed() >= m_plan.unknownOutcomeWatchMs) {
            endWatch(false);
            return;
        }
        m_watchTimer.start(m_plan.waits.intervalMs);
    });
}

void RollbackCallSender::endWatch(bool serviceActed)
{
    const QStringList diskIds = diskIdsOf(m_watched);
    m_watched.clear();
    if (serviceActed) {
        m_recorder->call(actionName(), diskIds, {}, JournalOutcome::Succeeded, {},
            tr("Resolved by reading the disks: the service is rolling them back."));
        for (const QString &diskId : diskIds)
            setState(diskId, RollbackDiskState::RollingBack, tr("confirmed by reading the disk"));
        m_error = {};
        sendNextBatch();
        return;
    }
    m_recorder->call(actionName(), diskIds, {}, JournalOutcome::Unknown, m_error,
        tr("The disks' state does not show whether the rollback was carried out."));
    markRestNotSent();
}

void RollbackCallSender::markRestNotSent()
{
    for (const QList<DiskSnapshotPair> &batch : qAsConst(m_queue)) {
        for (const DiskSnapshotPair &pair : batch)
            setState(pair.diskId, RollbackDiskState::NotSent);
    }
    m_queue.clear();
    m_sending = false;
    QMetaObject::invokeMethod(this, &RollbackCallSender::finished, Qt::QueuedConnection);
}

void RollbackCallSender::setState(
    const QString &diskId, RollbackDiskState state, const QString &detail)
{
    m_states.insert(diskId, state);
    Q_EMIT diskChanged(diskId, state, detail);
}

} // namespace ecs
