// The typed calls: parsed values, dry runs, handlers tied to a context, pages.
#include "FakeNetwork.h"
#include "api/ApiCall.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"

#include <QTest>

using namespace ecs;

namespace {

struct Harness
{
    FakeNetworkAccessManager network;
    EcsClient client { &network };
    EcsApi api { &client };
    Harness()
    {
        ClientSettings settings;
        settings.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:1"));
        settings.retry = RetryPolicy::none();
        settings.defaultRegionId = QStringLiteral("cn-hangzhou");
        client.setSettings(settings);
        client.setCredential({ QStringLiteral("id"), QStringLiteral("secret"), {} });
    }
};

const QByteArray dryRunPassed = R"({"RequestId":"R-DRY","Code":"DryRunOperation",
    "Message":"Request validation has been passed with DryRun flag set."})";

} // namespace

class TestEcsApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describeRegionsParses();
    void passedDryRunIsSuccess();
    void failedDryRunIsTheRealError();
    void dryRunAnswerWithoutDryRunIsAnError();
    void malformedSuccessBodyIsAParseError();
    void invalidRequestIsRefusedWithoutSending();
    void destroyedContextNeverHearsBackAndCancelsReads();
    void destroyedContextLetsMutatingCallFinish();
    void listSnapshotGroupsDeliversEveryPage();
    void unreadablePageEndsTheListingOnce();
};

void TestEcsApi::describeRegionsParses()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, R"json({"RequestId":"R","Regions":{"Region":[
        {"RegionId":"cn-hangzhou","LocalName":"China (Hangzhou)",
         "RegionEndpoint":"ecs.aliyuncs.com","Status":"available"}]}})json"));
    std::optional<Result<QList<Region>>> result;
    QObject context;
    h.api.describeRegions({}, &context, [&](const Result<QList<Region>> &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY2(result->ok(), qPrintable(result->error().summary()));
    QCOMPARE(result->value().size(), 1);
    QCOMPARE(result->value().first().localName, QStringLiteral("China (Hangzhou)"));
    QCOMPARE(h.network.requests().first().queryValue(QStringLiteral("AcceptLanguage")),
        QStringLiteral("en-US"));
}

void TestEcsApi::passedDryRunIsSuccess()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(400, dryRunPassed));
    ResetDisksRequest request;
    request.regionId = QStringLiteral("cn-hangzhou");
    request.disks = { { QStringLiteral("d-1"), QStringLiteral("s-1") } };
    request.dryRun = true;
    std::optional<Result<QList<OperationProgress>>> result;
    QObject context;
    h.api.resetDisks(request, &context, [&](const auto &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(result->ok());
    QCOMPARE(
        h.network.requests().first().queryValue(QStringLiteral("DryRun")), QStringLiteral("true"));
}

void TestEcsApi::failedDryRunIsTheRealError()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(403, R"({"RequestId":"R","Code":"IncorrectInstanceStatus",
        "Message":"The current status of the resource does not support this operation."})"));
    std::optional<Result<QString>> result;
    QObject context;
    h.api.resetDisk(
        { QStringLiteral("cn-hangzhou"), QStringLiteral("d-1"), QStringLiteral("s-1"), true },
        &context, [&](const auto &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().code(), QStringLiteral("IncorrectInstanceStatus"));
}

void TestEcsApi::dryRunAnswerWithoutDryRunIsAnError()
{
    // Only a request that asked for a dry run may read DryRunOperation as success.
    Harness h;
    h.network.enqueue(FakeResponse::json(400, dryRunPassed));
    std::optional<Result<QString>> result;
    QObject context;
    h.api.startInstance({ QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"), false }, &context,
        [&](const auto &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QVERIFY(!result->ok());
    QVERIFY(result->error().isDryRunPassed());
}

void TestEcsApi::malformedSuccessBodyIsAParseError()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, R"({"RequestId":"R","Regions":{"Region":"oops"}})"));
    std::optional<Result<QList<Region>>> result;
    QObject context;
    h.api.describeRegions({}, &context, [&](const auto &r) { result = r; });
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind(), ApiError::Kind::Parse);
    QVERIFY2(result->error().message().contains(QLatin1String("Region"))
            || result->error().detail().contains(QLatin1String("Region")),
        qPrintable(result->error().message()));
}

void TestEcsApi::invalidRequestIsRefusedWithoutSending()
{
    Harness h;
    ResetDisksRequest request;
    request.regionId = QStringLiteral("cn-hangzhou");
    for (int i = 0; i < 11; ++i)
        request.disks.append({ QStringLiteral("d-%1").arg(i), QStringLiteral("s-%1").arg(i) });
    std::optional<Result<QList<OperationProgress>>> result;
    QObject context;
    h.api.resetDisks(request, &context, [&](const auto &r) { result = r; });
    QVERIFY(!result.has_value()); // never synchronous
    QTRY_VERIFY(result.has_value());
    QCOMPARE(result->error().kind(), ApiError::Kind::Configuration);

    std::optional<ApiError> listError;
    h.api.listSnapshotGroups(
        {}, &context, [](const Page<SnapshotGroup> &) {},
        [&](const ApiError &error) { listError = error; });
    QTRY_VERIFY(listError.has_value());
    QCOMPARE(listError->kind(), ApiError::Kind::Configuration); // no region
    QCOMPARE(h.network.requests().size(), 0);
}

