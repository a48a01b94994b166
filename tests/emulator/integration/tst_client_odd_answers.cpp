// The core client against the emulator when the answer is not what ECS sends (issue 10):
// a 200 carrying only an error Code (item 6), a listing without its wrapper (item 6), a
// read that times out once (item 9a), a redirect (item 10b).
#include "EmbeddedEmulator.h"
#include "api/ApiCall.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "rollback/FactsGatherer.h"
#include "rollback/PreconditionCheck.h"
#include "scenarios/Scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

namespace {

const QString DemoRegion = QStringLiteral("cn-hangzhou");

// Fast but real retries: a few milliseconds between attempts.
RetryPolicy quickRetries()
{
    RetryPolicy policy;
    policy.baseDelayMs = 10;
    policy.maxDelayMs = 20;
    policy.random = [] {
        return 0.0;
    };
    return policy;
}

} // namespace

class TestClientOddAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void errorCodeInA200IsTheErrorAndRetried();
    void errorCodeInA200WithoutRetriesIsNotAnEmptyList();
    void listingWithoutWrapperIsNotAMissingGroup();
    void timedOutReadIsRetried();
    void redirectIsNamedAndNotFollowed();

private:
    void setPolicy(const RetryPolicy &policy, int timeoutMs = 5000);
    QString setFaults(const char *json);
    int calls(const QString &action) const;
    std::optional<Result<QList<Region>>> regions();

    std::unique_ptr<EmbeddedEmulator> m_emulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EcsClient> m_client;
    std::unique_ptr<EcsApi> m_api;
};

void TestClientOddAnswers::init()
{
    QString error;
    m_emulator
        = std::make_unique<EmbeddedEmulator>(Scenario::builtIn(QStringLiteral("demo"), &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_emulator->start(), QString());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_client = std::make_unique<EcsClient>(m_network.get());
    m_client->setCredential(m_emulator->credential());
    m_api = std::make_unique<EcsApi>(m_client.get());
    setPolicy(quickRetries());
}

void TestClientOddAnswers::cleanup()
{
    m_api.reset();
    m_client.reset();
    m_network.reset();
    m_emulator.reset();
}

void TestClientOddAnswers::setPolicy(const RetryPolicy &policy, int timeoutMs)
{
    ClientSettings settings;
    settings.endpointOverride = m_emulator->url();
    settings.defaultRegionId = DemoRegion;
    settings.retry = policy;
    settings.timeoutMs = timeoutMs;
    m_client->setSettings(settings);
}

QString TestClientOddAnswers::setFaults(const char *json)
{
    return m_emulator->server().faults().setPlan(QJsonDocument::fromJson(json).object());
}

int TestClientOddAnswers::calls(const QString &action) const
{
    int count = 0;
    for (const RequestLogEntry &entry : m_emulator->server().requestLog().entries())
        count += entry.action == action ? 1 : 0;
    return count;
}

std::optional<Result<QList<Region>>> TestClientOddAnswers::regions()
{
    std::optional<Result<QList<Region>>> answer;
    m_api->describeRegions(
        {}, m_client.get(), [&answer](const Result<QList<Region>> &result) { answer = result; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 10000))
        return std::nullopt;
    return answer;
}

void TestClientOddAnswers::errorCodeInA200IsTheErrorAndRetried()
{
    QCOMPARE(setFaults(R"({"answers":[{"action":"DescribeRegions","next":1,"status":200,
        "body":{"Code":"Throttling.User","Message":"Request was denied due to user flow control.",
                "RequestId":"R-THROTTLED"}}]})"),
        QString());
    const auto result = regions();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error().summary()));
    QVERIFY(!result->value().isEmpty()); // the second attempt's real list
    QCOMPARE(calls(QStringLiteral("DescribeRegions")), 2);
}

void TestClientOddAnswers::errorCodeInA200WithoutRetriesIsNotAnEmptyList()
{
    setPolicy(RetryPolicy::none());
    QCOMPARE(setFaults(R"({"answers":[{"action":"DescribeRegions","next":1,"status":200,
        "body":{"Code":"Throttling.User","Message":"denied","RequestId":"R-THROTTLED"}}]})"),
        QString());
    const auto result = regions();
    QVERIFY(result);
    QVERIFY2(!result->ok(), "a 200 with only an error Code was read as an empty region list");
    QCOMPARE(result->error().code(), QStringLiteral("Throttling.User"));
    QCOMPARE(result->error().requestId(), QStringLiteral("R-THROTTLED"));
    QVERIFY(RetryPolicy::isRetryableError(result->error()));
}

