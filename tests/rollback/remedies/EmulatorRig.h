#pragma once

// The demo account behind a real loopback endpoint (EmbeddedEmulator) and the core client
// talking to it, as tests/emulator/integration does, with timings short enough for tests.
// Helpers return values; the tests assert.

#include "EmbeddedEmulator.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "rollback/StateWaiter.h"
#include "scenarios/Scenario.h"
#include "service/EcsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace ecs::test {

inline const QString DemoRegion = QStringLiteral("cn-hangzhou");

inline emulator::ServiceTiming fastTiming()
{
    emulator::ServiceTiming timing;
    timing.stopMs = 150;
    timing.startMs = 150;
    timing.snapshotStepMs = 60;
    timing.snapshotSteps = 3;
    timing.resetMs = 250;
    return timing;
}

inline WaitOptions fastWait(int timeoutMs = 5000)
{
    WaitOptions options;
    options.intervalMs = 50;
    options.timeoutMs = timeoutMs;
    options.maxFailedReads = 3;
    return options;
}

// One stopped instance with a system disk and `detached` data disks no longer attached to
// it, and one accomplished instance snapshot ("ssg-big") of all of them: more IDs than one
// DescribeDisks or DescribeSnapshots request takes (100).
inline QJsonObject bigGroupScenario(int detached)
{
    QJsonArray disks;
    QJsonArray snapshots;
    QJsonArray members;
    for (int i = 0; i <= detached; ++i) {
        const bool system = i == 0;
        const QString diskId = QStringLiteral("d-big-%1").arg(i, 3, 10, QLatin1Char('0'));
        const QString snapshotId = QStringLiteral("s-big-%1").arg(i, 3, 10, QLatin1Char('0'));
        QJsonObject disk { { QStringLiteral("DiskId"), diskId },
            { QStringLiteral("RegionId"), DemoRegion },
            { QStringLiteral("ZoneId"), QStringLiteral("cn-hangzhou-h") },
            { QStringLiteral("Status"),
                system ? DiskStatusName::InUse : DiskStatusName::Available },
            { QStringLiteral("Type"), system ? DiskTypeName::System : DiskTypeName::Data },
            { QStringLiteral("Category"), DiskCategoryName::CloudEssd },
            { QStringLiteral("Size"), 40 } };
        if (system)
            disk.insert(QStringLiteral("InstanceId"), QStringLiteral("i-big"));
        disks.append(disk);
        snapshots.append(QJsonObject { { QStringLiteral("SnapshotId"), snapshotId },
            { QStringLiteral("RegionId"), DemoRegion }, { QStringLiteral("SourceDiskId"), diskId },
            { QStringLiteral("SourceDiskType"),
                system ? DiskTypeName::System : DiskTypeName::Data },
            { QStringLiteral("SourceDiskSize"), QStringLiteral("40") },
            { QStringLiteral("Status"), SnapshotStatusName::Accomplished },
            { QStringLiteral("Progress"), QStringLiteral("100%") },
            { QStringLiteral("Available"), true },
            { QStringLiteral("SourceInstanceId"), QStringLiteral("i-big") } });
        members.append(snapshotId);
    }
    return QJsonObject {
        { QStringLiteral("Name"), QStringLiteral("big") },
        { QStringLiteral("Regions"),
            QJsonArray { QJsonObject { { QStringLiteral("RegionId"), DemoRegion } } } },
        { QStringLiteral("Instances"),
            QJsonArray { QJsonObject { { QStringLiteral("InstanceId"), QStringLiteral("i-big") },
                { QStringLiteral("RegionId"), DemoRegion },
                { QStringLiteral("ZoneId"), QStringLiteral("cn-hangzhou-h") },
                { QStringLiteral("Status"), InstanceStatusName::Stopped },
                { QStringLiteral("StoppedMode"), StoppedModeName::KeepCharging } } } },
        { QStringLiteral("Disks"), disks },
        { QStringLiteral("Snapshots"), snapshots },
        { QStringLiteral("SnapshotGroups"),
            QJsonArray {
                QJsonObject { { QStringLiteral("SnapshotGroupId"), QStringLiteral("ssg-big") },
                    { QStringLiteral("RegionId"), DemoRegion },
                    { QStringLiteral("InstanceId"), QStringLiteral("i-big") },
                    { QStringLiteral("Status"), SnapshotGroupStatusName::Accomplished },
                    { QStringLiteral("SnapshotIds"), members } } } },
    };
}

