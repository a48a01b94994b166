// Fault injection of the emulator's HTTP front: latency (order, not wall-clock precision),
// seeded error rates, dropped connections, and another actor's moves at their moment.
#include "EcsEmulatorServer.h"
#include "FaultInjector.h"
#include "StubService.h"
#include "TestClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::test;

namespace {

const Credential key { QStringLiteral("LTAI5tFaultsKey0001"), QStringLiteral("faults-secret"), {} };

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestEmulatorFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void planJsonIsStrict_data();
    void planJsonIsStrict();
    void planRoundTrips();
    void sameSeedSameErrors();
    void latencyDelaysWithoutBlockingOthers();
    void latencyCountDelaysOnlyTheNextCalls();
    void clientGoneBeforeTheAnswer();
    void injectedErrorsWithRetryAfter();
    void errorAfterHandlingStillRunsTheCall();
    void droppedConnectionGetsNoAnswer();
    void droppedCallSeenByQNetworkAccessManagerAsError();
    void resentRequestAfterDropReusesItsNonce();
    void plannedAnswersReplaceTheService();
    void ignoredParametersNeverReachTheService();
    void actorMovesAtTheirMoment();
    void timedActorMove();

private:
    QStringList loggedOutcomes() const;

    std::unique_ptr<StubService> m_service;
    std::unique_ptr<EcsEmulatorServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestEmulatorFaults::init()
{
    m_service = std::make_unique<StubService>();
    m_server = std::make_unique<EcsEmulatorServer>(*m_service);
    m_server->setActorMoves(m_service.get());
    QCOMPARE(m_server->addAccessKey(key), QString());
    QVERIFY(m_server->listen() != 0);
    m_client = std::make_unique<TestClient>(m_server->url(), key);
}

void TestEmulatorFaults::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_service.reset();
}

QStringList TestEmulatorFaults::loggedOutcomes() const
{
    QStringList outcomes;
    for (const RequestLogEntry &entry : m_server->requestLog().entries())
        outcomes.append(entry.action + QLatin1Char(':') + entry.outcome);
    return outcomes;
}

void TestEmulatorFaults::planJsonIsStrict_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("kind") << QByteArray(R"({"errors":[{"kind":"Boom"}]})") << "errors[0].kind";
    QTest::newRow("rate") << QByteArray(R"({"drops":[{"rate":2}]})") << "drops[0].rate";
    QTest::newRow("negative") << QByteArray(R"({"latency":[{"fixedMs":-5}]})")
                              << "latency[0].fixedMs";
    QTest::newRow("when") << QByteArray(R"({"drops":[{"when":"during"}]})") << "drops[0].when";
    QTest::newRow("trigger") << QByteArray(
        R"({"actorMoves":[{"move":"StartInstance","trigger":"soon"}]})")
                             << "actorMoves[0].trigger";
    QTest::newRow("no action") << QByteArray(R"({"actorMoves":[{"move":"StartInstance"}]})")
                               << "actorMoves[0]";
    QTest::newRow("not array") << QByteArray(R"({"errors":{}})") << "errors";
    QTest::newRow("answer status")
        << QByteArray(R"({"answers":[{"status":42}]})") << "answers[0].status";
    QTest::newRow("answer body") << QByteArray(R"({"answers":[{"body":[1]}]})")
                                 << "answers[0].body";
    QTest::newRow("answer header") << QByteArray(R"({"answers":[{"headers":{"Location":1}}]})")
                                   << "answers[0].headers.Location";
    QTest::newRow("ignore names") << QByteArray(R"({"ignoreParameters":[{"action":"X"}]})")
                                  << "ignoreParameters[0].parameters";
}

void TestEmulatorFaults::planJsonIsStrict()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    FaultInjector injector(nullptr);
    const QString problem = injector.setPlan(QJsonDocument::fromJson(json).object());
    QVERIFY2(problem.startsWith(error), qPrintable(problem));
}

