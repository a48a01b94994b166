#include "ApiError.h"

#include <QStringList>

#include <utility>

namespace ecs {

ApiError::ApiError(Kind kind, QString message, QString detail)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_detail(std::move(detail))
{ }

ApiError ApiError::service(int httpStatus, QString code, QString message, QString requestId,
    QString hostId, QString recommend)
{
    ApiError error(Kind::Service, std::move(message));
    error.m_httpStatus = httpStatus;
    error.m_code = std::move(code);
    error.m_requestId = std::move(requestId);
    error.m_hostId = std::move(hostId);
    error.m_recommend = std::move(recommend);
    return error;
}

ApiError ApiError::parse(QString message, QString detail)
{
    return ApiError(Kind::Parse, std::move(message), std::move(detail));
}

ApiError ApiError::withTexts(const std::function<QString(const QString &)> &map) const
{
    ApiError copy = *this;
    for (QString *text : { &copy.m_code, &copy.m_message, &copy.m_requestId, &copy.m_hostId,
             &copy.m_recommend, &copy.m_detail })
        *text = map(*text);
    return copy;
}

bool ApiError::isThrottling() const
{
    return m_kind == Kind::Service && m_code.contains(QLatin1String("Throttling"));
}

bool ApiError::isDryRunPassed() const
{
    return m_kind == Kind::Service && m_code == QLatin1String("DryRunOperation");
}

bool ApiError::leavesOutcomeUnknown() const
{
    switch (m_kind) {
    case Kind::Network:
    case Kind::Timeout:
    case Kind::Parse:
        return true;
    case Kind::Service:
        return m_httpStatus >= 500;
    case Kind::None:
    case Kind::Tls: // the handshake failed: nothing was sent
    case Kind::Cancelled:
    case Kind::Configuration: // refused before sending
        return false;
    }
    return false;
}

QString ApiError::summary() const
{
    if (m_kind == Kind::None)
        return {};
    QString text = m_code.isEmpty() ? m_message : m_code + QLatin1String(": ") + m_message;
    QStringList facts;
    if (m_httpStatus > 0)
        facts << QStringLiteral("HTTP %1").arg(m_httpStatus);
    if (!m_requestId.isEmpty())
        facts << QLatin1String("RequestId ") + m_requestId;
    if (!facts.isEmpty())
        text += QLatin1String(" (") + facts.join(QLatin1String(", ")) + QLatin1Char(')');
    return text;
}

QString ApiError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Service:
        return QStringLiteral("service");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Parse:
        return QStringLiteral("parse");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    case Kind::Configuration:
        return QStringLiteral("configuration");
    }
    return QStringLiteral("unknown");
}

} // namespace ecs
