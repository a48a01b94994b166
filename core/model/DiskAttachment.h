#pragma once

#include <QDateTime>
#include <QString>

namespace ecs {

// One entry of a disk's Attachments list (REFERENCE §3); multi-attach disks have several.
struct DiskAttachment
{
    QString instanceId;
    QString device; // "/dev/xvdb"
    QDateTime attachedTime; // UTC
};

inline bool operator==(const DiskAttachment &a, const DiskAttachment &b)
{
    return a.instanceId == b.instanceId && a.device == b.device && a.attachedTime == b.attachedTime;
}

inline bool operator!=(const DiskAttachment &a, const DiskAttachment &b)
{
    return !(a == b);
}

} // namespace ecs
