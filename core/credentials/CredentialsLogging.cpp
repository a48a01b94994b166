#include "CredentialsLogging.h"

Q_LOGGING_CATEGORY(lcEcsCredentials, "ecs.core.credentials", QtInfoMsg)
