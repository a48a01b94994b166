#pragma once

#include "api/Requests.h"
#include "service/EcsService.h"

#include <QJsonArray>
#include <QJsonObject>

// Small helpers for the service tests: they return values, the tests assert.
namespace ecs::emulator::testing {

inline ActionResult call(EcsService &service, const char *action, const ApiParameters &parameters)
{
    return service.handle(
        ActionRequest { QLatin1String(action), parameters, QStringLiteral("test-key") });
}

inline QString errorCode(const ActionResult &result)
{
    return result.error ? result.error->code : QString();
}

inline int httpStatus(const ActionResult &result)
{
    return result.error ? result.error->httpStatus : 200;
}

// body[outer][inner], the list of a Describe* answer.
inline QJsonArray items(const ActionResult &result, const char *outer, const char *inner)
{
    return result.body.value(QLatin1String(outer)).toObject().value(QLatin1String(inner)).toArray();
}

inline QStringList ids(const QJsonArray &array, const char *key)
{
    QStringList list;
    for (const QJsonValue &value : array)
        list.append(value.toObject().value(QLatin1String(key)).toString());
    return list;
}

// Timing small enough for fast tests; QTRY_* waits give generous margins on top.
inline ServiceTiming fastTiming()
{
    ServiceTiming timing;
    timing.stopMs = 20;
    timing.startMs = 20;
    timing.snapshotStepMs = 10;
    timing.snapshotSteps = 4;
    timing.resetMs = 30;
    return timing;
}

inline Scenario demo()
{
    return Scenario::builtIn(QStringLiteral("demo"));
}

// The status of one resource as a fresh Describe* call reports it.
inline QString instanceStatus(EcsService &service, const QString &regionId, const QString &id)
{
    const ActionResult result = call(service, "DescribeInstances",
        { { QStringLiteral("RegionId"), regionId },
            { QStringLiteral("InstanceIds"), QStringLiteral("[\"%1\"]").arg(id) } });
    return items(result, "Instances", "Instance")
        .first()
        .toObject()
        .value(QStringLiteral("Status"))
        .toString();
}

inline QJsonObject disk(EcsService &service, const QString &regionId, const QString &id)
{
    const ActionResult result = call(service, "DescribeDisks",
        { { QStringLiteral("RegionId"), regionId },
            { QStringLiteral("DiskIds"), QStringLiteral("[\"%1\"]").arg(id) } });
    const QJsonArray disks = items(result, "Disks", "Disk");
    return disks.isEmpty() ? QJsonObject {} : disks.first().toObject();
}

} // namespace ecs::emulator::testing
