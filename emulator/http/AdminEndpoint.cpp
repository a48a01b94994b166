#include "AdminEndpoint.h"

#include "ActionHandler.h"
#include "AdminTarget.h"
#include "FaultInjector.h"
#include "RequestLog.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace ecs::emulator {

namespace {

AdminResponse json(int status, const QJsonObject &object)
{
    return { status, QJsonDocument(object).toJson(QJsonDocument::Compact) };
}

AdminResponse problem(int status, const QString &message)
{
    return json(status, { { QStringLiteral("error"), message } });
}

AdminResponse ok()
{
    return json(200, { { QStringLiteral("ok"), true } });
}

std::optional<QJsonObject> bodyObject(const DecodedRequest &request)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

AdminResponse notJson()
{
    return problem(400, QStringLiteral("the body must be a JSON object"));
}

AdminResponse noService()
{
    return problem(501, QStringLiteral("no emulated service is attached"));
}

} // namespace

AdminEndpoint::AdminEndpoint(FaultInjector &faults, RequestLog &log)
    : m_faults(faults)
    , m_log(log)
{ }

bool AdminEndpoint::isLoopbackPeer(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4).isLoopback();
    return address.isLoopback();
}

AdminResponse AdminEndpoint::handle(const DecodedRequest &request)
{
    const QString route = request.path.mid(QStringLiteral("/admin/").size());
    const QByteArray &method = request.method;

    if (route == QLatin1String("faults")) {
        if (method == "GET")
            return json(200, m_faults.planJson());
        if (method != "PUT")
            return problem(405, QStringLiteral("GET or PUT"));
        const auto body = bodyObject(request);
        if (!body)
            return notJson();
        const QString error = m_faults.setPlan(*body);
        return error.isEmpty() ? json(200, m_faults.planJson()) : problem(400, error);
    }
    if (route == QLatin1String("requests")) {
        if (method == "GET")
            return json(200, { { QStringLiteral("requests"), m_log.toJson() } });
        if (method != "DELETE")
            return problem(405, QStringLiteral("GET or DELETE"));
        m_log.clear();
        return ok();
    }
    if (route == QLatin1String("actor-move"))
        return method == "POST" ? handleActorMove(request) : problem(405, QStringLiteral("POST"));
    if (route == QLatin1String("state"))
        return handleState(request);
    if (route == QLatin1String("timing"))
        return handleTiming(request);
    if (route == QLatin1String("reset") || route == QLatin1String("world")) {
        if (!m_target)
            return noService();
        if (route == QLatin1String("world"))
            return method == "GET" ? json(200, m_target->describeWorld())
                                   : problem(405, QStringLiteral("GET"));
        if (method != "POST")
            return problem(405, QStringLiteral("POST"));
        m_target->reset();
        return ok();
    }
    return problem(404, QStringLiteral("unknown admin route: ") + request.path);
}

AdminResponse AdminEndpoint::handleState(const DecodedRequest &request)
{
    if (!m_target)
        return noService();
    if (request.method == "GET")
        return json(200, m_target->saveState());
    if (request.method != "PUT")
        return problem(405, QStringLiteral("GET or PUT"));
    const auto body = bodyObject(request);
    if (!body)
        return notJson();
    const QString error = m_target->loadState(*body);
    return error.isEmpty() ? ok() : problem(400, error);
}

AdminResponse AdminEndpoint::handleTiming(const DecodedRequest &request)
{
    if (!m_target)
        return noService();
    if (request.method == "GET")
        return json(200, m_target->timing());
    if (request.method != "PUT")
        return problem(405, QStringLiteral("GET or PUT"));
    const auto body = bodyObject(request);
    if (!body)
        return notJson();
    const QString error = m_target->setTiming(*body);
    return error.isEmpty() ? json(200, m_target->timing()) : problem(400, error);
}

AdminResponse AdminEndpoint::handleActorMove(const DecodedRequest &request)
{
    if (!m_moves)
        return noService();
    const auto body = bodyObject(request);
    if (!body)
        return notJson();
    const QString move = body->value(QLatin1String("move")).toString();
    if (move.isEmpty())
        return problem(400, QStringLiteral("\"move\" is required"));
    const QString error
        = m_moves->applyActorMove(move, body->value(QLatin1String("resourceId")).toString(),
            body->value(QLatin1String("argument")).toString());
    return error.isEmpty() ? ok() : problem(409, error);
}

} // namespace ecs::emulator
