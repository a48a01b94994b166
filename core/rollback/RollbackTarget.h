#pragma once

#include <QString>

namespace ecs {

// Which instance snapshot to roll back from, and where. The instance ID is what the
// list showed; the facts say whether it still holds.
struct RollbackTarget
{
    QString regionId;
    QString snapshotGroupId;
    QString instanceId; // may be empty: then taken from the group
};

} // namespace ecs
