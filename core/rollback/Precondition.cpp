#include "Precondition.h"

namespace ecs {

// These names end up in journals and --json output that outlive a release: never rename
// one, only add.

QString preconditionKindName(PreconditionKind kind)
{
    switch (kind) {
    case PreconditionKind::SnapshotGroupExists:
        return QStringLiteral("snapshot-group-exists");
    case PreconditionKind::SnapshotGroupAccomplished:
        return QStringLiteral("snapshot-group-accomplished");
    case PreconditionKind::SnapshotGroupSingleInstance:
        return QStringLiteral("snapshot-group-single-instance");
    case PreconditionKind::InstanceExists:
        return QStringLiteral("instance-exists");
    case PreconditionKind::InstanceNotLocked:
        return QStringLiteral("instance-not-locked");
    case PreconditionKind::InstanceNotExpired:
        return QStringLiteral("instance-not-expired");
    case PreconditionKind::InstanceStopped:
        return QStringLiteral("instance-stopped");
    case PreconditionKind::StoppedInStandardMode:
        return QStringLiteral("stopped-in-standard-mode");
    case PreconditionKind::SystemDiskUnchanged:
        return QStringLiteral("system-disk-unchanged");
    case PreconditionKind::DiskSelection:
        return QStringLiteral("disk-selection");
    case PreconditionKind::DataLoss:
        return QStringLiteral("data-loss");
    case PreconditionKind::DiskExists:
        return QStringLiteral("disk-exists");
    case PreconditionKind::DiskAttached:
        return QStringLiteral("disk-attached");
    case PreconditionKind::DiskStatusAllowsReset:
        return QStringLiteral("disk-status-allows-reset");
    case PreconditionKind::DiskCategorySupportsReset:
        return QStringLiteral("disk-category-supports-reset");
    case PreconditionKind::SnapshotExists:
        return QStringLiteral("snapshot-exists");
    case PreconditionKind::SnapshotReady:
        return QStringLiteral("snapshot-ready");
    case PreconditionKind::SnapshotBelongsToDisk:
        return QStringLiteral("snapshot-belongs-to-disk");
    case PreconditionKind::SnapshotEncryptionMatchesDisk:
        return QStringLiteral("snapshot-encryption-matches-disk");
    case PreconditionKind::NoUnfinishedSnapshot:
        return QStringLiteral("no-unfinished-snapshot");
    case PreconditionKind::DiskNotLocked:
        return QStringLiteral("disk-not-locked");
    case PreconditionKind::DiskNotInSnapshot:
        return QStringLiteral("disk-not-in-snapshot");
    }
    return QStringLiteral("unknown-kind");
}

QString preconditionOutcomeName(PreconditionOutcome outcome)
{
    switch (outcome) {
    case PreconditionOutcome::Passed:
        return QStringLiteral("passed");
    case PreconditionOutcome::Warning:
        return QStringLiteral("warning");
    case PreconditionOutcome::Failed:
        return QStringLiteral("failed");
    case PreconditionOutcome::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown-outcome");
}

QString remedyName(Remedy remedy)
{
    switch (remedy) {
    case Remedy::None:
        return QStringLiteral("none");
    case Remedy::StopInStandardMode:
        return QStringLiteral("stop-in-standard-mode");
    case Remedy::CreateSafetySnapshot:
        return QStringLiteral("create-safety-snapshot");
    case Remedy::Refresh:
        return QStringLiteral("refresh");
    }
    return QStringLiteral("unknown-remedy");
}

} // namespace ecs
