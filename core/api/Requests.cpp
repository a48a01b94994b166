#include "Requests.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace ecs {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ecs::Requests", text);
}

void putIfSet(ApiParameters &parameters, const char *name, const QString &value)
{
    if (!value.isEmpty())
        parameters.insert(QLatin1String(name), value);
}

void putBoolIfTrue(ApiParameters &parameters, const char *name, bool value)
{
    if (value)
        parameters.insert(QLatin1String(name), QStringLiteral("true"));
}

void putRepeatList(ApiParameters &parameters, const QString &prefix, const QStringList &values)
{
    for (int i = 0; i < values.size(); ++i)
        parameters.insert(prefix + QLatin1Char('.') + QString::number(i + 1), values.at(i));
}

// NextToken paging: the first page sends only MaxResults (REFERENCE §0.4).
void putNextTokenPaging(ApiParameters &parameters, int maxResults, const QString &nextToken)
{
    parameters.insert(QStringLiteral("MaxResults"), QString::number(maxResults));
    putIfSet(parameters, "NextToken", nextToken);
}

QString needsRegion(const QString &regionId)
{
    return regionId.isEmpty() ? tr("A region is required.") : QString();
}

QString tooMany(const char *what, qsizetype count, int limit)
{
    return tr("At most %1 %2 per request (got %3).").arg(limit).arg(QLatin1String(what)).arg(count);
}

} // namespace

QString jsonArrayParameter(const QStringList &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
}

ApiParameters DescribeRegionsRequest::toParameters() const
{
    ApiParameters parameters;
    putIfSet(parameters, "AcceptLanguage", acceptLanguage);
    putIfSet(parameters, "InstanceChargeType", instanceChargeType);
    putIfSet(parameters, "ResourceType", resourceType);
    return parameters;
}

ApiParameters DescribeInstancesRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("RegionId"), regionId } };
    if (!instanceIds.isEmpty())
        parameters.insert(QStringLiteral("InstanceIds"), jsonArrayParameter(instanceIds));
    putIfSet(parameters, "Status", status);
    putIfSet(parameters, "InstanceName", instanceName);
    putBoolIfTrue(parameters, "DryRun", dryRun);
    putNextTokenPaging(parameters, maxResults, nextToken);
    return parameters;
}

QString DescribeInstancesRequest::problem() const
{
    if (instanceIds.size() > 100)
        return tooMany("instance IDs", instanceIds.size(), 100);
    return needsRegion(regionId);
}

ApiParameters DescribeDisksRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("RegionId"), regionId } };
    putIfSet(parameters, "InstanceId", instanceId);
    if (diskIds)
        parameters.insert(QStringLiteral("DiskIds"), jsonArrayParameter(*diskIds));
    putIfSet(parameters, "DiskType", diskType);
    putIfSet(parameters, "Status", status);
    putBoolIfTrue(parameters, "DryRun", dryRun);
    putNextTokenPaging(parameters, maxResults, nextToken);
    return parameters;
}

QString DescribeDisksRequest::problem() const
{
    if (diskIds && diskIds->size() > 100)
        return tooMany("disk IDs", diskIds->size(), 100);
    return needsRegion(regionId);
}

ApiParameters DescribeSnapshotsRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("RegionId"), regionId } };
    putIfSet(parameters, "InstanceId", instanceId);
    putIfSet(parameters, "DiskId", diskId);
    if (snapshotIds)
        parameters.insert(QStringLiteral("SnapshotIds"), jsonArrayParameter(*snapshotIds));
    putIfSet(parameters, "Status", status);
    putIfSet(parameters, "SnapshotType", snapshotType);
    putBoolIfTrue(parameters, "DryRun", dryRun);
    putNextTokenPaging(parameters, maxResults, nextToken);
    return parameters;
}

QString DescribeSnapshotsRequest::problem() const
{
    if (snapshotIds && snapshotIds->size() > 100)
        return tooMany("snapshot IDs", snapshotIds->size(), 100);
    return needsRegion(regionId);
}

ApiParameters DescribeSnapshotGroupsRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("RegionId"), regionId } };
    putIfSet(parameters, "InstanceId", instanceId);
    putRepeatList(parameters, QStringLiteral("SnapshotGroupId"), snapshotGroupIds);
    putRepeatList(parameters, QStringLiteral("Status"), statuses);
    putIfSet(parameters, "Name", name);
    putNextTokenPaging(parameters, maxResults, nextToken);
    return parameters;
}

QString DescribeSnapshotGroupsRequest::problem() const
{
    if (snapshotGroupIds.size() > 10)
        return tooMany("instance snapshot IDs", snapshotGroupIds.size(), 10);
    if (statuses.size() > 3)
        return tooMany("statuses", statuses.size(), 3);
    return needsRegion(regionId);
}

