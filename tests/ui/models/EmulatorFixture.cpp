#include "EmulatorFixture.h"

#include <QJsonDocument>

using namespace ecs;
using namespace ecs::emulator;

QString EmulatorFixture::init(const Scenario &scenario)
{
    m_emulator = std::make_unique<EmbeddedEmulator>(scenario);
    if (const QString problem = m_emulator->start(); !problem.isEmpty())
        return problem;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EcsClient>(m_network.get());
    ClientSettings settings;
    settings.endpointOverride = m_emulator->url();
    settings.defaultRegionId = QStringLiteral("cn-hangzhou");
    settings.timeoutMs = 10000;
    settings.retry = RetryPolicy::none();
    m_client->setSettings(settings);
    m_client->setCredential(m_emulator->credential());
    m_api = std::make_unique<EcsApi>(m_client.get());
    return {};
}

QString EmulatorFixture::setFaults(const QString &planJson)
{
    return m_emulator->server().faults().setPlan(
        QJsonDocument::fromJson(planJson.toUtf8()).object());
}
