#include "ScenarioRecords.h"

namespace ecs::emulator {

QString ScenarioRegion::localName(const QString &language) const
{
    const QString named = localNames.value(language);
    if (!named.isEmpty())
        return named;
    const QString english = localNames.value(QStringLiteral("en-US"));
    return english.isEmpty() ? region.regionId : english;
}

} // namespace ecs::emulator
