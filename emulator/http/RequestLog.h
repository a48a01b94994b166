#pragma once

#include "api/ApiParameters.h"

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace ecs::emulator {

// One API call as the emulator saw it. Parameters are the API parameters only: signatures,
// nonces, STS tokens and other common parameters never enter the log.
struct RequestLogEntry
{
    QDateTime time; // arrival, UTC
    QString requestId;
    QString method;
    QString scheme; // "V1", "V3" or "" when refused before the scheme was known
    QString action;
    QString accessKeyId;
    ApiParameters parameters;
    int httpStatus = 0; // 0 when no answer went out
    QString code; // the error Code; "" for success
    QString outcome; // "answered", "dropped", "clientGone"
    QString fault; // "", "error", "drop" — set when the outcome was injected
};

// The last `capacity` calls in arrival order, for GET /admin/requests: tests read it to
// prove, for instance, that a rollback was sent exactly once.
class RequestLog
{
public:
    explicit RequestLog(int capacity = 10000)
        : m_capacity(capacity)
    { }

    void append(RequestLogEntry entry);
    void clear() { m_entries.clear(); }
    const QList<RequestLogEntry> &entries() const { return m_entries; }
    QJsonArray toJson() const;

private:
    int m_capacity;
    QList<RequestLogEntry> m_entries;
};

} // namespace ecs::emulator
