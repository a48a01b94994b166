#pragma once

#include "ActionHandler.h"

#include <QString>

namespace ecs::emulator {

// The errors the emulated service answers with: codes, HTTP statuses and messages as
// REFERENCE.md lists them (or as close as the docs allow; docs/SCENARIOS.md lists the
// guesses).
namespace serviceErrors {

ServiceError missingParameter(const QString &name);
ServiceError invalidParameter(const QString &name, const QString &why);
ServiceError regionNotFound(const QString &regionId);
ServiceError instanceNotFound(const QString &instanceId);
ServiceError diskNotFound(const QString &diskId);
ServiceError snapshotNotFound(const QString &snapshotId);
ServiceError snapshotGroupNotFound(const QString &groupId);
ServiceError incorrectInstanceStatus(int httpStatus = 403);
ServiceError lockedForSecurity();
ServiceError dryRunPassed();
ServiceError error(int httpStatus, const QString &code, const QString &message);

ActionResult fail(const ServiceError &error);

} // namespace serviceErrors

} // namespace ecs::emulator
