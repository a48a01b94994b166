#include "ServiceTiming.h"

#include <QStringList>

#include <cmath>

namespace ecs::emulator {

namespace {

const QStringList fieldNames { QStringLiteral("stopMs"), QStringLiteral("startMs"),
    QStringLiteral("snapshotStepMs"), QStringLiteral("snapshotSteps"), QStringLiteral("resetMs"),
    QStringLiteral("economicalStartFailureRate") };

// A whole number >= minimum at json[key], kept as `*value`; else the problem.
QString readCount(const QJsonObject &json, const QString &key, int minimum, int *value)
{
    if (!json.contains(key))
        return {};
    const QJsonValue field = json.value(key);
    const double number = field.toDouble(-1);
    if (!field.isDouble() || number < minimum || number > 86400000 || std::floor(number) != number)
        return QStringLiteral("%1: expected a whole number of at least %2").arg(key).arg(minimum);
    *value = int(number);
    return {};
}

} // namespace

QJsonObject ServiceTiming::toJson() const
{
    return {
        { QStringLiteral("stopMs"), stopMs },
        { QStringLiteral("startMs"), startMs },
        { QStringLiteral("snapshotStepMs"), snapshotStepMs },
        { QStringLiteral("snapshotSteps"), snapshotSteps },
        { QStringLiteral("resetMs"), resetMs },
        { QStringLiteral("economicalStartFailureRate"), economicalStartFailureRate },
    };
}

ServiceTiming ServiceTiming::fromJson(
    const QJsonObject &json, const ServiceTiming &base, QString *error)
{
    ServiceTiming timing = base;
    QString problem;
    for (auto it = json.begin(); it != json.end() && problem.isEmpty(); ++it) {
        if (!fieldNames.contains(it.key()))
            problem = QStringLiteral("%1: unknown timing field").arg(it.key());
    }
    const QString rateKey = QStringLiteral("economicalStartFailureRate");
    for (const QString &problemText :
        { readCount(json, QStringLiteral("stopMs"), 0, &timing.stopMs),
            readCount(json, QStringLiteral("startMs"), 0, &timing.startMs),
            readCount(json, QStringLiteral("snapshotStepMs"), 0, &timing.snapshotStepMs),
            readCount(json, QStringLiteral("snapshotSteps"), 1, &timing.snapshotSteps),
            readCount(json, QStringLiteral("resetMs"), 0, &timing.resetMs) }) {
        if (problem.isEmpty())
            problem = problemText;
    }
    if (json.contains(rateKey)) {
        const QJsonValue rate = json.value(rateKey);
        if (problem.isEmpty() && (!rate.isDouble() || rate.toDouble() < 0 || rate.toDouble() > 1))
            problem = QStringLiteral("%1: expected a number from 0 to 1").arg(rateKey);
        timing.economicalStartFailureRate = rate.toDouble();
    }
    if (error)
        *error = problem;
    return problem.isEmpty() ? timing : base;
}

} // namespace ecs::emulator
