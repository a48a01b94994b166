#include "ResponseWriters.h"

namespace ecs {

namespace {

template<typename T>
QJsonArray arrayOf(const QList<T> &values)
{
    QJsonArray array;
    for (const T &value : values)
        array.append(toJson(value));
    return array;
}

QJsonObject withRequestId(QJsonObject body, const QString &requestId)
{
    body.insert(QStringLiteral("RequestId"), requestId);
    return body;
}

enum class Paging { TokenAndNumbers, TokenOnly, NumbersOnly };

// The list wrapper plus the paging fields the action sends (REFERENCE §0.4).
template<typename T>
QJsonObject pageBody(const QString &requestId, const char *outer, const char *inner,
    const Page<T> &page, Paging paging)
{
    QJsonObject body = withRequestId(
        wrapList(QLatin1String(outer), QLatin1String(inner), arrayOf(page.items)), requestId);
    if (paging != Paging::NumbersOnly)
        body.insert(QStringLiteral("NextToken"), page.nextToken);
    if (paging != Paging::TokenOnly) {
        if (page.totalCount >= 0)
            body.insert(QStringLiteral("TotalCount"), page.totalCount);
        body.insert(QStringLiteral("PageNumber"), page.pageNumber);
        body.insert(QStringLiteral("PageSize"), page.pageSize);
    }
    return body;
}

} // namespace

QJsonObject describeRegionsBody(const QString &requestId, const QList<Region> &regions)
{
    return withRequestId(
        wrapList(QStringLiteral("Regions"), QStringLiteral("Region"), arrayOf(regions)), requestId);
}

QJsonObject describeInstancesBody(const QString &requestId, const Page<Instance> &page)
{
    return pageBody(requestId, "Instances", "Instance", page, Paging::TokenAndNumbers);
}

QJsonObject describeDisksBody(const QString &requestId, const Page<Disk> &page)
{
    return pageBody(requestId, "Disks", "Disk", page, Paging::TokenAndNumbers);
}

QJsonObject describeSnapshotsBody(const QString &requestId, const Page<Snapshot> &page)
{
    return pageBody(requestId, "Snapshots", "Snapshot", page, Paging::TokenAndNumbers);
}

QJsonObject describeSnapshotGroupsBody(const QString &requestId, const Page<SnapshotGroup> &page)
{
    return pageBody(requestId, "SnapshotGroups", "SnapshotGroup", page, Paging::TokenOnly);
}

QJsonObject describeInstanceStatusBody(const QString &requestId, const Page<InstanceStatus> &page)
{
    return pageBody(requestId, "InstanceStatuses", "InstanceStatus", page, Paging::NumbersOnly);
}

QJsonObject createSnapshotGroupBody(const QString &requestId, const QString &snapshotGroupId)
{
    return withRequestId({ { QStringLiteral("SnapshotGroupId"), snapshotGroupId } }, requestId);
}

QJsonObject operationProgressSetBody(
    const QString &requestId, const QList<OperationProgress> &results)
{
    return withRequestId(wrapList(QStringLiteral("OperationProgressSet"),
                             QStringLiteral("OperationProgress"), arrayOf(results)),
        requestId);
}

QJsonObject requestIdOnlyBody(const QString &requestId)
{
    return withRequestId({}, requestId);
}

} // namespace ecs
