#pragma once

#include <QList>
#include <QString>

namespace ecs {

// One resource tag. The wire names differ per action (TagKey/TagValue for instances, disks
// and snapshots, Key/Value in snapshot groups); the model keeps one shape.
struct Tag
{
    QString key;
    QString value;
};

inline bool operator==(const Tag &a, const Tag &b)
{
    return a.key == b.key && a.value == b.value;
}

inline bool operator!=(const Tag &a, const Tag &b)
{
    return !(a == b);
}

// The value of the first tag named `key`, or `fallback` when there is none. Snapshot-group
// members carry their origin this way (Key "acs:ecs:createFrom", Value "i-...").
inline QString tagValue(const QList<Tag> &tags, const QString &key, const QString &fallback = {})
{
    for (const Tag &tag : tags) {
        if (tag.key == key)
            return tag.value;
    }
    return fallback;
}

} // namespace ecs
