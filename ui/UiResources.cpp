#include "UiResources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace; the resources of a static library
// are not registered until something calls it.
static void initResourcesOnce()
{
    Q_INIT_RESOURCE(resources);
}

namespace ecs {

void initUiResources()
{
    static const bool done = [] {
        initResourcesOnce();
        return true;
    }();
    Q_UNUSED(done)
}

} // namespace ecs
