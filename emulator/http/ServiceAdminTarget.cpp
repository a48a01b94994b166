#include "ServiceAdminTarget.h"

#include "service/EcsService.h"

namespace ecs::emulator {

ServiceAdminTarget::ServiceAdminTarget(EcsService &service)
    : m_service(service)
{ }

QJsonObject ServiceAdminTarget::saveState() const
{
    return m_service.saveState();
}

QString ServiceAdminTarget::loadState(const QJsonObject &state)
{
    return m_service.loadState(state);
}

void ServiceAdminTarget::reset()
{
    m_service.reset();
}

QJsonObject ServiceAdminTarget::timing() const
{
    return m_service.timing().toJson();
}

QString ServiceAdminTarget::setTiming(const QJsonObject &timing)
{
    // Absent fields keep their current values; a bad field refuses the whole change.
    QString error;
    const ServiceTiming updated = ServiceTiming::fromJson(timing, m_service.timing(), &error);
    if (error.isEmpty())
        m_service.setTiming(updated);
    return error;
}

QJsonObject ServiceAdminTarget::describeWorld() const
{
    return m_service.describeWorld();
}

} // namespace ecs::emulator
