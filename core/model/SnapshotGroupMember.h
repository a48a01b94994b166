#pragma once

#include "Tag.h"

#include <QList>
#include <QString>

namespace ecs {

// One disk snapshot inside a snapshot group (REFERENCE §5, Snapshots.Snapshot[]). A
// rollback pairs `sourceDiskId` with `snapshotId`.
struct SnapshotGroupMember
{
    QString snapshotId;
    QString sourceDiskId;
    QString sourceDiskType; // DiskTypeName
    int progress = 0; // percent; the wire carries "100%"
    bool available = false; // usable for rollback
    bool instantAccess = false;
    int instantAccessRetentionDays = 0;
    QList<Tag> tags; // source info, e.g. "acs:ecs:createFrom" → "i-..."

    bool isSystemDisk() const;
};

bool operator==(const SnapshotGroupMember &a, const SnapshotGroupMember &b);
inline bool operator!=(const SnapshotGroupMember &a, const SnapshotGroupMember &b)
{
    return !(a == b);
}

} // namespace ecs
