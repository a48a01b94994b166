#pragma once

namespace ecs {

// Registers the console's icons (resources/resources.qrc, built into the static ecs_ui
// library). Called by every top-level window; safe to call more than once.
void initUiResources();

} // namespace ecs
