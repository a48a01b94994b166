// The instance-wide checks of PreconditionChecker: the instance snapshot and its instance.

#include "PreconditionChecker.h"

namespace ecs {

namespace {

const QString DescribeSnapshotGroups = QStringLiteral("DescribeSnapshotGroups");
const QString DescribeInstances = QStringLiteral("DescribeInstances");

} // namespace

// Without the group nothing else means anything (which instance, which disks), so every
// instance-wide item is Unknown rather than left out: the report then says plainly that
// nothing was checked, and nothing passes by omission. No per-disk items: the members
// are not known.
void PreconditionChecker::checkGroupUnreadable()
{
    const QString groupId = m_facts.snapshotGroupId;
    m_instanceItems.append(unknownItem(PreconditionKind::SnapshotGroupExists,
        tr("Instance snapshot %1 could not be read, so none of the conditions for a rollback "
           "could be checked. Refresh to read it again.")
            .arg(groupId),
        DescribeSnapshotGroups, m_facts.groupError));
    for (PreconditionKind kind : { PreconditionKind::SnapshotGroupAccomplished,
             PreconditionKind::SnapshotGroupSingleInstance, PreconditionKind::InstanceExists,
             PreconditionKind::InstanceNotLocked, PreconditionKind::InstanceNotExpired,
             PreconditionKind::InstanceStopped, PreconditionKind::StoppedInStandardMode,
             PreconditionKind::SystemDiskUnchanged, PreconditionKind::DiskSelection }) {
        m_instanceItems.append(unknownItem(kind,
            tr("This could not be checked because instance snapshot %1 could not be read.")
                .arg(groupId),
            DescribeSnapshotGroups, m_facts.groupError));
    }
}

// A deleted group leaves nothing to check against; the one Failed item says so and
// Refresh would not help (the user picks another snapshot).
void PreconditionChecker::checkGroupMissing()
{
    const QString groupId = m_facts.snapshotGroupId;
    m_instanceItems.append(makeItem(PreconditionKind::SnapshotGroupExists,
        PreconditionOutcome::Failed, tr("Instance snapshot no longer exists"),
        tr("The service no longer lists instance snapshot %1: it was deleted, so nothing can be "
           "rolled back from it. Choose another instance snapshot.")
            .arg(groupId),
        { tr("Instance snapshot %1 was not found in region %2").arg(groupId, m_facts.regionId) }));
}

// The group's status alone does not decide: ESSD instant-access snapshots can be used as
// soon as the service marks them Available, while the group is still progressing. The
// item blocks only when no member can be used yet; otherwise it says which disks can be
// rolled back now, and each member's SnapshotReady item blocks for its own disk.
void PreconditionChecker::checkGroupAccomplished()
{
    const PreconditionKind kind = PreconditionKind::SnapshotGroupAccomplished;
    const QString groupId = m_group->snapshotGroupId;
    QStringList facts { tr("Instance snapshot %1 status: %2").arg(groupId, m_group->status) };

    if (m_group->isAccomplished()) {
        m_instanceItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("Instance snapshot is complete"),
                tr("Instance snapshot %1 was created completely.").arg(groupId), facts));
        return;
    }
    if (!m_group->progressStatus.isEmpty())
        facts << tr("Instance snapshot %1 progress: %2").arg(groupId, m_group->progressStatus);
    QStringList usableNow;
    QStringList notYet;
    for (const SnapshotGroupMember &member : m_group->snapshots) {
        const Snapshot *snapshot = m_facts.memberSnapshotById(member.snapshotId);
        const bool usable = snapshot ? snapshot->isUsableForRollback() : false;
        (usable ? usableNow : notYet).append(member.sourceDiskId);
        facts << (usable ? tr("Snapshot %1 of disk %2: %3% done, can be used now")
                         : tr("Snapshot %1 of disk %2: %3% done, cannot be used yet"))
                     .arg(member.snapshotId, member.sourceDiskId)
                     .arg(snapshot ? snapshot->progress : member.progress);
    }
    const QString comma = QStringLiteral(", ");
    const bool progressing = m_group->status == SnapshotGroupStatusName::Progressing;

    if (!usableNow.isEmpty()) {
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Warning,
            progressing ? tr("Instance snapshot is still being created")
                        : tr("Instance snapshot is not complete"),
            (notYet.isEmpty()
                    ? tr("Instance snapshot %1 is not complete yet (status \"%2\"), but the "
                         "snapshots of all its disks can already be used (instant access).")
                          .arg(groupId, m_group->status)
                    : tr("Instance snapshot %1 is not complete yet (status \"%2\"). Disks %3 can "
                         "be rolled back now (instant access); disks %4 cannot until their "
                         "snapshots are ready.")
                          .arg(
                              groupId, m_group->status, usableNow.join(comma), notYet.join(comma))),
            facts, notYet.isEmpty() ? Remedy::None : Remedy::Refresh));
        return;
    }

    m_groupUnusable = true;
    if (progressing) {
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
            tr("Instance snapshot is still being created"),
            tr("Instance snapshot %1 is still being created and none of its disk snapshots can "
               "be used yet. Refresh when it has finished.")
                .arg(groupId),
            facts, Remedy::Refresh));
        return;
    }
    if (m_group->status == SnapshotGroupStatusName::Failed) {
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
            tr("Instance snapshot failed"),
            tr("Creating instance snapshot %1 failed, so its disk snapshots cannot be used for a "
               "rollback. Choose another instance snapshot.")
                .arg(groupId),
            facts));
        return;
    }
    m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
        tr("Instance snapshot is not complete"),
        tr("Instance snapshot %1 is not complete (status \"%2\"), so its disk snapshots cannot be "
           "used for a rollback.")
            .arg(groupId, m_group->status),
        facts, Remedy::Refresh));
}

