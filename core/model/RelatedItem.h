#pragma once

#include <QString>

namespace ecs {

// One RelatedItemSet.RelatedItem of an OperationProgress: which resource a result is about.
namespace RelatedItemName {
inline const QString SnapshotId = QStringLiteral("SnapshotId");
inline const QString DiskId = QStringLiteral("DiskId");
} // namespace RelatedItemName

struct RelatedItem
{
    QString name; // RelatedItemName
    QString value; // "d-...", "s-..."
};

inline bool operator==(const RelatedItem &a, const RelatedItem &b)
{
    return a.name == b.name && a.value == b.value;
}

inline bool operator!=(const RelatedItem &a, const RelatedItem &b)
{
    return !(a == b);
}

} // namespace ecs
