#include "GuardedTcpServer.h"

#include "GatewayErrors.h"

#include <QJsonDocument>
#include <QMetaMethod>
#include <QTimer>

#include <sys/socket.h>

namespace ecs::emulator {

namespace {

// How long a refused connection's input is drained before the socket is dropped.
constexpr int lingerMs = 2000;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Bad Request";
    }
}

} // namespace

GuardedSocket::GuardedSocket(RequestLimits limits, QObject *parent)
    : QTcpSocket(parent)
    , m_framing(limits)
{
    // First of all readyRead slots: sees the bytes before the server parses them.
    m_connectingOurs = true;
    connect(this, &QTcpSocket::readyRead, this, &GuardedSocket::beforeServer);
    m_connectingOurs = false;
}

void GuardedSocket::connectNotify(const QMetaMethod &signal)
{
    QTcpSocket::connectNotify(signal);
    if (m_connectingOurs || m_refused || signal != QMetaMethod::fromSignal(&QTcpSocket::readyRead))
        return;
    // Someone else (the server) connected: keep our "after" slot behind it.
    m_connectingOurs = true;
    disconnect(m_afterConnection);
    m_afterConnection = connect(this, &QTcpSocket::readyRead, this, &GuardedSocket::afterServer);
    m_connectingOurs = false;
}

void GuardedSocket::beforeServer()
{
    if (m_refused)
        return discardInput();
    const qint64 unread = bytesAvailable();
    const qint64 fresh = unread - m_unreadAfterServer;
    if (fresh <= 0)
        return;
    const QByteArray pending = peek(unread);
    if (const auto error = m_framing.feed(QByteArrayView(pending).last(fresh)))
        refuse(*error);
    m_unreadAfterServer = bytesAvailable();
}

void GuardedSocket::afterServer()
{
    m_unreadAfterServer = bytesAvailable();
}

void GuardedSocket::refuse(const ServiceError &error)
{
    m_refused = true;
    // Cut the server off: slots disconnected during an emission are not called, so its
    // parser never sees this request (and never buffers the rest of it).
    m_connectingOurs = true;
    disconnect(this, &QTcpSocket::readyRead, nullptr, nullptr);
    connect(this, &QTcpSocket::readyRead, this, &GuardedSocket::beforeServer);
    m_connectingOurs = false;

    const QString requestId = makeRequestId();
    const QByteArray body = QJsonDocument(
        errorBody(error, requestId, hostIdOf(m_framing.host(), localAddress().toString())))
                                .toJson(QJsonDocument::Compact);
    write("HTTP/1.1 " + QByteArray::number(error.httpStatus) + ' ' + reasonPhrase(error.httpStatus)
        + "\r\n" + "Content-Type: application/json;charset=utf-8\r\n" + "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n" + "x-acs-request-id: " + requestId.toLatin1()
        + "\r\n" + "Connection: close\r\n\r\n" + body);
    discardInput();
    // Once the answer is out, half-close: the client reads it, sees the end, and closes.
    const auto halfClose = [this] {
        if (bytesToWrite() == 0 && state() == ConnectedState)
            ::shutdown(int(socketDescriptor()), SHUT_WR);
    };
    connect(this, &QTcpSocket::bytesWritten, this, halfClose);
    flush();
    halfClose();
    QTimer::singleShot(lingerMs, this, [this] { abort(); });
}

void GuardedSocket::discardInput()
{
    if (isTransactionStarted())
        commitTransaction(); // the server's transaction would keep every byte
    while (bytesAvailable() > 0)
        skip(bytesAvailable());
}

GuardedTcpServer::GuardedTcpServer(RequestLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
{ }

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new GuardedSocket(m_limits, this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    addPendingConnection(socket);
}

} // namespace ecs::emulator