// A group created from a list of disks has no InstanceId; rolling it back would need
// every instance involved to be stopped, which the app does not orchestrate.
void PreconditionChecker::checkGroupSingleInstance()
{
    const PreconditionKind kind = PreconditionKind::SnapshotGroupSingleInstance;
    const QString groupId = m_group->snapshotGroupId;
    if (!m_group->instanceId.isEmpty()) {
        m_instanceItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("Instance snapshot is of one instance"),
                tr("Instance snapshot %1 holds disks of instance %2 only.")
                    .arg(groupId, m_group->instanceId),
                { tr("Instance snapshot %1 belongs to instance %2")
                        .arg(groupId, m_group->instanceId) }));
        return;
    }
    QStringList facts { tr("Instance snapshot %1 names no instance").arg(groupId) };
    QStringList origins;
    for (const SnapshotGroupMember &member : m_group->snapshots) {
        const QString origin = tagValue(member.tags, QStringLiteral("acs:ecs:createFrom"));
        if (!origin.isEmpty() && !origins.contains(origin))
            origins.append(origin);
    }
    if (!origins.isEmpty())
        facts << tr("Its disks come from %1").arg(origins.join(QStringLiteral(", ")));
    m_instanceItems.append(
        makeItem(kind, PreconditionOutcome::Failed, tr("Instance snapshot spans several instances"),
            tr("Instance snapshot %1 was created from a list of disks and belongs to no single "
               "instance. Rolling it back would need every instance involved to be stopped, which "
               "this application does not support.")
                .arg(groupId),
            facts));
}

