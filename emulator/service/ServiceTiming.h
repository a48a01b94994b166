#pragma once

#include <QJsonObject>

#include <functional>

namespace ecs::emulator {

// How long the emulated service's asynchronous work takes. Tests set small values;
// the sandbox keeps the defaults, which are long enough to watch in the UI.
struct ServiceTiming
{
    int stopMs = 2000; // Stopping → Stopped
    int startMs = 2000; // Starting → Running
    int snapshotStepMs = 500; // one step of a snapshot's Progress
    int snapshotSteps = 4; // steps from 0% to accomplished
    int resetMs = 3000; // a disk stays ReIniting this long during a rollback
    // Chance (0..1) that StartInstance of an instance stopped in economical mode fails
    // with OperationDenied.NoStock.
    double economicalStartFailureRate = 0.0;
    // Draws from [0, 1) for that failure; empty uses QRandomGenerator::global(). Tests
    // inject a fixed value.
    std::function<double()> random;

    // Every field but `random`, for the admin endpoint: {"stopMs": 2000, "startMs": ...,
    // "snapshotStepMs", "snapshotSteps", "resetMs", "economicalStartFailureRate"}.
    QJsonObject toJson() const;
    // `base` with the fields present in `json` replaced (`random` kept). An unknown field,
    // a negative or fractional time, fewer than 1 step or a rate outside 0..1 sets *error
    // and returns `base` unchanged.
    static ServiceTiming fromJson(
        const QJsonObject &json, const ServiceTiming &base, QString *error = nullptr);
};

} // namespace ecs::emulator
