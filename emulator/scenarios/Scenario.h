#pragma once

#include "ScenarioRecords.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace ecs::emulator {

// A whole emulated account: what the service starts from, and the format of its saved
// state. The JSON format is documented in docs/SCENARIOS.md; resources use the wire
// shapes of core's ResponseWriters, plus a few emulator-only fields.
struct Scenario
{
    QString name;
    QString description;
    QList<ScenarioRegion> regions;
    QList<EmulatedInstance> instances;
    QList<EmulatedDisk> disks;
    QList<EmulatedSnapshot> snapshots;
    QList<EmulatedSnapshotGroup> snapshotGroups;

    // Reads a scenario; on failure returns an empty scenario and sets *error to the first
    // problem with its path ("Disks[2].DiskId: ...") or the broken reference.
    static Scenario fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;

    // The first broken rule (duplicate IDs, unknown regions, instances or snapshots
    // referenced), or empty.
    QString problem() const;

    // A scenario shipped in the emulator's resources (":/scenarios/<name>.json").
    static QStringList builtInNames();
    static Scenario builtIn(const QString &name, QString *error = nullptr);

    // A large synthetic account, the same for the same arguments: `regions` regions,
    // each with `instancesPerRegion` instances of 1 system + 0–3 data disks, each with
    // `groupsPerInstance` accomplished instance snapshots.
    static Scenario generated(
        int regions, int instancesPerRegion, int groupsPerInstance, quint32 seed = 1);

    // Caps on generated() for callers that take counts from people (ecs-emulator
    // --generate). Measured (docs/SCENARIOS.md): the largest account serves in under
    // 100 MB and its saved state (~47 MB) fits the 64 MiB state-file cap;
    // 1000,1000,1000 once took 1.2 GB and kept growing.
    static constexpr qint64 MaxGeneratedRegions = 100;
    static constexpr qint64 MaxGeneratedInstances = 5000; // over all regions
    static constexpr qint64 MaxGeneratedInstanceSnapshots = 10000; // over all instances
    // Empty when the counts are within the caps above (and none is negative), else why
    // not, naming the cap.
    static QString generatedProblem(
        qint64 regions, qint64 instancesPerRegion, qint64 groupsPerInstance);
};

} // namespace ecs::emulator
