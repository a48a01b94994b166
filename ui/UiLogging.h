#pragma once

#include <QLoggingCategory>

// The desktop console's own messages (never a secret, never a request body).
Q_DECLARE_LOGGING_CATEGORY(lcUi)