// Waits for a handler's one answer; nullopt when none came within 5 s.
template<typename T>
std::optional<Result<T>> await(const std::function<void(ResultHandler<T>)> &start)
{
    auto answer = std::make_shared<std::optional<Result<T>>>();
    start([answer](const Result<T> &result) { *answer = result; });
    if (!QTest::qWaitFor([answer] { return answer->has_value(); }, 5000))
        return std::nullopt;
    return *answer;
}

class EmulatorRig
{
public:
    EmulatorRig() = default;
    ~EmulatorRig() { stop(); }
    Q_DISABLE_COPY_MOVE(EmulatorRig)

    // "" or why the emulator could not start.
    QString start(const emulator::ServiceTiming &timing = fastTiming())
    {
        QString error;
        const emulator::Scenario demo = emulator::Scenario::builtIn(QStringLiteral("demo"), &error);
        return error.isEmpty() ? start(demo, timing) : error;
    }
    QString start(const QJsonObject &scenario)
    {
        QString error;
        const emulator::Scenario parsed = emulator::Scenario::fromJson(scenario, &error);
        return error.isEmpty() ? start(parsed, fastTiming()) : error;
    }
    QString start(const emulator::Scenario &scenario, const emulator::ServiceTiming &timing)
    {
        stop();
        m_emulator = std::make_unique<emulator::EmbeddedEmulator>(scenario);
        m_emulator->service()->setTiming(timing);
        if (const QString problem = m_emulator->start(); !problem.isEmpty())
            return problem;
        m_network = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<EcsClient>(m_network.get());
        ClientSettings settings;
        settings.endpointOverride = m_emulator->url();
        settings.defaultRegionId = DemoRegion;
        // The tests count requests in the emulator's log: no transport retries.
        settings.retry = RetryPolicy::none();
        m_client->setSettings(settings);
        m_client->setCredential(m_emulator->credential());
        m_api = std::make_unique<EcsApi>(m_client.get());
        return {};
    }

    // The client first, then the emulator it talks to.
    void stop()
    {
        m_api.reset();
        m_client.reset();
        m_network.reset();
        m_emulator.reset();
    }

    EcsApi *api() const { return m_api.get(); }
    emulator::EcsService *service() const { return m_emulator->service(); }
    emulator::EcsEmulatorServer &server() const { return m_emulator->server(); }

    // "" or why the plan was refused.
    QString setFaults(const char *json) const
    {
        return server().faults().setPlan(QJsonDocument::fromJson(json).object());
    }
    void clearLog() const { server().requestLog().clear(); }
    QList<emulator::RequestLogEntry> calls(const QString &action = {}) const
    {
        QList<emulator::RequestLogEntry> matching;
        for (const emulator::RequestLogEntry &entry : server().requestLog().entries()) {
            if (action.isEmpty() || entry.action == action)
                matching.append(entry);
        }
        return matching;
    }
    // The mutating actions received, in arrival order.
    QStringList mutatingActions() const
    {
        QStringList actions;
        for (const emulator::RequestLogEntry &entry : server().requestLog().entries()) {
            if (!entry.action.startsWith(QLatin1String("Describe")))
                actions.append(entry.action);
        }
        return actions;
    }

    // One resource of the live world in its wire shape ({} when there is none).
    QJsonObject world(const QString &list, const QString &idKey, const QString &id) const
    {
        const QJsonArray items = service()->describeWorld().value(list).toArray();
        for (const QJsonValue &item : items) {
            if (item[idKey].toString() == id)
                return item.toObject();
        }
        return {};
    }
    QJsonObject instance(const QString &id) const
    {
        return world(QStringLiteral("Instances"), QStringLiteral("InstanceId"), id);
    }
    QJsonObject group(const QString &id) const
    {
        return world(QStringLiteral("SnapshotGroups"), QStringLiteral("SnapshotGroupId"), id);
    }
    QStringList groupIds() const
    {
        QStringList ids;
        const QJsonArray groups
            = service()->describeWorld().value(QLatin1String("SnapshotGroups")).toArray();
        for (const QJsonValue &group : groups)
            ids.append(group[QLatin1String("SnapshotGroupId")].toString());
        return ids;
    }

private:
    // Declared in this order so that, destroyed in reverse, the client goes first.
    std::unique_ptr<emulator::EmbeddedEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EcsClient> m_client;
    std::unique_ptr<EcsApi> m_api;
};

} // namespace ecs::test
