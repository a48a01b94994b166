#pragma once

#include "DecodedRequest.h"

#include <QByteArray>
#include <QHostAddress>

namespace ecs::emulator {

class ActorMoves;
class AdminTarget;
class FaultInjector;
class RequestLog;

struct AdminResponse
{
    int httpStatus = 200;
    QByteArray body; // JSON
};

// The test and sandbox controls under /admin/ (docs/EMULATOR.md lists them): faults, actor
// moves, reset, state, timing, world, request log. Unauthenticated, so the server answers
// it only for loopback peers (isLoopbackPeer), even when the API itself allows remote
// clients.
class AdminEndpoint
{
public:
    AdminEndpoint(FaultInjector &faults, RequestLog &log);

    void setActorMoves(ActorMoves *moves) { m_moves = moves; }
    void setTarget(AdminTarget *target) { m_target = target; }

    AdminResponse handle(const DecodedRequest &request);

    // 127.0.0.0/8, ::1 and IPv4-mapped loopback (::ffff:127.0.0.1) count; nothing else.
    static bool isLoopbackPeer(const QHostAddress &address);

private:
    AdminResponse handleState(const DecodedRequest &request);
    AdminResponse handleTiming(const DecodedRequest &request);
    AdminResponse handleActorMove(const DecodedRequest &request);

    FaultInjector &m_faults;
    RequestLog &m_log;
    ActorMoves *m_moves = nullptr;
    AdminTarget *m_target = nullptr;
};

} // namespace ecs::emulator
