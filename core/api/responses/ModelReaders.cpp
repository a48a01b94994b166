#include "ModelReaders.h"

namespace ecs {

// Only identifiers are required: without one the entry cannot be acted on, while any
// other missing field is reported by the service as absent for many ordinary resources
// (a detached disk has no InstanceId, a classic instance no VpcId ...).

QList<Tag> readTags(JsonReader &reader, TagStyle style)
{
    const char *keyName = style == TagStyle::KeyValue ? "Key" : "TagKey";
    const char *valueName = style == TagStyle::KeyValue ? "Value" : "TagValue";
    QList<Tag> tags;
    for (JsonReader &tag : reader.list("Tags", "Tag"))
        tags.append(Tag { tag.string(keyName), tag.string(valueName) });
    return tags;
}

Region readRegion(JsonReader &reader)
{
    Region region;
    region.regionId = reader.requiredString("RegionId");
    region.localName = reader.string("LocalName");
    region.regionEndpoint = reader.string("RegionEndpoint");
    region.status = reader.string("Status");
    return region;
}

Instance readInstance(JsonReader &reader)
{
    Instance instance;
    instance.instanceId = reader.requiredString("InstanceId");
    instance.instanceName = reader.string("InstanceName");
    instance.description = reader.string("Description");
    instance.hostName = reader.string("HostName");
    instance.regionId = reader.string("RegionId");
    instance.zoneId = reader.string("ZoneId");
    instance.status = reader.string("Status");
    instance.stoppedMode = reader.string("StoppedMode");
    instance.instanceChargeType = reader.string("InstanceChargeType");
    instance.instanceNetworkType = reader.string("InstanceNetworkType");
    instance.vpcId = reader.object("VpcAttributes").string("VpcId");
    instance.instanceType = reader.string("InstanceType");
    instance.imageId = reader.string("ImageId");
    instance.osName = reader.string("OSName");
    instance.osType = reader.string("OSType");
    instance.cpu = reader.integer("Cpu", IntRange::nonNegative());
    instance.memory = reader.integer("Memory", IntRange::nonNegative());
    instance.creationTime = reader.time("CreationTime");
    instance.startTime = reader.time("StartTime");
    instance.expiredTime = reader.time("ExpiredTime");
    // Instances nest {"LockReason": [{"LockReason": ...}]}; disks differ (see readDisk).
    // An entry without a reason is kept as "" so that isLocked() still sees the lock.
    for (JsonReader &lock : reader.list("OperationLocks", "LockReason"))
        instance.lockReasons.append(lock.string("LockReason"));
    instance.deletionProtection = reader.boolean("DeletionProtection");
    instance.tags = readTags(reader, TagStyle::TagKeyValue);
    return instance;
}

DiskAttachment readDiskAttachment(JsonReader &reader)
{
    DiskAttachment attachment;
    attachment.instanceId = reader.string("InstanceId");
    attachment.device = reader.string("Device");
    attachment.attachedTime = reader.time("AttachedTime");
    return attachment;
}

Disk readDisk(JsonReader &reader)
{
    Disk disk;
    disk.diskId = reader.requiredString("DiskId");
    disk.diskName = reader.string("DiskName");
    disk.description = reader.string("Description");
    disk.status = reader.string("Status");
    disk.type = reader.string("Type");
    disk.category = reader.string("Category");
    disk.size = reader.integer("Size", IntRange::nonNegative());
    disk.instanceId = reader.string("InstanceId");
    disk.device = reader.string("Device");
    for (JsonReader &attachment : reader.list("Attachments", "Attachment"))
        disk.attachments.append(readDiskAttachment(attachment));
    disk.sourceSnapshotId = reader.string("SourceSnapshotId");
    disk.imageId = reader.string("ImageId");
    disk.regionId = reader.string("RegionId");
    disk.zoneId = reader.string("ZoneId");
    disk.portable = reader.boolean("Portable");
    disk.deleteWithInstance = reader.boolean("DeleteWithInstance");
    disk.encrypted = reader.boolean("Encrypted");
    disk.kmsKeyId = reader.string("KMSKeyId");
    disk.multiAttach = reader.string("MultiAttach");
    for (JsonReader &lock : reader.list("OperationLocks", "OperationLock"))
        disk.lockReasons.append(lock.string("LockReason"));
    disk.creationTime = reader.time("CreationTime");
    disk.attachedTime = reader.time("AttachedTime");
    disk.detachedTime = reader.time("DetachedTime");
    disk.tags = readTags(reader, TagStyle::TagKeyValue);
    return disk;
}

Snapshot readSnapshot(JsonReader &reader)
{
    Snapshot snapshot;
    snapshot.snapshotId = reader.requiredString("SnapshotId");
    snapshot.snapshotName = reader.string("SnapshotName");
    snapshot.description = reader.string("Description");
    snapshot.status = reader.string("Status");
    snapshot.progress = reader.percent("Progress");
    snapshot.remainTime = reader.integer("RemainTime");
    snapshot.available = reader.boolean("Available");
    snapshot.sourceDiskId = reader.string("SourceDiskId");
    snapshot.sourceDiskType = reader.string("SourceDiskType");
    snapshot.sourceDiskSize = reader.integerInString("SourceDiskSize");
    snapshot.snapshotType = reader.string("SnapshotType");
    snapshot.usage = reader.string("Usage");
    snapshot.encrypted = reader.boolean("Encrypted");
    snapshot.kmsKeyId = reader.string("KMSKeyId");
    snapshot.instantAccess = reader.boolean("InstantAccess");
    snapshot.retentionDays = reader.integer("RetentionDays");
    snapshot.creationTime = reader.time("CreationTime");
    snapshot.lastModifiedTime = reader.time("LastModifiedTime");
    snapshot.tags = readTags(reader, TagStyle::TagKeyValue);
    return snapshot;
}

SnapshotGroupMember readSnapshotGroupMember(JsonReader &reader)
{
    SnapshotGroupMember member;
    // Both ids are required: a rollback pairs exactly these two.
    member.snapshotId = reader.requiredString("SnapshotId");
    member.sourceDiskId = reader.requiredString("SourceDiskId");
    member.sourceDiskType = reader.string("SourceDiskType");
    member.progress = reader.percent("Progress");
    member.available = reader.boolean("Available");
    member.instantAccess = reader.boolean("InstantAccess");
    member.instantAccessRetentionDays = reader.integer("InstantAccessRetentionDays");
    member.tags = readTags(reader, TagStyle::KeyValue);
    return member;
}

SnapshotGroup readSnapshotGroup(JsonReader &reader)
{
    SnapshotGroup group;
    group.snapshotGroupId = reader.requiredString("SnapshotGroupId");
    group.name = reader.string("Name");
    group.description = reader.string("Description");
    group.instanceId = reader.string("InstanceId");
    group.status = reader.string("Status");
    group.progressStatus = reader.string("ProgressStatus");
    group.creationTime = reader.time("CreationTime");
    group.resourceGroupId = reader.string("ResourceGroupId");
    group.tags = readTags(reader, TagStyle::KeyValue);
    for (JsonReader &member : reader.list("Snapshots", "Snapshot"))
        group.snapshots.append(readSnapshotGroupMember(member));
    return group;
}

InstanceStatus readInstanceStatus(JsonReader &reader)
{
    InstanceStatus status;
    // The status is the whole point of this listing, so it is required too.
    status.instanceId = reader.requiredString("InstanceId");
    status.status = reader.requiredString("Status");
    return status;
}

RelatedItem readRelatedItem(JsonReader &reader)
{
    return RelatedItem { reader.string("Name"), reader.string("Value") };
}

OperationProgress readOperationProgress(JsonReader &reader)
{
    OperationProgress progress;
    // Required: an entry without a status says neither success nor failure.
    progress.operationStatus = reader.requiredString("OperationStatus");
    progress.errorCode = reader.string("ErrorCode");
    progress.errorMsg = reader.string("ErrorMsg");
    for (JsonReader &item : reader.list("RelatedItemSet", "RelatedItem"))
        progress.relatedItems.append(readRelatedItem(item));
    return progress;
}

} // namespace ecs
