// How the gateway answers, over real loopback, as ERROR-CODES.md ("Gateway codes",
// "Formats") describes ECS: XML unless the request asks for JSON, the service's Date
// header, STS tokens that expire or are malformed, the throttling family with the status
// each action documents, and the emulator's --access-key option that configures them.
#include "AccessKeyOption.h"
#include "EcsEmulatorServer.h"
#include "JsonToXml.h"
#include "StubService.h"
#include "TestClient.h"
#include "Throttling.h"
#include "api/signing/PercentEncoding.h"
#include "api/signing/SignatureV1.h"

#include <QJsonArray>
#include <QLocale>
#include <QXmlStreamReader>
#include <QtTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::test;
using signing::SignatureVersion;

namespace {

const Credential key { QStringLiteral("LTAI5tAnswersKey0001"), QStringLiteral("answers-secret"),
    {} };
const Credential stsKey { QStringLiteral("STS.NAnswersTemporaryKey"), QStringLiteral("sts-secret"),
    QStringLiteral("CAIS1bnN0cy10b2tlbg==") };
const ApiParameters regionParameters { { QStringLiteral("RegionId"),
    QStringLiteral("cn-hangzhou") } };

// Element name -> text of the root's direct children, and the root's name.
struct XmlAnswer
{
    QString root;
    QMap<QString, QString> children;
    bool wellFormed = false;
};

XmlAnswer readXml(const QByteArray &body)
{
    XmlAnswer answer;
    QXmlStreamReader reader(body);
    int depth = 0;
    QString current;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement()) {
            ++depth;
            if (depth == 1)
                answer.root = reader.name().toString();
            else if (depth == 2)
                current = reader.name().toString();
        } else if (reader.isCharacters() && depth == 2) {
            answer.children[current] += reader.text().toString();
        } else if (reader.isEndElement()) {
            --depth;
        }
    }
    answer.wellFormed = !reader.hasError() && !answer.root.isEmpty();
    return answer;
}

} // namespace

class TestEmulatorGatewayAnswers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void formatChoosesTheAnswer_data();
    void formatChoosesTheAnswer();
    void xmlErrorHasTheServiceShape();
    void xmlListsRepeatTheirElement();
    void everyAnswerCarriesTheServiceClock();
    void stsTokenExpiresAndMustBeWellFormed_data();
    void stsTokenExpiresAndMustBeWellFormed();
    void throttlingFamilyWithDocumentedStatus();
    void accessKeyOptionParses_data();
    void accessKeyOptionParses();

private:
    // A V1 GET of DescribeRegions with `format` (empty: no Format parameter at all).
    HttpResult v1WithFormat(const QString &format, const Credential &credential);

    std::unique_ptr<StubService> m_service;
    std::unique_ptr<EcsEmulatorServer> m_server;
    std::unique_ptr<TestClient> m_client;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

void TestEmulatorGatewayAnswers::init()
{
    m_service = std::make_unique<StubService>();
    m_server = std::make_unique<EcsEmulatorServer>(*m_service);
    QCOMPARE(m_server->addAccessKey(key), QString());
    QVERIFY(m_server->listen() != 0);
    m_client = std::make_unique<TestClient>(m_server->url(), key);
}

void TestEmulatorGatewayAnswers::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_service.reset();
}

HttpResult TestEmulatorGatewayAnswers::v1WithFormat(
    const QString &format, const Credential &credential)
{
    m_client->setCredential(credential);
    ApiParameters all
        = m_client->v1Parameters(QStringLiteral("DescribeRegions"), regionParameters, "GET");
    all.remove(QStringLiteral("Signature"));
    if (format.isEmpty())
        all.remove(QStringLiteral("Format"));
    else
        all.insert(QStringLiteral("Format"), format);
    all.insert(QStringLiteral("Signature"),
        QString::fromLatin1(signing::v1Signature("GET", all, credential.accessKeySecret)));
    return waitForResult(m_client->sendRaw("GET", signing::encodedQuery(all), {}));
}

void TestEmulatorGatewayAnswers::formatChoosesTheAnswer_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("json");
    QTest::newRow("no Format: XML, the RPC gateway's default") << QString() << 200 << false;
    QTest::newRow("Format=XML") << QStringLiteral("XML") << 200 << false;
    QTest::newRow("Format=JSON") << QStringLiteral("JSON") << 200 << true;
    QTest::newRow("Format=json (the Node SDK)") << QStringLiteral("json") << 200 << true;
    QTest::newRow("Format=YAML is refused, in XML") << QStringLiteral("YAML") << 400 << false;
}

