#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "ecs.ui", QtWarningMsg)
