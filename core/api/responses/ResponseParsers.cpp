#include "ResponseParsers.h"

#include "JsonReader.h"
#include "ModelReaders.h"

#include <QObject>

#include <utility>

namespace ecs {

namespace {

// The value, or a parse error naming the action and the first problem. The RequestId is
// kept on the error when the body has a readable one: support asks for it.
template<typename T>
Result<T> finish(const JsonReader &reader, const char *action, T value)
{
    if (!reader.hasError())
        return Result<T>(std::move(value));
    ApiError error = ApiError::parse(QObject::tr("Unexpected answer from ECS to %1: %2")
                                         .arg(QLatin1String(action), reader.error()),
        reader.error());
    const QJsonValue requestId = reader.object().value(QLatin1String("RequestId"));
    if (requestId.isString())
        error.setRequestId(requestId.toString());
    return Result<T>(error);
}

template<typename T>
using ItemReader = T (*)(JsonReader &);

// The common shape of the Describe* listings: paging fields beside one list wrapper.
template<typename T>
Result<Page<T>> parsePage(const QJsonObject &body, const char *action, const char *wrapper,
    const char *item, ItemReader<T> readItem)
{
    JsonReader reader(body);
    reader.requiredString("RequestId");
    Page<T> page;
    page.nextToken = reader.string("NextToken");
    page.totalCount = reader.integer("TotalCount", IntRange::nonNegative(), -1);
    page.pageNumber = reader.integer("PageNumber", IntRange::nonNegative());
    page.pageSize = reader.integer("PageSize", IntRange::nonNegative());
    for (JsonReader &entry : reader.requiredList(wrapper, item))
        page.items.append(readItem(entry));
    return finish(reader, action, std::move(page));
}

} // namespace

Result<QList<Region>> parseDescribeRegions(const QJsonObject &body)
{
    JsonReader reader(body);
    reader.requiredString("RequestId");
    QList<Region> regions;
    for (JsonReader &entry : reader.requiredList("Regions", "Region"))
        regions.append(readRegion(entry));
    return finish(reader, "DescribeRegions", std::move(regions));
}

Result<Page<Instance>> parseDescribeInstances(const QJsonObject &body)
{
    return parsePage<Instance>(body, "DescribeInstances", "Instances", "Instance", readInstance);
}

Result<Page<Disk>> parseDescribeDisks(const QJsonObject &body)
{
    return parsePage<Disk>(body, "DescribeDisks", "Disks", "Disk", readDisk);
}

Result<Page<Snapshot>> parseDescribeSnapshots(const QJsonObject &body)
{
    return parsePage<Snapshot>(body, "DescribeSnapshots", "Snapshots", "Snapshot", readSnapshot);
}

Result<Page<SnapshotGroup>> parseDescribeSnapshotGroups(const QJsonObject &body)
{
    return parsePage<SnapshotGroup>(
        body, "DescribeSnapshotGroups", "SnapshotGroups", "SnapshotGroup", readSnapshotGroup);
}

Result<Page<InstanceStatus>> parseDescribeInstanceStatus(const QJsonObject &body)
{
    return parsePage<InstanceStatus>(
        body, "DescribeInstanceStatus", "InstanceStatuses", "InstanceStatus", readInstanceStatus);
}

Result<QString> parseCreateSnapshotGroup(const QJsonObject &body)
{
    JsonReader reader(body);
    reader.requiredString("RequestId");
    QString groupId = reader.requiredString("SnapshotGroupId");
    return finish(reader, "CreateSnapshotGroup", std::move(groupId));
}

Result<QList<OperationProgress>> parseOperationProgressSet(const QJsonObject &body)
{
    JsonReader reader(body);
    reader.requiredString("RequestId");
    QList<OperationProgress> results;
    for (JsonReader &entry : reader.list("OperationProgressSet", "OperationProgress"))
        results.append(readOperationProgress(entry));
    return finish(reader, "ResetDisks/DeleteSnapshotGroup", std::move(results));
}

Result<QString> parseRequestIdOnly(const QJsonObject &body)
{
    JsonReader reader(body);
    QString requestId = reader.requiredString("RequestId");
    return finish(reader, "ResetDisk/StopInstance/StartInstance", std::move(requestId));
}

} // namespace ecs
