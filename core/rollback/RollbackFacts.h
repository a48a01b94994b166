#pragma once

#include "api/ApiError.h"
#include "model/Disk.h"
#include "model/Instance.h"
#include "model/Snapshot.h"
#include "model/SnapshotGroup.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace ecs {

// Everything the precondition check looks at, as the service described it at one moment
// (gathered by FactsGatherer). A read that failed leaves its part empty and its error in
// the matching `*Error`; the checks that needed it then come out Unknown, never Passed.
// What a partly failed read did list (a disk, a snapshot) is still used: only the absence
// of something is ambiguous after an error.
struct RollbackFacts
{
    QString regionId;
    QString snapshotGroupId;
    QDateTime gatheredAt; // UTC

    // The instance snapshot as DescribeSnapshotGroups shows it now; nullopt when the
    // service no longer lists it (deleted). A deleted member snapshot is simply missing
    // from group->snapshots.
    std::optional<SnapshotGroup> group;
    ApiError groupError;

    // The group's instance; nullopt when the service no longer lists it (released).
    std::optional<Instance> instance;
    ApiError instanceError;

    // The disks attached to the instance now (DescribeDisks InstanceId=…) together with
    // the group's source disks wherever they are now (DescribeDisks DiskIds=…), each once.
    // A source disk that is not here no longer exists.
    QList<Disk> disks;
    ApiError disksError;

    // The group's member snapshots as DescribeSnapshots shows them (SnapshotIds=…).
    QList<Snapshot> memberSnapshots;
    ApiError memberSnapshotsError;

    // Snapshots still being created of the instance's disks (DescribeSnapshots
    // InstanceId=…, Status=progressing): a rollback would fail with
    // IncorrectDiskStatus.HasUnfinishedSnapshot. A member of the group is listed here too
    // but not counted against its own disk (SnapshotReady judges it).
    QList<Snapshot> unfinishedSnapshots;
    ApiError unfinishedSnapshotsError;

    const Disk *diskById(const QString &diskId) const;
    const Snapshot *memberSnapshotById(const QString &snapshotId) const;
    // The disks attached to `instance` now (empty without an instance).
    QList<Disk> attachedDisks() const;
    // The instance's current system disk, or nullptr.
    const Disk *currentSystemDisk() const;
    // The first error of any read, or none, in the order group, instance, disks, member
    // snapshots, unfinished snapshots (a missing group explains the rest).
    ApiError firstError() const;
};

} // namespace ecs
