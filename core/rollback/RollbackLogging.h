#pragma once

#include <QLoggingCategory>

// ecs.core.rollback (info and debug off by default; QT_LOGGING_RULES="ecs.*.info=true"):
// what the rollback engine decided and why (a job started or ended, a call's answer was
// lost and the state is read instead, a wait ended). IDs of instances, disks and
// snapshots only; request parameters and credentials are never logged.
Q_DECLARE_LOGGING_CATEGORY(lcEcsRollback)
