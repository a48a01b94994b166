#include "EcsEmulatorServer.h"

#include "GatewayErrors.h"
#include "GuardedTcpServer.h"
#include "HttpFront.h"
#include "RequestDecoding.h"
#include "ResponseFormat.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QLocale>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace ecs::emulator {

// One API call between arrival and outcome; shared by the latency timer's lambda.
struct PendingCall
{
    QPointer<QTcpSocket> socket;
    std::unique_ptr<QHttpServerResponder> responder;
    QString hostId;
    ResponseFormat format = ResponseFormat::Xml;
    ActionRequest request;
    CallFaults faults;
    RequestLogEntry entry;
};

namespace {

void writeJson(QHttpServerResponder &responder, int status, const QByteArray &body)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
    responder.writeHeader("Content-Type", "application/json;charset=utf-8");
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    responder.writeBody(body);
}

// RFC 9110's IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT", always in English.
QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

bool isOpen(const QPointer<QTcpSocket> &socket)
{
    return socket && socket->state() == QAbstractSocket::ConnectedState;
}

} // namespace

EcsEmulatorServer::EcsEmulatorServer(ActionHandler &handler, QObject *parent)
    : QObject(parent)
    , m_handler(handler)
    , m_front(new HttpFront([this](const QHttpServerRequest &request,
                                QTcpSocket *socket) { onRequest(request, socket); },
          this))
    , m_faults(new FaultInjector(nullptr, this))
    , m_admin(*m_faults, m_log)
{ }

EcsEmulatorServer::~EcsEmulatorServer() = default;

void EcsEmulatorServer::setActorMoves(ActorMoves *moves)
{
    m_moves = moves;
    m_faults->setActorMoves(moves);
    m_admin.setActorMoves(moves);
}

void EcsEmulatorServer::setAdminTarget(AdminTarget *target)
{
    m_admin.setTarget(target);
}

quint16 EcsEmulatorServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_allowRemote && !AdminEndpoint::isLoopbackPeer(address)) {
        m_errorString = QStringLiteral("refusing to listen on %1: not a loopback address "
                                       "(remote clients must be allowed explicitly)")
                            .arg(address.toString());
        return 0;
    }
    // Our own listener, so every request is size-checked before Qt HttpServer buffers it.
    auto *listener = new GuardedTcpServer(RequestLimits(), this);
    if (!listener->listen(address, port)) {
        m_errorString = QStringLiteral("cannot listen on %1:%2: %3")
                            .arg(address.toString())
                            .arg(port)
                            .arg(listener->errorString());
        delete listener;
        return 0;
    }
    m_front->bind(listener);
    const quint16 actual = listener->serverPort();
    m_url = QUrl();
    m_url.setScheme(QStringLiteral("http"));
    m_url.setHost(address.toString());
    m_url.setPort(actual);
    m_url.setPath(QStringLiteral("/"));
    return actual;
}

void EcsEmulatorServer::onRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (request.url().path().startsWith(QLatin1String("/admin/")))
        serveAdmin(request, socket);
    else
        serveApi(request, socket);
}

void EcsEmulatorServer::serveAdmin(const QHttpServerRequest &request, QTcpSocket *socket)
{
    QHttpServerResponder responder = HttpFront::responderFor(request, socket);
    // Both views of the peer must agree: the request's own record and the live socket.
    if (!AdminEndpoint::isLoopbackPeer(request.remoteAddress())
        || !AdminEndpoint::isLoopbackPeer(socket->peerAddress())) {
        writeJson(responder, 403, R"({"error":"the admin endpoint answers loopback peers only"})");
        return;
    }
    const AdminResponse response = m_admin.handle(decodeRequest(request));
    writeJson(responder, response.httpStatus, response.body);
}

void EcsEmulatorServer::serveApi(const QHttpServerRequest &request, QTcpSocket *socket)
{
    auto call = std::make_shared<PendingCall>();
    call->socket = socket;
    call->responder
        = std::make_unique<QHttpServerResponder>(HttpFront::responderFor(request, socket));
    const DecodedRequest decoded = decodeRequest(request);
    call->hostId = hostIdOf(decoded.host, m_url.host());
    const FormatChoice format = chooseFormat(decoded);
    call->format = format.format;
    call->entry.time = QDateTime::currentDateTimeUtc();
    call->entry.requestId = makeRequestId();
    call->entry.method = QString::fromLatin1(decoded.method);

    std::optional<ServiceError> refusal;
    if (decoded.method != "GET" && decoded.method != "POST") {
        refusal = gatewayErrors::unsupportedMethod(decoded.method);
    } else if (decoded.path != QLatin1String("/")) {
        refusal = gatewayErrors::unknownAction();
    } else if (format.error) {
        refusal = format.error;
    } else {
        AuthenticationResult auth = m_auth.authenticate(decoded);
        call->entry.scheme = auth.scheme;
        call->entry.action = auth.action;
        call->entry.accessKeyId = auth.accessKeyId;
        call->request = { auth.action, auth.apiParameters, auth.accessKeyId };
        refusal = auth.error;
        if (!refusal && !m_handler.hasAction(auth.action))
            refusal = gatewayErrors::unknownAction();
    }
    // Refused calls are logged too (without secrets), so a test sees every arrival.
    call->entry.parameters = refusal
        ? RequestAuthenticator::withoutCommonParameters(decoded.allParameters())
        : call->request.parameters;
    if (refusal) {
        answer(*call, ActionResult { {}, refusal });
        return;
    }

    call->faults = m_faults->arrive(call->request.action);
    Q_EMIT callArrived(call->request.action);
    if (call->faults.latencyMs > 0)
        QTimer::singleShot(call->faults.latencyMs, this, [this, call] { run(call); });
    else
        run(call);
}

