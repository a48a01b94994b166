#include "Snapshot.h"

namespace ecs {

bool operator==(const Snapshot &a, const Snapshot &b)
{
    return a.snapshotId == b.snapshotId && a.snapshotName == b.snapshotName
        && a.description == b.description && a.status == b.status && a.progress == b.progress
        && a.remainTime == b.remainTime && a.available == b.available
        && a.sourceDiskId == b.sourceDiskId && a.sourceDiskType == b.sourceDiskType
        && a.sourceDiskSize == b.sourceDiskSize && a.snapshotType == b.snapshotType
        && a.usage == b.usage && a.encrypted == b.encrypted && a.kmsKeyId == b.kmsKeyId
        && a.instantAccess == b.instantAccess && a.retentionDays == b.retentionDays
        && a.creationTime == b.creationTime && a.lastModifiedTime == b.lastModifiedTime
        && a.tags == b.tags;
}

} // namespace ecs
