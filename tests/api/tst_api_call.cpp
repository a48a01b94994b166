// The transport: one call, its typed completion, timeouts, retries and cancellation,
// against a scripted fake network whose answers arrive asynchronously.
#include "FakeNetwork.h"
#include "LogCapture.h"
#include "api/ApiCall.h"
#include "api/EcsClient.h"

#include <QSignalSpy>
#include <QTest>

using namespace ecs;

namespace {

const QByteArray throttled = R"({"RequestId":"R-T","Code":"Throttling.User",
    "Message":"Request was denied due to user flow control."})";
const QByteArray regionsOk = R"({"RequestId":"R-OK","Regions":{"Region":[]}})";

struct Harness
{
    FakeNetworkAccessManager network;
    EcsClient client { &network };

    Harness()
    {
        ClientSettings settings;
        settings.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:18080"));
        settings.timeoutMs = 2000;
        settings.retry.baseDelayMs = 5;
        settings.retry.maxDelayMs = 20;
        settings.retry.random = [] {
            return 0.0;
        };
        client.setSettings(settings);
        client.setCredential({ QStringLiteral("AKID-test"), QStringLiteral("secret-test"), {} });
    }
};

// Waits for the call's one completion and copies what it reported (the call deletes
// itself right after).
struct Outcome
{
    int finishedCount = 0;
    int attempts = 0;
    QJsonObject json;
    ApiError error;
};

Outcome run(ApiCall *call)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(call, &ApiCall::finished, call, [call, outcome] {
        ++outcome->finishedCount;
        outcome->attempts = call->attempts();
        outcome->json = call->json();
        outcome->error = call->error();
    });
    QPointer<ApiCall> guard(call);
    // The call deletes itself after its completion; a call that never finishes leaves
    // finishedCount at 0, which every test checks through the fields it compares.
    const bool ended = QTest::qWaitFor([&guard] { return guard.isNull(); }, 10000);
    Q_UNUSED(ended)
    return *outcome;
}

} // namespace

class TestApiCall : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void successDeliversJsonAndSignsV3();
    void serviceErrorIsTyped();
    void throttledReadIsRetriedWithFreshNonce();
    void mutatingCallIsNeverRetried_data();
    void mutatingCallIsNeverRetried();
    void transientNetworkErrorOnReadIsRetriedThenReported();
    void retryStopsAtTotalBudget();
    void retryAfterHeaderIsHonoured();
    void htmlGatewayPageIsAParseError();
    void timeoutIsReported();
    void timedOutMutatingCallIsSentOnce();
    void cancelInFlight();
    void cancelBeforeSendSendsNothing();
    void missingCredentialIsAConfigurationError();
    void plainHttpToRemoteHostIsRefused();
    void oversizedAnswerIsRefused();
    void finishesExactlyOnceAndDeletesItself();
    void secretAndTokenNeverReachTheLog();
};

void TestApiCall::successDeliversJsonAndSignsV3()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, regionsOk));
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"),
        { { QStringLiteral("AcceptLanguage"), QStringLiteral("en-US") } }));

    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QCOMPARE(outcome.json.value(QLatin1String("RequestId")).toString(), QStringLiteral("R-OK"));
    QCOMPARE(outcome.attempts, 1);
    QCOMPARE(h.network.requests().size(), 1);
    const RecordedRequest &sent = h.network.requests().first();
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.url.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(sent.queryValue(QStringLiteral("AcceptLanguage")), QStringLiteral("en-US"));
    QCOMPARE(sent.header("x-acs-action"), QByteArray("DescribeRegions"));
    QCOMPARE(sent.header("x-acs-version"), QByteArray("2014-05-26"));
    QVERIFY(sent.header("Authorization").startsWith("ACS3-HMAC-SHA256 Credential=AKID-test,"));
    QCOMPARE(sent.header("accept"), QByteArray("application/json"));
    // The secret itself never travels.
    QVERIFY(!sent.url.toString().contains(QLatin1String("secret-test")));
    for (const auto &header : sent.headers)
        QVERIFY(!header.second.contains("secret-test"));
}

void TestApiCall::serviceErrorIsTyped()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(403, R"({
        "RequestId": "15E2FBB4-41AF-5B2F-A41D-27D982DDB099",
        "HostId": "ecs.cn-hangzhou.aliyuncs.com",
        "Code": "IncorrectInstanceStatus",
        "Message": "The current status of the resource does not support this operation.",
        "Recommend": "https://api.aliyun.com/troubleshoot?q=IncorrectInstanceStatus"})"));
    const Outcome outcome = run(h.client.call(QStringLiteral("ResetDisk"),
        { { QStringLiteral("DiskId"), QStringLiteral("d-1") } }, QStringLiteral("cn-hangzhou")));

    QCOMPARE(outcome.error.kind(), ApiError::Kind::Service);
    QCOMPARE(outcome.error.httpStatus(), 403);
    QCOMPARE(outcome.error.code(), QStringLiteral("IncorrectInstanceStatus"));
    QCOMPARE(outcome.error.requestId(), QStringLiteral("15E2FBB4-41AF-5B2F-A41D-27D982DDB099"));
    QCOMPARE(outcome.error.hostId(), QStringLiteral("ecs.cn-hangzhou.aliyuncs.com"));
    QVERIFY(outcome.error.recommend().startsWith(QLatin1String("https://api.aliyun.com/")));
    QVERIFY(outcome.error.summary().contains(QLatin1String("HTTP 403")));
}

