#include "PreconditionCheck.h"

#include "PreconditionChecker.h"

#include <algorithm>

namespace ecs {

PreconditionReport checkPreconditions(
    const RollbackFacts &facts, const std::optional<QStringList> &selectedDiskIds)
{
    return PreconditionChecker(facts).run(selectedDiskIds);
}

PreconditionChecker::PreconditionChecker(const RollbackFacts &facts)
    : m_facts(facts)
{ }

// The order of the report: instance-wide items in PreconditionKind order, then each
// member's items in the group's order, then the attached disks the group has no snapshot
// of. The disks keep the group's order too (the service lists the system disk first, and
// ResetDisks gets the pairs in the same order as the dialog shows them).
PreconditionReport PreconditionChecker::run(const std::optional<QStringList> &selectedDiskIds)
{
    PreconditionReport report;
    if (m_facts.groupError.isError()) {
        checkGroupUnreadable();
        report.items = m_instanceItems;
        return report;
    }
    if (!m_facts.group) {
        checkGroupMissing();
        report.items = m_instanceItems;
        return report;
    }

    m_group = &*m_facts.group;
    m_instanceId = m_group->instanceId;
    if (m_instanceId.isEmpty() && m_facts.instance)
        m_instanceId = m_facts.instance->instanceId;

    m_instanceItems.append(makeItem(PreconditionKind::SnapshotGroupExists,
        PreconditionOutcome::Passed, tr("Instance snapshot exists"),
        tr("Instance snapshot %1 is still listed by the service.").arg(m_group->snapshotGroupId),
        { m_group->name.isEmpty()
                ? tr("Instance snapshot %1 exists in region %2")
                      .arg(m_group->snapshotGroupId, m_facts.regionId)
                : tr("Instance snapshot %1 (%2) exists in region %3")
                      .arg(m_group->snapshotGroupId, m_group->name, m_facts.regionId) }));
    checkGroupAccomplished();
    checkGroupSingleInstance();
    checkInstance();

    for (const SnapshotGroupMember &member : m_group->snapshots) {
        if (member.isSystemDisk() && !m_systemMember)
            m_systemMember = &member;
    }
    m_systemDisk = systemDiskState();

    for (const SnapshotGroupMember &member : m_group->snapshots)
        report.disks.append(checkMember(member));

    // The dialog's default is every disk that can be rolled back; an explicit selection
    // is taken as it is, blocked disks included, so that their items block.
    QStringList selected;
    for (DiskEligibility &disk : report.disks) {
        disk.selected = selectedDiskIds ? selectedDiskIds->contains(disk.diskId) : disk.canRollBack;
        if (disk.selected)
            selected.append(disk.diskId);
    }

    checkSystemDiskUnchanged(selected);
    checkDiskSelection(selectedDiskIds, selected, report.disks);
    addDataLoss(selected);
    checkDisksNotInSnapshot();

    report.items = m_instanceItems + m_diskItems;
    return report;
}

PreconditionItem PreconditionChecker::makeItem(PreconditionKind kind, PreconditionOutcome outcome,
    const QString &title, const QString &explanation, const QStringList &facts, Remedy remedy,
    const QString &diskId)
{
    PreconditionItem item;
    item.kind = kind;
    item.outcome = outcome;
    item.diskId = diskId;
    item.title = title;
    item.explanation = explanation;
    item.facts = facts;
    item.remedy = remedy;
    return item;
}

PreconditionItem PreconditionChecker::unknownItem(PreconditionKind kind, const QString &explanation,
    const QString &action, const ApiError &error, const QString &diskId)
{
    // "Could not check (timeout): DescribeInstances failed: …": a read that failed is
    // never mistaken for a condition that is not met.
    return makeItem(kind, PreconditionOutcome::Unknown, unknownTitle(kind), explanation,
        { tr("Could not check (%1): %2 failed: %3")
                .arg(ApiError::kindName(error.kind()), action, error.summary()) },
        Remedy::Refresh, diskId);
}

QString PreconditionChecker::unknownTitle(PreconditionKind kind)
{
    switch (kind) {
    case PreconditionKind::SnapshotGroupExists:
        return tr("Could not read the instance snapshot");
    case PreconditionKind::SnapshotGroupAccomplished:
        return tr("Unknown whether the instance snapshot is complete");
    case PreconditionKind::SnapshotGroupSingleInstance:
        return tr("Unknown whether the instance snapshot is of one instance");
    case PreconditionKind::InstanceExists:
        return tr("Could not read the instance");
    case PreconditionKind::InstanceNotLocked:
        return tr("Unknown whether the instance is locked");
    case PreconditionKind::InstanceNotExpired:
        return tr("Unknown whether the instance is paid up");
    case PreconditionKind::InstanceStopped:
        return tr("Unknown whether the instance is stopped");
    case PreconditionKind::StoppedInStandardMode:
        return tr("Unknown how the instance was stopped");
    case PreconditionKind::SystemDiskUnchanged:
        return tr("Unknown whether the system disk was replaced");
    case PreconditionKind::DiskSelection:
        return tr("Unknown whether the selected disks are in the instance snapshot");
    case PreconditionKind::DataLoss:
        return tr("Unknown which data will be lost");
    case PreconditionKind::DiskExists:
        return tr("Could not read the disk");
    case PreconditionKind::DiskAttached:
        return tr("Unknown whether the disk is attached");
    case PreconditionKind::DiskStatusAllowsReset:
        return tr("Unknown whether the disk is in use");
    case PreconditionKind::DiskCategorySupportsReset:
        return tr("Unknown whether the disk category can be rolled back");
    case PreconditionKind::SnapshotExists:
        return tr("Could not read the disk snapshot");
    case PreconditionKind::SnapshotReady:
        return tr("Unknown whether the disk snapshot is ready");
    case PreconditionKind::SnapshotBelongsToDisk:
        return tr("Unknown whether the disk snapshot is of this disk");
    case PreconditionKind::SnapshotEncryptionMatchesDisk:
        return tr("Unknown whether the disk snapshot's encryption fits the disk");
    case PreconditionKind::NoUnfinishedSnapshot:
        return tr("Unknown whether a snapshot of the disk is being created");
    case PreconditionKind::DiskNotLocked:
        return tr("Unknown whether the disk is locked");
    case PreconditionKind::DiskNotInSnapshot:
        return tr("Unknown whether the disk is in the instance snapshot");
    }
    return tr("Could not be checked");
}

QString PreconditionChecker::formatTime(const QDateTime &time)
{
    // Fixed and in UTC: the text is also written to the journal, which must not depend on
    // the locale or time zone of whoever reads it later.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

QString PreconditionChecker::yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QStringList PreconditionChecker::systemDiskFacts() const
{
    QStringList facts;
    if (const Disk *current = m_facts.currentSystemDisk())
        facts << tr("Instance %1 system disk: %2").arg(m_instanceId, current->diskId);
    else
        facts << tr("Instance %1 has no system disk attached").arg(m_instanceId);
    if (m_systemMember) {
        facts << tr("Instance snapshot %1 holds snapshot %2 of system disk %3")
                     .arg(m_group->snapshotGroupId, m_systemMember->snapshotId,
                         m_systemMember->sourceDiskId);
    }
    return facts;
}

// Replacing the OS gives the instance a new system disk; the group's snapshot still names
// the old one. That only blocks a rollback of the system disk: the data disks can still be
// rolled back on their own, so the item is a warning while the system disk is not selected.
void PreconditionChecker::checkSystemDiskUnchanged(const QStringList &selected)
{
    const PreconditionKind kind = PreconditionKind::SystemDiskUnchanged;
    switch (m_systemDisk) {
    case SystemDisk::NotChecked:
        return;
    case SystemDisk::NotInGroup:
        m_instanceItems.append(makeItem(kind, PreconditionOutcome::Passed,
            tr("No system disk in the instance snapshot"),
            tr("Instance snapshot %1 holds data disks only, so the system disk is not rolled "
               "back.")
                .arg(m_group->snapshotGroupId),
            { tr("Instance snapshot %1 has no snapshot of a system disk")
                    .arg(m_group->snapshotGroupId) }));
        return;
    case SystemDisk::Unchanged:
        m_instanceItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("System disk is unchanged"),
                tr("Disk %1, whose snapshot is in the instance snapshot, is still the system disk "
                   "of instance %2.")
                    .arg(m_systemMember->sourceDiskId, m_instanceId),
                systemDiskFacts()));
        return;
    case SystemDisk::Replaced:
        break;
    case SystemDisk::NotKnown: {
        const ApiError error
            = m_facts.instanceError.isError() ? m_facts.instanceError : m_facts.disksError;
        const QString action = m_facts.instanceError.isError() ? QStringLiteral("DescribeInstances")
                                                               : QStringLiteral("DescribeDisks");
        PreconditionItem item = unknownItem(kind,
            tr("Whether the system disk of instance %1 is still disk %2 could not be checked.")
                    .arg(m_instanceId, m_systemMember->sourceDiskId)
                + QLatin1Char(' ')
                + (selected.contains(m_systemMember->sourceDiskId)
                        ? tr("Refresh before rolling back the system disk.")
                        : tr("The data disks can still be rolled back.")),
            action, error);
        // The system member's own item blocks when it is selected.
        item.outcome = PreconditionOutcome::Warning;
        m_instanceItems.append(item);
        return;
    }
    }