// The instance items are left out when there is no instance to look at (released, or a
// group of several instances with none read): the failed item above them already blocks,
// and "is it stopped?" means nothing for an instance that is gone.
void PreconditionChecker::checkInstance()
{
    const QString groupInstanceId = m_group->instanceId;
    if (m_facts.instanceError.isError()) {
        const QString why
            = tr("Instance %1 could not be read, so this could not be checked.").arg(m_instanceId);
        for (PreconditionKind kind : { PreconditionKind::InstanceExists,
                 PreconditionKind::InstanceNotLocked, PreconditionKind::InstanceNotExpired,
                 PreconditionKind::InstanceStopped, PreconditionKind::StoppedInStandardMode }) {
            m_instanceItems.append(
                unknownItem(kind, why, DescribeInstances, m_facts.instanceError));
        }
        return;
    }
    if (!m_facts.instance) {
        if (groupInstanceId.isEmpty())
            return;
        m_instanceItems.append(makeItem(PreconditionKind::InstanceExists,
            PreconditionOutcome::Failed, tr("Instance was released"),
            tr("Instance %1, which the instance snapshot was taken of, is no longer listed: it was "
               "released, so its disks cannot be rolled back in place.")
                .arg(groupInstanceId),
            { tr("Instance %1 was not found in region %2")
                    .arg(groupInstanceId, m_facts.regionId) }));
        return;
    }
    const Instance &instance = *m_facts.instance;
    if (!groupInstanceId.isEmpty() && instance.instanceId != groupInstanceId) {
        // The target named another instance than the group's: every other instance check
        // would describe the wrong machine.
        m_instanceItems.append(makeItem(PreconditionKind::InstanceExists,
            PreconditionOutcome::Failed, tr("Instance does not match the instance snapshot"),
            tr("Instance snapshot %1 was taken of instance %2, but the instance read was %3; the "
               "checks would be about the wrong instance.")
                .arg(m_group->snapshotGroupId, groupInstanceId, instance.instanceId),
            { tr("Instance snapshot %1 belongs to instance %2")
                    .arg(m_group->snapshotGroupId, groupInstanceId),
                tr("The instance read is %1").arg(instance.instanceId) }));
        return;
    }

    m_instanceUsable = true;
    m_instanceItems.append(makeItem(PreconditionKind::InstanceExists, PreconditionOutcome::Passed,
        tr("Instance exists"), tr("Instance %1 is still listed.").arg(instance.instanceId),
        { instance.instanceName.isEmpty()
                ? tr("Instance %1 exists in zone %2").arg(instance.instanceId, instance.zoneId)
                : tr("Instance %1 (%2) exists in zone %3")
                      .arg(instance.instanceId, instance.instanceName, instance.zoneId) }));
    checkInstanceLocks(instance);
    checkInstancePaidUp(instance);
    checkInstanceStopped(instance);
    checkStoppedMode(instance);
}

void PreconditionChecker::checkInstanceLocks(const Instance &instance)
{
    const PreconditionKind kind = PreconditionKind::InstanceNotLocked;
    const QString id = instance.instanceId;
    // A financial lock is the arrears that InstanceNotExpired reports: one cause, one item.
    QStringList others = instance.lockReasons;
    others.removeIf([](const QString &reason) {
        return reason.compare(LockReasonName::Financial, Qt::CaseInsensitive) == 0;
    });
    if (others.isEmpty()) {
        const bool financial = instance.isLocked();
        m_instanceItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("Instance is not locked"),
                financial ? tr("Instance %1 has no operation lock other than the financial one, "
                               "which is reported with its billing.")
                                .arg(id)
                          : tr("Instance %1 has no operation lock.").arg(id),
                { financial ? tr("Instance %1 operation locks: %2")
                                  .arg(id, instance.lockReasons.join(QStringLiteral(", ")))
                            : tr("Instance %1 has no operation locks").arg(id) }));
        return;
    }
    const QString reasons = others.join(QStringLiteral(", "));
    const QStringList facts { tr("Instance %1 operation locks: %2").arg(id, reasons) };
    if (instance.isLockedForSecurity()) {
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
            tr("Instance is locked for security"),
            tr("Instance %1 is locked for security reasons: the service refuses every operation "
               "on it, a rollback included. Alibaba Cloud support can lift the lock.")
                .arg(id),
            facts));
        return;
    }
    m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed, tr("Instance is locked"),
        tr("Instance %1 is locked (%2): the service refuses operations on a locked instance, a "
           "rollback included. Resolve the reason, for example an overdue payment, first.")
            .arg(id, reasons),
        facts));
}

