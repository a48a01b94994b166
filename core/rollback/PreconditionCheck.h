#pragma once

#include "PreconditionReport.h"
#include "RollbackFacts.h"

#include <QStringList>

#include <optional>

namespace ecs {

// The rollback preconditions (ROLLBACK-SEMANTICS §2) as a pure function of the facts:
// no I/O, no clock. `selectedDiskIds` are source disk IDs of the group. Without one,
// every disk that can be rolled back is proposed as the selection (the dialog's default)
// and the report's disks say which ones that is; an empty list selects nothing. An explicit
// selection is taken as given, blocked disks included (their items then block), and an ID
// that is not a member fails DiskSelection.
//
// Items: instance-wide first (PreconditionKind order), then each member's items in the
// group's order (every member, selected or not), then a DiskNotInSnapshot warning per
// attached disk the group has no snapshot of. A failed read makes the items that needed it
// Unknown with Remedy::Refresh. Without the group (deleted or unreadable) only instance-wide
// items are reported and there are no disks; without the instance (released) the items
// about it are left out, its InstanceExists item blocks.
PreconditionReport checkPreconditions(
    const RollbackFacts &facts, const std::optional<QStringList> &selectedDiskIds = std::nullopt);

} // namespace ecs
