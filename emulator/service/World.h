#pragma once

#include "scenarios/Scenario.h"

#include <QHash>
#include <QMap>
#include <QString>

namespace ecs::emulator {

// The service's live state, indexed by ID. QMap keeps every listing in ID order, which
// makes NextToken paging stable while the world changes between pages.
struct World
{
    QString name;
    QString description;
    QMap<QString, ScenarioRegion> regions;
    QMap<QString, EmulatedInstance> instances;
    QMap<QString, EmulatedDisk> disks;
    QMap<QString, EmulatedSnapshot> snapshots;
    QMap<QString, EmulatedSnapshotGroup> groups;
    QHash<QString, QString> groupOfSnapshot; // snapshot ID → group ID
    quint64 idCounter = 0;

    static World fromScenario(const Scenario &scenario);
    Scenario toScenario() const;

    // A fresh ID such as "s-emu000001" that no resource of that kind uses yet.
    QString newId(const QString &prefix);
    // The group as DescribeSnapshotGroups shows it: members from the snapshot records.
    SnapshotGroup describedGroup(const EmulatedSnapshotGroup &record) const;
    // Removes a snapshot and its membership.
    void removeSnapshot(const QString &snapshotId);
    // True when a snapshot of `diskId` is still being created.
    // A snapshot of the disk still progressing, other than `except`.
    bool hasUnfinishedSnapshot(const QString &diskId, const QString &except = {}) const;
    // The first free device name ("/dev/xvdb" ...) on `instanceId`.
    QString freeDevice(const QString &instanceId) const;
};

} // namespace ecs::emulator