void TestClientOddAnswers::listingWithoutWrapperIsNotAMissingGroup()
{
    setPolicy(RetryPolicy::none());
    QCOMPARE(setFaults(R"({"answers":[{"action":"DescribeSnapshotGroups","status":200,"rate":1,
        "body":{"RequestId":"R-NOWRAPPER"}}]})"),
        QString());
    FactsGatherer gatherer(m_api.get(),
        { DemoRegion, QStringLiteral("ssg-demo-healthy"), QStringLiteral("i-demo-healthy") });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(10000));
    const RollbackFacts facts = gatherer.facts();
    QCOMPARE(facts.groupError.kind(), ApiError::Kind::Parse);
    QVERIFY2(facts.groupError.detail().contains(QLatin1String("SnapshotGroups")),
        qPrintable(facts.groupError.detail()));
    const PreconditionReport report = checkPreconditions(facts);
    const PreconditionItem *exists = report.find(PreconditionKind::SnapshotGroupExists);
    QVERIFY(exists);
    // Not "the instance snapshot no longer exists".
    QCOMPARE(exists->outcome, PreconditionOutcome::Unknown);
    QVERIFY(report.couldNotCheck());
}

// The per-attempt timeout and the budget were equal (30 s each), so the budget was spent
// when the first read timed out. With the same ratio scaled down: retried, and answered.
void TestClientOddAnswers::timedOutReadIsRetried()
{
    RetryPolicy policy = quickRetries();
    policy.totalBudgetMs = 200;
    setPolicy(policy, 200);
    QCOMPARE(setFaults(R"({"latency":[{"action":"DescribeRegions","fixedMs":600,"count":1}]})"),
        QString());
    const auto result = regions();
    QVERIFY(result);
    QVERIFY2(result->ok(), qPrintable(result->error().summary()));
    QCOMPARE(calls(QStringLiteral("DescribeRegions")), 1); // the slow one is logged later
    QTRY_COMPARE(calls(QStringLiteral("DescribeRegions")), 2);
}

void TestClientOddAnswers::redirectIsNamedAndNotFollowed()
{
    QTcpServer elsewhere;
    QVERIFY(elsewhere.listen(QHostAddress::LocalHost));
    int connections = 0;
    connect(&elsewhere, &QTcpServer::newConnection, this, [&connections] { ++connections; });
    const QString location = QStringLiteral("http://127.0.0.1:%1/login/portal"
                                            "?SecurityToken=CAIS-Q4nAry&x=1#top")
                                 .arg(elsewhere.serverPort());
    const QJsonObject answer { { QStringLiteral("action"), QStringLiteral("*") },
        { QStringLiteral("status"), 302 }, { QStringLiteral("rate"), 1 },
        { QStringLiteral("headers"), QJsonObject { { QStringLiteral("Location"), location } } } };
    QCOMPARE(m_emulator->server().faults().setPlan(
                 QJsonObject { { QStringLiteral("answers"), QJsonArray { answer } } }),
        QString());
    const auto result = regions();
    QVERIFY(result);
    QVERIFY(!result->ok());
    const ApiError &error = result->error();
    QCOMPARE(error.httpStatus(), 302);
    QCOMPARE(error.kind(), ApiError::Kind::Parse);
    const QString message = error.message();
    QVERIFY2(message.contains(QLatin1String("redirect")), qPrintable(message));
    QVERIFY2(message.contains(
                 QStringLiteral("http://127.0.0.1:%1/login/portal").arg(elsewhere.serverPort())),
        qPrintable(message));
    for (const QString &text : { message, error.detail(), error.summary() }) {
        QVERIFY2(!text.contains(QLatin1String("Q4nAry")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1Char('?')), qPrintable(text));
    }
    // Not followed, not retried: one request reached the emulator, none went elsewhere.
    QTest::qWait(100);
    QCOMPARE(connections, 0);
    QCOMPARE(calls(QStringLiteral("DescribeRegions")), 1);
}

QTEST_GUILESS_MAIN(TestClientOddAnswers)
#include "tst_client_odd_answers.moc"
