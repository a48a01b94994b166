// Signature checks of the emulator's HTTP front, over real loopback: requests signed by
// core's signRequest must pass, hand-made broken ones must be refused with the gateway's
// codes and statuses (tst_emulator_gateway_checks has the checks around the signature).
#include "EcsEmulatorServer.h"
#include "StubService.h"
#include "TestClient.h"
#include "api/signing/PercentEncoding.h"
#include "api/signing/SignatureV1.h"
#include "api/signing/SignatureV3.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::test;
using signing::SignatureVersion;

namespace {

const Credential key { QStringLiteral("LTAI5tTestKeyId0001"), QStringLiteral("test-secret-1"), {} };
const ApiParameters regionParameters { { QStringLiteral("RegionId"),
    QStringLiteral("cn-hangzhou") } };

QList<QPair<QByteArray, QByteArray>> formHeader()
{
    return { { "content-type", "application/x-www-form-urlencoded" } };
}

} // namespace

class TestEmulatorSignatures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void signedByCore_data();
    void signedByCore();
    void v1FormBodyAndGetQuery();
    void v1DecodesSdkStyleBareCharacters();
    void v1Refusals_data();
    void v1Refusals();
    void v1MismatchShowsServerStringToSign();
    void v3Refusals();
    void v3FormBodyCoveredByBodyHash();
    void v3ExtraSignedHeadersOfTheJsSdk();

private:
    std::unique_ptr<StubService> m_service;
    std::unique_ptr<EcsEmulatorServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestEmulatorSignatures::init()
{
    m_service = std::make_unique<StubService>();
    m_server = std::make_unique<EcsEmulatorServer>(*m_service);
    QCOMPARE(m_server->addAccessKey(key), QString());
    QVERIFY(m_server->listen() != 0);
    m_client = std::make_unique<TestClient>(m_server->url(), key);
}

void TestEmulatorSignatures::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_service.reset();
}

void TestEmulatorSignatures::signedByCore_data()
{
    QTest::addColumn<SignatureVersion>("version");
    QTest::addColumn<QByteArray>("method");
    QTest::newRow("V3 POST") << SignatureVersion::V3 << QByteArray("POST");
    QTest::newRow("V3 GET") << SignatureVersion::V3 << QByteArray("GET");
    QTest::newRow("V1 POST") << SignatureVersion::V1 << QByteArray("POST");
    QTest::newRow("V1 GET") << SignatureVersion::V1 << QByteArray("GET");
}

void TestEmulatorSignatures::signedByCore()
{
    QFETCH(SignatureVersion, version);
    QFETCH(QByteArray, method);
    // Values that need every kind of escaping, JSON-array text included.
    const ApiParameters parameters { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
        { QStringLiteral("DiskIds"), QStringLiteral("[\"d-1\",\"d-2\"]") },
        { QStringLiteral("Tag.1.Value"), QStringLiteral("a b+c/d=e&f*g~h!i'j(k)l中") } };
    const HttpResult result = waitForResult(m_client->send(signing::signRequest(
        m_client->context(QStringLiteral("DescribeInstances"), parameters, version, method))));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.contentType, QByteArray("application/json;charset=utf-8"));
    QCOMPARE(
        result.json.value(QLatin1String("Action")).toString(), QStringLiteral("DescribeInstances"));
    QCOMPARE(result.json.value(QLatin1String("Caller")).toString(), key.accessKeyId);
    QVERIFY(QRegularExpression(
        QStringLiteral("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$"))
                .match(result.json.value(QLatin1String("RequestId")).toString())
                .hasMatch());
    // The service sees exactly the API parameters, decoded, and no common ones.
    QCOMPARE(m_service->requests.size(), 1);
    QCOMPARE(m_service->requests.constFirst().parameters, parameters);
}

