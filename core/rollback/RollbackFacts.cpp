#include "RollbackFacts.h"

namespace ecs {

const Disk *RollbackFacts::diskById(const QString &diskId) const
{
    if (diskId.isEmpty())
        return nullptr;
    for (const Disk &disk : disks) {
        if (disk.diskId == diskId)
            return &disk;
    }
    return nullptr;
}

const Snapshot *RollbackFacts::memberSnapshotById(const QString &snapshotId) const
{
    if (snapshotId.isEmpty())
        return nullptr;
    for (const Snapshot &snapshot : memberSnapshots) {
        if (snapshot.snapshotId == snapshotId)
            return &snapshot;
    }
    return nullptr;
}

QList<Disk> RollbackFacts::attachedDisks() const
{
    QList<Disk> attached;
    if (!instance)
        return attached;
    for (const Disk &disk : disks) {
        if (disk.isAttachedTo(instance->instanceId))
            attached.append(disk);
    }
    return attached;
}

const Disk *RollbackFacts::currentSystemDisk() const
{
    if (!instance)
        return nullptr;
    // An instance has one system disk; should the service ever list two, the first one is
    // as good a guess as any and the check then reports the other as not in the snapshot.
    for (const Disk &disk : disks) {
        if (disk.isSystemDisk() && disk.isAttachedTo(instance->instanceId))
            return &disk;
    }
    return nullptr;
}

ApiError RollbackFacts::firstError() const
{
    // In the order the reads depend on each other: without the group nothing else was
    // asked for, so its error is the one that explains the rest.
    for (const ApiError *error : { &groupError, &instanceError, &disksError, &memberSnapshotsError,
             &unfinishedSnapshotsError }) {
        if (error->isError())
            return *error;
    }
    return {};
}

} // namespace ecs
