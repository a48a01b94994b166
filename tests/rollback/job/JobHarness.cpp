#include "JobHarness.h"

#include "scenarios/Scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

QString JobHarness::init(const QString &scenarioJson)
{
    QString error;
    const Scenario scenario = scenarioJson.isEmpty()
        ? Scenario::builtIn(QStringLiteral("demo"), &error)
        : Scenario::fromJson(QJsonDocument::fromJson(scenarioJson.toUtf8()).object(), &error);
    if (!error.isEmpty())
        return error;
    m_emulator = std::make_unique<EmbeddedEmulator>(scenario);
    ServiceTiming timing = m_emulator->service()->timing();
    timing.stopMs = 100;
    timing.startMs = 100;
    timing.snapshotStepMs = 50;
    timing.snapshotSteps = 3;
    timing.resetMs = 300;
    m_emulator->service()->setTiming(timing);
    if (const QString problem = m_emulator->start(); !problem.isEmpty())
        return problem;

    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EcsClient>(m_network.get());
    ClientSettings settings;
    settings.endpointOverride = m_emulator->url();
    settings.defaultRegionId = QStringLiteral("cn-hangzhou");
    settings.timeoutMs = 2000;
    settings.retry = RetryPolicy::none();
    m_client->setSettings(settings);
    m_client->setCredential(m_emulator->credential());
    m_api = std::make_unique<EcsApi>(m_client.get());

    m_journal = std::make_unique<Journal>(m_dir.filePath(QStringLiteral("journal.sqlite")));
    if (!m_journal->open())
        return m_journal->problem();
    return {};
}

RollbackPlan JobHarness::plan(
    const QString &snapshotGroupId, const QString &instanceId, const QStringList &diskIds) const
{
    RollbackPlan plan;
    plan.target.regionId = QStringLiteral("cn-hangzhou");
    plan.target.snapshotGroupId = snapshotGroupId;
    plan.target.instanceId = instanceId;
    plan.diskIds = diskIds;
    plan.safetySnapshot = false;
    plan.profileName = QStringLiteral("test-profile");
    plan.waits.intervalMs = 50;
    plan.waits.timeoutMs = 15000;
    plan.throttledPauseMs = 100;
    plan.unknownOutcomeWatchMs = 1500;
    return plan;
}

bool JobHarness::run(RollbackJob &job, int timeoutMs)
{
    QSignalSpy finished(&job, &RollbackJob::finished);
    job.start();
    return finished.wait(timeoutMs) && finished.count() == 1;
}

QString JobHarness::setFaults(const QString &planJson)
{
    return m_emulator->server().faults().setPlan(
        QJsonDocument::fromJson(planJson.toUtf8()).object());
}

int JobHarness::rollbackCalls(bool dryRun) const
{
    int count = 0;
    for (const RequestLogEntry &entry : m_emulator->server().requestLog().entries()) {
        if (entry.action != QLatin1String("ResetDisks")
            && entry.action != QLatin1String("ResetDisk"))
            continue;
        const bool isDryRun
            = entry.parameters.value(QStringLiteral("DryRun")) == QLatin1String("true");
        if (isDryRun == dryRun)
            ++count;
    }
    return count;
}

int JobHarness::callsOf(const QString &action) const
{
    int count = 0;
    for (const RequestLogEntry &entry : m_emulator->server().requestLog().entries())
        count += entry.action == action ? 1 : 0;
    return count;
}

QJsonObject JobHarness::worldRecord(
    const QString &list, const QString &idKey, const QString &id) const
{
    const QJsonArray records = m_emulator->service()->describeWorld().value(list).toArray();
    for (const QJsonValue &value : records) {
        if (value[idKey].toString() == id)
            return value.toObject();
    }
    return {};
}

QString JobHarness::snapshotMarker(const QString &snapshotId) const
{
    return worldRecord(QStringLiteral("Snapshots"), QStringLiteral("SnapshotId"), snapshotId)
        .value(QLatin1String("ContentMarker"))
        .toString();
}

QString JobHarness::diskStatus(const QString &diskId) const
{
    return worldRecord(QStringLiteral("Disks"), QStringLiteral("DiskId"), diskId)
        .value(QLatin1String("Status"))
        .toString();
}

QString JobHarness::instanceStatus(const QString &instanceId) const
{
    return worldRecord(QStringLiteral("Instances"), QStringLiteral("InstanceId"), instanceId)
        .value(QLatin1String("Status"))
        .toString();
}

QList<JournalEntry> JobHarness::journalEntries(const QString &operationId) const
{
    JournalQuery query;
    query.operationId = operationId;
    return m_journal->entries(query).value_or(QList<JournalEntry> {});
}

QList<JournalEntry> JobHarness::journalEntries(
    const QString &operationId, const QString &action) const
{
    QList<JournalEntry> matching;
    for (const JournalEntry &entry : journalEntries(operationId)) {
        if (entry.action == action)
            matching.append(entry);
    }
    return matching;
}
