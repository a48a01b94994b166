#pragma once

#include "ActionHandler.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace ecs::emulator {

// How large one HTTP request may be. Qt HttpServer 6.4 has no limits of its own and
// buffers a whole request before handing it over, so without these a client could make
// the emulator hold any amount of memory (30 MB bodies were accepted). The values follow
// nginx's defaults (8 KiB per request/header line, 1 MiB body; Tengine, Alibaba's fork,
// shares them) and are generous for ECS RPC calls, whose largest real requests are a
// few KiB. The real gateway's values are not published. See docs/EMULATOR.md, "Limits".
struct RequestLimits
{
    qint64 maxRequestLineBytes = 8 * 1024; // method, URL with query, version
    qint64 maxHeaderBytes = 16 * 1024; // all header lines together
    qint64 maxBodyBytes = 1024 * 1024; // API calls
    // PUT /admin/state carries a whole scenario (loopback only).
    qint64 maxAdminBodyBytes = 64 * 1024 * 1024;
    int maxParameters = 1000; // query and form parameters together
};

// Follows the bytes of one connection (requests one after another) and says when a
// request crosses a limit — as soon as it does, before the rest arrives: a
// Content-Length over the cap is refused at the end of the headers. Pure: no sockets,
// so it is unit-tested byte by byte.
class RequestFraming
{
public:
    explicit RequestFraming(RequestLimits limits = {});

    // The first limit crossed (then the connection must be closed: the framing is lost),
    // or nothing. Once a violation is returned, later calls return it again.
    std::optional<ServiceError> feed(QByteArrayView bytes);

    // The Host header of the current request, once seen (for the error body's HostId).
    QByteArray host() const { return m_host; }

private:
    enum class State { RequestLine, Headers, Body };

    std::optional<ServiceError> endOfRequestLine();
    std::optional<ServiceError> endOfHeaderLine();
    std::optional<ServiceError> fail(ServiceError error);
    void startRequest();

    RequestLimits m_limits;
    State m_state = State::RequestLine;
    QByteArray m_line; // the line being read (request line or one header)
    qint64 m_headerBytes = 0;
    qint64 m_bodyLeft = 0;
    bool m_admin = false;
    bool m_bodyStarted = false;
    int m_parameters = 0;
    std::optional<qint64> m_contentLength;
    bool m_chunked = false;
    QByteArray m_host;
    std::optional<ServiceError> m_violation;
};

} // namespace ecs::emulator
