#include "SnapshotGroupMember.h"

#include "Disk.h"

namespace ecs {

bool SnapshotGroupMember::isSystemDisk() const
{
    return sourceDiskType == DiskTypeName::System;
}

bool operator==(const SnapshotGroupMember &a, const SnapshotGroupMember &b)
{
    return a.snapshotId == b.snapshotId && a.sourceDiskId == b.sourceDiskId
        && a.sourceDiskType == b.sourceDiskType && a.progress == b.progress
        && a.available == b.available && a.instantAccess == b.instantAccess
        && a.instantAccessRetentionDays == b.instantAccessRetentionDays && a.tags == b.tags;
}

} // namespace ecs
