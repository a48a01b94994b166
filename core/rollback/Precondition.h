#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ecs {

// One thing that must hold (or that the user should know) before disks are rolled back.
enum class PreconditionKind {
    // Instance-wide
    SnapshotGroupExists, // the instance snapshot is still listed
    SnapshotGroupAccomplished, // status accomplished (not progressing / failed)
    SnapshotGroupSingleInstance, // the group belongs to one instance (InstanceId set)
    InstanceExists, // the group's instance is still listed
    InstanceNotLocked, // no security (or other) operation lock; a financial one is below
    // A subscription (PrePaid) whose ExpiredTime has passed, or a financial operation lock
    // (an overdue pay-as-you-go bill): InstanceExpiredOrInArrears. One item for both, as the
    // service has one code for both.
    InstanceNotExpired,
    InstanceStopped, // Status == Stopped
    // PostPaid VPC: StoppedMode KeepCharging, not StopCharging. Passed, saying it does not
    // apply, for other instances; Passed for a PostPaid VPC instance not stopped yet (the
    // StopInStandardMode remedy of InstanceStopped stops it in standard mode).
    StoppedInStandardMode,
    // The group's system-disk snapshot is of today's system disk. Instance-wide it fails only
    // while the system disk is selected (else a warning: the data disks can still be rolled
    // back); the system disk's member also gets a per-disk item that always fails.
    SystemDiskUnchanged,
    DiskSelection, // at least one disk selected, and every selected disk is in the group
    DataLoss, // warning: data written since the snapshot is lost; safety snapshot advised
    // Per disk (PreconditionItem::diskId set). Items that need the disk (or the snapshot)
    // are left out when it is gone: its DiskExists (SnapshotExists) item says why.
    DiskExists, // the source disk was not released
    DiskAttached, // attached to this instance (not detached, not moved elsewhere)
    DiskStatusAllowsReset, // In_use (settled; no reset, attach or detach running)
    // Not a local or ephemeral disk (DiskCategory.OperationNotSupported), not a
    // multi-attach one (InvalidOperation.MultiAttachDisk).
    DiskCategorySupportsReset,
    SnapshotExists, // the disk's snapshot is still in the group and listed
    SnapshotReady, // accomplished and Available
    SnapshotBelongsToDisk, // the snapshot's SourceDiskId is this disk
    // An encrypted snapshot goes only onto a disk encrypted with the same KMS key
    // (InvalidParameter.Mismatch).
    SnapshotEncryptionMatchesDisk,
    NoUnfinishedSnapshot, // no snapshot of the disk is still being created
    DiskNotLocked, // no operation lock on the disk
    DiskNotInSnapshot, // warning: an attached disk the group has no snapshot of (not a member)
};

enum class PreconditionOutcome {
    Passed,
    Warning, // does not block; the user should read it
    Failed, // blocks the rollback
    Unknown, // could not be checked (a read failed): blocks like Failed
};

// What the app itself can do to fix a failed item.
enum class Remedy {
    None,
    // Stop the instance with StoppedMode=KeepCharging and wait until Stopped. For an
    // instance stopped in economical mode: start it, wait until Running, then stop it
    // in standard mode.
    StopInStandardMode,
    // Create an instance snapshot of the current disks before rolling back.
    CreateSafetySnapshot,
    // Read the state again (a read failed, or something is still in progress).
    Refresh,
};

struct PreconditionItem
{
    PreconditionKind kind = PreconditionKind::InstanceStopped;
    PreconditionOutcome outcome = PreconditionOutcome::Unknown;
    QString diskId; // per-disk items only
    // Short and saying how it came out: "Instance is stopped" / "Instance is not stopped".
    // DiskEligibility::reasons lists the titles of a disk's blocking items.
    QString title;
    QString explanation; // one or two plain sentences: why it matters, what failed
    QStringList facts; // what the service reported, e.g. "Disk d-… is attached to i-…"
    Remedy remedy = Remedy::None;

    bool blocks() const
    {
        return outcome == PreconditionOutcome::Failed || outcome == PreconditionOutcome::Unknown;
    }
};

// Stable machine names ("instance-stopped", "passed", "stop-in-standard-mode"), for the
// journal, --json output and tests.
QString preconditionKindName(PreconditionKind kind);
QString preconditionOutcomeName(PreconditionOutcome outcome);
QString remedyName(Remedy remedy);

} // namespace ecs

Q_DECLARE_METATYPE(ecs::PreconditionItem)