void TestEmulatorFaults::planRoundTrips()
{
    const QJsonObject json = parse(R"({"seed":9,
        "latency":[{"action":"*","fixedMs":5,"jitterMs":3},{"action":"X","fixedMs":1,"jitterMs":0,"count":2}],
        "errors":[{"action":"ResetDisks","kind":"Throttling.User","rate":0.25,"next":2,"retryAfterMs":700,"when":"after"}],
        "drops":[{"action":"StartInstance","rate":0,"next":1,"when":"before"}],
        "answers":[{"action":"DescribeRegions","status":302,"rate":0,"next":1,"when":"before",
                    "headers":{"Location":"https://elsewhere.example/"},"body":""},
                   {"action":"*","status":200,"rate":0.5,"next":0,"when":"after",
                    "body":{"Code":"Throttling.User"}}],
        "ignoreParameters":[{"action":"DescribeSnapshots","parameters":["Status","InstanceId"]}],
        "actorMoves":[{"move":"StartInstance","resourceId":"i-1","argument":"","trigger":"afterCall","action":"ResetDisks","call":3,"fired":false},
                      {"move":"DeleteSnapshot","resourceId":"s-1","argument":"x","trigger":"atTime","atMs":100000,"fired":false}]})");
    QString error;
    const auto plan = FaultPlan::fromJson(json, &error);
    QVERIFY2(plan, qPrintable(error));
    QCOMPARE(plan->toJson(), json);
}

void TestEmulatorFaults::sameSeedSameErrors()
{
    const QJsonObject plan = parse(R"({"seed":7,"errors":[{"action":"ResetDisks","rate":0.5}],
        "latency":[{"jitterMs":100}]})");
    const auto run = [&plan] {
        FaultInjector injector(nullptr);
        injector.setPlan(plan);
        QString pattern;
        int latencySum = 0;
        for (int i = 0; i < 200; ++i) {
            const CallFaults faults = injector.arrive(QStringLiteral("ResetDisks"));
            pattern.append(faults.error ? QLatin1Char('E') : QLatin1Char('.'));
            latencySum += faults.latencyMs;
        }
        return qMakePair(pattern, latencySum);
    };
    const auto first = run();
    QCOMPARE(run(), first);
    const auto errors = first.first.count(QLatin1Char('E'));
    QVERIFY2(errors > 60 && errors < 140, qPrintable(first.first));

    FaultInjector other(nullptr);
    QJsonObject reseeded = plan;
    reseeded.insert(QStringLiteral("seed"), 8);
    other.setPlan(reseeded);
    QString pattern;
    for (int i = 0; i < 200; ++i)
        pattern.append(
            other.arrive(QStringLiteral("ResetDisks")).error ? QLatin1Char('E') : QLatin1Char('.'));
    QVERIFY(pattern != first.first);
}

void TestEmulatorFaults::latencyDelaysWithoutBlockingOthers()
{
    QCOMPARE(m_server->faults().setPlan(
                 parse(R"({"latency":[{"action":"DescribeRegions","fixedMs":400}]})")),
        QString());
    QStringList finished;
    QSignalSpy arrived(m_server.get(), &EcsEmulatorServer::callArrived);
    QNetworkReply *slow = m_client->call(QStringLiteral("DescribeRegions"));
    connect(slow, &QNetworkReply::finished, this,
        [&finished] { finished.append(QStringLiteral("slow")); });
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 15000); // the slow call is in first
    QNetworkReply *fast = m_client->call(QStringLiteral("DescribeInstances"));
    connect(fast, &QNetworkReply::finished, this,
        [&finished] { finished.append(QStringLiteral("fast")); });
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);
    QCOMPARE(finished, QStringList({ QStringLiteral("fast"), QStringLiteral("slow") }));
    // Latency comes before handling: the slow call reached the service last.
    QCOMPARE(m_service->events,
        QStringList({ QStringLiteral("handle:DescribeInstances"),
            QStringLiteral("handle:DescribeRegions") }));
    QCOMPARE(HttpResult::of(slow).status, 200);
    slow->deleteLater();
    fast->deleteLater();
}

