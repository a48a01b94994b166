#pragma once

#include "ActionHandler.h"
#include "AdminEndpoint.h"
#include "FaultInjector.h"
#include "RequestAuthenticator.h"
#include "RequestLog.h"

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
class QTcpSocket;
QT_END_NAMESPACE

namespace ecs::emulator {

class AdminTarget;
class HttpFront;
struct PendingCall;

// The emulator's HTTP front: decodes ECS RPC requests (GET/POST, query and form body),
// checks V1/V3 signatures against the configured AccessKeys, applies the FaultPlan, hands
// the call to the ActionHandler and writes the service's answer or error body, in XML or
// JSON as the request's Format asks (ResponseFormat), with a Date header. Serves
// /admin/ to loopback peers. Single-threaded: everything runs on the owning thread's event
// loop, and added latency answers later without blocking other calls.
class EcsEmulatorServer : public QObject
{
    Q_OBJECT

public:
    // `handler` (and later the moves and admin target) must outlive the server.
    explicit EcsEmulatorServer(ActionHandler &handler, QObject *parent = nullptr);
    ~EcsEmulatorServer() override;

    void setActorMoves(ActorMoves *moves);
    void setAdminTarget(AdminTarget *target);
    // Off by default: the emulator accepts any well-signed call, so it stays on loopback
    // unless the caller says otherwise on purpose.
    void setAllowRemote(bool allow) { m_allowRemote = allow; }

    // Returns the port listened on (pass 0 for any free port), or 0 and errorString().
    quint16 listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const { return m_errorString; }
    // http://127.0.0.1:PORT/ (IPv6 in brackets); empty before listen() succeeded.
    QUrl url() const { return m_url; }

    // Returns "" or why the key was refused (no secret; an STS. key without its token, or
    // with a malformed one). An STS token is accepted until `tokenExpiresAt` (if valid).
    QString addAccessKey(const Credential &credential, const QDateTime &tokenExpiresAt = {})
    {
        return m_auth.addAccessKey(credential, tokenExpiresAt);
    }
    // The gateway's clock (tests: a service whose time differs from the client's). It dates
    // the timestamp window, token expiry and every answer's Date header.
    void setClock(std::function<QDateTime()> clock) { m_auth.setClock(std::move(clock)); }
    RequestAuthenticator &authenticator() { return m_auth; }
    FaultInjector &faults() { return *m_faults; }
    RequestLog &requestLog() { return m_log; }

Q_SIGNALS:
    // An authenticated call of a known action arrived (before latency and faults).
    void callArrived(const QString &action);
    // After every API call's outcome is known (answered, dropped, or the client left).
    void callFinished(const QString &action, int httpStatus, const QString &code);

private:
    void onRequest(const QHttpServerRequest &request, QTcpSocket *socket);
    void serveAdmin(const QHttpServerRequest &request, QTcpSocket *socket);
    void serveApi(const QHttpServerRequest &request, QTcpSocket *socket);
    void run(const std::shared_ptr<PendingCall> &call);
    void answer(PendingCall &call, const ActionResult &result, int retryAfterMs = -1);
    void drop(PendingCall &call);
    void answerAsPlanned(PendingCall &call, const AnswerRule &rule);
    void finish(PendingCall &call);

    ActionHandler &m_handler;
    ActorMoves *m_moves = nullptr;
    HttpFront *m_front;
    FaultInjector *m_faults;
    RequestAuthenticator m_auth;
    RequestLog m_log;
    AdminEndpoint m_admin;
    bool m_allowRemote = false;
    QString m_errorString;
    QUrl m_url;
};

} // namespace ecs::emulator
