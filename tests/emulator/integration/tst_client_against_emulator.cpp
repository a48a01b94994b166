// The core client (EcsApi over a real QNetworkAccessManager) against the emulator over
// loopback, with both signature versions: every action the client has completes, and a
// rollback restores exactly the selected disks' data.
#include "EmbeddedEmulator.h"
#include "api/ApiCall.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "scenarios/Scenario.h"
#include "service/EcsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

namespace {

const QString region = QStringLiteral("cn-hangzhou");

// Waits for a handler's one answer; the value stays empty when none came.
template<typename T>
std::optional<Result<T>> await(std::function<void(ResultHandler<T>)> start)
{
    auto answer = std::make_shared<std::optional<Result<T>>>();
    start([answer](const Result<T> &result) { *answer = result; });
    const bool answered = QTest::qWaitFor([answer] { return answer->has_value(); }, 15000);
    Q_UNUSED(answered)
    return *answer;
}

} // namespace

class TestClientAgainstEmulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init_data();
    void init();
    void cleanup();

    void everyDescribeActionParses_data() { init_data(); }
    void everyDescribeActionParses();
    void stopAndStartFollowTheStates_data() { init_data(); }
    void stopAndStartFollowTheStates();
    void createAndDeleteAnInstanceSnapshot_data() { init_data(); }
    void createAndDeleteAnInstanceSnapshot();
    void rollbackRestoresOnlyTheSelectedDisks_data() { init_data(); }
    void rollbackRestoresOnlyTheSelectedDisks();
    void resetDiskRestoresOneDisk_data() { init_data(); }
    void resetDiskRestoresOneDisk();
    void droppedRollbackIsSentOnceAndReportedAsUnknown_data() { init_data(); }
    void droppedRollbackIsSentOnceAndReportedAsUnknown();
    void serviceRulesReachTheClientAsTypedErrors_data() { init_data(); }
    void serviceRulesReachTheClientAsTypedErrors();
    void wrongSecretIsRejected_data() { init_data(); }
    void wrongSecretIsRejected();

private:
    std::optional<Instance> instance(const QString &id);
    std::optional<Disk> disk(const QString &id);
    bool waitForInstanceStatus(const QString &id, const QString &status);

    std::unique_ptr<EmbeddedEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EcsClient> m_client;
    std::unique_ptr<EcsApi> m_api;
};

void TestClientAgainstEmulator::init_data()
{
    QTest::addColumn<int>("signature");
    QTest::newRow("V3") << int(signing::SignatureVersion::V3);
    QTest::newRow("V1") << int(signing::SignatureVersion::V1);
}

