#pragma once

#include <QString>

namespace ecs {

// One entry of DescribeInstanceStatus (REFERENCE §12): the cheap way to poll an instance
// while it stops or starts. `status` uses the InstanceStatusName values (Instance.h).
struct InstanceStatus
{
    QString instanceId;
    QString status;
};

inline bool operator==(const InstanceStatus &a, const InstanceStatus &b)
{
    return a.instanceId == b.instanceId && a.status == b.status;
}

inline bool operator!=(const InstanceStatus &a, const InstanceStatus &b)
{
    return !(a == b);
}

} // namespace ecs