void PreconditionChecker::checkInstanceStopped(const Instance &instance)
{
    const PreconditionKind kind = PreconditionKind::InstanceStopped;
    const QString id = instance.instanceId;
    const QStringList facts { tr("Instance %1 status: %2").arg(id, instance.status) };
    if (instance.isStopped()) {
        m_instanceItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("Instance is stopped"),
                tr("Instance %1 is stopped, as a rollback requires.").arg(id), facts));
        return;
    }
    const QString rule = tr("Disks can only be rolled back while their instance is stopped; "
                            "the service refuses a rollback otherwise.");
    if (instance.isRunning() || instance.status == InstanceStatusName::Starting
        || instance.status == InstanceStatusName::Stopping) {
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
            instance.status == InstanceStatusName::Stopping ? tr("Instance is still stopping")
                                                            : tr("Instance is not stopped"),
            rule + QLatin1Char(' ')
                + tr("Instance %1 is %2. The app can stop it in standard mode, which keeps its "
                     "compute resources.")
                      .arg(id, instance.status),
            facts, Remedy::StopInStandardMode));
        return;
    }
    // Pending or a status the service added later: nothing the app should act on.
    m_instanceItems.append(
        makeItem(kind, PreconditionOutcome::Failed, tr("Instance is not stopped"),
            rule + QLatin1Char(' ')
                + tr("Instance %1 is %2. Refresh when it has settled.").arg(id, instance.status),
            facts, Remedy::Refresh));
}

// Economical mode exists only for pay-as-you-go VPC instances. For the others the item is
// still reported, as Passed and saying why it does not apply, so that the report always
// has the same instance-wide items and the dialog can show the rule was considered.
void PreconditionChecker::checkStoppedMode(const Instance &instance)
{
    const PreconditionKind kind = PreconditionKind::StoppedInStandardMode;
    const QString id = instance.instanceId;
    const QString billing = tr("Instance %1 charge type: %2, network type: %3")
                                .arg(id, instance.instanceChargeType, instance.instanceNetworkType);
    if (!instance.isPostPaidVpc()) {
        m_instanceItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("Economical mode does not apply"),
                tr("Only pay-as-you-go instances in a VPC can be stopped in economical mode, which "
                   "releases their compute resources; instance %1 is not one.")
                    .arg(id),
                { billing }));
        return;
    }
    if (!instance.isStopped()) {
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Passed,
            tr("Instance will be stopped in standard mode"),
            tr("Instance %1 is %2. When the app stops it for the rollback, it stops it in standard "
               "mode, which keeps its compute resources so that it can start again afterwards.")
                .arg(id, instance.status),
            { tr("Instance %1 status: %2").arg(id, instance.status), billing }));
        return;
    }
    const QStringList facts { tr("Instance %1 stopped mode: %2").arg(id, instance.stoppedMode),
        billing };
    if (instance.isStoppedInEconomicalMode()) {
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
            tr("Instance is stopped in economical mode"),
            tr("Instance %1 was stopped in economical mode, which released its compute resources: "
               "it may not start again after the rollback if the zone has run out of them. The app "
               "can start it and stop it again in standard mode, which keeps them.")
                .arg(id),
            facts, Remedy::StopInStandardMode));
        return;
    }
    m_instanceItems.append(
        makeItem(kind, PreconditionOutcome::Passed, tr("Instance is stopped in standard mode"),
            tr("Instance %1 kept its compute resources when it was stopped, so it can start again "
               "after the rollback.")
                .arg(id),
            facts));
}

PreconditionChecker::SystemDisk PreconditionChecker::systemDiskState() const
{
    if (!m_systemMember)
        return SystemDisk::NotInGroup;
    if (m_facts.instanceError.isError())
        return m_instanceId.isEmpty() ? SystemDisk::NotChecked : SystemDisk::NotKnown;
    if (!m_instanceUsable)
        return SystemDisk::NotChecked;
    if (m_facts.disksError.isError())
        return SystemDisk::NotKnown;
    const Disk *current = m_facts.currentSystemDisk();
    return current && current->diskId == m_systemMember->sourceDiskId ? SystemDisk::Unchanged
                                                                      : SystemDisk::Replaced;
}

} // namespace ecs
