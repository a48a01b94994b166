#include "ResponseWriters.h"

#include "EcsTime.h"

namespace ecs {

namespace {

template<typename T>
QJsonArray arrayOf(const QList<T> &values)
{
    QJsonArray array;
    for (const T &value : values)
        array.append(toJson(value));
    return array;
}

// Progress goes over the wire as text such as "100%".
QString percentText(int percent)
{
    return QString::number(percent) + QLatin1Char('%');
}

QJsonObject wrapper(const QString &inner, const QJsonArray &items)
{
    return QJsonObject { { inner, items } };
}

} // namespace

QJsonObject wrapList(const QString &outer, const QString &inner, const QJsonArray &items)
{
    return QJsonObject { { outer, wrapper(inner, items) } };
}

QJsonObject toJson(const Tag &tag, TagStyle style)
{
    if (style == TagStyle::KeyValue)
        return { { QStringLiteral("Key"), tag.key }, { QStringLiteral("Value"), tag.value } };
    return { { QStringLiteral("TagKey"), tag.key }, { QStringLiteral("TagValue"), tag.value } };
}

QJsonObject tagsToJson(const QList<Tag> &tags, TagStyle style)
{
    QJsonArray array;
    for (const Tag &tag : tags)
        array.append(toJson(tag, style));
    return wrapper(QStringLiteral("Tag"), array);
}

QJsonObject toJson(const Region &region)
{
    return {
        { QStringLiteral("RegionId"), region.regionId },
        { QStringLiteral("LocalName"), region.localName },
        { QStringLiteral("RegionEndpoint"), region.regionEndpoint },
        { QStringLiteral("Status"), region.status },
    };
}

QJsonObject toJson(const Instance &instance)
{
    // Instances have OperationLocks {"LockReason": [{"LockReason": ...}]}, unlike disks.
    QJsonArray locks;
    for (const QString &reason : instance.lockReasons)
        locks.append(QJsonObject { { QStringLiteral("LockReason"), reason } });
    const auto time = [](const QDateTime &value) {
        return formatEcsTime(value, TimePrecision::Minutes);
    };
    return {
        { QStringLiteral("InstanceId"), instance.instanceId },
        { QStringLiteral("InstanceName"), instance.instanceName },
        { QStringLiteral("Description"), instance.description },
        { QStringLiteral("HostName"), instance.hostName },
        { QStringLiteral("RegionId"), instance.regionId },
        { QStringLiteral("ZoneId"), instance.zoneId },
        { QStringLiteral("Status"), instance.status },
        { QStringLiteral("StoppedMode"), instance.stoppedMode },
        { QStringLiteral("InstanceChargeType"), instance.instanceChargeType },
        { QStringLiteral("InstanceNetworkType"), instance.instanceNetworkType },
        { QStringLiteral("VpcAttributes"),
            QJsonObject { { QStringLiteral("VpcId"), instance.vpcId } } },
        { QStringLiteral("InstanceType"), instance.instanceType },
        { QStringLiteral("ImageId"), instance.imageId },
        { QStringLiteral("OSName"), instance.osName },
        { QStringLiteral("OSType"), instance.osType },
        { QStringLiteral("Cpu"), instance.cpu },
        { QStringLiteral("Memory"), instance.memory },
        { QStringLiteral("CreationTime"), time(instance.creationTime) },
        { QStringLiteral("StartTime"), time(instance.startTime) },
        { QStringLiteral("ExpiredTime"), time(instance.expiredTime) },
        { QStringLiteral("OperationLocks"), wrapper(QStringLiteral("LockReason"), locks) },
        { QStringLiteral("DeletionProtection"), instance.deletionProtection },
        { QStringLiteral("Tags"), tagsToJson(instance.tags, TagStyle::TagKeyValue) },
    };
}

QJsonObject toJson(const DiskAttachment &attachment)
{
    return {
        { QStringLiteral("InstanceId"), attachment.instanceId },
        { QStringLiteral("Device"), attachment.device },
        { QStringLiteral("AttachedTime"), formatEcsTime(attachment.attachedTime) },
    };
}

QJsonObject toJson(const Disk &disk)
{
    // Disks have OperationLocks {"OperationLock": [{"LockReason": ...}]}, unlike instances.
    QJsonArray locks;
    for (const QString &reason : disk.lockReasons)
        locks.append(QJsonObject { { QStringLiteral("LockReason"), reason } });
    return {
        { QStringLiteral("DiskId"), disk.diskId },
        { QStringLiteral("DiskName"), disk.diskName },
        { QStringLiteral("Description"), disk.description },
        { QStringLiteral("Status"), disk.status },
        { QStringLiteral("Type"), disk.type },
        { QStringLiteral("Category"), disk.category },
        { QStringLiteral("Size"), disk.size },
        { QStringLiteral("InstanceId"), disk.instanceId },
        { QStringLiteral("Device"), disk.device },
        { QStringLiteral("Attachments"),
            wrapper(QStringLiteral("Attachment"), arrayOf(disk.attachments)) },
        { QStringLiteral("SourceSnapshotId"), disk.sourceSnapshotId },
        { QStringLiteral("ImageId"), disk.imageId },
        { QStringLiteral("RegionId"), disk.regionId },
        { QStringLiteral("ZoneId"), disk.zoneId },
        { QStringLiteral("Portable"), disk.portable },
        { QStringLiteral("DeleteWithInstance"), disk.deleteWithInstance },
        { QStringLiteral("Encrypted"), disk.encrypted },
        { QStringLiteral("KMSKeyId"), disk.kmsKeyId },
        { QStringLiteral("MultiAttach"), disk.multiAttach },
        { QStringLiteral("OperationLocks"), wrapper(QStringLiteral("OperationLock"), locks) },
        { QStringLiteral("CreationTime"), formatEcsTime(disk.creationTime) },
        { QStringLiteral("AttachedTime"), formatEcsTime(disk.attachedTime) },
        { QStringLiteral("DetachedTime"), formatEcsTime(disk.detachedTime) },
        { QStringLiteral("Tags"), tagsToJson(disk.tags, TagStyle::TagKeyValue) },
    };
}

QJsonObject toJson(const Snapshot &snapshot)
{
    return {
        { QStringLiteral("SnapshotId"), snapshot.snapshotId },
        { QStringLiteral("SnapshotName"), snapshot.snapshotName },
        { QStringLiteral("Description"), snapshot.description },
        { QStringLiteral("Status"), snapshot.status },
        { QStringLiteral("Progress"), percentText(snapshot.progress) },
        { QStringLiteral("RemainTime"), snapshot.remainTime },
        { QStringLiteral("Available"), snapshot.available },
        { QStringLiteral("SourceDiskId"), snapshot.sourceDiskId },
        { QStringLiteral("SourceDiskType"), snapshot.sourceDiskType },
        { QStringLiteral("SourceDiskSize"), QString::number(snapshot.sourceDiskSize) },
        { QStringLiteral("SnapshotType"), snapshot.snapshotType },
        { QStringLiteral("Usage"), snapshot.usage },
        { QStringLiteral("Encrypted"), snapshot.encrypted },
        { QStringLiteral("KMSKeyId"), snapshot.kmsKeyId },
        { QStringLiteral("InstantAccess"), snapshot.instantAccess },
        { QStringLiteral("RetentionDays"), snapshot.retentionDays },
        { QStringLiteral("CreationTime"), formatEcsTime(snapshot.creationTime) },
        { QStringLiteral("LastModifiedTime"), formatEcsTime(snapshot.lastModifiedTime) },
        { QStringLiteral("Tags"), tagsToJson(snapshot.tags, TagStyle::TagKeyValue) },
    };
}

QJsonObject toJson(const SnapshotGroupMember &member)
{
    return {
        { QStringLiteral("SnapshotId"), member.snapshotId },
        { QStringLiteral("SourceDiskId"), member.sourceDiskId },
        { QStringLiteral("SourceDiskType"), member.sourceDiskType },
        { QStringLiteral("Progress"), percentText(member.progress) },
        { QStringLiteral("Available"), member.available },
        { QStringLiteral("InstantAccess"), member.instantAccess },
        { QStringLiteral("InstantAccessRetentionDays"), member.instantAccessRetentionDays },
        { QStringLiteral("Tags"), tagsToJson(member.tags, TagStyle::KeyValue) },
    };
}

QJsonObject toJson(const SnapshotGroup &group)
{
    return {
        { QStringLiteral("SnapshotGroupId"), group.snapshotGroupId },
        { QStringLiteral("Name"), group.name },
        { QStringLiteral("Description"), group.description },
        { QStringLiteral("InstanceId"), group.instanceId },
        { QStringLiteral("Status"), group.status },
        { QStringLiteral("ProgressStatus"), group.progressStatus },
        { QStringLiteral("CreationTime"), formatEcsTime(group.creationTime) },
        { QStringLiteral("ResourceGroupId"), group.resourceGroupId },
        // Key/Value here, not TagKey/TagValue (REFERENCE §5).
        { QStringLiteral("Tags"), tagsToJson(group.tags, TagStyle::KeyValue) },
        { QStringLiteral("Snapshots"),
            wrapper(QStringLiteral("Snapshot"), arrayOf(group.snapshots)) },
    };
}

QJsonObject toJson(const InstanceStatus &status)
{
    return {
        { QStringLiteral("InstanceId"), status.instanceId },
        { QStringLiteral("Status"), status.status },
    };
}

QJsonObject toJson(const RelatedItem &item)
{
    return { { QStringLiteral("Name"), item.name }, { QStringLiteral("Value"), item.value } };
}

QJsonObject toJson(const OperationProgress &progress)
{
    return {
        { QStringLiteral("OperationStatus"), progress.operationStatus },
        { QStringLiteral("ErrorCode"), progress.errorCode },
        { QStringLiteral("ErrorMsg"), progress.errorMsg },
        { QStringLiteral("RelatedItemSet"),
            wrapper(QStringLiteral("RelatedItem"), arrayOf(progress.relatedItems)) },
    };
}

} // namespace ecs
