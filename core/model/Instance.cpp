#include "Instance.h"

namespace ecs {

// The docs mix spellings of enum values (e.g. `Recycling`/`recycling`), so the helpers that
// gate a warning or a block compare without case: missing a lock or a warning because of
// a capital letter would be the worse mistake.

bool Instance::isStoppedInEconomicalMode() const
{
    return isStopped()
        && stoppedMode.compare(StoppedModeName::StopCharging, Qt::CaseInsensitive) == 0;
}

bool Instance::isLockedForSecurity() const
{
    return lockReasons.contains(LockReasonName::Security, Qt::CaseInsensitive);
}

bool Instance::isPostPaidVpc() const
{
    return instanceChargeType.compare(ChargeTypeName::PostPaid, Qt::CaseInsensitive) == 0
        && instanceNetworkType.compare(NetworkTypeName::Vpc, Qt::CaseInsensitive) == 0;
}

bool operator==(const Instance &a, const Instance &b)
{
    return a.instanceId == b.instanceId && a.instanceName == b.instanceName
        && a.description == b.description && a.hostName == b.hostName && a.regionId == b.regionId
        && a.zoneId == b.zoneId && a.status == b.status && a.stoppedMode == b.stoppedMode
        && a.instanceChargeType == b.instanceChargeType
        && a.instanceNetworkType == b.instanceNetworkType && a.vpcId == b.vpcId
        && a.instanceType == b.instanceType && a.imageId == b.imageId && a.osName == b.osName
        && a.osType == b.osType && a.cpu == b.cpu && a.memory == b.memory
        && a.creationTime == b.creationTime && a.startTime == b.startTime
        && a.expiredTime == b.expiredTime && a.lockReasons == b.lockReasons
        && a.deletionProtection == b.deletionProtection && a.tags == b.tags;
}

} // namespace ecs
