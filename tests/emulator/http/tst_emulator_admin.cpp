// The emulator's admin endpoint, request log, listening rules, request decoding and the
// embedded helper.
#include "AdminEndpoint.h"
#include "EcsEmulatorServer.h"
#include "EmbeddedEmulator.h"
#include "NonceCache.h"
#include "RequestDecoding.h"
#include "StubService.h"
#include "TestClient.h"
#include "scenarios/Scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::test;

namespace {

const Credential stsKey { QStringLiteral("STS.NAdminTestKey"), QStringLiteral("admin-secret-value"),
    QStringLiteral("admin-token-value") };

} // namespace

class TestEmulatorAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void loopbackPeers_data();
    void loopbackPeers();
    void listenRefusesNonLoopbackUnlessAllowed();
    void decodesFormsFully();
    void nonceCacheIsBounded();
    void faultsGetAndPut();
    void actorMove();
    void stateTimingWorldReset();
    void unknownRoutesAndMethods();
    void requestLogKeepsNoSecrets();
    void embeddedEmulatorAnswersItsOwnKeyOnly();
    void embeddedEmulatorWithTheDemoScenario();

private:
    std::unique_ptr<StubService> m_service;
    std::unique_ptr<EcsEmulatorServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestEmulatorAdmin::init()
{
    m_service = std::make_unique<StubService>();
    m_server = std::make_unique<EcsEmulatorServer>(*m_service);
    m_server->setActorMoves(m_service.get());
    m_server->setAdminTarget(m_service.get());
    QCOMPARE(m_server->addAccessKey(stsKey), QString());
    QVERIFY(m_server->listen() != 0);
    m_client = std::make_unique<TestClient>(m_server->url(), stsKey);
}

void TestEmulatorAdmin::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_service.reset();
}

void TestEmulatorAdmin::loopbackPeers_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("loopback");
    QTest::newRow("127.0.0.1") << "127.0.0.1" << true;
    QTest::newRow("127.3.2.1") << "127.3.2.1" << true;
    QTest::newRow("::1") << "::1" << true;
    QTest::newRow("mapped loopback") << "::ffff:127.0.0.1" << true;
    QTest::newRow("10.0.0.1") << "10.0.0.1" << false;
    QTest::newRow("192.168.1.20") << "192.168.1.20" << false;
    QTest::newRow("mapped private") << "::ffff:10.0.0.1" << false;
    QTest::newRow("link local") << "fe80::1" << false;
    QTest::newRow("any") << "0.0.0.0" << false;
    QTest::newRow("null") << "" << false;
}

void TestEmulatorAdmin::loopbackPeers()
{
    QFETCH(QString, address);
    QFETCH(bool, loopback);
    QCOMPARE(AdminEndpoint::isLoopbackPeer(QHostAddress(address)), loopback);
}

void TestEmulatorAdmin::listenRefusesNonLoopbackUnlessAllowed()
{
    StubService service;
    EcsEmulatorServer server(service);
    QCOMPARE(server.listen(QHostAddress::Any, 0), quint16(0));
    QVERIFY(server.errorString().contains(QLatin1String("loopback")));
    QVERIFY(server.url().isEmpty());
    server.setAllowRemote(true);
    QVERIFY(server.listen(QHostAddress::Any, 0) != 0);

    // The default is loopback, and url() names it.
    QCOMPARE(m_server->url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_server->url().path(), QStringLiteral("/"));
}

void TestEmulatorAdmin::decodesFormsFully()
{
    const ApiParameters decoded
        = decodeFormEncoded("a=1&b=%20x+y&c&d=%E4%B8%AD&e=%2B%26%3D&f=!'()*&=empty&g=");
    QCOMPARE(decoded.value(QStringLiteral("a")), QStringLiteral("1"));
    QCOMPARE(decoded.value(QStringLiteral("b")), QStringLiteral(" x y"));
    QVERIFY(decoded.contains(QStringLiteral("c")));
    QCOMPARE(decoded.value(QStringLiteral("d")), QStringLiteral("中"));
    QCOMPARE(decoded.value(QStringLiteral("e")), QStringLiteral("+&="));
    QCOMPARE(decoded.value(QStringLiteral("f")), QStringLiteral("!'()*"));
    QCOMPARE(decoded.value(QStringLiteral("")), QStringLiteral("empty"));
    QVERIFY(decoded.contains(QStringLiteral("g")));
}

void TestEmulatorAdmin::nonceCacheIsBounded()
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    NonceCache cache(1000, 3);
    QVERIFY(cache.useOnce(QStringLiteral("k"), QStringLiteral("n1"), start));
    QVERIFY(!cache.useOnce(QStringLiteral("k"), QStringLiteral("n1"), start.addMSecs(999)));
    QVERIFY(cache.useOnce(QStringLiteral("other-key"), QStringLiteral("n1"), start)); // per key
    QVERIFY(cache.useOnce(
        QStringLiteral("k"), QStringLiteral("n1"), start.addMSecs(1001))); // window over
    for (int i = 0; i < 10; ++i)
        cache.useOnce(QStringLiteral("k"), QString::number(i), start.addMSecs(1001));
    QVERIFY(cache.size() <= 3);
}