void EcsEmulatorServer::run(const std::shared_ptr<PendingCall> &call)
{
    const QString action = call->request.action;
    const int number = call->faults.callNumber;
    const CallFaults &faults = call->faults;
    m_faults->beforeHandling(action, number);

    for (const QString &name : faults.ignoredParameters)
        call->request.parameters.remove(name);

    if (faults.drop && faults.dropWhen == FaultMoment::BeforeHandling) {
        drop(*call);
    } else if (faults.answer && faults.answer->when == FaultMoment::BeforeHandling) {
        answerAsPlanned(*call, *faults.answer);
    } else if (faults.error && faults.errorWhen == FaultMoment::BeforeHandling) {
        call->entry.fault = QStringLiteral("error");
        answer(*call, ActionResult { {}, faults.error }, faults.retryAfterMs);
    } else {
        // The service runs even when the client has gone: a real request that reached
        // the service takes effect whether or not anyone reads the answer.
        const ActionResult result = m_handler.handle(call->request);
        if (faults.drop) {
            drop(*call);
        } else if (faults.answer) {
            answerAsPlanned(*call, *faults.answer);
        } else if (faults.error) {
            call->entry.fault = QStringLiteral("error");
            answer(*call, ActionResult { {}, faults.error }, faults.retryAfterMs);
        } else {
            answer(*call, result);
        }
    }
    m_faults->afterAnswer(action, number);
}

void EcsEmulatorServer::answer(PendingCall &call, const ActionResult &result, int retryAfterMs)
{
    const QString &requestId = call.entry.requestId;
    QByteArray body;
    int status = 200;
    if (result.error) {
        status = result.error->httpStatus;
        body = errorBodyIn(call.format, errorBody(*result.error, requestId, call.hostId));
        call.entry.code = result.error->code;
    } else {
        QJsonObject json = result.body;
        json.insert(QStringLiteral("RequestId"), requestId);
        body = successBody(call.format, call.request.action, json);
    }
    call.entry.httpStatus = status;
    if (isOpen(call.socket)) {
        QHttpServerResponder &responder = *call.responder;
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(status));
        responder.writeHeader("Content-Type", contentTypeOf(call.format));
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
        responder.writeHeader("x-acs-request-id", requestId.toLatin1());
        // The service's clock: a client whose timestamp was refused can tell how far off
        // its own clock is (core's CredentialProblem says so).
        responder.writeHeader("Date", httpDate(m_auth.now()));
        if (retryAfterMs >= 0)
            responder.writeHeader("x-acs-retry-after", QByteArray::number(retryAfterMs));
        responder.writeBody(body);
        call.entry.outcome = QStringLiteral("answered");
    } else {
        call.entry.outcome = QStringLiteral("clientGone");
    }
    finish(call);
}

void EcsEmulatorServer::answerAsPlanned(PendingCall &call, const AnswerRule &rule)
{
    const QByteArray body = rule.body.isObject()
        ? QJsonDocument(rule.body.toObject()).toJson(QJsonDocument::Compact)
        : rule.body.toString().toUtf8();
    call.entry.fault = QStringLiteral("answer");
    call.entry.httpStatus = rule.status;
    if (isOpen(call.socket)) {
        QHttpServerResponder &responder = *call.responder;
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(rule.status));
        if (!rule.headers.contains(QLatin1String("Content-Type")))
            responder.writeHeader("Content-Type", "application/json;charset=utf-8");
        for (auto it = rule.headers.constBegin(); it != rule.headers.constEnd(); ++it)
            responder.writeHeader(it.key().toUtf8(), it.value().toString().toUtf8());
        responder.writeHeader("Content-Length", QByteArray::number(body.size()));
        responder.writeHeader("x-acs-request-id", call.entry.requestId.toLatin1());
        responder.writeBody(body);
        call.entry.outcome = QStringLiteral("answered");
    } else {
        call.entry.outcome = QStringLiteral("clientGone");
    }
    finish(call);
}

void EcsEmulatorServer::drop(PendingCall &call)
{
    call.entry.fault = QStringLiteral("drop");
    call.entry.outcome = QStringLiteral("dropped");
    call.entry.httpStatus = 0;
    // abort(): reset at once, no answer bytes; Qt's server deletes the socket afterwards.
    if (isOpen(call.socket))
        call.socket->abort();
    finish(call);
}

void EcsEmulatorServer::finish(PendingCall &call)
{
    m_log.append(call.entry);
    Q_EMIT callFinished(call.entry.action, call.entry.httpStatus, call.entry.code);
}

} // namespace ecs::emulator
