#include "RollbackLogging.h"

Q_LOGGING_CATEGORY(lcEcsRollback, "ecs.core.rollback", QtWarningMsg)
