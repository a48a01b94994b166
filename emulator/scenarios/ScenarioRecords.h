#pragma once

#include "model/Disk.h"
#include "model/Instance.h"
#include "model/Region.h"
#include "model/Snapshot.h"
#include "model/SnapshotGroup.h"

#include <QMap>
#include <QString>
#include <QStringList>

namespace ecs::emulator {

// The records of an emulated world: core's model values plus what only the emulator
// knows (a disk's content, which transition is under way). One shape serves the scenario
// files, saveState()/loadState() and the service's live state (docs/SCENARIOS.md).

struct ScenarioRegion
{
    Region region; // localName unused: see localNames
    QMap<QString, QString> localNames; // AcceptLanguage ("en-US", "zh-CN") → LocalName
    QStringList zoneIds;

    // The name in `language`, else en-US, else the region ID: never empty.
    QString localName(const QString &language) const;
};

struct EmulatedInstance
{
    Instance instance;
    // While Stopping: the StoppedMode the instance ends in (empty otherwise).
    QString pendingStoppedMode;
};

struct EmulatedDisk
{
    Disk disk;
    // Stands for the data on the disk: a snapshot copies it, a rollback restores it.
    QString contentMarker;
    // While ReIniting: the snapshot's marker the disk gets when the rollback finishes.
    QString pendingContentMarker;
};

struct EmulatedSnapshot
{
    Snapshot snapshot;
    QString regionId;
    QString sourceInstanceId; // the instance the source disk was attached to, if any
    QString contentMarker; // the source disk's marker when the snapshot was created
    // Progress advances on the service's clock: set by CreateSnapshotGroup, and for a
    // scenario's progressing snapshot unless it says "Advancing": false (one that stays
    // "still being created" for as long as the scenario likes).
    bool advancing = false;
    // A seeded snapshot with a RemainTime finishes at its own pace: linearly from
    // paceStartProgress at paceStart to 100% at paceEnd (set when the world starts). Not
    // saved: a saved state carries the RemainTime left, which sets the pace again.
    QDateTime paceStart;
    QDateTime paceEnd;
    int paceStartProgress = 0;
};

struct EmulatedSnapshotGroup
{
    // The group's own fields; its `snapshots` members are derived from `snapshotIds`
    // and the snapshot records when the group is described.
    SnapshotGroup group;
    QString regionId;
    QStringList snapshotIds;
};

} // namespace ecs::emulator