void TestApiCall::throttledReadIsRetriedWithFreshNonce()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(400, throttled));
    h.network.enqueue(FakeResponse::json(503, R"({"Code":"ServiceUnavailable","Message":"x"})"));
    h.network.enqueue(FakeResponse::json(200, regionsOk));
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"), {}));

    QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.summary()));
    QCOMPARE(outcome.attempts, 3);
    QCOMPARE(h.network.requests().size(), 3);
    QSet<QByteArray> nonces;
    for (const RecordedRequest &sent : h.network.requests())
        nonces.insert(sent.header("x-acs-signature-nonce"));
    QCOMPARE(nonces.size(), 3);
}

void TestApiCall::mutatingCallIsNeverRetried_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("networkError");
    for (const char *action : { "ResetDisks", "ResetDisk", "StopInstance", "StartInstance",
             "CreateSnapshotGroup", "DeleteSnapshotGroup" }) {
        QTest::addRow("%s-throttled", action)
            << QString::fromLatin1(action) << 400 << throttled << 0;
        QTest::addRow("%s-500", action)
            << QString::fromLatin1(action) << 500
            << QByteArray(R"({"Code":"InternalError","Message":"x"})") << 0;
        QTest::addRow("%s-dropped", action) << QString::fromLatin1(action) << 0 << QByteArray()
                                            << int(QNetworkReply::RemoteHostClosedError);
    }
}

