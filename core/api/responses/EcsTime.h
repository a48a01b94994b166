#pragma once

#include <QDateTime>
#include <QString>

namespace ecs {

// How ECS writes a time: always UTC with a literal `Z`; some fields (the Instance times,
// the CreationStartTime filter) to the minute, the rest to the second (REFERENCE §2, §E).
enum class TimePrecision { Seconds, Minutes };

// Reads `yyyy-MM-ddTHH:mm:ssZ` or `yyyy-MM-ddTHH:mmZ` as UTC. An empty text is "no time"
// (a null QDateTime, *ok true); anything else, including an impossible date such as
// 2021-02-30, sets *ok to false.
QDateTime parseEcsTime(const QString &text, bool *ok);

// The wire text for `time` (converted to UTC), or "" for a null time. Minutes precision
// drops the seconds, as the service does.
QString formatEcsTime(const QDateTime &time, TimePrecision precision = TimePrecision::Seconds);

} // namespace ecs
