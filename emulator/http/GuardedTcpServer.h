#pragma once

#include "RequestLimits.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace ecs::emulator {

// A connection whose bytes pass RequestFraming before Qt HttpServer parses them. The
// check runs in a readyRead slot connected before the server's; a second slot,
// re-connected after each of the server's, notes how much the server left unread, so
// each byte is checked once. On a violation the server is cut off from the socket, the
// gateway-style error is written with "Connection: close", and the rest of the input
// is read and dropped until the client closes (or 2 s pass) — closing at once with
// unread input would make the kernel send a reset that can destroy the answer.
class GuardedSocket : public QTcpSocket
{
    Q_OBJECT

public:
    GuardedSocket(RequestLimits limits, QObject *parent = nullptr);

    bool refused() const { return m_refused; }

protected:
    void connectNotify(const QMetaMethod &signal) override;

private:
    void beforeServer();
    void afterServer();
    void refuse(const ServiceError &error);
    void discardInput();

    RequestFraming m_framing;
    qint64 m_unreadAfterServer = 0;
    QMetaObject::Connection m_afterConnection;
    bool m_connectingOurs = false;
    bool m_refused = false;
};

// Hands GuardedSockets to the HTTP server (QAbstractHttpServer::bind).
class GuardedTcpServer : public QTcpServer
{
    Q_OBJECT

public:
    explicit GuardedTcpServer(RequestLimits limits = {}, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    RequestLimits m_limits;
};

} // namespace ecs::emulator