void TestEmulatorSignatures::v1FormBodyAndGetQuery()
{
    // pop-core style: POST with every parameter, Signature included, in a form body.
    const ApiParameters post
        = m_client->v1Parameters(QStringLiteral("DescribeRegions"), regionParameters, "POST");
    HttpResult result
        = waitForResult(m_client->sendRaw("POST", {}, formHeader(), signing::encodedQuery(post)));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("Echo"))
                 .toObject()
                 .value(QLatin1String("RegionId"))
                 .toString(),
        QStringLiteral("cn-hangzhou"));

    // The same, signed for GET but sent as POST: the method is part of what is signed.
    const ApiParameters signedForGet
        = m_client->v1Parameters(QStringLiteral("DescribeRegions"), regionParameters, "GET");
    result = waitForResult(
        m_client->sendRaw("POST", {}, formHeader(), signing::encodedQuery(signedForGet)));
    QCOMPARE(
        result.json.value(QLatin1String("Code")).toString(), QStringLiteral("IncompleteSignature"));

    // Split between query and body works too.
    const ApiParameters split
        = m_client->v1Parameters(QStringLiteral("DescribeRegions"), regionParameters, "POST");
    ApiParameters inQuery = split;
    const ApiParameters inBody { { QStringLiteral("RegionId"),
        inQuery.take(QStringLiteral("RegionId")) } };
    result = waitForResult(m_client->sendRaw(
        "POST", signing::encodedQuery(inQuery), formHeader(), signing::encodedQuery(inBody)));
    QCOMPARE(result.status, 200);
}

void TestEmulatorSignatures::v1DecodesSdkStyleBareCharacters()
{
    // The official SDK signs !'()* escaped but leaves them bare on the wire.
    const ApiParameters parameters { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
        { QStringLiteral("Description"), QStringLiteral("it's (really) fine!*") } };
    const ApiParameters all
        = m_client->v1Parameters(QStringLiteral("DescribeRegions"), parameters, "GET");
    QByteArray wire = signing::encodedQuery(all);
    wire.replace("%21", "!")
        .replace("%27", "'")
        .replace("%28", "(")
        .replace("%29", ")")
        .replace("%2A", "*");
    QVERIFY(wire.contains("it'"));
    const HttpResult result = waitForResult(m_client->sendRaw("GET", wire, {}));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("Echo"))
                 .toObject()
                 .value(QLatin1String("Description"))
                 .toString(),
        QStringLiteral("it's (really) fine!*"));
}

void TestEmulatorSignatures::v1Refusals_data()
{
    QTest::addColumn<QString>("change"); // parameter to change after signing ("-X": remove X)
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("tampered parameter") << "RegionId"
                                        << "cn-beijing" << 400 << "IncompleteSignature";
    QTest::newRow("wrong signature")
        << "Signature"
        << "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" << 400 << "IncompleteSignature";
    QTest::newRow("unknown key") << "AccessKeyId"
                                 << "LTAIunknown" << 404 << "InvalidAccessKeyId.NotFound";
    // Missing common parameters are named in the code itself (ERROR-CODES.md).
    QTest::newRow("no Action") << "-Action"
                               << "" << 400 << "MissingAction";
    QTest::newRow("no Version") << "-Version"
                                << "" << 400 << "MissingVersion";
    QTest::newRow("other Version") << "Version"
                                   << "2016-03-14" << 400 << "InvalidVersion";
    QTest::newRow("no Signature") << "-Signature"
                                  << "" << 400 << "MissingSignature";
    QTest::newRow("no nonce") << "-SignatureNonce"
                              << "" << 400 << "MissingSignatureNonce";
    QTest::newRow("no Timestamp") << "-Timestamp"
                                  << "" << 400 << "MissingTimestamp";
    QTest::newRow("no AccessKeyId") << "-AccessKeyId"
                                    << "" << 400 << "MissingAccessKeyId";
    QTest::newRow("other method") << "SignatureMethod"
                                  << "HMAC-SHA256" << 400 << "InvalidSignatureMethod";
    QTest::newRow("timestamp format") << "Timestamp"
                                      << "2025-01-15 08:30:00" << 400 << "InvalidTimeStamp.Format";
    QTest::newRow("timestamp no Z") << "Timestamp"
                                    << "2025-01-15T08:30:00" << 400 << "InvalidTimeStamp.Format";
    QTest::newRow("timestamp day 32") << "Timestamp"
                                      << "2025-01-32T08:30:00Z" << 400 << "InvalidTimeStamp.Format";
}

