// The per-disk checks of PreconditionChecker. Every member of the group is checked, selected
// or not, so that the dialog can say why a disk cannot be rolled back; the report decides
// which of them block (only those of selected disks).
//
// A disk's items, in this order: DiskExists, DiskAttached, DiskStatusAllowsReset,
// DiskCategorySupportsReset, DiskNotLocked (only when the disk was found), SnapshotExists,
// SnapshotReady, SnapshotBelongsToDisk (only when the snapshot was found),
// SnapshotEncryptionMatchesDisk (only when both were found), NoUnfinishedSnapshot, and for
// the system disk's member SystemDiskUnchanged. An item that needs the disk or snapshot is
// left out when it is gone: "is the released disk attached?" has no answer, and the
// failed item already says why the disk cannot be rolled back.
//
// One cause, one failed item: an item that would only repeat another's cause is left out
// (a detached disk is not also "not in use"; the old disk of a replaced system disk is not
// also "released"; a member snapshot is not its own "snapshot being created").

#include "PreconditionChecker.h"

namespace ecs {

namespace {

const QString DescribeDisks = QStringLiteral("DescribeDisks");
const QString DescribeSnapshots = QStringLiteral("DescribeSnapshots");

QString deviceOn(const Disk &disk, const QString &instanceId)
{
    for (const DiskAttachment &attachment : disk.attachments) {
        if (attachment.instanceId == instanceId && !attachment.device.isEmpty())
            return attachment.device;
    }
    return disk.device;
}

// Every instance the disk is attached to, once (legacy field and multi-attach list).
QStringList attachedInstances(const Disk &disk)
{
    QStringList ids;
    if (!disk.instanceId.isEmpty())
        ids.append(disk.instanceId);
    for (const DiskAttachment &attachment : disk.attachments) {
        if (!attachment.instanceId.isEmpty() && !ids.contains(attachment.instanceId))
            ids.append(attachment.instanceId);
    }
    return ids;
}

} // namespace

DiskEligibility PreconditionChecker::checkMember(const SnapshotGroupMember &member)
{
    const QString diskId = member.sourceDiskId;
    const qsizetype firstItem = m_diskItems.size();
    // A disk or snapshot that was read is used even if another read failed: only its
    // absence is ambiguous then (released, or just not read).
    const Disk *disk = m_facts.diskById(diskId);
    const Snapshot *snapshot = m_facts.memberSnapshotById(member.snapshotId);

    if (disk) {
        checkDisk(*disk, diskId);
    } else if (m_facts.disksError.isError()) {
        m_diskItems.append(unknownItem(PreconditionKind::DiskExists,
            tr("Disk %1 could not be read, so whether it can be rolled back is not known.")
                .arg(diskId),
            DescribeDisks, m_facts.disksError, diskId));
    } else if (&member != m_systemMember || m_systemDisk != SystemDisk::Replaced) {
        m_diskItems.append(makeItem(PreconditionKind::DiskExists, PreconditionOutcome::Failed,
            tr("Disk was released"),
            tr("Disk %1 is no longer listed: it was released, so there is nothing to roll back to "
               "snapshot %2.")
                .arg(diskId, member.snapshotId),
            { tr("Disk %1 was not found in region %2").arg(diskId, m_facts.regionId) },
            Remedy::None, diskId));
    }

    checkMemberSnapshot(member);
    if (disk && snapshot)
        checkSnapshotEncryption(*disk, *snapshot);
    checkUnfinishedSnapshots(member);
    checkSystemDiskOfMember(member);

    DiskEligibility eligibility;
    eligibility.diskId = diskId;
    eligibility.snapshotId = member.snapshotId;
    eligibility.diskType = member.sourceDiskType;
    if (disk) {
        eligibility.category = disk->category;
        eligibility.sizeGiB = disk->size;
        eligibility.device = deviceOn(*disk, m_instanceId);
    } else if (snapshot) {
        eligibility.sizeGiB = snapshot->sourceDiskSize;
    }
    eligibility.canRollBack = true;
    for (qsizetype i = firstItem; i < m_diskItems.size(); ++i) {
        if (m_diskItems.at(i).blocks()) {
            eligibility.canRollBack = false;
            eligibility.reasons.append(m_diskItems.at(i).title);
        }
    }
    return eligibility;
}

void PreconditionChecker::checkDisk(const Disk &disk, const QString &diskId)
{
    m_diskItems.append(makeItem(PreconditionKind::DiskExists, PreconditionOutcome::Passed,
        tr("Disk exists"), tr("Disk %1 still exists.").arg(diskId),
        { tr("Disk %1 exists: %2 disk, %3, %4 GiB")
                .arg(diskId, disk.type, disk.category)
                .arg(disk.size) },
        Remedy::None, diskId));

    checkDiskAttached(disk);

    const PreconditionKind statusKind = PreconditionKind::DiskStatusAllowsReset;
    const QStringList statusFacts { tr("Disk %1 status: %2").arg(diskId, disk.status) };
    if (disk.isInUse()) {
        m_diskItems.append(makeItem(statusKind, PreconditionOutcome::Passed, tr("Disk is in use"),
            tr("Disk %1 is attached and idle (In_use), as a rollback requires.").arg(diskId),
            statusFacts, Remedy::None, diskId));
    } else if (disk.status == DiskStatusName::ReIniting) {
        m_diskItems.append(makeItem(statusKind, PreconditionOutcome::Failed,
            tr("Disk is already being rolled back"),
            tr("A rollback is already running on disk %1 (status ReIniting); the service refuses "
               "another until it has finished. Refresh when it has finished.")
                .arg(diskId),
            statusFacts, Remedy::Refresh, diskId));
    } else if (disk.status == DiskStatusName::Attaching || disk.status == DiskStatusName::Detaching
        || disk.status == DiskStatusName::Creating) {
        m_diskItems.append(makeItem(statusKind, PreconditionOutcome::Failed, tr("Disk is busy"),
            tr("Disk %1 is %2; the service only rolls back a disk that is attached and idle "
               "(In_use). Refresh when it has settled.")
                .arg(diskId, disk.status),
            statusFacts, Remedy::Refresh, diskId));
    } else if (disk.status == DiskStatusName::Available && !m_instanceId.isEmpty()
        && !disk.isAttachedTo(m_instanceId)) {
        // Detached: DiskAttached says so, and that is the one cause.
    } else {
        // Available while still listed as attached, or a status added later.
        m_diskItems.append(makeItem(statusKind, PreconditionOutcome::Failed,
            tr("Disk is not in use"),
            tr("Disk %1 is %2; an instance snapshot only rolls back disks that are attached and "
               "idle (In_use).")
                .arg(diskId, disk.status),
            statusFacts, Remedy::None, diskId));
    }

    checkDiskCategory(disk);

    const PreconditionKind lockKind = PreconditionKind::DiskNotLocked;
    if (disk.lockReasons.isEmpty()) {
        m_diskItems.append(makeItem(lockKind, PreconditionOutcome::Passed, tr("Disk is not locked"),
            tr("Disk %1 has no operation lock.").arg(diskId),
            { tr("Disk %1 has no operation locks").arg(diskId) }, Remedy::None, diskId));
    } else {
        const QString reasons = disk.lockReasons.join(QStringLiteral(", "));
        m_diskItems.append(makeItem(lockKind, PreconditionOutcome::Failed, tr("Disk is locked"),
            tr("Disk %1 is locked (%2): the service refuses to roll back a locked disk.")
                .arg(diskId, reasons),
            { tr("Disk %1 operation locks: %2").arg(diskId, reasons) }, Remedy::None, diskId));
    }
}

void PreconditionChecker::checkDiskAttached(const Disk &disk)
{
    // A group of several instances with none read: there is no instance to compare with,
    // and SnapshotGroupSingleInstance already blocks.
    if (m_instanceId.isEmpty())
        return;
    const PreconditionKind kind = PreconditionKind::DiskAttached;
    const QString diskId = disk.diskId;
    if (disk.isAttachedTo(m_instanceId)) {
        const QString device = deviceOn(disk, m_instanceId);
        m_diskItems.append(makeItem(kind, PreconditionOutcome::Passed,
            tr("Disk is attached to the instance"),
            tr("Disk %1 is still attached to instance %2.").arg(diskId, m_instanceId),
            { device.isEmpty() ? tr("Disk %1 is attached to instance %2").arg(diskId, m_instanceId)
                               : tr("Disk %1 is attached to instance %2 as %3")
                                     .arg(diskId, m_instanceId, device) },
            Remedy::None, diskId));
        return;
    }
    const QStringList others = attachedInstances(disk);
    if (!others.isEmpty()) {
        QStringList facts;
        for (const QString &other : others)
            facts << tr("Disk %1 is attached to instance %2").arg(diskId, other);
        m_diskItems.append(makeItem(kind, PreconditionOutcome::Failed,
            tr("Disk is attached to another instance"),
            tr("Disk %1 is now attached to instance %2, not to instance %3 that the snapshot was "
               "taken of; rolling it back would overwrite the other instance's data.")
                .arg(diskId, others.join(QStringLiteral(", ")), m_instanceId),
            facts, Remedy::None, diskId));
        return;
    }
    m_diskItems.append(makeItem(kind, PreconditionOutcome::Failed, tr("Disk was detached"),
        tr("Disk %1 was detached from instance %2 since the instance snapshot was taken; an "
           "instance snapshot only rolls back disks that are still attached.")
            .arg(diskId, m_instanceId),
        { tr("Disk %1 is not attached to any instance (status %2)").arg(diskId, disk.status) },
        Remedy::None, diskId));
}

void PreconditionChecker::checkMemberSnapshot(const SnapshotGroupMember &member)
{
    const QString diskId = member.sourceDiskId;
    const QString snapshotId = member.snapshotId;
    const Snapshot *snapshot = m_facts.memberSnapshotById(snapshotId);
    if (!snapshot) {
        if (m_facts.memberSnapshotsError.isError()) {
            m_diskItems.append(unknownItem(PreconditionKind::SnapshotExists,
                tr("Snapshot %1 of disk %2 could not be read, so whether it can be used is not "
                   "known.")
                    .arg(snapshotId, diskId),
                DescribeSnapshots, m_facts.memberSnapshotsError, diskId));
        } else {
            m_diskItems.append(makeItem(PreconditionKind::SnapshotExists,
                PreconditionOutcome::Failed, tr("Disk snapshot was deleted"),
                tr("Snapshot %1 of disk %2 was deleted, so this disk cannot be rolled back from "
                   "the "
                   "instance snapshot. The other disks still can.")
                    .arg(snapshotId, diskId),
                { tr("Snapshot %1 was not found in region %2").arg(snapshotId, m_facts.regionId) },
                Remedy::None, diskId));
        }
        return;
    }
    m_diskItems.append(makeItem(PreconditionKind::SnapshotExists, PreconditionOutcome::Passed,
        tr("Disk snapshot exists"), tr("Snapshot %1 of disk %2 exists.").arg(snapshotId, diskId),
        { tr("Snapshot %1 exists").arg(snapshotId) }, Remedy::None, diskId));

    const PreconditionKind readyKind = PreconditionKind::SnapshotReady;
    const QStringList readyFacts { tr("Snapshot %1 status: %2, %3% done, available: %4")
                                       .arg(snapshotId, snapshot->status)
                                       .arg(snapshot->progress)
                                       .arg(yesNo(snapshot->available)) };
    if (snapshot->isUsableForRollback()) {
        m_diskItems.append(
            makeItem(readyKind, PreconditionOutcome::Passed, tr("Disk snapshot is ready"),
                snapshot->isAccomplished()
                    ? tr("Snapshot %1 is complete and available for a rollback.").arg(snapshotId)
                    : tr("Snapshot %1 is still being completed, but the service already marks it "
                         "available for a rollback (instant access).")
                          .arg(snapshotId),
                readyFacts, Remedy::None, diskId));
    } else if (m_groupUnusable) {
        // SnapshotGroupAccomplished already blocks for every member.
    } else if (snapshot->status == SnapshotStatusName::Progressing) {
        m_diskItems.append(makeItem(readyKind, PreconditionOutcome::Failed,
            tr("Disk snapshot is still being created"),
            tr("Snapshot %1 is still being created; it can be used once it is complete. Refresh "
               "when it has finished.")
                .arg(snapshotId),
            readyFacts, Remedy::Refresh, diskId));
    } else if (snapshot->status == SnapshotStatusName::Failed) {
        m_diskItems.append(
            makeItem(readyKind, PreconditionOutcome::Failed, tr("Disk snapshot failed"),
                tr("Creating snapshot %1 failed, so disk %2 cannot be rolled back from it.")
                    .arg(snapshotId, diskId),
                readyFacts, Remedy::None, diskId));
    } else {
        m_diskItems.append(makeItem(readyKind, PreconditionOutcome::Failed,
            tr("Disk snapshot is not available"),
            tr("The service reports snapshot %1 as not available for a rollback.").arg(snapshotId),
            readyFacts, Remedy::Refresh, diskId));
    }

    const PreconditionKind ownerKind = PreconditionKind::SnapshotBelongsToDisk;
    if (snapshot->sourceDiskId == diskId) {
        m_diskItems.append(
            makeItem(ownerKind, PreconditionOutcome::Passed, tr("Disk snapshot is of this disk"),
                tr("Snapshot %1 was taken of disk %2.").arg(snapshotId, diskId),
                { tr("Snapshot %1 was taken of disk %2").arg(snapshotId, diskId) }, Remedy::None,
                diskId));
    } else if (snapshot->sourceDiskId.isEmpty()) {
        m_diskItems.append(makeItem(ownerKind, PreconditionOutcome::Unknown,
            unknownTitle(ownerKind),
            tr("The service did not say which disk snapshot %1 was taken of, so whether it fits "
               "disk %2 is not known.")
                .arg(snapshotId, diskId),
            { tr("Snapshot %1 has no source disk").arg(snapshotId) }, Remedy::None, diskId));
    } else {
        m_diskItems.append(makeItem(ownerKind, PreconditionOutcome::Failed,
            tr("Disk snapshot is of another disk"),
            tr("Snapshot %1 was taken of disk %2, not of disk %3 as the instance snapshot says; "
               "the service refuses to roll a disk back to another disk's snapshot.")
                .arg(snapshotId, snapshot->sourceDiskId, diskId),
            { tr("Snapshot %1 was taken of disk %2").arg(snapshotId, snapshot->sourceDiskId) },
            Remedy::None, diskId));
    }
}

// The member's own snapshot is not counted: SnapshotReady judges it (an instant-access
// snapshot is usable while it is still progressing).
void PreconditionChecker::checkUnfinishedSnapshots(const SnapshotGroupMember &member)
{
    const PreconditionKind kind = PreconditionKind::NoUnfinishedSnapshot;
    const QString diskId = member.sourceDiskId;
    QStringList facts;
    for (const Snapshot &snapshot : m_facts.unfinishedSnapshots) {
        if (snapshot.sourceDiskId == diskId && snapshot.snapshotId != member.snapshotId) {
            facts << tr("Snapshot %1 of disk %2 is being created: %3% done")
                         .arg(snapshot.snapshotId, diskId)
                         .arg(snapshot.progress);
        }
    }
    if (!facts.isEmpty()) {
        m_diskItems.append(makeItem(kind, PreconditionOutcome::Failed,
            tr("A snapshot of the disk is being created"),
            tr("A snapshot of disk %1 is still being created; the service refuses a rollback "
               "until it has finished. Refresh when it has finished.")
                .arg(diskId),
            facts, Remedy::Refresh, diskId));
    } else if (m_facts.unfinishedSnapshotsError.isError()) {
        m_diskItems.append(unknownItem(kind,
            tr("Whether a snapshot of disk %1 is being created could not be checked.").arg(diskId),
            DescribeSnapshots, m_facts.unfinishedSnapshotsError, diskId));
    } else {
        m_diskItems.append(makeItem(kind, PreconditionOutcome::Passed,
            tr("No snapshot is being created"),
            tr("No snapshot of disk %1 is being created.").arg(diskId),
            { tr("No snapshot of disk %1 is being created").arg(diskId) }, Remedy::None, diskId));
    }
}

// The system disk's own item does not depend on the selection: a replaced system disk can
// never be rolled back, whether or not it is selected (see checkSystemDiskUnchanged()).
void PreconditionChecker::checkSystemDiskOfMember(const SnapshotGroupMember &member)
{
    if (&member != m_systemMember)
        return;
    const PreconditionKind kind = PreconditionKind::SystemDiskUnchanged;
    const QString diskId = member.sourceDiskId;
    switch (m_systemDisk) {
    case SystemDisk::NotChecked:
    case SystemDisk::NotInGroup:
        return;
    case SystemDisk::Unchanged:
        m_diskItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("System disk is unchanged"),
                tr("Disk %1 is still the system disk of instance %2.").arg(diskId, m_instanceId),
                systemDiskFacts(), Remedy::None, diskId));
        return;
    case SystemDisk::Replaced:
        m_diskItems.append(
            makeItem(kind, PreconditionOutcome::Failed, tr("System disk was replaced"),
                tr("Disk %1 is no longer the system disk of instance %2 (its operating system was "
                   "replaced since the snapshot), so snapshot %3 cannot roll back the system disk.")
                    .arg(diskId, m_instanceId, member.snapshotId),
                systemDiskFacts(), Remedy::None, diskId));
        return;
    case SystemDisk::NotKnown: {
        const bool instanceFailed = m_facts.instanceError.isError();
        m_diskItems.append(unknownItem(kind,
            tr("Whether disk %1 is still the system disk of instance %2 could not be checked.")
                .arg(diskId, m_instanceId),
            instanceFailed ? QStringLiteral("DescribeInstances") : DescribeDisks,
            instanceFailed ? m_facts.instanceError : m_facts.disksError, diskId));
        return;
    }
    }
}

// Disks attached now that the group has no snapshot of are left as they are; the user
// should know that "roll back the instance" will not touch them.
void PreconditionChecker::checkDisksNotInSnapshot()
{
    if (!m_instanceUsable)
        return;
    const QList<Disk> attached = m_facts.attachedDisks();
    for (const Disk &disk : attached) {
        if (m_group->memberForDisk(disk.diskId))
            continue;
        m_diskItems.append(makeItem(PreconditionKind::DiskNotInSnapshot,
            PreconditionOutcome::Warning, tr("Disk is not in the instance snapshot"),
            tr("Disk %1 is attached to instance %2, but instance snapshot %3 has no snapshot of "
               "it: it was added after the snapshot, or its snapshot was deleted. It will not be "
               "rolled back and keeps its current data.")
                .arg(disk.diskId, m_instanceId, m_group->snapshotGroupId),
            { tr("Disk %1 (%2 disk) is attached to instance %3")
                    .arg(disk.diskId, disk.type, m_instanceId) },
            Remedy::None, disk.diskId));
    }
}

} // namespace ecs