void TestEmulatorFaults::clientGoneBeforeTheAnswer()
{
    // The client gives up while the call is delayed: the call still takes effect (it did
    // arrive), the answer has nowhere to go, and the log says so.
    QCOMPARE(
        m_server->faults().setPlan(parse(R"({"latency":[{"action":"ResetDisks","fixedMs":300}]})")),
        QString());
    QSignalSpy arrived(m_server.get(), &EcsEmulatorServer::callArrived);
    QNetworkReply *reply = m_client->call(QStringLiteral("ResetDisks"));
    QTRY_COMPARE_WITH_TIMEOUT(arrived.size(), 1, 15000);
    reply->abort();
    reply->deleteLater();
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestLog().entries().size(), 1, 15000);
    QCOMPARE(m_server->requestLog().entries().constFirst().outcome, QStringLiteral("clientGone"));
    QCOMPARE(m_service->events, QStringList({ QStringLiteral("handle:ResetDisks") }));
    // The server carries on.
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("DescribeRegions"))).status, 200);
}

void TestEmulatorFaults::injectedErrorsWithRetryAfter()
{
    QCOMPARE(m_server->faults().setPlan(parse(R"({"errors":[
        {"action":"DescribeRegions","kind":"ServiceUnavailable","next":1,"retryAfterMs":1500},
        {"action":"DescribeRegions","kind":"Throttling.User","next":1},
        {"action":"DescribeRegions","kind":"InternalError","next":1}]})")),
        QString());
    HttpResult result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.status, 503);
    QCOMPARE(
        result.json.value(QLatin1String("Code")).toString(), QStringLiteral("ServiceUnavailable"));
    QCOMPARE(result.retryAfter, QByteArray("1500"));
    result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.status, 400);
    QCOMPARE(
        result.json.value(QLatin1String("Code")).toString(), QStringLiteral("Throttling.User"));
    QVERIFY(result.retryAfter.isEmpty());
    result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.status, 500);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(), QStringLiteral("InternalError"));
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("DescribeRegions"))).status, 200);
    // Errors injected before handling never reach the service.
    QCOMPARE(m_service->requests.size(), 1);
    // The plan shows what is left of it.
    const QJsonArray errors
        = m_server->faults().planJson().value(QLatin1String("errors")).toArray();
    QCOMPARE(errors.at(0).toObject().value(QLatin1String("next")).toInt(), 0);
}

void TestEmulatorFaults::errorAfterHandlingStillRunsTheCall()
{
    QCOMPARE(
        m_server->faults().setPlan(parse(
            R"({"errors":[{"action":"ResetDisks","kind":"InternalError","next":1,"when":"after"}]})")),
        QString());
    const HttpResult result = waitForResult(m_client->call(QStringLiteral("ResetDisks")));
    QCOMPARE(result.status, 500);
    QCOMPARE(m_service->events, QStringList({ QStringLiteral("handle:ResetDisks") }));
    QCOMPARE(m_server->requestLog().entries().constLast().fault, QStringLiteral("error"));
}

void TestEmulatorFaults::droppedConnectionGetsNoAnswer()
{
    QCOMPARE(m_server->faults().setPlan(parse(R"({"drops":[{"action":"ResetDisks","next":1}]})")),
        QString());
    const auto request = signing::signRequest(m_client->context(QStringLiteral("ResetDisks"), {}));
    QByteArray raw = "POST " + request.url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority)
        + " HTTP/1.1\r\n";
    for (const auto &header : request.headers)
        raw += header.first + ": " + header.second + "\r\n";
    raw += "content-length: 0\r\n\r\n";

    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(m_server->url().port()));
    QVERIFY(socket.waitForConnected(10000));
    socket.write(raw);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 15000);
    QVERIFY(received.isEmpty());
    QVERIFY(m_service->requests.isEmpty());
    QCOMPARE(loggedOutcomes(), QStringList({ QStringLiteral("ResetDisks:dropped") }));

    // "next 1": the following call goes through.
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("ResetDisks"))).status, 200);
}

