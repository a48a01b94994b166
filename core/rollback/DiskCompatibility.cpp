// PreconditionChecker: what kind of disk it is and how it is encrypted, against its
// snapshot. Both are refused by ResetDisks/ResetDisk whatever the state (docs/EMULATOR.md,
// "What a rollback is refused for").

#include "PreconditionChecker.h"

namespace ecs {

namespace {

// Local disks (local_ssd_pro, local_hdd_pro, any local_*), the old ephemeral ones and the
// elastic ephemeral disks live on the host or hold no snapshots: the service answers 400
// DiskCategory.OperationNotSupported. Basic `cloud` disks are not refused: no source says
// so (ROLLBACK-SEMANTICS §2 only names the code).
bool categoryCannotBeReset(const QString &category)
{
    return category.startsWith(QLatin1String("local_"))
        || category.startsWith(QLatin1String("ephemeral"))
        || category.startsWith(QLatin1String("elastic_ephemeral_disk"));
}

} // namespace

// What kind of disk it is: its category, and whether it is shared by several instances
// (multi-attach). Both are one question, "can this disk take a snapshot back at all?", so
// they are one item; the service refuses each with its own code.
void PreconditionChecker::checkDiskCategory(const Disk &disk)
{
    const PreconditionKind kind = PreconditionKind::DiskCategorySupportsReset;
    const QString diskId = disk.diskId;
    QStringList facts { tr("Disk %1 category: %2").arg(diskId, disk.category) };
    if (!disk.multiAttach.isEmpty())
        facts << tr("Disk %1 multi-attach: %2").arg(diskId, disk.multiAttach);
    if (categoryCannotBeReset(disk.category)) {
        m_diskItems.append(makeItem(kind, PreconditionOutcome::Failed,
            tr("Disk category cannot be rolled back"),
            tr("Disk %1 is a local or ephemeral disk (%2): such disks cannot be rolled back from "
               "a snapshot, and the service refuses it (DiskCategory.OperationNotSupported). "
               "Deselect it to roll back the other disks.")
                .arg(diskId, disk.category),
            facts, Remedy::None, diskId));
        return;
    }
    if (disk.multiAttach == QLatin1String("Enabled")) {
        m_diskItems.append(
            makeItem(kind, PreconditionOutcome::Failed, tr("Shared disk cannot be rolled back"),
                tr("Disk %1 has multi-attach enabled (it can be attached to several instances at "
                   "once); the service does not roll such disks back "
                   "(InvalidOperation.MultiAttachDisk). Deselect it to roll back the other disks.")
                    .arg(diskId),
                facts, Remedy::None, diskId));
        return;
    }
    m_diskItems.append(
        makeItem(kind, PreconditionOutcome::Passed, tr("Disk category can be rolled back"),
            tr("Disk %1 is a cloud disk (%2), which can be rolled back from a snapshot.")
                .arg(diskId, disk.category),
            facts, Remedy::None, diskId));
}

void PreconditionChecker::checkSnapshotEncryption(const Disk &disk, const Snapshot &snapshot)
{
    const PreconditionKind kind = PreconditionKind::SnapshotEncryptionMatchesDisk;
    const QString diskId = disk.diskId;
    const QString snapshotId = snapshot.snapshotId;
    const auto describe = [](bool encrypted, const QString &key) {
        if (!encrypted)
            return tr("not encrypted");
        return key.isEmpty() ? tr("encrypted with the default key")
                             : tr("encrypted with KMS key %1").arg(key);
    };
    const QStringList facts {
        tr("Snapshot %1 is %2").arg(snapshotId, describe(snapshot.encrypted, snapshot.kmsKeyId)),
        tr("Disk %1 is %2").arg(diskId, describe(disk.encrypted, disk.kmsKeyId)),
    };
    // Only an encrypted snapshot is refused: onto a plain disk, or a disk under another key.
    const bool mismatch
        = snapshot.encrypted && (!disk.encrypted || snapshot.kmsKeyId != disk.kmsKeyId);
    if (!mismatch) {
        m_diskItems.append(makeItem(kind, PreconditionOutcome::Passed,
            tr("Disk snapshot's encryption fits the disk"),
            tr("Snapshot %1 can be written to disk %2 as they are encrypted.")
                .arg(snapshotId, diskId),
            facts, Remedy::None, diskId));
        return;
    }
    m_diskItems.append(makeItem(kind, PreconditionOutcome::Failed,
        disk.encrypted ? tr("Disk is encrypted with another key")
                       : tr("Encrypted snapshot, unencrypted disk"),
        tr("Snapshot %1 is encrypted, but disk %2 is %3: the service only rolls a disk back to an "
           "encrypted snapshot when the disk is encrypted with the same KMS key "
           "(InvalidParameter.Mismatch).")
            .arg(snapshotId, diskId, describe(disk.encrypted, disk.kmsKeyId)),
        facts, Remedy::None, diskId));
}

} // namespace ecs
