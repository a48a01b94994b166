#include "EmbeddedEmulator.h"

#include "ServiceAdminTarget.h"
#include "service/EcsService.h"

#include <QRandomGenerator>

namespace ecs::emulator {

namespace {

QString randomText(int length)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i) {
        const auto index
            = QRandomGenerator::system()->bounded(static_cast<quint32>(sizeof(alphabet) - 1));
        text.append(QLatin1Char(alphabet[index]));
    }
    return text;
}

} // namespace

EmbeddedEmulator::EmbeddedEmulator(
    ActionHandler &handler, ActorMoves *moves, AdminTarget *admin, QObject *parent)
    : QObject(parent)
    , m_server(handler)
{
    m_server.setActorMoves(moves);
    m_server.setAdminTarget(admin);
}

EmbeddedEmulator::EmbeddedEmulator(const Scenario &scenario, QObject *parent)
    : QObject(parent)
    , m_service(std::make_unique<EcsService>(scenario))
    , m_admin(std::make_unique<ServiceAdminTarget>(*m_service))
    , m_server(*m_service)
{
    m_server.setActorMoves(m_service.get());
    m_server.setAdminTarget(m_admin.get());
}

EmbeddedEmulator::~EmbeddedEmulator() = default;

QString EmbeddedEmulator::start()
{
    m_credential = generateCredential();
    m_server.authenticator().clearAccessKeys();
    const QString error = m_server.addAccessKey(m_credential);
    if (!error.isEmpty())
        return error;
    if (m_server.listen(QHostAddress::LocalHost, 0) == 0)
        return m_server.errorString();
    return {};
}

Credential EmbeddedEmulator::generateCredential()
{
    return Credential { QStringLiteral("LTAI") + randomText(20), randomText(30), {} };
}

} // namespace ecs::emulator
