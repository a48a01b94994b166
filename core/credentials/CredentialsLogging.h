#pragma once

#include <QLoggingCategory>

// ecs.core.credentials: which source was read, which profile was saved or removed, and
// keychain failures (the backend's own error text). Never a secret, a security token
// or a whole AccessKey ID: log Credential::maskedKeyId() when a key must be named.
Q_DECLARE_LOGGING_CATEGORY(lcEcsCredentials)