void TestEmulatorGatewayAnswers::formatChoosesTheAnswer()
{
    QFETCH(QString, format);
    QFETCH(int, status);
    QFETCH(bool, json);
    const HttpResult result = v1WithFormat(format, key);
    QCOMPARE(result.status, status);
    if (json) {
        QCOMPARE(result.contentType, QByteArray("application/json;charset=utf-8"));
        QCOMPARE(result.json.value(QLatin1String("Action")).toString(),
            QStringLiteral("DescribeRegions"));
        return;
    }
    QCOMPARE(result.contentType, QByteArray("text/xml;charset=utf-8"));
    QVERIFY(result.json.isEmpty());
    const XmlAnswer xml = readXml(result.body);
    QVERIFY2(xml.wellFormed, result.body.constData());
    if (status == 200) {
        QCOMPARE(xml.root, QStringLiteral("DescribeRegionsResponse"));
        QCOMPARE(xml.children.value(QStringLiteral("Action")), QStringLiteral("DescribeRegions"));
        QCOMPARE(xml.children.value(QStringLiteral("RequestId")).size(), 36);
        QCOMPARE(m_service->requests.size(), 1);
    } else {
        QCOMPARE(xml.root, QStringLiteral("Error"));
        QCOMPARE(
            xml.children.value(QStringLiteral("Code")), QStringLiteral("InvalidParameter.Format"));
        QVERIFY(m_service->requests.isEmpty());
    }
}

void TestEmulatorGatewayAnswers::xmlErrorHasTheServiceShape()
{
    const HttpResult result
        = v1WithFormat({}, { QStringLiteral("LTAInobody"), QStringLiteral("x"), {} });
    QCOMPARE(result.status, 404);
    QCOMPARE(result.contentType, QByteArray("text/xml;charset=utf-8"));
    const XmlAnswer xml = readXml(result.body);
    QVERIFY2(xml.wellFormed, result.body.constData());
    QCOMPARE(xml.root, QStringLiteral("Error"));
    QCOMPARE(xml.children.keys(),
        QStringList({ QStringLiteral("Code"), QStringLiteral("HostId"), QStringLiteral("Message"),
            QStringLiteral("Recommend"), QStringLiteral("RequestId") }));
    QCOMPARE(
        xml.children.value(QStringLiteral("Code")), QStringLiteral("InvalidAccessKeyId.NotFound"));
    QCOMPARE(xml.children.value(QStringLiteral("HostId")), QStringLiteral("127.0.0.1"));
    // The service's order: RequestId, HostId, Code, Message, Recommend.
    const qsizetype requestId = result.body.indexOf("<RequestId>");
    const qsizetype hostId = result.body.indexOf("<HostId>");
    const qsizetype code = result.body.indexOf("<Code>");
    const qsizetype message = result.body.indexOf("<Message>");
    QVERIFY(requestId >= 0 && requestId < hostId && hostId < code && code < message);
}

void TestEmulatorGatewayAnswers::xmlListsRepeatTheirElement()
{
    const QJsonObject body { { QStringLiteral("RequestId"), QStringLiteral("R-1") },
        { QStringLiteral("TotalCount"), 2 },
        { QStringLiteral("Regions"),
            QJsonObject { { QStringLiteral("Region"),
                QJsonArray { QJsonObject { { QStringLiteral("RegionId"), QStringLiteral("a&b") } },
                    QJsonObject { { QStringLiteral("RegionId"), QStringLiteral("<c>") } } } } } } };
    const QByteArray xml = jsonToXml(
        QStringLiteral("DescribeRegionsResponse"), body, { QStringLiteral("RequestId") });
    QVERIFY2(xml.contains("<DescribeRegionsResponse><RequestId>R-1</RequestId>"), xml.constData());
    QVERIFY2(xml.contains("<Regions><Region><RegionId>a&amp;b</RegionId></Region>"
                          "<Region><RegionId>&lt;c&gt;</RegionId></Region></Regions>"),
        xml.constData());
    QVERIFY2(xml.contains("<TotalCount>2</TotalCount>"), xml.constData());
    QVERIFY(readXml(xml).wellFormed);
}

void TestEmulatorGatewayAnswers::everyAnswerCarriesTheServiceClock()
{
    // A service 20 minutes ahead: the timestamp is refused and the Date header says why.
    const QDateTime serviceTime = m_now.addSecs(20 * 60);
    m_server->setClock([serviceTime] { return serviceTime; });
    const HttpResult result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("InvalidTimeStamp.Expired"));
    const QDateTime date = QLocale::c().toDateTime(
        QString::fromLatin1(result.date), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    QVERIFY2(date.isValid(), result.date.constData());
    QCOMPARE(QDateTime(date.date(), date.time(), Qt::UTC).toSecsSinceEpoch(),
        serviceTime.toSecsSinceEpoch());

    m_server->setClock([] { return QDateTime::currentDateTimeUtc(); });
    const HttpResult ok = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(ok.status, 200);
    QVERIFY(!ok.date.isEmpty());
}