void TestClientAgainstEmulator::init()
{
    QFETCH(int, signature);
    QString error;
    const Scenario demo = Scenario::builtIn(QStringLiteral("demo"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_emulator = std::make_unique<EmbeddedEmulator>(demo);
    ServiceTiming timing = m_emulator->service()->timing();
    timing.stopMs = 50;
    timing.startMs = 50;
    timing.snapshotStepMs = 20;
    timing.snapshotSteps = 3;
    timing.resetMs = 100;
    m_emulator->service()->setTiming(timing);
    const QString problem = m_emulator->start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EcsClient>(m_network.get());
    ClientSettings settings;
    settings.endpointOverride = m_emulator->url();
    settings.defaultRegionId = region;
    settings.signatureVersion = signing::SignatureVersion(signature);
    settings.retry = RetryPolicy::none();
    m_client->setSettings(settings);
    m_client->setCredential(m_emulator->credential());
    m_api = std::make_unique<EcsApi>(m_client.get());
}

void TestClientAgainstEmulator::cleanup()
{
    m_api.reset();
    m_client.reset();
    m_network.reset();
    m_emulator.reset();
}

std::optional<Instance> TestClientAgainstEmulator::instance(const QString &id)
{
    DescribeInstancesRequest request;
    request.regionId = region;
    request.instanceIds = QStringList { id };
    const auto page = await<Page<Instance>>([&](ResultHandler<Page<Instance>> handler) {
        m_api->describeInstances(request, this, handler);
    });
    if (!page || !page->ok() || page->value().items.size() != 1)
        return std::nullopt;
    return page->value().items.first();
}

std::optional<Disk> TestClientAgainstEmulator::disk(const QString &id)
{
    DescribeDisksRequest request;
    request.regionId = region;
    request.diskIds = QStringList { id };
    const auto page = await<Page<Disk>>(
        [&](ResultHandler<Page<Disk>> handler) { m_api->describeDisks(request, this, handler); });
    if (!page || !page->ok() || page->value().items.size() != 1)
        return std::nullopt;
    return page->value().items.first();
}

bool TestClientAgainstEmulator::waitForInstanceStatus(const QString &id, const QString &status)
{
    return QTest::qWaitFor(
        [&] {
            const auto current = instance(id);
            return current && current->status == status;
        },
        15000);
}

void TestClientAgainstEmulator::everyDescribeActionParses()
{
    const auto regions = await<QList<Region>>(
        [&](ResultHandler<QList<Region>> handler) { m_api->describeRegions({}, this, handler); });
    QVERIFY(regions && regions->ok());
    QVERIFY(regions->value().size() >= 3);

    // Every instance snapshot of the region, through NextToken pages of 2.
    QStringList groupIds;
    std::optional<ApiError> done;
    DescribeSnapshotGroupsRequest groups;
    groups.regionId = region;
    groups.maxResults = 2;
    m_api->listSnapshotGroups(
        groups, this,
        [&](const Page<SnapshotGroup> &page) {
            for (const SnapshotGroup &group : page.items)
                groupIds << group.snapshotGroupId;
        },
        [&](const ApiError &error) { done = error; });
    QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 15000);
    QVERIFY2(!done->isError(), qPrintable(done->summary()));
    QVERIFY(groupIds.contains(QStringLiteral("ssg-demo-healthy")));
    QVERIFY(groupIds.contains(QStringLiteral("ssg-demo-progressing")));
    QCOMPARE(QSet<QString>(groupIds.begin(), groupIds.end()).size(), groupIds.size());

    const auto healthy = instance(QStringLiteral("i-demo-healthy"));
    QVERIFY(healthy);
    QCOMPARE(healthy->status, InstanceStatusName::Stopped);

    DescribeSnapshotsRequest snapshots;
    snapshots.regionId = region;
    snapshots.instanceId = QStringLiteral("i-demo-healthy");
    const auto snapshotPage = await<Page<Snapshot>>([&](ResultHandler<Page<Snapshot>> handler) {
        m_api->describeSnapshots(snapshots, this, handler);
    });
    QVERIFY(snapshotPage && snapshotPage->ok());
    QVERIFY(!snapshotPage->value().items.isEmpty());

    DescribeInstanceStatusRequest statuses;
    statuses.regionId = region;
    const auto statusPage
        = await<Page<InstanceStatus>>([&](ResultHandler<Page<InstanceStatus>> handler) {
              m_api->describeInstanceStatus(statuses, this, handler);
          });
    QVERIFY(statusPage && statusPage->ok());
    QVERIFY(statusPage->value().items.size() >= 2);
}

void TestClientAgainstEmulator::stopAndStartFollowTheStates()
{
    const QString id = QStringLiteral("i-demo-running");
    StopInstanceRequest stop { region, id, StoppedModeName::KeepCharging };
    const auto stopped = await<QString>(
        [&](ResultHandler<QString> handler) { m_api->stopInstance(stop, this, handler); });
    QVERIFY2(stopped && stopped->ok(), stopped ? qPrintable(stopped->error().summary()) : "none");
    QVERIFY(waitForInstanceStatus(id, InstanceStatusName::Stopped));
    QCOMPARE(instance(id)->stoppedMode, StoppedModeName::KeepCharging);

    const auto dryRun = await<QString>([&](ResultHandler<QString> handler) {
        m_api->startInstance({ region, id, true }, this, handler);
    });
    QVERIFY(dryRun && dryRun->ok()); // DryRunOperation, read as success
    QCOMPARE(instance(id)->status, InstanceStatusName::Stopped);

    const auto started = await<QString>([&](ResultHandler<QString> handler) {
        m_api->startInstance({ region, id, false }, this, handler);
    });
    QVERIFY(started && started->ok());
    QVERIFY(waitForInstanceStatus(id, InstanceStatusName::Running));
}

void TestClientAgainstEmulator::createAndDeleteAnInstanceSnapshot()
{
    CreateSnapshotGroupRequest create;
    create.regionId = region;
    create.instanceId = QStringLiteral("i-demo-healthy");
    create.name = QStringLiteral("before-rollback");
    create.clientToken = QStringLiteral("integration-token-1");
    const auto created = await<QString>(
        [&](ResultHandler<QString> handler) { m_api->createSnapshotGroup(create, this, handler); });
    QVERIFY2(created && created->ok(), created ? qPrintable(created->error().summary()) : "none");
    const QString groupId = created->value();
    QVERIFY(groupId.startsWith(QLatin1String("ssg-")));

    // The same client token gives the same group, not a second one.
    const auto again = await<QString>(
        [&](ResultHandler<QString> handler) { m_api->createSnapshotGroup(create, this, handler); });
    QVERIFY(again && again->ok());
    QCOMPARE(again->value(), groupId);

    DescribeSnapshotGroupsRequest describe;
    describe.regionId = region;
    describe.snapshotGroupIds = QStringList { groupId };
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto page
                = await<Page<SnapshotGroup>>([&](ResultHandler<Page<SnapshotGroup>> handler) {
                      m_api->describeSnapshotGroups(describe, this, handler);
                  });
            return page && page->ok() && page->value().items.size() == 1
                && page->value().items.first().isFullyUsable();
        },
        15000));

    const auto deleted
        = await<QList<OperationProgress>>([&](ResultHandler<QList<OperationProgress>> handler) {
              m_api->deleteSnapshotGroup({ region, groupId }, this, handler);
          });
    QVERIFY2(deleted && deleted->ok(), deleted ? qPrintable(deleted->error().summary()) : "none");
}

