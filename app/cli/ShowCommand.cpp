#include "ShowCommand.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ExitCodes.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ecs::cli {

void ShowCommand::start()
{
    withSession([this] {
        gatherFacts(m_options.arguments.constFirst(), [this](const RollbackFacts &facts) {
            if (!facts.group) {
                m_output.error(tr("Instance snapshot %1 was not found in region %2.")
                                   .arg(facts.snapshotGroupId, facts.regionId));
                finish(ExitError);
                return;
            }
            if (m_output.isJson())
                printJson(facts);
            else
                print(facts);
            finish(ExitDone);
        });
    });
}

QString ShowCommand::diskNow(const RollbackFacts &facts, const QString &diskId) const
{
    const Disk *disk = facts.diskById(diskId);
    if (!disk)
        return facts.disksError.isError() ? tr("unknown (%1)").arg(facts.disksError.summary())
                                          : tr("released");
    const QString instanceId = facts.instance ? facts.instance->instanceId : QString();
    if (!instanceId.isEmpty() && disk->isAttachedTo(instanceId))
        return disk->device.isEmpty() ? disk->status
                                      : disk->status + QLatin1String(", ") + disk->device;
    if (disk->status == DiskStatusName::Available)
        return tr("%1 (detached)").arg(disk->status);
    if (!disk->instanceId.isEmpty())
        return tr("%1 on %2").arg(disk->status, disk->instanceId);
    return disk->status;
}

void ShowCommand::print(const RollbackFacts &facts)
{
    const SnapshotGroup &group = *facts.group;
    QList<QStringList> about {
        { tr("Instance snapshot"),
            group.name.isEmpty() ? group.snapshotGroupId
                                 : tr("%1 (%2)").arg(group.snapshotGroupId, group.name) },
        { tr("Status"), group.status },
        { tr("Created"), CliOutput::time(group.creationTime) },
        { tr("Region"), facts.regionId },
    };
    if (!group.description.isEmpty())
        about.append({ tr("Description"), group.description });
    if (facts.instance) {
        const Instance &instance = *facts.instance;
        about.append({ tr("Instance"),
            instance.instanceName.isEmpty()
                ? instance.instanceId
                : tr("%1 (%2)").arg(instance.instanceId, instance.instanceName) });
        QString state = instance.status;
        if (instance.isStopped() && !instance.stoppedMode.isEmpty())
            state += QLatin1String(" (") + instance.stoppedMode + QLatin1Char(')');
        about.append({ tr("Instance status"),
            QStringList { state, instance.instanceChargeType, instance.instanceNetworkType }.join(
                QLatin1String(", ")) });
        if (instance.isLocked())
            about.append({ tr("Locks"), instance.lockReasons.join(QLatin1String(", ")) });
    } else if (facts.instanceError.isError()) {
        about.append({ tr("Instance"),
            tr("%1: could not be read (%2)")
                .arg(group.instanceId, facts.instanceError.summary()) });
    } else if (!group.instanceId.isEmpty()) {
        about.append({ tr("Instance"), tr("%1: released").arg(group.instanceId) });
    }
    about.append({ tr("Disks"), QString::number(group.snapshots.size()) });
    for (const QStringList &row : qAsConst(about))
        m_output.line(row.at(0).leftJustified(19) + row.at(1));
    m_output.line();

    QList<QStringList> rows;
    for (const SnapshotGroupMember &member : group.snapshots) {
        rows.append({ member.sourceDiskId, member.sourceDiskType, member.snapshotId,
            tr("%1%").arg(member.progress), CliOutput::yesNo(member.available),
            diskNow(facts, member.sourceDiskId) });
    }
    m_output.table(
        { tr("DISK"), tr("TYPE"), tr("SNAPSHOT"), tr("PROGRESS"), tr("AVAILABLE"), tr("DISK NOW") },
        rows);
}

void ShowCommand::printJson(const RollbackFacts &facts)
{
    const SnapshotGroup &group = *facts.group;
    QJsonObject json { { QStringLiteral("id"), group.snapshotGroupId },
        { QStringLiteral("name"), group.name },
        { QStringLiteral("description"), group.description },
        { QStringLiteral("status"), group.status },
        { QStringLiteral("creationTime"), CliOutput::jsonTime(group.creationTime) },
        { QStringLiteral("regionId"), facts.regionId },
        { QStringLiteral("instanceId"), group.instanceId } };
    if (facts.instance) {
        const Instance &instance = *facts.instance;
        json.insert(QStringLiteral("instance"),
            QJsonObject { { QStringLiteral("id"), instance.instanceId },
                { QStringLiteral("name"), instance.instanceName },
                { QStringLiteral("status"), instance.status },
                { QStringLiteral("stoppedMode"), instance.stoppedMode },
                { QStringLiteral("chargeType"), instance.instanceChargeType },
                { QStringLiteral("networkType"), instance.instanceNetworkType },
                { QStringLiteral("lockReasons"),
                    QJsonArray::fromStringList(instance.lockReasons) } });
    } else {
        json.insert(QStringLiteral("instance"), QJsonValue::Null);
    }
    QJsonArray disks;
    for (const SnapshotGroupMember &member : group.snapshots) {
        QJsonObject disk { { QStringLiteral("diskId"), member.sourceDiskId },
            { QStringLiteral("diskType"), member.sourceDiskType },
            { QStringLiteral("snapshotId"), member.snapshotId },
            { QStringLiteral("progress"), member.progress },
            { QStringLiteral("available"), member.available },
            { QStringLiteral("diskNow"), diskNow(facts, member.sourceDiskId) } };
        if (const Disk *now = facts.diskById(member.sourceDiskId)) {
            disk.insert(QStringLiteral("diskStatus"), now->status);
            disk.insert(QStringLiteral("device"), now->device);
            disk.insert(QStringLiteral("attachedInstanceId"), now->instanceId);
        }
        disks.append(disk);
    }
    json.insert(QStringLiteral("disks"), disks);
    m_output.printJson(json);
}

} // namespace ecs::cli
