#pragma once

// Hand-built facts for the precondition tests: one healthy rollback (a stopped
// pay-as-you-go VPC instance with a system disk and two data disks, and an accomplished
// instance snapshot of all three) that each test changes in one place.

#include "rollback/PreconditionCheck.h"
#include "rollback/RollbackFacts.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace fixtures {

using Mutation = std::function<void(ecs::RollbackFacts &)>;
using Selection = std::optional<QStringList>;

inline const QString GroupId = QStringLiteral("ssg-1");
inline const QString InstanceId = QStringLiteral("i-1");
inline const QString SystemDiskId = QStringLiteral("d-sys");
inline const QString Data1DiskId = QStringLiteral("d-data1");
inline const QString Data2DiskId = QStringLiteral("d-data2");
inline const QString SystemSnapshotId = QStringLiteral("s-sys");
inline const QString Data1SnapshotId = QStringLiteral("s-data1");
inline const QString Data2SnapshotId = QStringLiteral("s-data2");

inline QStringList allDisks()
{
    return { SystemDiskId, Data1DiskId, Data2DiskId };
}

inline ecs::Disk attachedDisk(const QString &id, const QString &type, const QString &device,
    const QString &category, int size)
{
    ecs::Disk disk;
    disk.diskId = id;
    disk.status = ecs::DiskStatusName::InUse;
    disk.type = type;
    disk.category = category;
    disk.size = size;
    disk.instanceId = InstanceId;
    disk.device = device;
    disk.regionId = QStringLiteral("cn-hangzhou");
    disk.zoneId = QStringLiteral("cn-hangzhou-h");
    return disk;
}

inline ecs::SnapshotGroupMember member(
    const QString &snapshotId, const QString &diskId, const QString &type)
{
    ecs::SnapshotGroupMember member;
    member.snapshotId = snapshotId;
    member.sourceDiskId = diskId;
    member.sourceDiskType = type;
    member.progress = 100;
    member.available = true;
    return member;
}

inline ecs::Snapshot snapshot(
    const QString &snapshotId, const QString &diskId, const QString &type, int size)
{
    ecs::Snapshot snapshot;
    snapshot.snapshotId = snapshotId;
    snapshot.status = ecs::SnapshotStatusName::Accomplished;
    snapshot.progress = 100;
    snapshot.available = true;
    snapshot.sourceDiskId = diskId;
    snapshot.sourceDiskType = type;
    snapshot.sourceDiskSize = size;
    snapshot.creationTime = QDateTime(QDate(2024, 5, 1), QTime(8, 30), Qt::UTC);
    return snapshot;
}

inline ecs::RollbackFacts healthyFacts()
{
    using namespace ecs;
    RollbackFacts facts;
    facts.regionId = QStringLiteral("cn-hangzhou");
    facts.snapshotGroupId = GroupId;
    facts.gatheredAt = QDateTime(QDate(2024, 6, 1), QTime(12, 0), Qt::UTC);

    SnapshotGroup group;
    group.snapshotGroupId = GroupId;
    group.name = QStringLiteral("before-upgrade");
    group.instanceId = InstanceId;
    group.status = SnapshotGroupStatusName::Accomplished;
    group.creationTime = QDateTime(QDate(2024, 5, 1), QTime(8, 30), Qt::UTC);
    group.snapshots = { member(SystemSnapshotId, SystemDiskId, DiskTypeName::System),
        member(Data1SnapshotId, Data1DiskId, DiskTypeName::Data),
        member(Data2SnapshotId, Data2DiskId, DiskTypeName::Data) };
    facts.group = group;

    Instance instance;
    instance.instanceId = InstanceId;
    instance.instanceName = QStringLiteral("web-1");
    instance.regionId = facts.regionId;
    instance.zoneId = QStringLiteral("cn-hangzhou-h");
    instance.status = InstanceStatusName::Stopped;
    instance.stoppedMode = StoppedModeName::KeepCharging;
    instance.instanceChargeType = ChargeTypeName::PostPaid;
    instance.instanceNetworkType = NetworkTypeName::Vpc;
    facts.instance = instance;

    facts.disks = { attachedDisk(SystemDiskId, DiskTypeName::System, QStringLiteral("/dev/xvda"),
                        DiskCategoryName::CloudEssd, 40),
        attachedDisk(Data1DiskId, DiskTypeName::Data, QStringLiteral("/dev/xvdb"),
            DiskCategoryName::CloudEssd, 100),
        attachedDisk(Data2DiskId, DiskTypeName::Data, QStringLiteral("/dev/xvdc"),
            DiskCategoryName::CloudEfficiency, 200) };

    facts.memberSnapshots = { snapshot(SystemSnapshotId, SystemDiskId, DiskTypeName::System, 40),
        snapshot(Data1SnapshotId, Data1DiskId, DiskTypeName::Data, 100),
        snapshot(Data2SnapshotId, Data2DiskId, DiskTypeName::Data, 200) };
    return facts;
}

// Mutable access for the mutations; the disk or snapshot must exist.
inline ecs::Disk &diskIn(ecs::RollbackFacts &facts, const QString &diskId)
{
    for (ecs::Disk &disk : facts.disks) {
        if (disk.diskId == diskId)
            return disk;
    }
    Q_UNREACHABLE();
}

inline ecs::Snapshot &snapshotIn(ecs::RollbackFacts &facts, const QString &snapshotId)
{
    for (ecs::Snapshot &snapshot : facts.memberSnapshots) {
        if (snapshot.snapshotId == snapshotId)
            return snapshot;
    }
    Q_UNREACHABLE();
}

inline void removeDisk(ecs::RollbackFacts &facts, const QString &diskId)
{
    facts.disks.removeIf([&](const ecs::Disk &disk) { return disk.diskId == diskId; });
}

inline void removeSnapshot(ecs::RollbackFacts &facts, const QString &snapshotId)
{
    facts.memberSnapshots.removeIf(
        [&](const ecs::Snapshot &snapshot) { return snapshot.snapshotId == snapshotId; });
}

// The OS was replaced: the old system disk was released and a new one attached.
inline void replaceSystemDisk(ecs::RollbackFacts &facts)
{
    removeDisk(facts, SystemDiskId);
    facts.disks.prepend(attachedDisk(QStringLiteral("d-sys-new"), ecs::DiskTypeName::System,
        QStringLiteral("/dev/xvda"), ecs::DiskCategoryName::CloudEssd, 40));
}

inline ecs::ApiError readError()
{
    return ecs::ApiError::service(500, QStringLiteral("InternalError"),
        QStringLiteral("The request processing has failed due to some unknown error."),
        QStringLiteral("REQ-42"));
}

// The explanation and the facts of an item as one text, for "mentions" checks.
inline QString itemText(const ecs::PreconditionItem &item)
{
    return item.explanation + QLatin1Char('\n') + item.facts.join(QLatin1Char('\n'));
}

} // namespace fixtures

Q_DECLARE_METATYPE(fixtures::Mutation)
Q_DECLARE_METATYPE(fixtures::Selection)
Q_DECLARE_METATYPE(ecs::PreconditionKind)
Q_DECLARE_METATYPE(ecs::PreconditionOutcome)
Q_DECLARE_METATYPE(ecs::Remedy)
