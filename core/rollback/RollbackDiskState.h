#pragma once

#include <QString>

namespace ecs {

// Where one selected disk stands in a rollback job.
enum class RollbackDiskState {
    Waiting, // not sent yet
    Sent, // the rollback call is on its way
    RollingBack, // the service accepted it; the disk is being reset
    RolledBack, // accepted and settled again
    Failed, // the service refused it, or the reset did not end well
    NotSent, // the job stopped before this disk's call
    Unknown, // sent, no answer, and the disks' state does not tell
};

// Machine name, e.g. "rolling-back" (journal, --json).
QString rollbackDiskStateName(RollbackDiskState state);

} // namespace ecs