void TestApiCall::mutatingCallIsNeverRetried()
{
    QFETCH(QString, action);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, networkError);
    Harness h;
    for (int i = 0; i < 4; ++i) {
        h.network.enqueue(networkError
                ? FakeResponse::networkError(QNetworkReply::NetworkError(networkError))
                : FakeResponse::json(status, body));
    }
    const Outcome outcome = run(
        h.client.call(action, { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") } }));
    QVERIFY(outcome.error.isError());
    QCOMPARE(outcome.attempts, 1);
    QCOMPARE(h.network.requests().size(), 1);
}

void TestApiCall::transientNetworkErrorOnReadIsRetriedThenReported()
{
    Harness h;
    for (int i = 0; i < 10; ++i)
        h.network.enqueue(FakeResponse::networkError(QNetworkReply::ConnectionRefusedError));
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeInstances"),
        { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") } }));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Network);
    QVERIFY(outcome.error.message().contains(QLatin1String("refused")));
    QCOMPARE(outcome.attempts, h.client.settings().retry.maxAttempts);
    QCOMPARE(h.network.requests().size(), h.client.settings().retry.maxAttempts);
}

void TestApiCall::retryStopsAtTotalBudget()
{
    Harness h;
    ClientSettings settings = h.client.settings();
    settings.retry.maxAttempts = 50;
    settings.retry.baseDelayMs = 40;
    settings.retry.maxDelayMs = 40;
    settings.retry.totalBudgetMs = 150;
    h.client.setSettings(settings);
    h.network.setHandler(
        [](const RecordedRequest &) { return FakeResponse::json(400, throttled); });
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeDisks"), {}));
    QVERIFY(outcome.error.isThrottling());
    // 40 ms per wait, 150 ms budget: at most 4 sends, and far fewer than 50.
    QVERIFY2(outcome.attempts >= 2 && outcome.attempts <= 5,
        qPrintable(QString::number(outcome.attempts)));
}

void TestApiCall::retryAfterHeaderIsHonoured()
{
    Harness h;
    FakeResponse first = FakeResponse::json(400, throttled);
    first.headers.append(qMakePair(QByteArray("x-acs-retry-after"), QByteArray("250")));
    h.network.enqueue(first);
    h.network.enqueue(FakeResponse::json(200, regionsOk));
    ApiCall *call = h.client.call(QStringLiteral("DescribeRegions"), {});
    QSignalSpy retries(call, &ApiCall::retryScheduled);
    const Outcome outcome = run(call);
    QVERIFY(!outcome.error.isError());
    QCOMPARE(retries.size(), 1);
    QCOMPARE(retries.first().at(0).toInt(), 2);
    QVERIFY(retries.first().at(1).toInt() >= 20); // capped by maxDelayMs (20 in the harness)
}

void TestApiCall::htmlGatewayPageIsAParseError()
{
    Harness h;
    ClientSettings settings = h.client.settings();
    settings.retry = RetryPolicy::none();
    h.client.setSettings(settings);
    FakeResponse page = FakeResponse::json(
        502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
    page.contentType = "text/html";
    h.network.enqueue(page);
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
    QCOMPARE(outcome.error.httpStatus(), 502);
    QVERIFY(outcome.error.message().contains(QLatin1String("502 Bad Gateway")));
    QVERIFY(RetryPolicy::isRetryableError(outcome.error));
}

void TestApiCall::timeoutIsReported()
{
    Harness h;
    ClientSettings settings = h.client.settings();
    settings.timeoutMs = 50;
    settings.retry = RetryPolicy::none();
    h.client.setSettings(settings);
    h.network.enqueue(FakeResponse::hanging());
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Timeout);
    QVERIFY(h.network.replies().first().isNull() || h.network.replies().first()->wasAborted());
}

void TestApiCall::timedOutMutatingCallIsSentOnce()
{
    Harness h;
    ClientSettings settings = h.client.settings();
    settings.timeoutMs = 50;
    h.client.setSettings(settings);
    h.network.setHandler([](const RecordedRequest &) { return FakeResponse::hanging(); });
    const Outcome outcome = run(h.client.call(QStringLiteral("ResetDisks"),
        { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") } }));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Timeout);
    QCOMPARE(h.network.requests().size(), 1);
}

void TestApiCall::cancelInFlight()
{
    Harness h;
    h.network.enqueue(FakeResponse::hanging());
    ApiCall *call = h.client.call(QStringLiteral("DescribeRegions"), {});
    QTRY_COMPARE(h.network.requests().size(), 1);
    QTimer::singleShot(0, call, &ApiCall::cancel);
    const Outcome outcome = run(call);
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(outcome.finishedCount, 1);
}

void TestApiCall::cancelBeforeSendSendsNothing()
{
    Harness h;
    ApiCall *call = h.client.call(QStringLiteral("DescribeRegions"), {});
    call->cancel();
    const Outcome outcome = run(call);
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Cancelled);
    QCOMPARE(h.network.requests().size(), 0);
}

void TestApiCall::missingCredentialIsAConfigurationError()
{
    Harness h;
    h.client.setCredential({ QStringLiteral("AKID-only"), {}, {} });
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Configuration);
    QCOMPARE(h.network.requests().size(), 0);
}

void TestApiCall::plainHttpToRemoteHostIsRefused()
{
    Harness h;
    ClientSettings settings = h.client.settings();
    settings.endpointOverride = QUrl(QStringLiteral("http://ecs.cn-hangzhou.aliyuncs.com"));
    h.client.setSettings(settings);
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Configuration);
    QVERIFY(outcome.error.message().contains(QLatin1String("https://")));
    QCOMPARE(h.network.requests().size(), 0);

    settings.endpointOverride.clear();
    h.client.setSettings(settings);
    const Outcome noRegion = run(h.client.call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(noRegion.error.kind(), ApiError::Kind::Configuration);
}

void TestApiCall::oversizedAnswerIsRefused()
{
    Harness h;
    ClientSettings settings = h.client.settings();
    settings.maxResponseBytes = 1024;
    settings.retry = RetryPolicy::none();
    h.client.setSettings(settings);
    h.network.enqueue(FakeResponse::json(200, "{\"RequestId\":\"" + QByteArray(4096, 'x') + "\"}"));
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(outcome.error.kind(), ApiError::Kind::Parse);
    QVERIFY(outcome.error.message().contains(QLatin1String("larger than")));
}

void TestApiCall::finishesExactlyOnceAndDeletesItself()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, regionsOk));
    ApiCall *call = h.client.call(QStringLiteral("DescribeRegions"), {});
    QSignalSpy finished(call, &ApiCall::finished);
    QPointer<ApiCall> guard(call);
    QTRY_VERIFY(guard.isNull());
    QCOMPARE(finished.size(), 1);
}

void TestApiCall::secretAndTokenNeverReachTheLog()
{
    // V1 carries the STS token in the query string; every attempt is logged at debug
    // level, and a retried failure at info level. None of it may show the secrets.
    const LogCapture log;
    Harness h;
    ClientSettings settings = h.client.settings();
    settings.signatureVersion = signing::SignatureVersion::V1;
    h.client.setSettings(settings);
    const QString secret = QStringLiteral("LogLeakSecret9");
    const QString token = QStringLiteral("LogLeakStsToken7");
    h.client.setCredential({ QStringLiteral("STS.LogLeakKeyId42"), secret, token });
    h.network.enqueue(FakeResponse::json(400, throttled));
    h.network.enqueue(FakeResponse::json(200, regionsOk));
    const Outcome outcome = run(h.client.call(QStringLiteral("DescribeRegions"), {}));
    QCOMPARE(outcome.attempts, 2);
    QCOMPARE(h.network.requests().first().queryValue(QStringLiteral("SecurityToken")), token);

    QVERIFY(!log.firstContaining(QStringLiteral("DescribeRegions")).isEmpty()); // logging ran
    for (const QString &needle : { secret, token, QStringLiteral("Signature=") })
        QVERIFY2(log.firstContaining(needle).isEmpty(), qPrintable(log.firstContaining(needle)));
}

QTEST_GUILESS_MAIN(TestApiCall)
#include "tst_api_call.moc"
