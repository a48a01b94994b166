#pragma once

#include "DiskAttachment.h"
#include "Tag.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ecs {

// Disk enumerations as the service spells them (REFERENCE §3, §E); kept as strings so
// values the service adds later survive.
namespace DiskStatusName {
inline const QString InUse = QStringLiteral("In_use");
inline const QString Available = QStringLiteral("Available");
inline const QString Attaching = QStringLiteral("Attaching");
inline const QString Detaching = QStringLiteral("Detaching");
inline const QString Creating = QStringLiteral("Creating");
inline const QString ReIniting = QStringLiteral("ReIniting");
} // namespace DiskStatusName

// Disk Type, and also a snapshot's SourceDiskType.
namespace DiskTypeName {
inline const QString System = QStringLiteral("system");
inline const QString Data = QStringLiteral("data");
} // namespace DiskTypeName

namespace DiskCategoryName {
inline const QString Cloud = QStringLiteral("cloud");
inline const QString CloudEfficiency = QStringLiteral("cloud_efficiency");
inline const QString CloudSsd = QStringLiteral("cloud_ssd");
inline const QString CloudEssd = QStringLiteral("cloud_essd");
inline const QString CloudAuto = QStringLiteral("cloud_auto");
inline const QString CloudEssdEntry = QStringLiteral("cloud_essd_entry");
inline const QString LocalSsdPro = QStringLiteral("local_ssd_pro");
inline const QString LocalHddPro = QStringLiteral("local_hdd_pro");
inline const QString ElasticEphemeralStandard = QStringLiteral("elastic_ephemeral_disk_standard");
inline const QString ElasticEphemeralPremium = QStringLiteral("elastic_ephemeral_disk_premium");
inline const QString Ephemeral = QStringLiteral("ephemeral");
inline const QString EphemeralSsd = QStringLiteral("ephemeral_ssd");
} // namespace DiskCategoryName

namespace MultiAttachName {
inline const QString Disabled = QStringLiteral("Disabled");
inline const QString Enabled = QStringLiteral("Enabled");
inline const QString LegacyShared = QStringLiteral("LegacyShared");
} // namespace MultiAttachName

// The DescribeDisks fields that matter for a rollback (REFERENCE §3).
struct Disk
{
    QString diskId;
    QString diskName;
    QString description;
    QString status; // DiskStatusName
    QString type; // DiskTypeName
    QString category; // DiskCategoryName
    int size = 0; // GiB
    // Set only while In_use/Detaching and not multi-attach; see `attachments` otherwise.
    QString instanceId;
    QString device;
    QList<DiskAttachment> attachments;
    QString sourceSnapshotId; // the snapshot the disk was created from, not rolled back to
    QString imageId;
    QString regionId;
    QString zoneId;
    bool portable = false;
    bool deleteWithInstance = false;
    bool encrypted = false;
    QString kmsKeyId; // KMSKeyId: the key an encrypted disk is encrypted with
    QString multiAttach; // MultiAttachName
    QStringList lockReasons; // OperationLocks.OperationLock[].LockReason
    QDateTime creationTime; // UTC
    QDateTime attachedTime;
    QDateTime detachedTime;
    QList<Tag> tags;

    bool isSystemDisk() const { return type == DiskTypeName::System; }
    bool isInUse() const { return status == DiskStatusName::InUse; }
    // In_use or Available: no operation (a rollback included) is running on the disk.
    // ROLLBACK-SEMANTICS §5.7 polls for this after ResetDisk(s).
    bool isSettled() const;
    // Attached to `instanceId`, through the legacy InstanceId field or an attachment.
    bool isAttachedTo(const QString &instanceId) const;
    bool isMultiAttach() const;
    bool isLockedForSecurity() const;
};

bool operator==(const Disk &a, const Disk &b);
inline bool operator!=(const Disk &a, const Disk &b)
{
    return !(a == b);
}

} // namespace ecs
