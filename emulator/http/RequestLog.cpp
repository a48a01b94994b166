#include "RequestLog.h"

#include <QJsonObject>

namespace ecs::emulator {

void RequestLog::append(RequestLogEntry entry)
{
    if (m_entries.size() >= m_capacity)
        m_entries.removeFirst();
    m_entries.append(std::move(entry));
}

QJsonArray RequestLog::toJson() const
{
    QJsonArray array;
    for (const RequestLogEntry &entry : m_entries) {
        QJsonObject parameters;
        for (auto it = entry.parameters.cbegin(); it != entry.parameters.cend(); ++it)
            parameters.insert(it.key(), it.value());
        array.append(QJsonObject {
            { QStringLiteral("time"), entry.time.toString(Qt::ISODateWithMs) },
            { QStringLiteral("requestId"), entry.requestId },
            { QStringLiteral("method"), entry.method },
            { QStringLiteral("scheme"), entry.scheme },
            { QStringLiteral("action"), entry.action },
            { QStringLiteral("accessKeyId"), entry.accessKeyId },
            { QStringLiteral("parameters"), parameters },
            { QStringLiteral("httpStatus"), entry.httpStatus },
            { QStringLiteral("code"), entry.code },
            { QStringLiteral("outcome"), entry.outcome },
            { QStringLiteral("fault"), entry.fault },
        });
    }
    return array;
}

} // namespace ecs::emulator
