#include "SnapshotGroup.h"

namespace ecs {

const SnapshotGroupMember *SnapshotGroup::memberForDisk(const QString &diskId) const
{
    if (diskId.isEmpty())
        return nullptr;
    for (const SnapshotGroupMember &member : snapshots) {
        if (member.sourceDiskId == diskId)
            return &member;
    }
    return nullptr;
}

QStringList SnapshotGroup::sourceDiskIds() const
{
    QStringList ids;
    ids.reserve(snapshots.size());
    for (const SnapshotGroupMember &member : snapshots)
        ids.append(member.sourceDiskId);
    return ids;
}

bool SnapshotGroup::isFullyUsable() const
{
    if (!isAccomplished() || snapshots.isEmpty())
        return false;
    for (const SnapshotGroupMember &member : snapshots) {
        if (!member.available)
            return false;
    }
    return true;
}

bool operator==(const SnapshotGroup &a, const SnapshotGroup &b)
{
    return a.snapshotGroupId == b.snapshotGroupId && a.name == b.name
        && a.description == b.description && a.instanceId == b.instanceId && a.status == b.status
        && a.progressStatus == b.progressStatus && a.creationTime == b.creationTime
        && a.resourceGroupId == b.resourceGroupId && a.tags == b.tags && a.snapshots == b.snapshots;
}

} // namespace ecs
