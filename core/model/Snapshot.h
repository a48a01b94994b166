#pragma once

#include "Tag.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ecs {

// Snapshot enumerations as the service spells them (REFERENCE §4, §E). A snapshot's
// SourceDiskType uses DiskTypeName (Disk.h).
namespace SnapshotStatusName {
inline const QString Progressing = QStringLiteral("progressing");
inline const QString Accomplished = QStringLiteral("accomplished");
inline const QString Failed = QStringLiteral("failed");
} // namespace SnapshotStatusName

namespace SnapshotTypeName {
inline const QString Auto = QStringLiteral("auto");
inline const QString Timer = QStringLiteral("timer"); // another name the service uses for auto
inline const QString User = QStringLiteral("user");
} // namespace SnapshotTypeName

namespace SnapshotUsageName {
inline const QString Image = QStringLiteral("image");
inline const QString Disk = QStringLiteral("disk");
inline const QString ImageDisk = QStringLiteral("image_disk");
inline const QString None = QStringLiteral("none");
} // namespace SnapshotUsageName

// The DescribeSnapshots fields that matter for a rollback (REFERENCE §4).
struct Snapshot
{
    QString snapshotId;
    QString snapshotName;
    QString description;
    QString status; // SnapshotStatusName
    int progress = 0; // percent; the wire carries "100%"
    int remainTime = 0; // seconds
    bool available = false; // usable to create or roll back a disk
    QString sourceDiskId; // kept after the disk is released
    QString sourceDiskType; // DiskTypeName
    int sourceDiskSize = 0; // GiB; the wire carries it as a string
    QString snapshotType; // SnapshotTypeName
    QString usage; // SnapshotUsageName
    bool encrypted = false;
    QString kmsKeyId; // KMSKeyId of an encrypted snapshot
    bool instantAccess = false;
    int retentionDays = 0;
    QDateTime creationTime; // UTC
    QDateTime lastModifiedTime;
    QList<Tag> tags;

    bool isAccomplished() const { return status == SnapshotStatusName::Accomplished; }
    bool isProgressing() const { return status == SnapshotStatusName::Progressing; }
    // Finished and reported usable: what ResetDisk needs (else InvalidSnapshotId.NotReady).
    // ESSD instant-access snapshots can be used as soon as the service marks them
    // Available, while they are still progressing; others only once accomplished.
    bool isUsableForRollback() const
    {
        return available && (isAccomplished() || (instantAccess && isProgressing()));
    }
};

bool operator==(const Snapshot &a, const Snapshot &b);
inline bool operator!=(const Snapshot &a, const Snapshot &b)
{
    return !(a == b);
}

} // namespace ecs