void TestEmulatorFaults::droppedCallSeenByQNetworkAccessManagerAsError()
{
    // "after": the call is handled, then the connection closes: outcome unknown to the
    // client. Sent as core sends mutating calls (a body Qt cannot rewind), so Qt reports
    // the drop instead of resending — a resend would reuse the nonce (SignatureNonceUsed).
    QCOMPARE(m_server->faults().setPlan(
                 parse(R"({"drops":[{"action":"StartInstance","rate":1,"when":"after"}]})")),
        QString());
    const HttpResult result = waitForResult(m_client->send(
        signing::signRequest(m_client->context(QStringLiteral("StartInstance"), {})), true));
    QVERIFY(result.error != QNetworkReply::NoError);
    QCOMPARE(result.status, 0);
    QCOMPARE(m_service->requests.size(), 1);
    QCOMPARE(loggedOutcomes(), QStringList({ QStringLiteral("StartInstance:dropped") }));
}

void TestEmulatorFaults::resentRequestAfterDropReusesItsNonce()
{
    // What a plain QNetworkAccessManager does with a dropped GET: it sends the same signed
    // request again, and the gateway refuses the replay.
    QCOMPARE(
        m_server->faults().setPlan(parse(R"({"drops":[{"action":"DescribeRegions","next":1}]})")),
        QString());
    const HttpResult result = waitForResult(m_client->send(signing::signRequest(m_client->context(
        QStringLiteral("DescribeRegions"), {}, signing::SignatureVersion::V3, "GET"))));
    QCOMPARE(result.status, 400);
    QCOMPARE(
        result.json.value(QLatin1String("Code")).toString(), QStringLiteral("SignatureNonceUsed"));
    QCOMPARE(loggedOutcomes(),
        QStringList({ QStringLiteral("DescribeRegions:dropped"),
            QStringLiteral("DescribeRegions:answered") }));
    QVERIFY(m_service->requests.isEmpty());
}

void TestEmulatorFaults::latencyCountDelaysOnlyTheNextCalls()
{
    FaultInjector injector(nullptr);
    QCOMPARE(injector.setPlan(
                 parse(R"({"latency":[{"action":"DescribeRegions","fixedMs":500,"count":1}]})")),
        QString());
    QCOMPARE(injector.arrive(QStringLiteral("DescribeInstances")).latencyMs, 0);
    QCOMPARE(injector.arrive(QStringLiteral("DescribeRegions")).latencyMs, 500);
    QCOMPARE(injector.arrive(QStringLiteral("DescribeRegions")).latencyMs, 0);
    const QJsonArray latency = injector.planJson().value(QLatin1String("latency")).toArray();
    QCOMPARE(latency.at(0).toObject().value(QLatin1String("count")).toInt(), 0);
}

void TestEmulatorFaults::plannedAnswersReplaceTheService()
{
    QCOMPARE(m_server->faults().setPlan(parse(R"({"answers":[
        {"action":"DescribeRegions","next":1,"status":200,
         "body":{"Code":"Throttling.User","Message":"denied","RequestId":"R-1"}},
        {"action":"DescribeInstances","next":1,"status":302,"when":"after",
         "headers":{"Location":"https://elsewhere.example/login?x=1"}}]})")),
        QString());
    const HttpResult throttled = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(throttled.status, 200);
    QCOMPARE(
        throttled.json.value(QLatin1String("Code")).toString(), QStringLiteral("Throttling.User"));
    QVERIFY(!m_service->events.contains(QStringLiteral("handle:DescribeRegions")));

    QNetworkReply *reply = m_client->call(QStringLiteral("DescribeInstances"));
    const HttpResult redirected = waitForResult(reply);
    QCOMPARE(redirected.status, 302);
    QVERIFY(redirected.body.isEmpty());
    // "after": the service handled the call before the answer was replaced.
    QVERIFY(m_service->events.contains(QStringLiteral("handle:DescribeInstances")));

    // `next` used up: the service answers again.
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("DescribeRegions"))).status, 200);
    QVERIFY(m_service->events.contains(QStringLiteral("handle:DescribeRegions")));
    const QList<RequestLogEntry> log = m_server->requestLog().entries();
    QCOMPARE(log.size(), 3);
    QCOMPARE(log.at(0).fault, QStringLiteral("answer"));
    QCOMPARE(log.at(1).httpStatus, 302);
    QCOMPARE(log.at(2).fault, QString());
}

