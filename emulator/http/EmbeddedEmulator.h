#pragma once

#include "EcsEmulatorServer.h"
#include "ServiceAdminTarget.h"
#include "credentials/Credential.h"

#include <QObject>
#include <QUrl>

#include <memory>

namespace ecs::emulator {

class EcsService;
struct Scenario;

// The emulator inside another process (the desktop app's sandbox, integration tests):
// listens on 127.0.0.1 on a free port and accepts exactly one freshly generated AccessKey
// pair, so nothing else on the machine can call it without reading this process's memory.
class EmbeddedEmulator : public QObject
{
    Q_OBJECT

public:
    // The service objects must outlive this; `moves` and `admin` may be null. A service
    // usually implements all three (EcsService does ActionHandler and ActorMoves).
    EmbeddedEmulator(
        ActionHandler &handler, ActorMoves *moves, AdminTarget *admin, QObject *parent = nullptr);
    // Owns an EcsService started from `scenario`, with the admin endpoint wired to it.
    explicit EmbeddedEmulator(const Scenario &scenario, QObject *parent = nullptr);
    ~EmbeddedEmulator() override;

    // Returns "" or why it could not listen.
    QString start();
    QUrl url() const { return m_server.url(); }
    Credential credential() const { return m_credential; }
    EcsEmulatorServer &server() { return m_server; }
    // The owned service (scenario constructor), else null.
    EcsService *service() const { return m_service.get(); }

    // "LTAI" + 20 random letters/digits and a 30-character secret, from the system CSPRNG.
    static Credential generateCredential();

private:
    // Declared before the server, so they outlive it.
    std::unique_ptr<EcsService> m_service;
    std::unique_ptr<ServiceAdminTarget> m_admin;
    EcsEmulatorServer m_server;
    Credential m_credential;
};

} // namespace ecs::emulator
