#include "JournalEntry.h"

namespace ecs {

bool JournalEntry::operator==(const JournalEntry &other) const
{
    // QDateTime compares instants, so an entry read back in UTC equals the one recorded
    // with a local time of the same millisecond.
    return id == other.id && time == other.time && operationId == other.operationId
        && kind == other.kind && profile == other.profile && regionId == other.regionId
        && instanceId == other.instanceId && snapshotGroupId == other.snapshotGroupId
        && diskIds == other.diskIds && action == other.action && requestId == other.requestId
        && outcome == other.outcome && errorCode == other.errorCode && message == other.message
        && detail == other.detail;
}

} // namespace ecs
