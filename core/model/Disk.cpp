#include "Disk.h"

#include "Instance.h"

namespace ecs {

bool Disk::isSettled() const
{
    return status == DiskStatusName::InUse || status == DiskStatusName::Available;
}

bool Disk::isAttachedTo(const QString &id) const
{
    if (id.isEmpty())
        return false;
    if (instanceId == id)
        return true;
    for (const DiskAttachment &attachment : attachments) {
        if (attachment.instanceId == id)
            return true;
    }
    return false;
}

bool Disk::isMultiAttach() const
{
    // Empty means the service did not say: an ordinary disk.
    return !multiAttach.isEmpty() && multiAttach != MultiAttachName::Disabled;
}

bool Disk::isLockedForSecurity() const
{
    // Case-insensitive for the same reason as Instance::isLockedForSecurity().
    return lockReasons.contains(LockReasonName::Security, Qt::CaseInsensitive);
}

bool operator==(const Disk &a, const Disk &b)
{
    return a.diskId == b.diskId && a.diskName == b.diskName && a.description == b.description
        && a.status == b.status && a.type == b.type && a.category == b.category && a.size == b.size
        && a.instanceId == b.instanceId && a.device == b.device && a.attachments == b.attachments
        && a.sourceSnapshotId == b.sourceSnapshotId && a.imageId == b.imageId
        && a.regionId == b.regionId && a.zoneId == b.zoneId && a.portable == b.portable
        && a.deleteWithInstance == b.deleteWithInstance && a.encrypted == b.encrypted
        && a.kmsKeyId == b.kmsKeyId && a.multiAttach == b.multiAttach
        && a.lockReasons == b.lockReasons && a.creationTime == b.creationTime
        && a.attachedTime == b.attachedTime && a.detachedTime == b.detachedTime && a.tags == b.tags;
}

} // namespace ecs
