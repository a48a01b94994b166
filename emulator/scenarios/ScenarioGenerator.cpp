#include "Scenario.h"

#include <QRandomGenerator>

namespace ecs::emulator {

// Large accounts for paging and performance: the same arguments give the same account.
// Kept cheap (no JSON, no per-item lookups) so 10,000 instance snapshots take well under
// a second (docs/SCENARIOS.md has the measurement).

namespace {

const char *const regionIds[] = { "cn-hangzhou", "cn-shanghai", "ap-southeast-1", "cn-beijing",
    "cn-shenzhen", "cn-qingdao", "cn-zhangjiakou", "cn-hongkong", "ap-northeast-1", "us-west-1",
    "us-east-1", "eu-central-1" };
constexpr int regionIdCount = int(sizeof(regionIds) / sizeof(regionIds[0]));

QString generatedRegionId(int index)
{
    const QString base = QLatin1String(regionIds[index % regionIdCount]);
    return index < regionIdCount ? base : base + QStringLiteral("-gen%1").arg(index);
}

QString number(int value)
{
    return QStringLiteral("%1").arg(value, 5, 10, QLatin1Char('0'));
}

} // namespace

QString Scenario::generatedProblem(
    qint64 regions, qint64 instancesPerRegion, qint64 groupsPerInstance)
{
    if (regions < 0 || instancesPerRegion < 0 || groupsPerInstance < 0)
        return QStringLiteral("counts must not be negative");
    if (regions > MaxGeneratedRegions)
        return QStringLiteral("at most %1 regions").arg(MaxGeneratedRegions);
    // Each product is at most 100 x 5,000 x 10,000 here: no overflow in 64 bits.
    if (instancesPerRegion > MaxGeneratedInstances
        || regions * instancesPerRegion > MaxGeneratedInstances) {
        return QStringLiteral("at most %1 instances in all (regions x instances)")
            .arg(MaxGeneratedInstances);
    }
    if (groupsPerInstance > MaxGeneratedInstanceSnapshots
        || regions * instancesPerRegion * groupsPerInstance > MaxGeneratedInstanceSnapshots) {
        return QStringLiteral("at most %1 instance snapshots in all (regions x instances x "
                              "groups)")
            .arg(MaxGeneratedInstanceSnapshots);
    }
    return {};
}

Scenario Scenario::generated(
    int regionCount, int instancesPerRegion, int groupsPerInstance, quint32 seed)
{
    QRandomGenerator random(seed);
    Scenario scenario;
    scenario.name = QStringLiteral("generated");
    scenario.description = QStringLiteral("%1 regions x %2 instances x %3 instance snapshots")
                               .arg(regionCount)
                               .arg(instancesPerRegion)
                               .arg(groupsPerInstance);
    const QDateTime base = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    for (int r = 0; r < regionCount; ++r) {
        ScenarioRegion region;
        region.region.regionId = generatedRegionId(r);
        region.region.regionEndpoint
            = QStringLiteral("ecs.%1.aliyuncs.com").arg(region.region.regionId);
        region.region.status = RegionStatusName::Available;
        region.localNames.insert(QStringLiteral("en-US"), region.region.regionId);
        region.zoneIds = { region.region.regionId + QStringLiteral("-a") };
        scenario.regions.append(region);
        const QString zoneId = region.zoneIds.first();
        const QString tag = QStringLiteral("r%1").arg(r);

        for (int i = 0; i < instancesPerRegion; ++i) {
            EmulatedInstance record;
            Instance &instance = record.instance;
            instance.instanceId = QStringLiteral("i-gen-%1-%2").arg(tag, number(i));
            instance.instanceName = QStringLiteral("generated-%1-%2").arg(tag, number(i));
            instance.regionId = region.region.regionId;
            instance.zoneId = zoneId;
            const bool running = random.bounded(2) == 0;
            instance.status = running ? InstanceStatusName::Running : InstanceStatusName::Stopped;
            instance.stoppedMode
                = running ? StoppedModeName::NotApplicable : StoppedModeName::KeepCharging;
            instance.instanceChargeType = ChargeTypeName::PostPaid;
            instance.instanceNetworkType = NetworkTypeName::Vpc;
            instance.vpcId = QStringLiteral("vpc-gen-%1").arg(tag);
            instance.instanceType = QStringLiteral("ecs.g7.large");
            instance.imageId = QStringLiteral("aliyun_3_x64_20G_alibase_20250101.vhd");
            instance.osName = QStringLiteral("Alibaba Cloud Linux 3");
            instance.osType = OsTypeName::Linux;
            instance.cpu = 2;
            instance.memory = 8192;
            instance.creationTime = base;
            scenario.instances.append(record);

            const int dataDisks = int(random.bounded(4));
            for (int d = 0; d <= dataDisks; ++d) {
                EmulatedDisk disk;
                disk.disk.diskId = QStringLiteral("d-gen-%1-%2-%3").arg(tag, number(i)).arg(d);
                disk.disk.status = DiskStatusName::InUse;
                disk.disk.type = d == 0 ? DiskTypeName::System : DiskTypeName::Data;
                disk.disk.category = DiskCategoryName::CloudEssd;
                disk.disk.size = d == 0 ? 40 : 100;
                disk.disk.instanceId = instance.instanceId;
                disk.disk.device = QStringLiteral("/dev/vd%1").arg(QChar(u'a' + d));
                disk.disk.regionId = instance.regionId;
                disk.disk.zoneId = zoneId;
                disk.disk.creationTime = base;
                disk.contentMarker = disk.disk.diskId + QStringLiteral(" now");
                scenario.disks.append(disk);
            }
            const qsizetype firstDisk = scenario.disks.size() - dataDisks - 1;

            for (int g = 0; g < groupsPerInstance; ++g) {
                EmulatedSnapshotGroup group;
                group.group.snapshotGroupId
                    = QStringLiteral("ssg-gen-%1-%2-%3").arg(tag, number(i), number(g));
                group.group.name = QStringLiteral("nightly-%1").arg(number(g));
                group.group.instanceId = instance.instanceId;
                group.group.status = SnapshotGroupStatusName::Accomplished;
                group.group.creationTime = base.addSecs(3600LL * g);
                group.regionId = instance.regionId;
                for (qsizetype d = firstDisk; d < scenario.disks.size(); ++d) {
                    const Disk &disk = scenario.disks.at(d).disk;
                    EmulatedSnapshot snapshot;
                    snapshot.snapshot.snapshotId = QStringLiteral("s-gen-%1-%2-%3-%4")
                                                       .arg(tag, number(i), number(g))
                                                       .arg(d - firstDisk);
                    snapshot.snapshot.status = SnapshotStatusName::Accomplished;
                    snapshot.snapshot.progress = 100;
                    snapshot.snapshot.available = true;
                    snapshot.snapshot.sourceDiskId = disk.diskId;
                    snapshot.snapshot.sourceDiskType = disk.type;
                    snapshot.snapshot.sourceDiskSize = disk.size;
                    snapshot.snapshot.snapshotType = SnapshotTypeName::User;
                    snapshot.snapshot.usage = SnapshotUsageName::None;
                    snapshot.snapshot.instantAccess = true;
                    snapshot.snapshot.creationTime = group.group.creationTime;
                    snapshot.snapshot.lastModifiedTime = group.group.creationTime;
                    snapshot.regionId = instance.regionId;
                    snapshot.sourceInstanceId = instance.instanceId;
                    snapshot.contentMarker
                        = disk.diskId + QStringLiteral(" at ") + group.group.name;
                    group.snapshotIds.append(snapshot.snapshot.snapshotId);
                    scenario.snapshots.append(std::move(snapshot));
                }
                scenario.snapshotGroups.append(std::move(group));
            }
        }
    }
    return scenario;
}

} // namespace ecs::emulator