void TestEmulatorSignatures::v1Refusals()
{
    QFETCH(QString, change);
    QFETCH(QString, value);
    QFETCH(int, status);
    QFETCH(QString, code);
    ApiParameters all
        = m_client->v1Parameters(QStringLiteral("DescribeRegions"), regionParameters, "GET");
    if (change.startsWith(QLatin1Char('-')))
        all.remove(change.mid(1));
    else
        all.insert(change, value);
    const HttpResult result
        = waitForResult(m_client->sendRaw("GET", signing::encodedQuery(all), {}));
    QCOMPARE(result.status, status);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(), code);
    QVERIFY(m_service->requests.isEmpty());
}

void TestEmulatorSignatures::v1MismatchShowsServerStringToSign()
{
    m_client->setCredential({ key.accessKeyId, QStringLiteral("wrong-secret"), {} });
    const ApiParameters all
        = m_client->v1Parameters(QStringLiteral("DescribeRegions"), regionParameters, "GET");
    const HttpResult result
        = waitForResult(m_client->sendRaw("GET", signing::encodedQuery(all), {}));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("The request signature does not conform to Aliyun standards. server "
                       "string to sign is:")
            + QString::fromLatin1(signing::v1StringToSign("GET", all)));
}

void TestEmulatorSignatures::v3Refusals()
{
    const auto signedRequest = [this](const Credential &credential) {
        m_client->setCredential(credential);
        return signing::signRequest(
            m_client->context(QStringLiteral("DescribeRegions"), regionParameters));
    };
    const auto withHeader
        = [](signing::SignedRequest request, const QByteArray &name, const QByteArray &value) {
              for (auto &header : request.headers) {
                  if (header.first == name)
                      header.second = value;
              }
              return request;
          };
    struct Case
    {
        const char *name;
        signing::SignedRequest request;
        int status;
        const char *code;
    };
    const signing::SignedRequest good = signedRequest(key);
    QUrl tamperedUrl = good.url;
    tamperedUrl.setQuery(QStringLiteral("RegionId=cn-beijing"));
    signing::SignedRequest tamperedQuery = signedRequest(key);
    tamperedQuery.url = tamperedUrl;
    const QList<Case> cases = {
        { "wrong secret", signedRequest({ key.accessKeyId, QStringLiteral("nope"), {} }), 400,
            "SignatureDoesNotMatch" },
        { "unknown key", signedRequest({ QStringLiteral("LTAIother"), key.accessKeySecret, {} }),
            404, "InvalidAccessKeyId.NotFound" },
        { "tampered header", withHeader(signedRequest(key), "x-acs-action", "DescribeInstances"),
            400, "SignatureDoesNotMatch" },
        { "tampered query", tamperedQuery, 400, "SignatureDoesNotMatch" },
        { "malformed authorization",
            withHeader(signedRequest(key), "authorization", "ACS3-HMAC-SHA256 garbage"), 400,
            "IncompleteSignature" },
        { "other algorithm",
            withHeader(signedRequest(key), "authorization",
                "HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=b"),
            400, "IncompleteSignature" },
        { "date unsigned",
            withHeader(signedRequest(key), "authorization",
                "ACS3-HMAC-SHA256 Credential=" + key.accessKeyId.toLatin1()
                    + ",SignedHeaders=host;x-acs-action,Signature=00"),
            400, "IncompleteSignature" },
        { "bad date", withHeader(signedRequest(key), "x-acs-date", "yesterday"), 400,
            "InvalidTimeStamp.Format" },
        { "other version", withHeader(signedRequest(key), "x-acs-version", "2016-03-14"), 400,
            "InvalidVersion" },
        { "no action", withHeader(signedRequest(key), "x-acs-action", ""), 400,
            "MissingParameter" },
        { "body hash", withHeader(signedRequest(key), "x-acs-content-sha256", QByteArray(64, 'a')),
            400, "SignatureDoesNotMatch" },
    };
    for (const Case &c : cases) {
        const HttpResult result = waitForResult(m_client->send(c.request));
        QVERIFY2(result.status == c.status, c.name);
        QVERIFY2(result.json.value(QLatin1String("Code")).toString() == QLatin1String(c.code),
            qPrintable(
                QLatin1String(c.name) + QLatin1String(": ") + QString::fromUtf8(result.body)));
    }
    QVERIFY(m_service->requests.isEmpty());
}

