#include "RollbackDiskState.h"

namespace ecs {

QString rollbackDiskStateName(RollbackDiskState state)
{
    switch (state) {
    case RollbackDiskState::Waiting:
        return QStringLiteral("waiting");
    case RollbackDiskState::Sent:
        return QStringLiteral("sent");
    case RollbackDiskState::RollingBack:
        return QStringLiteral("rolling-back");
    case RollbackDiskState::RolledBack:
        return QStringLiteral("rolled-back");
    case RollbackDiskState::Failed:
        return QStringLiteral("failed");
    case RollbackDiskState::NotSent:
        return QStringLiteral("not-sent");
    case RollbackDiskState::Unknown:
        return QStringLiteral("unknown");
    }
    return QStringLiteral("unknown");
}

} // namespace ecs