void TestClientAgainstEmulator::rollbackRestoresOnlyTheSelectedDisks()
{
    EcsService *service = m_emulator->service();
    DescribeSnapshotGroupsRequest describe;
    describe.regionId = region;
    describe.snapshotGroupIds = QStringList { QStringLiteral("ssg-demo-healthy") };
    const auto page = await<Page<SnapshotGroup>>([&](ResultHandler<Page<SnapshotGroup>> handler) {
        m_api->describeSnapshotGroups(describe, this, handler);
    });
    QVERIFY(page && page->ok() && page->value().items.size() == 1);
    const QList<SnapshotGroupMember> members = page->value().items.first().snapshots;
    QVERIFY(members.size() >= 3);

    // "Write" to every disk after the snapshot, then roll back all but the last one.
    QHash<QString, QString> snapshotMarker;
    for (const SnapshotGroupMember &member : members) {
        QVERIFY(service->setDiskContentMarker(
            member.sourceDiskId, QStringLiteral("written-after-snapshot-") + member.sourceDiskId));
    }
    ResetDisksRequest reset;
    reset.regionId = region;
    for (int i = 0; i < members.size() - 1; ++i)
        reset.disks.append({ members[i].sourceDiskId, members[i].snapshotId });
    const QString untouched = members.last().sourceDiskId;

    reset.dryRun = true;
    const auto dry
        = await<QList<OperationProgress>>([&](ResultHandler<QList<OperationProgress>> handler) {
              m_api->resetDisks(reset, this, handler);
          });
    QVERIFY2(dry && dry->ok(), dry ? qPrintable(dry->error().summary()) : "none");
    QVERIFY(service->diskContentMarker(members.first().sourceDiskId)
                .startsWith(QLatin1String("written-after-snapshot-")));

    reset.dryRun = false;
    const auto done
        = await<QList<OperationProgress>>([&](ResultHandler<QList<OperationProgress>> handler) {
              m_api->resetDisks(reset, this, handler);
          });
    QVERIFY2(done && done->ok(), done ? qPrintable(done->error().summary()) : "none");
    QCOMPARE(done->value().size(), reset.disks.size());
    for (const OperationProgress &progress : done->value())
        QVERIFY(progress.isSuccess());

    // Follow the disks until they are back, as the rollback job will.
    for (const DiskSnapshotPair &pair : std::as_const(reset.disks)) {
        QVERIFY(QTest::qWaitFor(
            [&] {
                const auto current = disk(pair.diskId);
                return current && current->status == DiskStatusName::InUse;
            },
            15000));
        QVERIFY2(!service->diskContentMarker(pair.diskId).startsWith(QLatin1String("written-")),
            qPrintable(service->diskContentMarker(pair.diskId)));
    }
    QCOMPARE(service->diskContentMarker(untouched),
        QStringLiteral("written-after-snapshot-") + untouched);
    QCOMPARE(instance(QStringLiteral("i-demo-healthy"))->status, InstanceStatusName::Stopped);
}

