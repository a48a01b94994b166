#include "EcsService.h"
#include "Filters.h"
#include "Paging.h"
#include "ParameterReader.h"
#include "ServiceErrors.h"
#include "api/responses/ResponseWriters.h"

// DescribeRegions, DescribeInstances, DescribeDisks (REFERENCE §1–3).

namespace ecs::emulator {

namespace {

QStringList names(std::initializer_list<const char *> values)
{
    QStringList list;
    for (const char *value : values)
        list.append(QLatin1String(value));
    return list;
}

// A filter whose value must be one of `allowed` (the "all" spelling included where the
// action has one); otherwise `code`.
QString enumFilter(ParameterReader &reader, const char *name, const QStringList &allowed,
    int httpStatus, const char *code, Qt::CaseSensitivity sensitivity = Qt::CaseSensitive)
{
    const QString value = reader.text(QLatin1String(name));
    if (!value.isEmpty() && !isOneOf(value, allowed, sensitivity)) {
        reader.fail(serviceErrors::error(httpStatus, QLatin1String(code),
            QStringLiteral("The specified %1 \"%2\" is not valid.")
                .arg(QLatin1String(name), value)));
    }
    return value;
}

} // namespace

ActionResult EcsService::describeRegions(ParameterReader &reader)
{
    const QString language = reader.has(QStringLiteral("AcceptLanguage"))
        ? reader.text(QStringLiteral("AcceptLanguage"))
        : QStringLiteral("zh-CN");
    enumFilter(reader, "AcceptLanguage",
        names({ "zh-CN", "zh-TW", "en-US", "ja", "fr", "de", "ko" }), 404,
        "InvalidAcceptLanguage.NotFound");
    enumFilter(reader, "ResourceType", names({ "instance", "disk", "reservedinstance", "scu" }),
        404, "InvalidResourceType.NotFound");
    enumFilter(reader, "InstanceChargeType",
        names({ "PrePaid", "PostPaid", "SpotWithPriceLimit", "SpotAsPriceGo" }), 400,
        "InvalidParameter");
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    QList<Region> regions;
    for (const ScenarioRegion &record : std::as_const(m_world.regions)) {
        Region region = record.region;
        region.localName = record.localName(language);
        regions.append(region);
    }
    return ActionResult::success(describeRegionsBody({}, regions));
}

ActionResult EcsService::describeInstances(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    const std::optional<QStringList> ids = reader.jsonArray(QStringLiteral("InstanceIds"), 100,
        serviceErrors::invalidParameter(
            QStringLiteral("InstanceIds"), QStringLiteral("at most 100 instance IDs")));
    const QString status = enumFilter(reader, "Status",
        names({ "Pending", "Running", "Starting", "Stopping", "Stopped" }), 404,
        "InvalidStatus.NotFound");
    const QString chargeType = enumFilter(reader, "InstanceChargeType",
        names({ "PrePaid", "PostPaid" }), 404, "InvalidInstanceChargeType.NotFound");
    const QString networkType = enumFilter(reader, "InstanceNetworkType",
        names({ "vpc", "classic" }), 404, "InvalidNetworkType.NotFound");
    const QString lockReason = enumFilter(reader, "LockReason",
        names({ "financial", "security", "recycling", "dedicatedhostfinancial", "refunded" }), 404,
        "InvalidLockReason.NotFound", Qt::CaseInsensitive);
    const QString name = reader.text(QStringLiteral("InstanceName"));
    const QString zoneId = reader.text(QStringLiteral("ZoneId"));
    const QString vpcId = reader.text(QStringLiteral("VpcId"));
    const QString imageId = reader.text(QStringLiteral("ImageId"));
    const QString instanceType = reader.text(QStringLiteral("InstanceType"));
    const QList<Tag> tags = reader.tags();
    const bool dryRun = reader.boolean(QStringLiteral("DryRun"));
    const PageWindow window = readTokenWindow(reader, { 10, 100, 10, 100 });
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    if (dryRun)
        return serviceErrors::fail(serviceErrors::dryRunPassed());

    QList<const Instance *> matching;
    for (const EmulatedInstance &record : std::as_const(m_world.instances)) {
        const Instance &instance = record.instance;
        if (instance.regionId == regionId && (!ids || ids->contains(instance.instanceId))
            && matches(status, instance.status) && matches(chargeType, instance.instanceChargeType)
            && matches(networkType, instance.instanceNetworkType)
            && (lockReason.isEmpty()
                || instance.lockReasons.contains(lockReason, Qt::CaseInsensitive))
            && matchesWildcard(name, instance.instanceName) && matches(zoneId, instance.zoneId)
            && matches(vpcId, instance.vpcId) && matches(imageId, instance.imageId)
            && matches(instanceType, instance.instanceType) && matchesTags(tags, instance.tags))
            matching.append(&instance);
    }
    const auto page = pageOf(matching, window, [](const Instance *instance) { return *instance; });
    return ActionResult::success(describeInstancesBody({}, page));
}

ActionResult EcsService::describeDisks(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    // Absent: no filter; "[]": a filter that matches nothing (REFERENCE §3).
    const std::optional<QStringList> ids = reader.jsonArray(QStringLiteral("DiskIds"), 100,
        serviceErrors::error(403, QStringLiteral("InvalidDiskIds.Malformed"),
            QStringLiteral("The specified parameter \"DiskIds\" has more than 100 IDs.")));
    const QString diskType = enumFilter(reader, "DiskType", names({ "all", "system", "data" }), 400,
        "InvalidDiskType.ValueNotSupported");
    const QString category = enumFilter(reader, "Category",
        names({ "all", "cloud", "cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto",
            "cloud_essd_entry", "local_ssd_pro", "local_hdd_pro", "elastic_ephemeral_disk_standard",
            "elastic_ephemeral_disk_premium", "ephemeral", "ephemeral_ssd" }),
        400, "InvalidCategory.ValueNotSupported");
    const QString status = enumFilter(reader, "Status",
        names({ "In_use", "Available", "Attaching", "Detaching", "Creating", "ReIniting", "All" }),
        400, "InvalidStatus.ValueNotSupported");
    const QString instanceId = reader.text(QStringLiteral("InstanceId"));
    const QString zoneId = reader.text(QStringLiteral("ZoneId"));
    const QString diskName = reader.text(QStringLiteral("DiskName"));
    const QString snapshotId = reader.text(QStringLiteral("SnapshotId"));
    const QList<Tag> tags = reader.tags();
    const bool dryRun = reader.boolean(QStringLiteral("DryRun"));
    const PageWindow window = readTokenWindow(reader, { 10, 500, 10, 100 });
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    if (dryRun)
        return serviceErrors::fail(serviceErrors::dryRunPassed());

    const auto allOr = [](const QString &filter, const QString &value) {
        return filter.isEmpty() || filter.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0
            || filter == value;
    };
    QList<const Disk *> matching;
    for (const EmulatedDisk &record : std::as_const(m_world.disks)) {
        const Disk &disk = record.disk;
        if (disk.regionId == regionId && (!ids || ids->contains(disk.diskId))
            && (instanceId.isEmpty() || disk.isAttachedTo(instanceId)) && allOr(diskType, disk.type)
            && allOr(category, disk.category) && allOr(status, disk.status)
            && matches(zoneId, disk.zoneId) && matches(diskName, disk.diskName)
            && matches(snapshotId, disk.sourceSnapshotId) && matchesTags(tags, disk.tags))
            matching.append(&disk);
    }
    const auto page = pageOf(matching, window, [](const Disk *disk) { return *disk; });
    return ActionResult::success(describeDisksBody({}, page));
}

} // namespace ecs::emulator
