#include "EcsService.h"

// Another actor's moves (ActorMoves): what someone else does to the account between two
// of the app's calls. They take effect at once, with no Stopping/Starting phase, so a
// fault-injection test knows the state right after the move.

namespace ecs::emulator {

namespace {

QString notFound(const char *kind, const QString &id)
{
    return QStringLiteral("no %1 %2").arg(QLatin1String(kind), id);
}

} // namespace

QString EcsService::applyActorMove(
    const QString &move, const QString &resourceId, const QString &argument)
{
    if (move == QLatin1String("StartInstance") || move == QLatin1String("StopInstance")) {
        const bool start = move == QLatin1String("StartInstance");
        const auto found = m_world.instances.find(resourceId);
        if (found == m_world.instances.end())
            return notFound("instance", resourceId);
        Instance &instance = found->instance;
        const QString from = start ? InstanceStatusName::Stopped : InstanceStatusName::Running;
        if (instance.status != from)
            return QStringLiteral("instance %1 is %2, not %3")
                .arg(resourceId, instance.status, from);
        instance.status = start ? InstanceStatusName::Running : InstanceStatusName::Stopped;
        instance.stoppedMode
            = start ? StoppedModeName::NotApplicable : StoppedModeName::KeepCharging;
        found->pendingStoppedMode.clear();
    } else if (move == QLatin1String("DeleteSnapshot")) {
        if (!m_world.snapshots.contains(resourceId))
            return notFound("snapshot", resourceId);
        m_world.removeSnapshot(resourceId);
    } else if (move == QLatin1String("DeleteSnapshotGroup")) {
        const auto found = m_world.groups.find(resourceId);
        if (found == m_world.groups.end())
            return notFound("snapshot group", resourceId);
        const QStringList snapshotIds = found->snapshotIds;
        m_world.groups.erase(found);
        for (const QString &snapshotId : snapshotIds)
            m_world.removeSnapshot(snapshotId);
    } else if (move == QLatin1String("DetachDisk") || move == QLatin1String("AttachDisk")
        || move == QLatin1String("ReleaseDisk")) {
        const auto found = m_world.disks.find(resourceId);
        if (found == m_world.disks.end())
            return notFound("disk", resourceId);
        Disk &disk = found->disk;
        if (move == QLatin1String("ReleaseDisk")) {
            m_world.disks.erase(found);
        } else if (!disk.isSettled()) {
            // A rollback owns the disk until it is In_use/Available again.
            return QStringLiteral("disk %1 is %2").arg(resourceId, disk.status);
        } else if (move == QLatin1String("DetachDisk")) {
            if (disk.instanceId.isEmpty())
                return QStringLiteral("disk %1 is not attached").arg(resourceId);
            disk.status = DiskStatusName::Available;
            disk.instanceId.clear();
            disk.device.clear();
            disk.attachments.clear();
            disk.detachedTime = QDateTime::currentDateTimeUtc();
        } else {
            const auto instance = m_world.instances.constFind(argument);
            if (instance == m_world.instances.constEnd())
                return notFound("instance", argument);
            if (!disk.instanceId.isEmpty())
                return QStringLiteral("disk %1 is attached to %2").arg(resourceId, disk.instanceId);
            if (instance->instance.regionId != disk.regionId)
                return QStringLiteral("disk %1 and instance %2 are in different regions")
                    .arg(resourceId, argument);
            disk.status = DiskStatusName::InUse;
            disk.instanceId = argument;
            disk.device = m_world.freeDevice(argument);
            disk.attachedTime = QDateTime::currentDateTimeUtc();
            disk.attachments = { DiskAttachment { argument, disk.device, disk.attachedTime } };
        }
    } else {
        return QStringLiteral("unknown move \"%1\"").arg(move);
    }
    changed();
    return {};
}

} // namespace ecs::emulator