void TestClientAgainstEmulator::resetDiskRestoresOneDisk()
{
    EcsService *service = m_emulator->service();
    const QString diskId = QStringLiteral("d-demo-healthy-data2");
    const QString original = service->diskContentMarker(diskId);
    auto snapshotMarker = [service](const QString &snapshotId) {
        const QJsonArray snapshots
            = service->describeWorld().value(QLatin1String("Snapshots")).toArray();
        for (const QJsonValue &value : snapshots) {
            if (value[QLatin1String("SnapshotId")].toString() == snapshotId)
                return value[QLatin1String("ContentMarker")].toString();
        }
        return QString();
    };
    DescribeSnapshotsRequest request;
    request.regionId = region;
    request.diskId = diskId;
    const auto snapshots = await<Page<Snapshot>>([&](ResultHandler<Page<Snapshot>> handler) {
        m_api->describeSnapshots(request, this, handler);
    });
    QVERIFY(snapshots && snapshots->ok() && !snapshots->value().items.isEmpty());
    const Snapshot snapshot = snapshots->value().items.first();

    QVERIFY(service->setDiskContentMarker(diskId, QStringLiteral("written-later")));
    const auto reset = await<QString>([&](ResultHandler<QString> handler) {
        m_api->resetDisk({ region, diskId, snapshot.snapshotId, false }, this, handler);
    });
    QVERIFY2(reset && reset->ok(), reset ? qPrintable(reset->error().summary()) : "none");
    QVERIFY(!reset->value().isEmpty()); // the RequestId
    QTRY_VERIFY_WITH_TIMEOUT(
        service->diskContentMarker(diskId) != QLatin1String("written-later"), 15000);
    QCOMPARE(service->diskContentMarker(diskId), snapshotMarker(snapshot.snapshotId));
    QVERIFY(service->diskContentMarker(diskId) != original);
}

