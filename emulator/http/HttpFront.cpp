#include "HttpFront.h"

#include <QHttpServerResponder>

namespace ecs::emulator {

HttpFront::HttpFront(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
{ }

bool HttpFront::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request, socket);
    return true;
}

void HttpFront::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Unreachable (handleRequest takes everything); answer rather than leave a client hanging.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace ecs::emulator
