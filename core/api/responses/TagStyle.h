#pragma once

namespace ecs {

// The wire names of a tag's two fields, which differ per action (REFERENCE §2–§5):
// instances, disks and snapshots say TagKey/TagValue, snapshot groups and their member
// snapshots say Key/Value.
enum class TagStyle {
    TagKeyValue, // {"TagKey": ..., "TagValue": ...}
    KeyValue, // {"Key": ..., "Value": ...}
};

} // namespace ecs
