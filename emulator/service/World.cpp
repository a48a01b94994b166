#include "World.h"

#include <QSet>

namespace ecs::emulator {

World World::fromScenario(const Scenario &scenario)
{
    World world;
    world.name = scenario.name;
    world.description = scenario.description;
    for (const ScenarioRegion &record : scenario.regions)
        world.regions.insert(record.region.regionId, record);
    for (const EmulatedInstance &record : scenario.instances)
        world.instances.insert(record.instance.instanceId, record);
    for (const EmulatedDisk &record : scenario.disks)
        world.disks.insert(record.disk.diskId, record);
    for (const EmulatedSnapshot &record : scenario.snapshots)
        world.snapshots.insert(record.snapshot.snapshotId, record);
    for (const EmulatedSnapshotGroup &record : scenario.snapshotGroups) {
        world.groups.insert(record.group.snapshotGroupId, record);
        for (const QString &snapshotId : record.snapshotIds)
            world.groupOfSnapshot.insert(snapshotId, record.group.snapshotGroupId);
    }
    return world;
}

Scenario World::toScenario() const
{
    Scenario scenario;
    scenario.name = name;
    scenario.description = description;
    scenario.regions = regions.values();
    scenario.instances = instances.values();
    scenario.disks = disks.values();
    scenario.snapshots = snapshots.values();
    scenario.snapshotGroups = groups.values();
    return scenario;
}

QString World::newId(const QString &prefix)
{
    for (;;) {
        const QString id
            = prefix + QStringLiteral("emu%1").arg(++idCounter, 6, 10, QLatin1Char('0'));
        if (!instances.contains(id) && !disks.contains(id) && !snapshots.contains(id)
            && !groups.contains(id))
            return id;
    }
}

SnapshotGroup World::describedGroup(const EmulatedSnapshotGroup &record) const
{
    SnapshotGroup group = record.group;
    group.snapshots.clear();
    for (const QString &snapshotId : record.snapshotIds) {
        const auto it = snapshots.constFind(snapshotId);
        if (it == snapshots.constEnd())
            continue;
        const Snapshot &snapshot = it->snapshot;
        SnapshotGroupMember member;
        member.snapshotId = snapshot.snapshotId;
        member.sourceDiskId = snapshot.sourceDiskId;
        member.sourceDiskType = snapshot.sourceDiskType;
        member.progress = snapshot.progress;
        member.available = snapshot.available;
        member.instantAccess = snapshot.instantAccess;
        member.tags = snapshot.tags;
        group.snapshots.append(member);
    }
    return group;
}

void World::removeSnapshot(const QString &snapshotId)
{
    snapshots.remove(snapshotId);
    const QString groupId = groupOfSnapshot.take(snapshotId);
    const auto group = groups.find(groupId);
    if (group != groups.end())
        group->snapshotIds.removeAll(snapshotId);
}

bool World::hasUnfinishedSnapshot(const QString &diskId, const QString &except) const
{
    for (const EmulatedSnapshot &record : snapshots) {
        if (record.snapshot.sourceDiskId == diskId && record.snapshot.snapshotId != except
            && record.snapshot.status == SnapshotStatusName::Progressing)
            return true;
    }
    return false;
}

QString World::freeDevice(const QString &instanceId) const
{
    QSet<QString> used;
    for (const EmulatedDisk &record : disks) {
        if (record.disk.instanceId == instanceId)
            used.insert(record.disk.device);
    }
    for (char16_t letter = u'b'; letter <= u'z'; ++letter) {
        const QString device = QStringLiteral("/dev/xvd") + QChar(letter);
        if (!used.contains(device))
            return device;
    }
    return {};
}

} // namespace ecs::emulator
