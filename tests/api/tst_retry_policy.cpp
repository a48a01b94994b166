// Which failures are retried, and how long the client waits.
#include "api/EcsClient.h"
#include "api/RetryPolicy.h"

#include <QTest>

using namespace ecs;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onlyDescribeActionsAreIdempotent();
    void retryableErrors_data();
    void retryableErrors();
    void delaysGrowExponentiallyWithJitterAndCap();
    void serverRetryAfterWinsWhenLarger();
    void defaultsLeaveRoomToRetryATimedOutRead();
    void budgetNeverRefusesTheFirstRetry();
};

void TestRetryPolicy::onlyDescribeActionsAreIdempotent()
{
    for (const char *action : { "DescribeRegions", "DescribeInstances", "DescribeDisks",
             "DescribeSnapshots", "DescribeSnapshotGroups", "DescribeInstanceStatus" })
        QVERIFY(RetryPolicy::isIdempotentAction(QString::fromLatin1(action)));
    for (const char *action : { "ResetDisks", "ResetDisk", "StopInstance", "StartInstance",
             "CreateSnapshotGroup", "DeleteSnapshotGroup" })
        QVERIFY(!RetryPolicy::isIdempotentAction(QString::fromLatin1(action)));
}

void TestRetryPolicy::retryableErrors_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<bool>("retryable");
    auto service = [](int status, const char *code) {
        return ApiError::service(status, QString::fromLatin1(code), QStringLiteral("m"));
    };
    QTest::newRow("Throttling") << service(400, "Throttling") << true;
    QTest::newRow("Throttling.User") << service(400, "Throttling.User") << true;
    QTest::newRow("Throttling.Api") << service(400, "Throttling.Api") << true;
    QTest::newRow("ServiceUnavailable") << service(503, "ServiceUnavailable") << true;
    QTest::newRow("RegionMaintaining")
        << service(503, "ServiceUnavailable.RegionMaintaining") << true;
    QTest::newRow("InternalError 500") << service(500, "InternalError") << true;
    QTest::newRow("IncorrectInstanceStatus") << service(403, "IncorrectInstanceStatus") << false;
    QTest::newRow("SignatureDoesNotMatch") << service(400, "SignatureDoesNotMatch") << false;
    QTest::newRow("NotFound") << service(404, "InvalidAccessKeyId.NotFound") << false;
    QTest::newRow("network") << ApiError(ApiError::Kind::Network, QStringLiteral("reset")) << true;
    QTest::newRow("timeout") << ApiError(ApiError::Kind::Timeout, QStringLiteral("slow")) << true;
    QTest::newRow("tls") << ApiError(ApiError::Kind::Tls, QStringLiteral("bad cert")) << false;
    QTest::newRow("cancelled") << ApiError(ApiError::Kind::Cancelled, QStringLiteral("c")) << false;
    ApiError gatewayPage = ApiError::parse(QStringLiteral("html"));
    gatewayPage.setHttpStatus(502);
    QTest::newRow("html 502") << gatewayPage << true;
    QTest::newRow("bad json 200") << ApiError::parse(QStringLiteral("truncated")) << false;
}

void TestRetryPolicy::retryableErrors()
{
    QFETCH(ApiError, error);
    QFETCH(bool, retryable);
    QCOMPARE(RetryPolicy::isRetryableError(error), retryable);
}

void TestRetryPolicy::delaysGrowExponentiallyWithJitterAndCap()
{
    RetryPolicy policy;
    policy.baseDelayMs = 100;
    policy.maxDelayMs = 1000;
    policy.random = [] {
        return 0.0;
    };
    QCOMPARE(policy.delayBeforeRetryMs(1), 50);
    QCOMPARE(policy.delayBeforeRetryMs(2), 100);
    QCOMPARE(policy.delayBeforeRetryMs(3), 200);
    QCOMPARE(policy.delayBeforeRetryMs(10), 500); // capped at 1000, half of it at jitter 0
    policy.random = [] {
        return 0.999999;
    };
    QVERIFY(policy.delayBeforeRetryMs(1) >= 99 && policy.delayBeforeRetryMs(1) <= 100);
    QVERIFY(policy.delayBeforeRetryMs(10) <= 1000);

    // With real randomness the waits spread out over [half, all] of the delay.
    policy.random = nullptr;
    QSet<int> seen;
    for (int i = 0; i < 50; ++i) {
        const int delay = policy.delayBeforeRetryMs(3); // 100 ms × 2² = 400 ms at most
        QVERIFY2(delay >= 200 && delay <= 400, qPrintable(QString::number(delay)));
        seen.insert(delay);
    }
    QVERIFY(seen.size() > 5);
}

void TestRetryPolicy::serverRetryAfterWinsWhenLarger()
{
    RetryPolicy policy;
    policy.baseDelayMs = 100;
    policy.maxDelayMs = 5000;
    policy.random = [] {
        return 0.0;
    };
    QCOMPARE(policy.delayBeforeRetryMs(1, 3000), 3000);
    QCOMPARE(policy.delayBeforeRetryMs(1, 10), 50);
    QCOMPARE(policy.delayBeforeRetryMs(1, 60000), 5000); // never beyond the cap
}

// Issue 10, item 9a: the default per-attempt timeout and budget were both 30 s, so a read
// that timed out had spent the budget and was never retried.
void TestRetryPolicy::defaultsLeaveRoomToRetryATimedOutRead()
{
    const ClientSettings settings;
    RetryPolicy policy = settings.retry;
    policy.random = [] {
        return 1.0;
    }; // the longest waits
    QVERIFY(policy.maxAttempts >= 3);
    QVERIFY(settings.timeoutMs >= 10000 && settings.timeoutMs <= 15000);
    // Two attempts that time out, each followed by its longest wait: a third still starts.
    const int firstWait = policy.delayBeforeRetryMs(1);
    const int secondWait = policy.delayBeforeRetryMs(2);
    QVERIFY(policy.allowsRetry(1, settings.timeoutMs, firstWait));
    QVERIFY2(policy.allowsRetry(2, 2 * settings.timeoutMs + firstWait, secondWait),
        qPrintable(QStringLiteral("budget %1 ms, timeout %2 ms")
                       .arg(policy.totalBudgetMs)
                       .arg(settings.timeoutMs)));
    // Also by the budget alone, which is all the old rule looked at.
    QVERIFY(settings.timeoutMs + firstWait <= policy.totalBudgetMs);
}

void TestRetryPolicy::budgetNeverRefusesTheFirstRetry()
{
    RetryPolicy policy;
    policy.maxAttempts = 3;
    policy.totalBudgetMs = 100;
    QVERIFY(policy.allowsRetry(1, 5000, 300)); // long past the budget: still once
    QVERIFY(!policy.allowsRetry(2, 5000, 300));
    QVERIFY(policy.allowsRetry(2, 50, 50));
    QVERIFY(!policy.allowsRetry(3, 0, 0)); // attempts used up
    QVERIFY(!RetryPolicy::none().allowsRetry(1, 0, 0));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retry_policy.moc"
