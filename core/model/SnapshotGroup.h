#pragma once

#include "SnapshotGroupMember.h"
#include "Tag.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ecs {

namespace SnapshotGroupStatusName {
inline const QString Progressing = QStringLiteral("progressing");
inline const QString Accomplished = QStringLiteral("accomplished");
inline const QString Failed = QStringLiteral("failed");
} // namespace SnapshotGroupStatusName

// A snapshot-consistent group, the console's "instance snapshot" (REFERENCE §5).
struct SnapshotGroup
{
    QString snapshotGroupId; // "ssg-..."
    QString name;
    QString description;
    QString instanceId; // only set when every snapshot comes from one instance
    QString status; // SnapshotGroupStatusName
    QString progressStatus; // not public; shown as is
    QDateTime creationTime; // UTC
    QString resourceGroupId;
    QList<Tag> tags;
    QList<SnapshotGroupMember> snapshots;

    bool isAccomplished() const { return status == SnapshotGroupStatusName::Accomplished; }
    // The member whose source is `diskId`, or nullptr. Valid while the group is unchanged.
    const SnapshotGroupMember *memberForDisk(const QString &diskId) const;
    QStringList sourceDiskIds() const;
    // Accomplished and every member available: all disks can be rolled back from it.
    bool isFullyUsable() const;
};

bool operator==(const SnapshotGroup &a, const SnapshotGroup &b);
inline bool operator!=(const SnapshotGroup &a, const SnapshotGroup &b)
{
    return !(a == b);
}

} // namespace ecs