void TestClientAgainstEmulator::droppedRollbackIsSentOnceAndReportedAsUnknown()
{
    // The service acts on the call, then the connection drops before the answer: the
    // client must say the outcome is unknown, and must not have sent it twice.
    const QString plan
        = QStringLiteral(R"({"drops":[{"action":"ResetDisks","next":1,"when":"after"}]})");
    QCOMPARE(m_emulator->server().faults().setPlan(QJsonDocument::fromJson(plan.toUtf8()).object()),
        QString());
    m_emulator->server().requestLog().clear();

    ResetDisksRequest reset;
    reset.regionId = region;
    reset.disks = { { QStringLiteral("d-demo-healthy-data3"), QString() } };
    DescribeSnapshotsRequest request;
    request.regionId = region;
    request.diskId = reset.disks.first().diskId;
    const auto snapshots = await<Page<Snapshot>>([&](ResultHandler<Page<Snapshot>> handler) {
        m_api->describeSnapshots(request, this, handler);
    });
    QVERIFY(snapshots && snapshots->ok() && !snapshots->value().items.isEmpty());
    reset.disks.first().snapshotId = snapshots->value().items.first().snapshotId;
    QVERIFY(m_emulator->service()->setDiskContentMarker(
        reset.disks.first().diskId, QStringLiteral("written-later")));

    const auto outcome
        = await<QList<OperationProgress>>([&](ResultHandler<QList<OperationProgress>> handler) {
              m_api->resetDisks(reset, this, handler);
          });
    QVERIFY(outcome && !outcome->ok());
    QCOMPARE(outcome->error().kind(), ApiError::Kind::Network);
    QVERIFY2(outcome->error().message().contains(QLatin1String("may or may not")),
        qPrintable(outcome->error().message()));

    int resetCalls = 0;
    for (const RequestLogEntry &entry : m_emulator->server().requestLog().entries()) {
        if (entry.action == QLatin1String("ResetDisks")) {
            ++resetCalls;
            QCOMPARE(entry.outcome, QStringLiteral("dropped"));
        }
    }
    QCOMPARE(resetCalls, 1);
    // It did take effect: reading the state is how the rollback job will find out.
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator->service()->diskContentMarker(reset.disks.first().diskId)
            != QLatin1String("written-later"),
        15000);
}

void TestClientAgainstEmulator::serviceRulesReachTheClientAsTypedErrors()
{
    // A running instance: the service refuses the rollback, the client reports it typed.
    DescribeSnapshotGroupsRequest describe;
    describe.regionId = region;
    describe.snapshotGroupIds = QStringList { QStringLiteral("ssg-demo-running") };
    const auto page = await<Page<SnapshotGroup>>([&](ResultHandler<Page<SnapshotGroup>> handler) {
        m_api->describeSnapshotGroups(describe, this, handler);
    });
    QVERIFY(page && page->ok() && !page->value().items.isEmpty());
    const SnapshotGroupMember member = page->value().items.first().snapshots.first();
    const auto refused = await<QString>([&](ResultHandler<QString> handler) {
        m_api->resetDisk({ region, member.sourceDiskId, member.snapshotId, false }, this, handler);
    });
    QVERIFY(refused && !refused->ok());
    QCOMPARE(refused->error().kind(), ApiError::Kind::Service);
    QCOMPARE(refused->error().httpStatus(), 403);
    QCOMPARE(refused->error().code(), QStringLiteral("IncorrectInstanceStatus"));
    QVERIFY(!refused->error().requestId().isEmpty());
}

void TestClientAgainstEmulator::wrongSecretIsRejected()
{
    Credential wrong = m_emulator->credential();
    wrong.accessKeySecret += QLatin1Char('x');
    m_client->setCredential(wrong);
    const auto regions = await<QList<Region>>(
        [&](ResultHandler<QList<Region>> handler) { m_api->describeRegions({}, this, handler); });
    QVERIFY(regions && !regions->ok());
    QFETCH(int, signature);
    QCOMPARE(regions->error().code(),
        signature == int(signing::SignatureVersion::V1) ? QStringLiteral("IncompleteSignature")
                                                        : QStringLiteral("SignatureDoesNotMatch"));
    QCOMPARE(regions->error().httpStatus(), 400);

    Credential unknown = m_emulator->credential();
    unknown.accessKeyId = QStringLiteral("LTAIunknownKeyId0000");
    m_client->setCredential(unknown);
    const auto again = await<QList<Region>>(
        [&](ResultHandler<QList<Region>> handler) { m_api->describeRegions({}, this, handler); });
    QVERIFY(again && !again->ok());
    QCOMPARE(again->error().code(), QStringLiteral("InvalidAccessKeyId.NotFound"));
    QCOMPARE(again->error().httpStatus(), 404);
}

QTEST_GUILESS_MAIN(TestClientAgainstEmulator)
#include "tst_client_against_emulator.moc"
