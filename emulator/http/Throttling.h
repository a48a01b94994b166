#pragma once

#include "ActionHandler.h"

#include <QString>

namespace ecs::emulator::throttling {

// The throttling family as the service sends it (ERROR-CODES.md): Throttling,
// Throttling.User, Throttling.Api and Throttling.Resource, each with 400, 403 or 429
// depending on the action.
bool isCode(const QString &code);
bool isStatus(int status);

// The status the service documents for `code` on `action`, else 400 (what every action
// the app uses gets: none of them lists a throttling code of its own).
int defaultStatus(const QString &code, const QString &action);

// The error, with the service's wording for each code.
ServiceError error(const QString &code, int status);

} // namespace ecs::emulator::throttling
