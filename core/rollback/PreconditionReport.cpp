#include "PreconditionReport.h"

#include <algorithm>

namespace ecs {

namespace {

// A per-disk item only matters for the rollback if its disk is one of those rolled back:
// the dialog shows why an unselected disk cannot be rolled back without that blocking
// the others. A disk the user asked for by name that the instance snapshot does not hold
// (DiskSelection, per disk) is never in the selection, and always stops it.
bool stopsRollback(const PreconditionItem &item, const QStringList &selected)
{
    if (!item.blocks())
        return false;
    return item.diskId.isEmpty() || selected.contains(item.diskId)
        || item.kind == PreconditionKind::DiskSelection;
}

} // namespace

bool PreconditionReport::allowsRollback() const
{
    return !selectedDiskIds().isEmpty() && blockingItems().isEmpty();
}

bool PreconditionReport::couldNotCheck() const
{
    const QList<PreconditionItem> blocking = blockingItems();
    return !blocking.isEmpty()
        && std::all_of(blocking.cbegin(), blocking.cend(), [](const PreconditionItem &item) {
               return item.outcome == PreconditionOutcome::Unknown;
           });
}

QList<PreconditionItem> PreconditionReport::blockingItems() const
{
    const QStringList selected = selectedDiskIds();
    QList<PreconditionItem> blocking;
    for (const PreconditionItem &item : items) {
        if (stopsRollback(item, selected))
            blocking.append(item);
    }
    return blocking;
}

QList<PreconditionItem> PreconditionReport::warnings() const
{
    QList<PreconditionItem> result;
    for (const PreconditionItem &item : items) {
        if (item.outcome == PreconditionOutcome::Warning)
            result.append(item);
    }
    return result;
}

QList<PreconditionItem> PreconditionReport::itemsForDisk(const QString &diskId) const
{
    QList<PreconditionItem> result;
    if (diskId.isEmpty())
        return result;
    for (const PreconditionItem &item : items) {
        if (item.diskId == diskId)
            result.append(item);
    }
    return result;
}

const PreconditionItem *PreconditionReport::find(PreconditionKind kind, const QString &diskId) const
{
    for (const PreconditionItem &item : items) {
        if (item.kind == kind && (diskId.isEmpty() || item.diskId == diskId))
            return &item;
    }
    return nullptr;
}

QStringList PreconditionReport::selectedDiskIds() const
{
    QStringList ids;
    for (const DiskEligibility &disk : disks) {
        if (disk.selected)
            ids.append(disk.diskId);
    }
    return ids;
}

QList<DiskSnapshotPair> PreconditionReport::rollbackPairs() const
{
    QList<DiskSnapshotPair> pairs;
    for (const DiskEligibility &disk : disks) {
        if (disk.selected)
            pairs.append(DiskSnapshotPair { disk.diskId, disk.snapshotId });
    }
    return pairs;
}

QList<Remedy> PreconditionReport::remedies() const
{
    QList<Remedy> result;
    for (const PreconditionItem &item : blockingItems()) {
        if (item.remedy != Remedy::None && !result.contains(item.remedy))
            result.append(item.remedy);
    }
    return result;
}

} // namespace ecs