ApiParameters DescribeInstanceStatusRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("RegionId"), regionId } };
    putRepeatList(parameters, QStringLiteral("InstanceId"), instanceIds);
    putIfSet(parameters, "ZoneId", zoneId);
    parameters.insert(QStringLiteral("PageNumber"), QString::number(pageNumber));
    parameters.insert(QStringLiteral("PageSize"), QString::number(pageSize));
    return parameters;
}

QString DescribeInstanceStatusRequest::problem() const
{
    if (instanceIds.size() > 100)
        return tooMany("instance IDs", instanceIds.size(), 100);
    return needsRegion(regionId);
}

ApiParameters CreateSnapshotGroupRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("RegionId"), regionId } };
    putIfSet(parameters, "InstanceId", instanceId);
    putRepeatList(parameters, QStringLiteral("DiskId"), diskIds);
    putRepeatList(parameters, QStringLiteral("ExcludeDiskId"), excludeDiskIds);
    putIfSet(parameters, "Name", name);
    putIfSet(parameters, "Description", description);
    putIfSet(parameters, "ClientToken", clientToken);
    for (int i = 0; i < tags.size(); ++i) {
        const QString prefix = QStringLiteral("Tag.%1.").arg(i + 1);
        parameters.insert(prefix + QLatin1String("Key"), tags.at(i).key);
        parameters.insert(prefix + QLatin1String("Value"), tags.at(i).value);
    }
    return parameters;
}

QString CreateSnapshotGroupRequest::problem() const
{
    if (instanceId.isEmpty() && diskIds.isEmpty())
        return tr("Name an instance or at least one disk to snapshot.");
    if (!diskIds.isEmpty() && !excludeDiskIds.isEmpty())
        return tr("Disks to include and disks to exclude cannot be given together.");
    if (diskIds.size() > 128)
        return tooMany("disks", diskIds.size(), 128);
    if (tags.size() > 20)
        return tooMany("tags", tags.size(), 20);
    if (clientToken.size() > 64)
        return tr("The client token is longer than 64 characters.");
    return needsRegion(regionId);
}

ApiParameters DeleteSnapshotGroupRequest::toParameters() const
{
    return { { QStringLiteral("RegionId"), regionId },
        { QStringLiteral("SnapshotGroupId"), snapshotGroupId } };
}

QString DeleteSnapshotGroupRequest::problem() const
{
    if (snapshotGroupId.isEmpty())
        return tr("An instance snapshot ID is required.");
    return needsRegion(regionId);
}

ApiParameters ResetDisksRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("RegionId"), regionId } };
    for (int i = 0; i < disks.size(); ++i) {
        const QString prefix = QStringLiteral("Disk.%1.").arg(i + 1);
        parameters.insert(prefix + QLatin1String("DiskId"), disks.at(i).diskId);
        parameters.insert(prefix + QLatin1String("SnapshotId"), disks.at(i).snapshotId);
    }
    putBoolIfTrue(parameters, "DryRun", dryRun);
    return parameters;
}

QString ResetDisksRequest::problem() const
{
    if (disks.isEmpty())
        return tr("Select at least one disk to roll back.");
    if (disks.size() > MaxDisksPerCall)
        return tooMany("disks", disks.size(), MaxDisksPerCall);
    for (const DiskSnapshotPair &pair : disks) {
        if (pair.diskId.isEmpty() || pair.snapshotId.isEmpty())
            return tr("Every disk to roll back needs both a disk ID and a snapshot ID.");
    }
    return needsRegion(regionId);
}

ApiParameters ResetDiskRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("DiskId"), diskId },
        { QStringLiteral("SnapshotId"), snapshotId } };
    putBoolIfTrue(parameters, "DryRun", dryRun);
    return parameters;
}

QString ResetDiskRequest::problem() const
{
    if (diskId.isEmpty() || snapshotId.isEmpty())
        return tr("A disk ID and a snapshot ID are required.");
    return {};
}

ApiParameters StopInstanceRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("InstanceId"), instanceId } };
    putIfSet(parameters, "StoppedMode", stoppedMode);
    putBoolIfTrue(parameters, "ForceStop", forceStop);
    putBoolIfTrue(parameters, "DryRun", dryRun);
    return parameters;
}

QString StopInstanceRequest::problem() const
{
    if (instanceId.isEmpty())
        return tr("An instance ID is required.");
    if (!stoppedMode.isEmpty() && stoppedMode != QLatin1String("KeepCharging")
        && stoppedMode != QLatin1String("StopCharging"))
        return tr("The stopped mode must be KeepCharging or StopCharging.");
    return {};
}

ApiParameters StartInstanceRequest::toParameters() const
{
    ApiParameters parameters { { QStringLiteral("InstanceId"), instanceId } };
    putBoolIfTrue(parameters, "DryRun", dryRun);
    return parameters;
}

QString StartInstanceRequest::problem() const
{
    return instanceId.isEmpty() ? tr("An instance ID is required.") : QString();
}

} // namespace ecs
