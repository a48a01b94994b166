#pragma once

#include "RollbackFacts.h"
#include "RollbackTarget.h"

#include <QObject>

namespace ecs {

class EcsApi;

// Reads everything checkPreconditions() needs, in two rounds of parallel requests:
//   1. DescribeSnapshotGroups(SnapshotGroupId), DescribeInstances(InstanceIds),
//      DescribeDisks(InstanceId), DescribeSnapshots(InstanceId, Status=progressing)
//   2. what round 1 could not know: DescribeDisks(DiskIds) for the group's source disks
//      not found attached, DescribeSnapshots(SnapshotIds) for the group's members.
// (Without a target instance ID, round 1 reads the group only and the instance joins
// round 2.) A failed read is kept in the facts (Unknown items), not fatal, unless the
// group itself could not be read; a group that could not be read or no longer exists
// ends the gathering after round 1. ID lists go out in chunks of 100, the API's limit.
// Unfinished snapshots are those whose status says progressing, whatever the service's
// Status filter let through.
// facts().gatheredAt is when the reads began: the facts are at least that old.
class FactsGatherer : public QObject
{
    Q_OBJECT

public:
    FactsGatherer(EcsApi *api, RollbackTarget target, QObject *parent = nullptr);

    // Starts the reads; finished() follows once, later (queued, never inside start()).
    // Starting again abandons a run under way, as cancel() does.
    void start();
    // Abandons the reads; finished() is not emitted.
    void cancel();
    bool isRunning() const { return m_running; }
    const RollbackFacts &facts() const { return m_facts; }
    // Sequential rounds used by the last run (for tests and the bench).
    int rounds() const { return m_rounds; }
    // Reads started by the last run; a listing counts once however many pages it takes.
    int requestsSent() const { return m_requests; }

Q_SIGNALS:
    void finished(const ecs::RollbackFacts &facts);

private:
    void startRoundOne();
    void startRoundTwo();
    void readGroup();
    // DescribeInstances, DescribeDisks(InstanceId), DescribeSnapshots(progressing).
    void readInstanceParts(const QString &instanceId);
    void requestDone();
    void finishRun();

    EcsApi *m_api;
    RollbackTarget m_target;
    RollbackFacts m_facts;
    QObject *m_runContext = nullptr; // parent of this run's handlers; deleted when it ends
    int m_pending = 0;
    int m_runNumber = 0; // a queued finished() of an abandoned run is dropped
    int m_rounds = 0;
    int m_requests = 0;
    bool m_running = false;
};

} // namespace ecs
