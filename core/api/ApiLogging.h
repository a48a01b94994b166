#pragma once

#include <QLoggingCategory>

// ecs.core.api (info and debug off by default; QT_LOGGING_RULES="ecs.*.info=true"):
// one line per attempt (action, host, HTTP status, RequestId, error
// code). URLs, headers and bodies are never logged: V1 query strings carry the STS
// token and every request carries a signature. What is logged of an answer goes through
// redactSecrets() (Redaction.h) first, even the parts that should hold no secret.
Q_DECLARE_LOGGING_CATEGORY(lcEcsApi)
