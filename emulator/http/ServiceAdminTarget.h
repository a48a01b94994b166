#pragma once

#include "AdminTarget.h"

namespace ecs::emulator {

class EcsService;

// Adapts the emulated service's admin methods to AdminTarget: the one place the HTTP front
// meets EcsService's concrete class (used by the executable and EmbeddedEmulator).
class ServiceAdminTarget : public AdminTarget
{
public:
    explicit ServiceAdminTarget(EcsService &service);

    QJsonObject saveState() const override;
    QString loadState(const QJsonObject &state) override;
    void reset() override;
    QJsonObject timing() const override;
    QString setTiming(const QJsonObject &timing) override;
    QJsonObject describeWorld() const override;

private:
    EcsService &m_service;
};

} // namespace ecs::emulator
