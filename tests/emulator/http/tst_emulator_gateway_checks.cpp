// The gateway's checks around the signature, over real loopback: STS tokens, nonce
// reuse, timestamp skew, unknown actions and methods, the error body's exact shape, and a
// service error (DryRunOperation) passed through unchanged.
#include "EcsEmulatorServer.h"
#include "StubService.h"
#include "TestClient.h"

#include <QtTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::test;
using signing::SignatureVersion;

namespace {

const Credential key { QStringLiteral("LTAI5tGatewayKey0001"), QStringLiteral("gateway-secret"),
    {} };
const Credential stsKey { QStringLiteral("STS.NGatewayTemporaryKey"), QStringLiteral("sts-secret"),
    QStringLiteral("sts-token-value") };
const ApiParameters regionParameters { { QStringLiteral("RegionId"),
    QStringLiteral("cn-hangzhou") } };

} // namespace

class TestEmulatorGatewayChecks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void stsKeysNeedTheirToken_data();
    void stsKeysNeedTheirToken();
    void reusedNonceIsRefused();
    void expiredTimestampIsRefused();
    void errorBodyHasTheRealShape();
    void unknownActionAndMethod();
    void dryRunPassesThrough();

private:
    std::unique_ptr<StubService> m_service;
    std::unique_ptr<EcsEmulatorServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestEmulatorGatewayChecks::init()
{
    m_service = std::make_unique<StubService>();
    m_server = std::make_unique<EcsEmulatorServer>(*m_service);
    QCOMPARE(m_server->addAccessKey(key), QString());
    QCOMPARE(m_server->addAccessKey(stsKey), QString());
    QVERIFY(m_server->listen() != 0);
    m_client = std::make_unique<TestClient>(m_server->url(), key);
}

void TestEmulatorGatewayChecks::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_service.reset();
}

void TestEmulatorGatewayChecks::stsKeysNeedTheirToken_data()
{
    QTest::addColumn<SignatureVersion>("version");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    for (const auto version : { SignatureVersion::V1, SignatureVersion::V3 }) {
        const QByteArray name = version == SignatureVersion::V1 ? "V1 " : "V3 ";
        const auto row = [&name](const char *what) {
            return QByteArray(name + what);
        };
        QTest::newRow(row("right token").constData())
            << version << stsKey.securityToken << 200 << QString();
        QTest::newRow(row("no token").constData())
            << version << QString() << 400 << QStringLiteral("MissingSecurityToken");
        QTest::newRow(row("other token").constData())
            << version << QStringLiteral("forged") << 400
            << QStringLiteral("InvalidSecurityToken.MismatchWithAccessKey");
    }
}

void TestEmulatorGatewayChecks::stsKeysNeedTheirToken()
{
    QFETCH(SignatureVersion, version);
    QFETCH(QString, token);
    QFETCH(int, status);
    QFETCH(QString, code);
    m_client->setCredential({ stsKey.accessKeyId, stsKey.accessKeySecret, token });
    const HttpResult result
        = waitForResult(m_client->call(QStringLiteral("DescribeRegions"), {}, version));
    QCOMPARE(result.status, status);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(), code);
}

void TestEmulatorGatewayChecks::reusedNonceIsRefused()
{
    for (const auto version : { SignatureVersion::V1, SignatureVersion::V3 }) {
        auto context
            = m_client->context(QStringLiteral("DescribeRegions"), regionParameters, version);
        context.nonce = version == SignatureVersion::V1 ? QStringLiteral("nonce-v1")
                                                        : QStringLiteral("nonce-v3");
        HttpResult result = waitForResult(m_client->send(signing::signRequest(context)));
        QCOMPARE(result.status, 200);
        result = waitForResult(m_client->send(signing::signRequest(context)));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
            QStringLiteral("SignatureNonceUsed"));
    }
    QCOMPARE(m_service->requests.size(), 2);
}

void TestEmulatorGatewayChecks::expiredTimestampIsRefused()
{
    for (const auto version : { SignatureVersion::V1, SignatureVersion::V3 }) {
        for (const qint64 offset : { -16 * 60, 16 * 60 }) {
            auto context
                = m_client->context(QStringLiteral("DescribeRegions"), regionParameters, version);
            context.timestamp = QDateTime::currentDateTimeUtc().addSecs(offset);
            const HttpResult result = waitForResult(m_client->send(signing::signRequest(context)));
            QCOMPARE(result.status, 400);
            QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
                QStringLiteral("InvalidTimeStamp.Expired"));
        }
        auto context
            = m_client->context(QStringLiteral("DescribeRegions"), regionParameters, version);
        context.timestamp = QDateTime::currentDateTimeUtc().addSecs(-14 * 60);
        QCOMPARE(waitForResult(m_client->send(signing::signRequest(context))).status, 200);
    }
}

void TestEmulatorGatewayChecks::errorBodyHasTheRealShape()
{
    m_client->setCredential({ QStringLiteral("LTAInobody"), QStringLiteral("x"), {} });
    const HttpResult result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.contentType, QByteArray("application/json;charset=utf-8"));
    const QString requestId = result.json.value(QLatin1String("RequestId")).toString();
    QCOMPARE(requestId, requestId.toUpper());
    QCOMPARE(requestId.size(), 36);
    // The endpoint's host name as the client addressed it, without the port.
    QCOMPARE(result.json.value(QLatin1String("HostId")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("InvalidAccessKeyId.NotFound"));
    QCOMPARE(result.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("Specified access key is not found."));
    QCOMPARE(result.json.value(QLatin1String("Recommend")).toString(),
        QStringLiteral("https://api.aliyun.com/"
                       "troubleshoot?q=InvalidAccessKeyId.NotFound&product=Ecs&requestId=")
            + requestId);
    QCOMPARE(result.json.keys().size(), 5);
}

void TestEmulatorGatewayChecks::unknownActionAndMethod()
{
    HttpResult result = waitForResult(m_client->call(QStringLiteral("RunInstances")));
    QCOMPARE(result.status, 404);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("InvalidAction.NotFound"));
    QCOMPARE(result.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("Specified api is not found, please check your url and method."));

    result = waitForResult(m_client->send(signing::signRequest(
        m_client->context(QStringLiteral("DescribeRegions"), {}, SignatureVersion::V3, "PUT"))));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("UnsupportedHTTPMethod"));
}

void TestEmulatorGatewayChecks::dryRunPassesThrough()
{
    const HttpResult result = waitForResult(m_client->call(
        QStringLiteral("ResetDisks"), { { QStringLiteral("DryRun"), QStringLiteral("true") } }));
    QCOMPARE(result.status, 400);
    QCOMPARE(
        result.json.value(QLatin1String("Code")).toString(), QStringLiteral("DryRunOperation"));
    QVERIFY(result.json.contains(QLatin1String("Recommend")));
}

QTEST_GUILESS_MAIN(TestEmulatorGatewayChecks)
#include "tst_emulator_gateway_checks.moc"