void TestEmulatorSignatures::v3FormBodyCoveredByBodyHash()
{
    // A V3 client may put parameters in a form body: the body hash header covers them.
    const QByteArray body = "RegionId=cn-hangzhou";
    signing::V3SigningInput input;
    input.method = "POST";
    input.body = body;
    input.headers = { { "host", signing::hostHeaderFor(m_server->url()) },
        { "content-type", "application/x-www-form-urlencoded" }, { "accept", "application/json" },
        { "x-acs-action", "DescribeRegions" }, { "x-acs-version", "2014-05-26" },
        { "x-acs-date", signing::formatTimestamp(QDateTime::currentDateTimeUtc()).toLatin1() },
        { "x-acs-signature-nonce", signing::makeNonce().toLatin1() },
        { "x-acs-content-sha256", signing::sha256Hex(body) } };
    const auto names = signing::v3DefaultSignedHeaders(input);
    auto headers = input.headers;
    headers.append({ "authorization",
        signing::v3Authorization(key.accessKeyId, names,
            signing::v3Signature(signing::v3StringToSign(signing::v3CanonicalRequest(input, names)),
                key.accessKeySecret)) });

    HttpResult result = waitForResult(m_client->sendRaw("POST", {}, headers, body));
    QCOMPARE(result.status, 200);
    QCOMPARE(result.json.value(QLatin1String("Echo"))
                 .toObject()
                 .value(QLatin1String("RegionId"))
                 .toString(),
        QStringLiteral("cn-hangzhou"));

    // Same headers (new nonce not needed: refused before the nonce), another body.
    result = waitForResult(m_client->sendRaw("POST", {}, headers, "RegionId=cn-beijing"));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("SignatureDoesNotMatch"));
    QVERIFY(result.json.value(QLatin1String("Message"))
                .toString()
                .contains(QLatin1String("x-acs-content-sha256")));
}

void TestEmulatorSignatures::v3ExtraSignedHeadersOfTheJsSdk()
{
    signing::V3SigningInput input;
    input.method = "POST";
    input.query = regionParameters;
    input.headers = { { "host", signing::hostHeaderFor(m_server->url()) },
        { "x-acs-action", "DescribeRegions" }, { "x-acs-version", "2014-05-26" },
        { "x-acs-date", signing::formatTimestamp(QDateTime::currentDateTimeUtc()).toLatin1() },
        { "x-acs-signature-nonce", signing::makeNonce().toLatin1() },
        { "x-acs-content-sha256", signing::sha256Hex({}) },
        { "x-acs-credentials-provider", "static_ak" },
        { "x-acs-accesskey-id", key.accessKeyId.toLatin1() }, { "accept", "application/json" } };
    const auto names = signing::v3DefaultSignedHeaders(input);
    QVERIFY(names.contains("x-acs-credentials-provider"));
    auto headers = input.headers;
    headers.append({ "authorization",
        signing::v3Authorization(key.accessKeyId, names,
            signing::v3Signature(signing::v3StringToSign(signing::v3CanonicalRequest(input, names)),
                key.accessKeySecret)) });
    HttpResult result = waitForResult(
        m_client->sendRaw("POST", signing::encodedQuery(regionParameters), headers));
    QCOMPARE(result.status, 200);

    // Changing a header the client chose to sign breaks the signature.
    for (auto &header : headers) {
        if (header.first == "x-acs-credentials-provider")
            header.second = "other";
        if (header.first == "x-acs-signature-nonce")
            header.second = "fresh-nonce";
    }
    result = waitForResult(
        m_client->sendRaw("POST", signing::encodedQuery(regionParameters), headers));
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("SignatureDoesNotMatch"));
}

QTEST_GUILESS_MAIN(TestEmulatorSignatures)
#include "tst_emulator_signatures.moc"
