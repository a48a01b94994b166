#include "EcsService.h"
#include "Filters.h"
#include "Paging.h"
#include "ParameterReader.h"
#include "ServiceErrors.h"
#include "api/responses/ResponseWriters.h"

// DescribeSnapshots and DescribeSnapshotGroups (REFERENCE §4, §5).

namespace ecs::emulator {

namespace {

QString checkedValue(ParameterReader &reader, const char *name, const QStringList &allowed,
    int httpStatus, const char *code)
{
    const QString value = reader.text(QLatin1String(name));
    if (!value.isEmpty() && !allowed.contains(value, Qt::CaseInsensitive)) {
        reader.fail(serviceErrors::error(httpStatus, QLatin1String(code),
            QStringLiteral("The specified %1 \"%2\" is not valid.")
                .arg(QLatin1String(name), value)));
    }
    return value.toLower();
}

bool allOr(const QString &filter, const QString &value)
{
    return filter.isEmpty() || filter == QLatin1String("all") || filter == value.toLower();
}

} // namespace

ActionResult EcsService::describeSnapshots(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    const std::optional<QStringList> ids = reader.jsonArray(QStringLiteral("SnapshotIds"), 100,
        serviceErrors::error(403, QStringLiteral("InvalidSnapshotIds.Malformed"),
            QStringLiteral("The specified parameter \"SnapshotIds\" has more than 100 IDs.")));
    const QString status = checkedValue(reader, "Status",
        { QStringLiteral("progressing"), QStringLiteral("accomplished"), QStringLiteral("failed"),
            QStringLiteral("all") },
        404, "InvalidStatus.NotFound");
    QString snapshotType = checkedValue(reader, "SnapshotType",
        { QStringLiteral("auto"), QStringLiteral("user"), QStringLiteral("all") }, 404,
        "InvalidSnapshotType.NotFound");
    const QString sourceDiskType = checkedValue(reader, "SourceDiskType",
        { QStringLiteral("system"), QStringLiteral("data") }, 404, "InvalidSourceDiskType");
    const QString usage = checkedValue(reader, "Usage",
        { QStringLiteral("image"), QStringLiteral("disk"), QStringLiteral("image_disk"),
            QStringLiteral("none") },
        404, "InvalidUsage");
    const QString instanceId = reader.text(QStringLiteral("InstanceId"));
    const QString diskId = reader.text(QStringLiteral("DiskId"));
    const QString name = reader.text(QStringLiteral("SnapshotName"));
    const QList<Tag> tags = reader.tags();
    const bool dryRun = reader.boolean(QStringLiteral("DryRun"));
    const PageWindow window = readTokenWindow(reader, { 1, 100, 10, 100 });
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    if (dryRun)
        return serviceErrors::fail(serviceErrors::dryRunPassed());

    QList<const Snapshot *> matching;
    for (const EmulatedSnapshot &record : std::as_const(m_world.snapshots)) {
        const Snapshot &snapshot = record.snapshot;
        // "timer" is the other name the service uses for automatic snapshots.
        const QString type = snapshot.snapshotType == SnapshotTypeName::Timer
            ? SnapshotTypeName::Auto
            : snapshot.snapshotType;
        if (record.regionId == regionId && (!ids || ids->contains(snapshot.snapshotId))
            && allOr(status, snapshot.status) && allOr(snapshotType, type)
            && allOr(sourceDiskType, snapshot.sourceDiskType) && allOr(usage, snapshot.usage)
            && matches(instanceId, record.sourceInstanceId)
            && matches(diskId, snapshot.sourceDiskId) && matches(name, snapshot.snapshotName)
            && matchesTags(tags, snapshot.tags))
            matching.append(&snapshot);
    }
    const auto page = pageOf(matching, window, [](const Snapshot *snapshot) { return *snapshot; });
    return ActionResult::success(describeSnapshotsBody({}, page));
}

ActionResult EcsService::describeSnapshotGroups(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    const QStringList ids = reader.repeatList(QStringLiteral("SnapshotGroupId"));
    if (ids.size() > 10)
        reader.fail(serviceErrors::invalidParameter(
            QStringLiteral("SnapshotGroupId.N"), QStringLiteral("at most 10 IDs")));
    const QStringList statuses = reader.repeatList(QStringLiteral("Status"));
    if (statuses.size() > 3)
        reader.fail(serviceErrors::invalidParameter(
            QStringLiteral("Status.N"), QStringLiteral("at most 3 statuses")));
    for (const QString &status : statuses) {
        if (!isOneOf(status,
                { SnapshotGroupStatusName::Progressing, SnapshotGroupStatusName::Accomplished,
                    SnapshotGroupStatusName::Failed }))
            reader.fail(serviceErrors::error(403, QStringLiteral("InvalidStatus.ValueNotSupported"),
                QStringLiteral("The specified Status \"%1\" is not supported.").arg(status)));
    }
    const QString instanceId = reader.text(QStringLiteral("InstanceId"));
    const QString name = reader.text(QStringLiteral("Name"));
    const QList<Tag> tags = reader.tags();
    const PageWindow window = readTokenWindow(reader, { 1, 100, 10, 0 });
    if (reader.failed())
        return serviceErrors::fail(reader.error());

    QList<const EmulatedSnapshotGroup *> matching;
    for (const EmulatedSnapshotGroup &record : std::as_const(m_world.groups)) {
        const SnapshotGroup &group = record.group;
        if (record.regionId == regionId && (ids.isEmpty() || ids.contains(group.snapshotGroupId))
            && (statuses.isEmpty() || statuses.contains(group.status))
            && matches(instanceId, group.instanceId) && matches(name, group.name)
            && matchesTags(tags, group.tags))
            matching.append(&record);
    }
    Page<SnapshotGroup> page = pageOf(matching, window,
        [this](const EmulatedSnapshotGroup *record) { return m_world.describedGroup(*record); });
    // DescribeSnapshotGroups pages by NextToken only (REFERENCE §0.4, §5).
    page.totalCount = -1;
    page.pageNumber = 0;
    page.pageSize = 0;
    return ActionResult::success(describeSnapshotGroupsBody({}, page));
}

} // namespace ecs::emulator