void TestEcsApi::destroyedContextNeverHearsBackAndCancelsReads()
{
    Harness h;
    h.network.enqueue(FakeResponse::hanging());
    bool called = false;
    auto *context = new QObject;
    QPointer<ApiCall> call
        = h.api.describeRegions({}, context, [&](const auto &) { called = true; });
    QTRY_COMPARE(h.network.requests().size(), 1);
    delete context;
    QTRY_VERIFY(call.isNull());
    QVERIFY(!called);
    QVERIFY(h.network.replies().first().isNull() || h.network.replies().first()->wasAborted());
}

void TestEcsApi::destroyedContextLetsMutatingCallFinish()
{
    Harness h;
    FakeResponse slow = FakeResponse::json(200, R"({"RequestId":"R-STOP"})");
    slow.delayMs = 50;
    h.network.enqueue(slow);
    bool called = false;
    auto *context = new QObject;
    QPointer<ApiCall> call = h.api.stopInstance(
        { QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"), QStringLiteral("KeepCharging") },
        context, [&](const auto &) { called = true; });
    QTRY_COMPARE(h.network.requests().size(), 1);
    delete context;
    QTRY_VERIFY(call.isNull());
    QVERIFY(!called);
    const QPointer<FakeReply> reply = h.network.replies().first();
    QVERIFY(reply.isNull() || !reply->wasAborted());
}

void TestEcsApi::listSnapshotGroupsDeliversEveryPage()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, R"({"RequestId":"R1","NextToken":"n1",
        "SnapshotGroups":{"SnapshotGroup":[{"SnapshotGroupId":"ssg-1","Status":"accomplished",
        "Snapshots":{"Snapshot":[{"SnapshotId":"s-1","SourceDiskId":"d-1",
        "SourceDiskType":"system","Progress":"100%","Available":true}]}}]}})"));
    h.network.enqueue(FakeResponse::json(200, R"({"RequestId":"R2","NextToken":"",
        "SnapshotGroups":{"SnapshotGroup":[{"SnapshotGroupId":"ssg-2","Status":"progressing"}]}})"));
    QStringList ids;
    std::optional<ApiError> done;
    QObject context;
    DescribeSnapshotGroupsRequest request;
    request.regionId = QStringLiteral("cn-hangzhou");
    h.api.listSnapshotGroups(
        request, &context,
        [&](const Page<SnapshotGroup> &page) {
            for (const SnapshotGroup &group : page.items)
                ids << group.snapshotGroupId;
        },
        [&](const ApiError &error) { done = error; });
    QTRY_VERIFY(done.has_value());
    QVERIFY2(!done->isError(), qPrintable(done->summary()));
    QCOMPARE(ids, (QStringList { QStringLiteral("ssg-1"), QStringLiteral("ssg-2") }));
}

void TestEcsApi::unreadablePageEndsTheListingOnce()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, R"({"RequestId":"R1","NextToken":"n1",
        "SnapshotGroups":{"SnapshotGroup":[{"SnapshotGroupId":"ssg-1"}]}})"));
    h.network.enqueue(FakeResponse::json(200, R"({"RequestId":"R2","NextToken":"n2",
        "SnapshotGroups":{"SnapshotGroup":[{"SnapshotGroupId":42}]}})"));
    h.network.enqueue(FakeResponse::json(200, R"({"RequestId":"R3",
        "SnapshotGroups":{"SnapshotGroup":[]}})"));
    int pages = 0;
    int doneCalls = 0;
    ApiError lastError;
    QObject context;
    DescribeSnapshotGroupsRequest request;
    request.regionId = QStringLiteral("cn-hangzhou");
    QPointer<PagedQuery> query = h.api.listSnapshotGroups(
        request, &context, [&](const Page<SnapshotGroup> &) { ++pages; },
        [&](const ApiError &error) {
            ++doneCalls;
            lastError = error;
        });
    QTRY_VERIFY(query.isNull());
    QCOMPARE(pages, 1);
    QCOMPARE(doneCalls, 1);
    QCOMPARE(lastError.kind(), ApiError::Kind::Parse);
    QVERIFY2(lastError.detail().contains(QLatin1String("SnapshotGroups.SnapshotGroup[0]")),
        qPrintable(lastError.detail()));
    QCOMPARE(h.network.requests().size(), 2); // the third page is never asked for
}

QTEST_GUILESS_MAIN(TestEcsApi)
#include "tst_ecs_api.moc"