void TestEmulatorFaults::ignoredParametersNeverReachTheService()
{
    QCOMPARE(m_server->faults().setPlan(parse(
                 R"({"ignoreParameters":[{"action":"DescribeRegions","parameters":["Status"]}]})")),
        QString());
    const ApiParameters parameters { { QStringLiteral("Status"), QStringLiteral("progressing") },
        { QStringLiteral("InstanceId"), QStringLiteral("i-1") } };
    QCOMPARE(
        waitForResult(m_client->call(QStringLiteral("DescribeRegions"), parameters)).status, 200);
    QCOMPARE(
        waitForResult(m_client->call(QStringLiteral("DescribeInstances"), parameters)).status, 200);
    QCOMPARE(m_service->requests.size(), 2);
    QCOMPARE(m_service->requests.at(0).parameters,
        ApiParameters({ { QStringLiteral("InstanceId"), QStringLiteral("i-1") } }));
    QCOMPARE(m_service->requests.at(1).parameters, parameters); // another action: untouched
    // The log shows what the client sent.
    QCOMPARE(m_server->requestLog().entries().at(0).parameters, parameters);
}

void TestEmulatorFaults::actorMovesAtTheirMoment()
{
    QCOMPARE(m_server->faults().setPlan(parse(R"({"actorMoves":[
        {"move":"StartInstance","resourceId":"i-1","trigger":"beforeCall","action":"ResetDisks","call":2},
        {"move":"StopInstance","resourceId":"i-2","trigger":"afterCall","action":"ResetDisks","call":1},
        {"move":"DeleteSnapshot","resourceId":"missing","trigger":"beforeCall","action":"DescribeRegions","call":1}]})")),
        QString());
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("ResetDisks"))).status, 200);
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("ResetDisks"))).status, 200);
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("ResetDisks"))).status, 200);
    QCOMPARE(m_service->events,
        QStringList({ QStringLiteral("handle:ResetDisks"), QStringLiteral("move:StopInstance:i-2"),
            QStringLiteral("move:StartInstance:i-1"), QStringLiteral("handle:ResetDisks"),
            QStringLiteral("handle:ResetDisks") }));

    QSignalSpy applied(&m_server->faults(), &FaultInjector::actorMoveApplied);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("actor move .* failed")));
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("DescribeRegions"))).status, 200);
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.at(0).at(2).toString(), QStringLiteral("no such resource"));
    const QJsonArray moves
        = m_server->faults().planJson().value(QLatin1String("actorMoves")).toArray();
    for (const auto &move : moves)
        QVERIFY(move.toObject().value(QLatin1String("fired")).toBool());
    QCOMPARE(moves.at(2).toObject().value(QLatin1String("result")).toString(),
        QStringLiteral("no such resource"));
}

void TestEmulatorFaults::timedActorMove()
{
    QCOMPARE(m_server->faults().setPlan(parse(R"({"actorMoves":[
        {"move":"DeleteSnapshot","resourceId":"s-1","trigger":"atTime","atMs":50},
        {"move":"DeleteSnapshot","resourceId":"s-2","trigger":"atTime","atMs":600000}]})")),
        QString());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_service->events, QStringList({ QStringLiteral("move:DeleteSnapshot:s-1") }), 15000);
    // Replacing the plan cancels moves that have not happened yet.
    QCOMPARE(m_server->faults().setPlan(QJsonObject()), QString());
    QCOMPARE(m_server->faults().planJson().value(QLatin1String("actorMoves")).toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulator_faults.moc"
