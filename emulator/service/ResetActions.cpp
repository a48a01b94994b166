#include "EcsService.h"
#include "ParameterReader.h"
#include "ServiceErrors.h"
#include "api/responses/ResponseWriters.h"

#include <QSet>

// ResetDisks and ResetDisk: the rollback itself (REFERENCE §8, §9; ROLLBACK-SEMANTICS §2,
// §3). Every disk is checked before any is touched; the first problem fails the whole
// request. Accepted disks are ReIniting for ServiceTiming::resetMs, and only then carry the
// snapshot's content.

namespace ecs::emulator {

namespace {

// Local and ephemeral disks live on the host: no snapshot can be written back to them.
bool categoryCannotBeReset(const QString &category)
{
    return category.startsWith(QLatin1String("local_"))
        || category.startsWith(QLatin1String("ephemeral"))
        || category.startsWith(QLatin1String("elastic_ephemeral_disk"));
}

// A subscription past its ExpiredTime, or a financial operation lock (an unpaid bill).
bool expiredOrInArrears(const Instance &instance, const QDateTime &now)
{
    const bool expired = instance.instanceChargeType == ChargeTypeName::PrePaid
        && instance.expiredTime.isValid() && instance.expiredTime <= now;
    return expired || instance.lockReasons.contains(LockReasonName::Financial, Qt::CaseInsensitive);
}

} // namespace

// The order follows what the service must know first: the resources, then the instance,
// then the disk, then the snapshot's fit to the disk. Codes and statuses are those of
// ERROR-CODES.md; EcsService::handle() gives them the service's wording.
std::optional<ServiceError> EcsService::resetProblem(
    const QString &diskId, const QString &snapshotId, const QString &regionId) const
{
    using namespace serviceErrors;
    const auto disk = m_world.disks.constFind(diskId);
    if (disk == m_world.disks.constEnd()
        || (!regionId.isEmpty() && disk->disk.regionId != regionId))
        return diskNotFound(diskId);
    const auto snapshot = m_world.snapshots.constFind(snapshotId);
    if (snapshot == m_world.snapshots.constEnd() || snapshot->regionId != disk->disk.regionId)
        return snapshotNotFound(snapshotId);
    if (snapshot->snapshot.sourceDiskId != diskId) {
        return error(403, QStringLiteral("InvalidParameter.Mismatch"),
            QStringLiteral("The specified snapshot is not created from the specified disk."));
    }
    // A detached (Available) disk has no instance to check (ResetDisk accepts it).
    const auto instance = m_world.instances.constFind(disk->disk.instanceId);
    if (instance != m_world.instances.constEnd()) {
        if (instance->instance.isLockedForSecurity())
            return lockedForSecurity();
        if (expiredOrInArrears(instance->instance, QDateTime::currentDateTimeUtc())) {
            return error(403, QStringLiteral("InstanceExpiredOrInArrears"),
                QStringLiteral("The specified operation is denied as your prepay instance is "
                               "expired (prepay mode) or in arrears (afterpay mode)."));
        }
        if (!instance->instance.isStopped())
            return incorrectInstanceStatus();
    }
    if (categoryCannotBeReset(disk->disk.category)) {
        return error(400, QStringLiteral("DiskCategory.OperationNotSupported"),
            QStringLiteral("The operation is not supported to the specified disk due to its disk "
                           "category."));
    }
    if (disk->disk.multiAttach == QLatin1String("Enabled")) {
        return error(403, QStringLiteral("InvalidOperation.MultiAttachDisk"),
            QStringLiteral("Multi attach disk does not support this operation."));
    }
    if (disk->disk.isLockedForSecurity())
        return lockedForSecurity();
    if (disk->disk.status == DiskStatusName::ReIniting) {
        // Not in the metadata's lists; ROLLBACK-SEMANTICS §2 names it (docs/EMULATOR.md).
        return error(403, QStringLiteral("InvalidOperation.DiskResetInProgress"),
            QStringLiteral("The disk has an ongoing reset task."));
    }
    if (!disk->disk.isSettled()) {
        return error(403, QStringLiteral("IncorrectDiskStatus"),
            QStringLiteral("The current disk status does not support this operation."));
    }
    if (!snapshot->snapshot.isUsableForRollback()) {
        return error(403, QStringLiteral("InvalidSnapshotId.NotReady"),
            QStringLiteral("The specified snapshot has not completed yet."));
    }
    // An encrypted snapshot goes only onto a disk encrypted with the same key.
    const Snapshot &source = snapshot->snapshot;
    if (source.encrypted && (!disk->disk.encrypted || source.kmsKeyId != disk->disk.kmsKeyId)) {
        return error(403, QStringLiteral("InvalidParameter.Mismatch"),
            QStringLiteral("The specified snapshot is not created from the specified disk."));
    }
    // The snapshot used does not count against its own disk (an instant-access snapshot
    // is used while it is still progressing): UNCONFIRMED, docs/EMULATOR.md.
    if (m_world.hasUnfinishedSnapshot(diskId, snapshotId)) {
        return error(403, QStringLiteral("IncorrectDiskStatus.HasUnfinishedSnapshot"),
            QStringLiteral("The current disk has unfinished snapshot."));
    }
    return std::nullopt;
}

void EcsService::beginReset(const QString &diskId, const QString &snapshotId)
{
    EmulatedDisk &record = m_world.disks[diskId];
    record.disk.status = DiskStatusName::ReIniting;
    // Captured now: deleting the snapshot during the rollback does not undo it.
    record.pendingContentMarker = m_world.snapshots.value(snapshotId).contentMarker;
    later(m_timing.resetMs, [this, diskId] { finishReset(diskId); });
}

void EcsService::finishReset(const QString &diskId)
{
    const auto found = m_world.disks.find(diskId);
    if (found == m_world.disks.end() || found->disk.status != DiskStatusName::ReIniting)
        return; // released meanwhile
    found->contentMarker = found->pendingContentMarker;
    found->pendingContentMarker.clear();
    found->disk.status
        = found->disk.instanceId.isEmpty() ? DiskStatusName::Available : DiskStatusName::InUse;
}

ActionResult EcsService::resetDisks(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    const QList<int> indexes = reader.objectIndexes(QStringLiteral("Disk"));
    QList<QPair<QString, QString>> pairs;
    QSet<QString> seen;
    for (int index : indexes) {
        const QString prefix = QStringLiteral("Disk.%1.").arg(index);
        const QString diskId = reader.required(prefix + QLatin1String("DiskId"));
        const QString snapshotId = reader.required(prefix + QLatin1String("SnapshotId"));
        if (seen.contains(diskId)) {
            reader.fail(serviceErrors::invalidParameter(prefix + QLatin1String("DiskId"),
                QStringLiteral("the disk %1 is named twice").arg(diskId)));
        }
        seen.insert(diskId);
        pairs.append({ diskId, snapshotId });
    }
    if (indexes.isEmpty())
        reader.fail(serviceErrors::missingParameter(QStringLiteral("Disk.1.DiskId")));
    if (indexes.size() > 10) {
        reader.fail(serviceErrors::invalidParameter(
            QStringLiteral("Disk.N"), QStringLiteral("at most 10 disks per request")));
    }
    const bool dryRun = reader.boolean(QStringLiteral("DryRun"));
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    for (const auto &pair : std::as_const(pairs)) {
        if (const auto problem = resetProblem(pair.first, pair.second, regionId))
            return serviceErrors::fail(*problem);
    }
    if (dryRun)
        return serviceErrors::fail(serviceErrors::dryRunPassed());

    // One OperationProgress per disk (ROLLBACK-SEMANTICS §3's suggestion).
    QList<OperationProgress> results;
    for (const auto &pair : std::as_const(pairs)) {
        beginReset(pair.first, pair.second);
        results.append(OperationProgress { OperationStatusName::Success, {}, {},
            { RelatedItem { RelatedItemName::SnapshotId, pair.second },
                RelatedItem { RelatedItemName::DiskId, pair.first } } });
    }
    changed();
    return ActionResult::success(operationProgressSetBody({}, results));
}

ActionResult EcsService::resetDisk(ParameterReader &reader)
{
    // No RegionId: the service finds the disk by its ID (REFERENCE §9).
    const QString diskId = reader.required(QStringLiteral("DiskId"));
    const QString snapshotId = reader.required(QStringLiteral("SnapshotId"));
    const bool dryRun = reader.boolean(QStringLiteral("DryRun"));
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    if (const auto problem = resetProblem(diskId, snapshotId, {}))
        return serviceErrors::fail(*problem);
    if (dryRun)
        return serviceErrors::fail(serviceErrors::dryRunPassed());
    beginReset(diskId, snapshotId);
    changed();
    return ActionResult::success(requestIdOnlyBody({}));
}

} // namespace ecs::emulator
