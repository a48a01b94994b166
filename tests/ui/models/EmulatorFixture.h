#pragma once

#include "EmbeddedEmulator.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "scenarios/Scenario.h"

#include <QNetworkAccessManager>

#include <memory>

// The in-process emulator started from a scenario, and a client talking to it over
// loopback without retries: what the loader tests start from.
class EmulatorFixture
{
public:
    // "" when ready, else why not.
    QString init(const ecs::emulator::Scenario &scenario);

    ecs::emulator::EmbeddedEmulator *emulator() const { return m_emulator.get(); }
    ecs::EcsClient *client() const { return m_client.get(); }
    ecs::EcsApi *api() const { return m_api.get(); }
    // "" when the plan was taken, else its error.
    QString setFaults(const QString &planJson);

private:
    std::unique_ptr<ecs::emulator::EmbeddedEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ecs::EcsClient> m_client;
    std::unique_ptr<ecs::EcsApi> m_api;
};
