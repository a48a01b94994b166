#pragma once

#include "EmbeddedEmulator.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "journal/Journal.h"
#include "rollback/RollbackJob.h"
#include "rollback/RollbackPlan.h"
#include "service/EcsService.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>

#include <memory>

// One emulated account (a scenario, fast timings), a real client over loopback and a
// journal in a temporary directory: what every rollback job test starts from.
class JobHarness
{
public:
    // "" when ready, else why not.
    QString init(const QString &scenarioJson = {});

    ecs::emulator::EcsService *service() const { return m_emulator->service(); }
    ecs::emulator::EcsEmulatorServer &server() { return m_emulator->server(); }
    ecs::EcsClient *client() const { return m_client.get(); }
    ecs::EcsApi *api() const { return m_api.get(); }
    ecs::Journal *journal() const { return m_journal.get(); }

    ecs::RollbackPlan plan(const QString &snapshotGroupId, const QString &instanceId,
        const QStringList &diskIds) const;
    // Starts the job and waits (test only) until it has finished.
    bool run(ecs::RollbackJob &job, int timeoutMs = 60000);

    // Faults for the next calls; "" when the plan was taken, else the plan's error.
    QString setFaults(const QString &planJson);
    // Rollback calls (ResetDisks and ResetDisk) the emulator received, dry runs or real.
    int rollbackCalls(bool dryRun) const;
    int callsOf(const QString &action) const;
    QString snapshotMarker(const QString &snapshotId) const;
    QString diskStatus(const QString &diskId) const;
    QString instanceStatus(const QString &instanceId) const;
    QList<ecs::JournalEntry> journalEntries(const QString &operationId) const;
    // The journal entries of `operationId` for `action` ("ResetDisks", "Rollback" ...).
    QList<ecs::JournalEntry> journalEntries(
        const QString &operationId, const QString &action) const;

private:
    QJsonObject worldRecord(const QString &list, const QString &idKey, const QString &id) const;

    QTemporaryDir m_dir;
    std::unique_ptr<ecs::emulator::EmbeddedEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ecs::EcsClient> m_client;
    std::unique_ptr<ecs::EcsApi> m_api;
    std::unique_ptr<ecs::Journal> m_journal;
};