void TestEmulatorAdmin::faultsGetAndPut()
{
    HttpResult result = waitForResult(m_client->admin("PUT", QStringLiteral("faults"),
        R"({"seed":3,"errors":[{"action":"DescribeRegions","kind":"InternalError","next":1}]})"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("seed")).toInt(), 3);
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("DescribeRegions"))).status, 500);
    result = waitForResult(m_client->admin("GET", QStringLiteral("faults")));
    QCOMPARE(result.json.value(QLatin1String("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("next"))
                 .toInt(),
        0);

    result = waitForResult(
        m_client->admin("PUT", QStringLiteral("faults"), R"({"errors":[{"kind":"Nope"}]})"));
    QCOMPARE(result.status, 400);
    QVERIFY(result.json.value(QLatin1String("error"))
                .toString()
                .contains(QLatin1String("errors[0].kind")));
    result = waitForResult(m_client->admin("PUT", QStringLiteral("faults"), "not json"));
    QCOMPARE(result.status, 400);
}

void TestEmulatorAdmin::actorMove()
{
    HttpResult result = waitForResult(m_client->admin("POST", QStringLiteral("actor-move"),
        R"({"move":"StartInstance","resourceId":"i-9","argument":""})"));
    QCOMPARE(result.status, 200);
    QCOMPARE(m_service->events, QStringList({ QStringLiteral("move:StartInstance:i-9") }));
    result = waitForResult(m_client->admin("POST", QStringLiteral("actor-move"),
        R"({"move":"StartInstance","resourceId":"missing"})"));
    QCOMPARE(result.status, 409);
    QCOMPARE(
        result.json.value(QLatin1String("error")).toString(), QStringLiteral("no such resource"));
    result = waitForResult(
        m_client->admin("POST", QStringLiteral("actor-move"), R"({"resourceId":"i-9"})"));
    QCOMPARE(result.status, 400);
}

void TestEmulatorAdmin::stateTimingWorldReset()
{
    HttpResult result = waitForResult(m_client->admin("GET", QStringLiteral("state")));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("Name")).toString(), QStringLiteral("stub"));
    QCOMPARE(waitForResult(m_client->admin("PUT", QStringLiteral("state"), R"({"Name":"loaded"})"))
                 .status,
        200);
    QCOMPARE(
        m_service->saveState().value(QLatin1String("Name")).toString(), QStringLiteral("loaded"));
    result = waitForResult(m_client->admin("PUT", QStringLiteral("state"), R"({"Other":1})"));
    QCOMPARE(result.status, 400);
    QCOMPARE(
        result.json.value(QLatin1String("error")).toString(), QStringLiteral("Name: required"));

    result = waitForResult(m_client->admin("PUT", QStringLiteral("timing"), R"({"stopMs":5})"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("stopMs")).toInt(), 5);
    QCOMPARE(waitForResult(m_client->admin("GET", QStringLiteral("timing")))
                 .json.value(QLatin1String("stopMs"))
                 .toInt(),
        5);
    QCOMPARE(
        waitForResult(m_client->admin("PUT", QStringLiteral("timing"), R"({"stopMs":-1})")).status,
        400);

    result = waitForResult(m_client->admin("GET", QStringLiteral("world")));
    QCOMPARE(result.json.value(QLatin1String("State"))
                 .toObject()
                 .value(QLatin1String("Name"))
                 .toString(),
        QStringLiteral("loaded"));
    QCOMPARE(waitForResult(m_client->admin("POST", QStringLiteral("reset"))).status, 200);
    QCOMPARE(m_service->resets, 1);
}

void TestEmulatorAdmin::unknownRoutesAndMethods()
{
    QCOMPARE(waitForResult(m_client->admin("GET", QStringLiteral("nothing"))).status, 404);
    QCOMPARE(waitForResult(m_client->admin("DELETE", QStringLiteral("faults"))).status, 405);
    QCOMPARE(waitForResult(m_client->admin("GET", QStringLiteral("reset"))).status, 405);

    // Without a service attached, its routes say so instead of failing obscurely.
    StubService service;
    EcsEmulatorServer bare(service);
    QVERIFY(bare.listen() != 0);
    TestClient client(bare.url(), stsKey);
    QCOMPARE(waitForResult(client.admin("GET", QStringLiteral("world"))).status, 501);
    QCOMPARE(waitForResult(client.admin("GET", QStringLiteral("faults"))).status, 200);
}

