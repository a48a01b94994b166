#pragma once

#include "ActionHandler.h"
#include "ServiceTiming.h"
#include "World.h"
#include "scenarios/Scenario.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace ecs::emulator {

class ParameterReader;

// The emulated ECS service: an in-memory account (World) answering the twelve actions the
// app's client uses, with the service-side rules of REFERENCE.md and ROLLBACK-SEMANTICS.md,
// and asynchronous work (stop, start, snapshot progress, rollback) on QTimers paced by
// ServiceTiming. Lives on one thread; every method is called on it.
//
// Bodies are built with core's ResponseWriters and returned without RequestId: the HTTP
// front adds it (ActionResult's contract).
class EcsService : public QObject, public ActionHandler, public ActorMoves
{
    Q_OBJECT

public:
    explicit EcsService(QObject *parent = nullptr); // an empty account
    explicit EcsService(const Scenario &scenario, QObject *parent = nullptr);

    static QStringList actionNames();
    bool hasAction(const QString &action) const override;
    ActionResult handle(const ActionRequest &request) override;
    QString applyActorMove(
        const QString &move, const QString &resourceId, const QString &argument = {}) override;

    // --- admin (the HTTP front's admin endpoint, and tests) ---
    // The whole live state in the scenario format (docs/SCENARIOS.md).
    QJsonObject saveState() const;
    // Replaces the world with `state` and makes it what reset() returns to. Transitions
    // under way in it (Stopping, Starting, ReIniting, advancing snapshots) resume with
    // the current timing. Returns the problem, or empty on success (nothing changes then).
    QString loadState(const QJsonObject &state);
    void loadScenario(const Scenario &scenario);
    // Back to the last loaded scenario; pending timers are dropped, client tokens forgotten.
    void reset();
    ServiceTiming timing() const { return m_timing; }
    // Applies to work started from now on.
    void setTiming(const ServiceTiming &timing) { m_timing = timing; }
    // The data marker of a disk ("" when there is no such disk).
    QString diskContentMarker(const QString &diskId) const;
    // "Writes" to a disk, so a test can see a later rollback undo it. False: no such disk.
    bool setDiskContentMarker(const QString &diskId, const QString &marker);
    // Everything, markers and pending transitions included: saveState() plus "Timing".
    QJsonObject describeWorld() const;

Q_SIGNALS:
    // After any change of the world: an action, a timer, an actor move or a load.
    void worldChanged();

private:
    using Action = ActionResult (EcsService::*)(ParameterReader &);
    static const QHash<QString, Action> &actions();

    ActionResult describeRegions(ParameterReader &reader);
    ActionResult describeInstances(ParameterReader &reader);
    ActionResult describeDisks(ParameterReader &reader);
    ActionResult describeSnapshots(ParameterReader &reader);
    ActionResult describeSnapshotGroups(ParameterReader &reader);
    ActionResult describeInstanceStatus(ParameterReader &reader);
    ActionResult createSnapshotGroup(ParameterReader &reader);
    ActionResult deleteSnapshotGroup(ParameterReader &reader);
    ActionResult resetDisks(ParameterReader &reader);
    ActionResult resetDisk(ParameterReader &reader);
    ActionResult stopInstance(ParameterReader &reader);
    ActionResult startInstance(ParameterReader &reader);

    // RegionId required and known; false with the error recorded otherwise.
    bool checkRegion(ParameterReader &reader, QString *regionId) const;
    // Why `diskId` cannot be rolled back to `snapshotId` now, or nullopt.
    std::optional<ServiceError> resetProblem(
        const QString &diskId, const QString &snapshotId, const QString &regionId) const;
    void beginReset(const QString &diskId, const QString &snapshotId);

    // Runs `work` after `ms` unless the world was reset or reloaded in between.
    void later(int ms, std::function<void()> work);
    void finishStop(const QString &instanceId);
    void finishStart(const QString &instanceId);
    void finishReset(const QString &diskId);
    void advanceSnapshots(const QString &groupId);
    void resumeTransitions();
    double drawRandom() const;
    void changed() { Q_EMIT worldChanged(); }

    struct ClientTokenUse
    {
        ApiParameters parameters;
        QString snapshotGroupId;
    };

    World m_world;
    Scenario m_loaded;
    ServiceTiming m_timing;
    quint64 m_generation = 0; // bumped by every load/reset: stale timers do nothing
    QHash<QString, ClientTokenUse> m_clientTokens; // CreateSnapshotGroup ClientToken
};

} // namespace ecs::emulator
