#pragma once

#include "RelatedItem.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ecs {

namespace OperationStatusName {
inline const QString Success = QStringLiteral("Success");
} // namespace OperationStatusName

// One OperationProgressSet.OperationProgress entry of DeleteSnapshotGroup / ResetDisks
// (REFERENCE §7, §8): the outcome for the resources named in `relatedItems`.
struct OperationProgress
{
    QString operationStatus; // "Success"; anything else is a failure with errorCode/errorMsg
    QString errorCode;
    QString errorMsg;
    QList<RelatedItem> relatedItems;

    bool isSuccess() const { return operationStatus == OperationStatusName::Success; }
    // The value of the first related item called `name` (e.g. "DiskId"), or empty.
    QString relatedValue(const QString &name) const;
    // Every value of items called `name`: one entry may name several resources.
    QStringList relatedValues(const QString &name) const;
};

bool operator==(const OperationProgress &a, const OperationProgress &b);
inline bool operator!=(const OperationProgress &a, const OperationProgress &b)
{
    return !(a == b);
}

} // namespace ecs