    const bool systemSelected = selected.contains(m_systemMember->sourceDiskId);
    const QString why
        = tr("The system disk of instance %1 was replaced since the instance snapshot was taken "
             "(for example by changing the operating system): snapshot %2 is of the old system "
             "disk %3, so the system disk cannot be rolled back.")
              .arg(m_instanceId, m_systemMember->snapshotId, m_systemMember->sourceDiskId);
    // A warning here in any case: the system member's own item blocks when it is selected
    // (one cause, one blocking item).
    m_instanceItems.append(
        makeItem(kind, PreconditionOutcome::Warning, tr("System disk was replaced"),
            why + QLatin1Char(' ')
                + (systemSelected ? tr("Deselect it to roll back the data disks.")
                                  : tr("The data disks can still be rolled back.")),
            systemDiskFacts()));
}

void PreconditionChecker::checkDiskSelection(const std::optional<QStringList> &requested,
    const QStringList &selected, const QList<DiskEligibility> &disks)
{
    const PreconditionKind kind = PreconditionKind::DiskSelection;
    const QString groupId = m_group->snapshotGroupId;

    QStringList strangers;
    if (requested) {
        for (const QString &diskId : *requested) {
            if (!m_group->memberForDisk(diskId) && !strangers.contains(diskId))
                strangers.append(diskId);
        }
    }
    if (!strangers.isEmpty()) {
        // One item per disk, naming it: the job's last re-check can then leave exactly
        // that disk out (a snapshot deleted since the first check) when the plan says so.
        for (const QString &diskId : qAsConst(strangers)) {
            PreconditionItem item = makeItem(kind, PreconditionOutcome::Failed,
                tr("Selected disk is not in the instance snapshot"),
                tr("Instance snapshot %1 holds no snapshot of %2, so it cannot roll back that "
                   "disk.")
                    .arg(groupId, diskId),
                { tr("Disk %1 is not in instance snapshot %2").arg(diskId, groupId) });
            item.diskId = diskId;
            m_instanceItems.append(item);
        }
        return;
    }
    if (selected.isEmpty()) {
        if (requested) {
            m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
                tr("No disk is selected"), tr("Select at least one disk to roll back."),
                { tr("Instance snapshot %1 holds snapshots of %2")
                        .arg(groupId, m_group->sourceDiskIds().join(QStringLiteral(", "))) }));
        } else {
            QStringList facts;
            for (const DiskEligibility &disk : disks)
                facts
                    << tr("Disk %1: %2").arg(disk.diskId, disk.reasons.join(QStringLiteral("; ")));
            // A disk held back only by checks that could not be made (a read failed) may
            // well be eligible: "none can be rolled back" would be a guess.
            if (anyDiskOnlyUnchecked(disks)) {
                const ApiError error = m_facts.firstError();
                facts.prepend(tr("Could not check (%1): %2")
                                  .arg(ApiError::kindName(error.kind()), error.summary()));
                m_instanceItems.append(makeItem(kind, PreconditionOutcome::Unknown,
                    tr("Could not check which disks can be rolled back"),
                    tr("Some checks of the disks in instance snapshot %1 could not be made "
                       "because a read failed; the items of each disk say which. Check again.")
                        .arg(groupId),
                    facts, Remedy::Refresh));
                return;
            }
            // An instance-wide item that already blocks is the cause (the group is still
            // being created, the instance is gone): no second item for its consequence.
            if (std::any_of(m_instanceItems.cbegin(), m_instanceItems.cend(),
                    [](const PreconditionItem &item) { return item.blocks(); }))
                return;
            m_instanceItems.append(
                makeItem(kind, PreconditionOutcome::Failed, tr("No disk can be rolled back"),
                    tr("None of the disks in instance snapshot %1 can be rolled back; the items of "
                       "each disk say why.")
                        .arg(groupId),
                    facts));
        }
        return;
    }

    QStringList facts;
    for (const QString &diskId : selected) {
        facts << tr("Disk %1 is rolled back to snapshot %2")
                     .arg(diskId, m_group->memberForDisk(diskId)->snapshotId);
    }
    m_instanceItems.append(makeItem(kind, PreconditionOutcome::Passed,
        tr("%n disk(s) selected", nullptr, int(selected.size())),
        tr("These disks of instance snapshot %1 will be rolled back: %2.")
            .arg(groupId, selected.join(QStringLiteral(", "))),
        facts));
}