void TestEmulatorGatewayAnswers::stsTokenExpiresAndMustBeWellFormed_data()
{
    QTest::addColumn<SignatureVersion>("version");
    QTest::addColumn<QString>("token");
    QTest::addColumn<int>("expiresInSecs");
    QTest::addColumn<QString>("code");
    for (const auto version : { SignatureVersion::V1, SignatureVersion::V3 }) {
        const QByteArray name = version == SignatureVersion::V1 ? "V1 " : "V3 ";
        const auto row = [&name](const char *what) {
            return QByteArray(name + what);
        };
        QTest::newRow(row("valid token").constData())
            << version << stsKey.securityToken << 3600 << QString();
        QTest::newRow(row("expired token").constData())
            << version << stsKey.securityToken << -1
            << QStringLiteral("InvalidSecurityToken.Expired");
        QTest::newRow(row("not base64").constData())
            << version << QStringLiteral("not a token!") << 3600
            << QStringLiteral("InvalidSecurityToken.Malformed");
        QTest::newRow(row("expired and wrong: the mismatch first").constData())
            << version << QStringLiteral("CAISb3RoZXI=") << -1
            << QStringLiteral("InvalidSecurityToken.MismatchWithAccessKey");
        QTest::newRow(row("none").constData())
            << version << QString() << 3600 << QStringLiteral("MissingSecurityToken");
    }
}

void TestEmulatorGatewayAnswers::stsTokenExpiresAndMustBeWellFormed()
{
    QFETCH(SignatureVersion, version);
    QFETCH(QString, token);
    QFETCH(int, expiresInSecs);
    QFETCH(QString, code);
    QCOMPARE(m_server->addAccessKey(stsKey, m_now.addSecs(expiresInSecs)), QString());
    m_client->setCredential({ stsKey.accessKeyId, stsKey.accessKeySecret, token });
    const HttpResult result
        = waitForResult(m_client->call(QStringLiteral("DescribeRegions"), {}, version));
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(), code);
    QCOMPARE(result.status, code.isEmpty() ? 200 : 400);
}

void TestEmulatorGatewayAnswers::throttlingFamilyWithDocumentedStatus()
{
    // The status comes from the per-action lists unless the plan gives one.
    QCOMPARE(
        throttling::defaultStatus(QStringLiteral("Throttling"), QStringLiteral("CreateSnapshot")),
        403);
    QCOMPARE(throttling::defaultStatus(
                 QStringLiteral("Throttling.Resource"), QStringLiteral("RunInstances")),
        429);
    QCOMPARE(
        throttling::defaultStatus(QStringLiteral("Throttling.User"), QStringLiteral("ResetDisks")),
        400);

    QString error;
    const auto plan = FaultPlan::fromJson(QJsonDocument::fromJson(R"({"errors":[
            {"action":"DescribeRegions","kind":"Throttling.Api","next":1,"status":429},
            {"action":"DescribeRegions","kind":"Throttling","next":1}]})")
                                              .object(),
        &error);
    QVERIFY2(plan, qPrintable(error));
    m_server->faults().setPlan(*plan);
    HttpResult result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.status, 429);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(), QStringLiteral("Throttling.Api"));
    result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.status, 400);
    QCOMPARE(result.json.value(QLatin1String("Code")).toString(), QStringLiteral("Throttling"));
    QCOMPARE(result.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("Request was denied due to request throttling."));
    result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
    QCOMPARE(result.status, 200);

    // A status for a kind that has none, or one the service never sends, is refused.
    for (const char *bad : { R"({"errors":[{"kind":"InternalError","status":429}]})",
             R"({"errors":[{"kind":"Throttling.User","status":503}]})" }) {
        error.clear();
        QVERIFY(!FaultPlan::fromJson(QJsonDocument::fromJson(bad).object(), &error));
        QVERIFY2(error.contains(QLatin1String("errors[0].status")), qPrintable(error));
    }
}

void TestEmulatorGatewayAnswers::accessKeyOptionParses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("expires");
    QTest::newRow("pair") << "LTAIx:secret" << true << QString() << QString();
    QTest::newRow("sts") << "STS.x:secret:CAIStoken" << true << "CAIStoken" << QString();
    QTest::newRow("sts expiring") << "STS.x:secret:CAIStoken:expires=2026-12-07T10:00:00Z" << true
                                  << "CAIStoken"
                                  << "2026-12-07T10:00:00Z";
    QTest::newRow("expiry without token")
        << "STS.x:secret::expires=2026-12-07T10:00:00Z" << false << QString() << QString();
    QTest::newRow("expiry not UTC")
        << "STS.x:secret:CAIStoken:expires=2026-12-07T10:00:00" << false << QString() << QString();
    QTest::newRow("expiry day 32")
        << "STS.x:secret:CAIStoken:expires=2026-12-32T10:00:00Z" << false << QString() << QString();
    QTest::newRow("id only") << "LTAIx" << false << QString() << QString();
}

void TestEmulatorGatewayAnswers::accessKeyOptionParses()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, token);
    QFETCH(QString, expires);
    QString error;
    const std::optional<AccessKeyOption> option = AccessKeyOption::parse(text, &error);
    QCOMPARE(option.has_value(), valid);
    if (!valid) {
        QVERIFY(error.contains(QLatin1String("--access-key")));
        return;
    }
    QCOMPARE(option->credential.securityToken, token);
    QCOMPARE(option->tokenExpiresAt.toString(Qt::ISODate), expires);
}

QTEST_GUILESS_MAIN(TestEmulatorGatewayAnswers)
#include "tst_emulator_gateway_answers.moc"
