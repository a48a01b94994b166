#include "OperationProgress.h"

namespace ecs {

QString OperationProgress::relatedValue(const QString &name) const
{
    for (const RelatedItem &item : relatedItems) {
        if (item.name == name)
            return item.value;
    }
    return {};
}

QStringList OperationProgress::relatedValues(const QString &name) const
{
    QStringList values;
    for (const RelatedItem &item : relatedItems) {
        if (item.name == name)
            values.append(item.value);
    }
    return values;
}

bool operator==(const OperationProgress &a, const OperationProgress &b)
{
    return a.operationStatus == b.operationStatus && a.errorCode == b.errorCode
        && a.errorMsg == b.errorMsg && a.relatedItems == b.relatedItems;
}

} // namespace ecs