void TestEmulatorAdmin::requestLogKeepsNoSecrets()
{
    const ApiParameters parameters { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
        { QStringLiteral("DiskIds"), QStringLiteral("[\"d-1\"]") } };
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("ResetDisks"), parameters,
                               signing::SignatureVersion::V1))
                 .status,
        200);
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("ResetDisks"), parameters)).status, 200);
    m_client->setCredential({ stsKey.accessKeyId, QStringLiteral("wrong"), stsKey.securityToken });
    QCOMPARE(waitForResult(m_client->call(QStringLiteral("DescribeRegions"), parameters,
                               signing::SignatureVersion::V1))
                 .status,
        400);

    const HttpResult result = waitForResult(m_client->admin("GET", QStringLiteral("requests")));
    QCOMPARE(result.status, 200);
    const QJsonArray requests = result.json.value(QLatin1String("requests")).toArray();
    QCOMPARE(requests.size(), 3);
    QStringList summary;
    for (const auto &value : requests) {
        const QJsonObject entry = value.toObject();
        summary.append(entry.value(QLatin1String("action")).toString() + QLatin1Char(' ')
            + entry.value(QLatin1String("scheme")).toString() + QLatin1Char(' ')
            + QString::number(entry.value(QLatin1String("httpStatus")).toInt()) + QLatin1Char(' ')
            + entry.value(QLatin1String("code")).toString());
        QVERIFY(
            QDateTime::fromString(entry.value(QLatin1String("time")).toString(), Qt::ISODateWithMs)
                .isValid());
        const QJsonObject logged = entry.value(QLatin1String("parameters")).toObject();
        QCOMPARE(
            logged.keys(), QStringList({ QStringLiteral("DiskIds"), QStringLiteral("RegionId") }));
    }
    QCOMPARE(summary,
        QStringList({ QStringLiteral("ResetDisks V1 200 "), QStringLiteral("ResetDisks V3 200 "),
            QStringLiteral("DescribeRegions V1 400 IncompleteSignature") }));
    // Only API parameters are logged (above); no secret or token anywhere.
    for (const char *secret : { "admin-secret-value", "admin-token-value" })
        QVERIFY2(!result.body.contains(secret), secret);

    QCOMPARE(waitForResult(m_client->admin("DELETE", QStringLiteral("requests"))).status, 200);
    QCOMPARE(m_server->requestLog().entries().size(), 0);
}

void TestEmulatorAdmin::embeddedEmulatorAnswersItsOwnKeyOnly()
{
    StubService service;
    EmbeddedEmulator embedded(service, &service, &service);
    QCOMPARE(embedded.start(), QString());
    QCOMPARE(embedded.url().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(embedded.url().port() > 0);
    const Credential credential = embedded.credential();
    QVERIFY(credential.accessKeyId.startsWith(QLatin1String("LTAI")));
    QCOMPARE(credential.accessKeyId.size(), 24);
    QCOMPARE(credential.accessKeySecret.size(), 30);
    QVERIFY(EmbeddedEmulator::generateCredential() != credential);

    TestClient client(embedded.url(), credential);
    QCOMPARE(waitForResult(client.call(QStringLiteral("DescribeRegions"))).status, 200);
    client.setCredential(stsKey);
    QCOMPARE(waitForResult(client.call(QStringLiteral("DescribeRegions"))).status, 404);
}

void TestEmulatorAdmin::embeddedEmulatorWithTheDemoScenario()
{
    QString error;
    const Scenario demo = Scenario::builtIn(QStringLiteral("demo"), &error);
    QCOMPARE(error, QString());
    EmbeddedEmulator embedded(demo);
    QVERIFY(embedded.service());
    QCOMPARE(embedded.start(), QString());
    TestClient client(embedded.url(), embedded.credential());

    for (const auto version : { signing::SignatureVersion::V1, signing::SignatureVersion::V3 }) {
        const HttpResult result
            = waitForResult(client.call(QStringLiteral("DescribeRegions"), {}, version));
        QCOMPARE(result.status, 200);
        QVERIFY(!result.json.value(QLatin1String("Regions"))
                     .toObject()
                     .value(QLatin1String("Region"))
                     .toArray()
                     .isEmpty());
    }
    // The service's own errors get the gateway's error body.
    const HttpResult missing = waitForResult(client.call(QStringLiteral("DescribeInstances")));
    QCOMPARE(missing.status, 400);
    QVERIFY(
        missing.json.value(QLatin1String("Code")).toString().startsWith(QLatin1String("Missing")));
    QVERIFY(missing.json.contains(QLatin1String("Recommend")));

    // The admin endpoint reaches the owned service through ServiceAdminTarget.
    HttpResult result
        = waitForResult(client.admin("PUT", QStringLiteral("timing"), R"({"stopMs":7})"));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("stopMs")).toInt(), 7);
    result = waitForResult(client.admin("GET", QStringLiteral("world")));
    QCOMPARE(result.status, 200);
    QVERIFY(result.json.contains(QLatin1String("Disks")));
    const QJsonObject state = waitForResult(client.admin("GET", QStringLiteral("state"))).json;
    QCOMPARE(
        waitForResult(client.admin("PUT", QStringLiteral("state"), QJsonDocument(state).toJson()))
            .status,
        200);
    QCOMPARE(
        waitForResult(client.admin("PUT", QStringLiteral("state"), R"({"Regions":"nope"})")).status,
        400);
    QCOMPARE(waitForResult(client.admin("POST", QStringLiteral("reset"))).status, 200);
}

QTEST_GUILESS_MAIN(TestEmulatorAdmin)
#include "tst_emulator_admin.moc"