bool PreconditionChecker::anyDiskOnlyUnchecked(const QList<DiskEligibility> &disks) const
{
    for (const DiskEligibility &disk : disks) {
        bool failed = false;
        bool unknown = false;
        for (const PreconditionItem &item : m_diskItems) {
            if (item.diskId != disk.diskId)
                continue;
            failed = failed || item.outcome == PreconditionOutcome::Failed;
            unknown = unknown || item.outcome == PreconditionOutcome::Unknown;
        }
        if (unknown && !failed)
            return true;
    }
    return false;
}

void PreconditionChecker::addDataLoss(const QStringList &selected)
{
    const QString since = m_group->creationTime.isValid() ? formatTime(m_group->creationTime)
                                                          : tr("the instance snapshot was taken");
    QStringList facts;
    if (m_group->creationTime.isValid()) {
        facts << tr("Instance snapshot %1 was created at %2")
                     .arg(m_group->snapshotGroupId, formatTime(m_group->creationTime));
    }
    if (!selected.isEmpty())
        facts << tr("Disks to roll back: %1").arg(selected.join(QStringLiteral(", ")));
    m_instanceItems.append(makeItem(PreconditionKind::DataLoss, PreconditionOutcome::Warning,
        tr("Newer data will be lost"),
        tr("A rollback returns each selected disk to the state of instance snapshot %1: data "
           "written since %2 on the selected disks will be lost, for good. An instance snapshot "
           "of the current disks, taken first, keeps a way back.")
            .arg(m_group->snapshotGroupId, since),
        facts, Remedy::CreateSafetySnapshot));
}

} // namespace ecs
