// signRequest(): the requests the transport sends. Expected values come from
// derive_expected.py (independent Python implementation) or from Alibaba's doc examples.

#include "api/signing/PercentEncoding.h"
#include "api/signing/RequestSigner.h"
#include "api/signing/SignatureV1.h"

#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace ecs;
using namespace ecs::signing;

namespace {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

const QByteArray emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const QByteArray nonce = "0123456789abcdef0123456789abcdef";
const QByteArray timestamp = "2025-01-15T08:30:00Z";

const ApiParameters resetParameters { { QStringLiteral("DryRun"), QStringLiteral("true") },
    { QStringLiteral("Disk.1.DiskId"), QStringLiteral("d-1") },
    { QStringLiteral("Disk.1.SnapshotId"), QStringLiteral("s-1") },
    { QStringLiteral("Disk.2.DiskId"), QStringLiteral("d-2") },
    { QStringLiteral("Disk.2.SnapshotId"), QStringLiteral("s-2") },
    { QStringLiteral("Disk.10.DiskId"), QStringLiteral("d-10") },
    { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") } };

const ApiParameters describeParameters { { QStringLiteral("RegionId"),
                                             QStringLiteral("cn-hangzhou") },
    { QStringLiteral("InstanceIds"), QStringLiteral("[\"i-1\",\"i-2\"]") },
    { QStringLiteral("InstanceName"), QStringLiteral("web server *prod~ +a/b=c&d 中文") },
    { QStringLiteral("Tag.1.Key"), QStringLiteral("env") },
    { QStringLiteral("Tag.1.Value"), QString() } };

SigningContext makeContext(SignatureVersion version, const char *method, const char *endpoint)
{
    SigningContext context;
    context.signatureVersion = version;
    context.httpMethod = method;
    context.endpoint = QUrl(QString::fromLatin1(endpoint));
    context.timestamp = QDateTime::fromString(QString::fromLatin1(timestamp), Qt::ISODate);
    context.nonce = QString::fromLatin1(nonce);
    return context;
}

SigningContext resetContext(SignatureVersion version, const char *method)
{
    SigningContext context = makeContext(version, method, "https://ecs.cn-hangzhou.aliyuncs.com/");
    context.action = QStringLiteral("ResetDisks");
    context.parameters = resetParameters;
    context.credential
        = { QStringLiteral("LTAI5tTestKeyId0001"), QStringLiteral("TestSecret+/="), QString() };
    return context;
}

SigningContext stsDescribeContext(SignatureVersion version, const char *method)
{
    SigningContext context = makeContext(version, method, "http://127.0.0.1:18080/");
    context.action = QStringLiteral("DescribeInstances");
    context.parameters = describeParameters;
    context.credential = { QStringLiteral("STS.NTestTemporaryKey"), QStringLiteral("StsSecret/+="),
        QStringLiteral("CAIS+token/with=chars&more") };
    return context;
}

QByteArray headerValue(const SignedRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers) {
        if (header.first == name)
            return header.second;
    }
    return {};
}

// What a server sees: the wire query split and percent-decoded.
ApiParameters decodeQuery(const QByteArray &query)
{
    ApiParameters parameters;
    for (const QByteArray &pair : query.split('&')) {
        const qsizetype equals = pair.indexOf('=');
        parameters.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(pair.left(equals))),
            QString::fromUtf8(QByteArray::fromPercentEncoding(pair.mid(equals + 1))));
    }
    return parameters;
}

} // namespace

class TestSigningRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void v1Post();
    void v1GetWithSts();
    void v3PostWithStsAndPort();
    void v3Get();
    void v3WithoutParameters();
    void officialExamplesThroughSignRequest();
    void queryOnTheWireIsTheSignedForm_data();
    void queryOnTheWireIsTheSignedForm();
    void hostAndPort_data();
    void hostAndPort();
    void methodIsUpperCased();
    void commonParametersCannotBeOverridden();
    void missingNonceAndTimestampAreFilledIn();
    void formatTimestampIsUtc();
    void nonceIsRandomHex();
};

void TestSigningRequests::v1Post()
{
    // derive_expected.py, "signRequest V1 POST".
    const SignedRequest request = signRequest(resetContext(SignatureVersion::V1, "POST"));
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.url.toEncoded(),
        QByteArray("https://ecs.cn-hangzhou.aliyuncs.com/?AccessKeyId=LTAI5tTestKeyId0001&"
                   "Action=ResetDisks&Disk.1.DiskId=d-1&Disk.1.SnapshotId=s-1&Disk.10.DiskId=d-"
                   "10&Disk.2.DiskId=d-2&Disk.2.SnapshotId=s-2&DryRun=true&Format=JSON&RegionId="
                   "cn-hangzhou&Signature=eDbNsu%2Foi06lVFuts67HKHzqM%2Fk%3D&SignatureMethod="
                   "HMAC-SHA1&SignatureNonce=0123456789abcdef0123456789abcdef&SignatureVersion="
                   "1.0&Timestamp=2025-01-15T08%3A30%3A00Z&Version=2014-05-26"));
    QCOMPARE(request.headers, (HeaderList { { "accept", "application/json" } }));
    QVERIFY(request.body.isEmpty());
}

void TestSigningRequests::v1GetWithSts()
{
    // derive_expected.py, "signRequest V1 GET STS": SecurityToken is a signed parameter.
    const SignedRequest request = signRequest(stsDescribeContext(SignatureVersion::V1, "GET"));
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url.toEncoded(),
        QByteArray("http://127.0.0.1:18080/?AccessKeyId=STS.NTestTemporaryKey&Action="
                   "DescribeInstances&Format=JSON&InstanceIds=%5B%22i-1%22%2C%22i-2%22%5D&"
                   "InstanceName=web%20server%20%2Aprod~%20%2Ba%2Fb%3Dc%26d%20%E4%B8%AD%E6%96%87&"
                   "RegionId=cn-hangzhou&SecurityToken=CAIS%2Btoken%2Fwith%3Dchars%26more&"
                   "Signature=UDiI%2BXeQkLSOTNHz5OYrW%2Bmjf1E%3D&SignatureMethod=HMAC-SHA1&"
                   "SignatureNonce=0123456789abcdef0123456789abcdef&SignatureVersion=1.0&Tag.1."
                   "Key=env&Tag.1.Value=&Timestamp=2025-01-15T08%3A30%3A00Z&Version=2014-05-26"));
    QVERIFY(request.body.isEmpty());
}

void TestSigningRequests::v3PostWithStsAndPort()
{
    // derive_expected.py, "signRequest V3 POST STS port".
    const SignedRequest request = signRequest(stsDescribeContext(SignatureVersion::V3, "POST"));
    QCOMPARE(request.url.toEncoded(),
        QByteArray("http://127.0.0.1:18080/?InstanceIds=%5B%22i-1%22%2C%22i-2%22%5D&InstanceName="
                   "web%20server%20%2Aprod~%20%2Ba%2Fb%3Dc%26d%20%E4%B8%AD%E6%96%87&RegionId=cn-"
                   "hangzhou&Tag.1.Key=env&Tag.1.Value="));
    const HeaderList expected { { "host", "127.0.0.1:18080" },
        { "x-acs-action", "DescribeInstances" }, { "x-acs-version", "2014-05-26" },
        { "x-acs-date", timestamp }, { "x-acs-signature-nonce", nonce },
        { "x-acs-content-sha256", emptySha256 }, { "x-acs-accesskey-id", "STS.NTestTemporaryKey" },
        { "x-acs-security-token", "CAIS+token/with=chars&more" }, { "accept", "application/json" },
        { "authorization",
            "ACS3-HMAC-SHA256 Credential=STS.NTestTemporaryKey,SignedHeaders=host;x-acs-"
            "accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-"
            "acs-signature-nonce;x-acs-version,Signature="
            "33d116fc7cfc7abde47e251ccac207ee26cc6e843f30075d211595039f68ae80" } };
    QCOMPARE(request.headers, expected);
    QVERIFY(request.body.isEmpty());
}

void TestSigningRequests::v3Get()
{
    // derive_expected.py, "signRequest V3 GET".
    const SignedRequest request = signRequest(resetContext(SignatureVersion::V3, "GET"));
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.url.query(QUrl::FullyEncoded).toLatin1(),
        QByteArray("Disk.1.DiskId=d-1&Disk.1.SnapshotId=s-1&Disk.10.DiskId=d-10&Disk.2.DiskId=d-"
                   "2&Disk.2.SnapshotId=s-2&DryRun=true&RegionId=cn-hangzhou"));
    QCOMPARE(headerValue(request, "host"), QByteArray("ecs.cn-hangzhou.aliyuncs.com"));
    QVERIFY(headerValue(request, "x-acs-security-token").isNull());
    QCOMPARE(headerValue(request, "authorization"),
        QByteArray("ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId0001,SignedHeaders=host;x-acs-"
                   "action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                   "Signature=c79f15f3b10c33c2913d7da6140a67cbc0e9bd4ebc8226c201a52b122f09c34a"));
}

void TestSigningRequests::v3WithoutParameters()
{
    // derive_expected.py, "signRequest V3 POST no parameters": an empty canonical query line.
    SigningContext context = resetContext(SignatureVersion::V3, "POST");
    context.action = QStringLiteral("DescribeRegions");
    context.parameters.clear();
    const SignedRequest request = signRequest(context);
    QCOMPARE(request.url.toEncoded(), QByteArray("https://ecs.cn-hangzhou.aliyuncs.com/"));
    QCOMPARE(headerValue(request, "authorization"),
        QByteArray("ACS3-HMAC-SHA256 Credential=LTAI5tTestKeyId0001,SignedHeaders=host;x-acs-"
                   "action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                   "Signature=fc0bfd0947236f66f80ceeb712bc68353e8bc10190a61175a236d668c0ab3e49"));
}

void TestSigningRequests::officialExamplesThroughSignRequest()
{
    // The doc examples of vectors-public.json happen to use exactly the parameters and
    // headers signRequest produces, so the whole builder must reproduce their signatures.
    SigningContext v3
        = makeContext(SignatureVersion::V3, "POST", "https://ecs.cn-shanghai.aliyuncs.com/");
    v3.action = QStringLiteral("RunInstances");
    v3.parameters = { { QStringLiteral("ImageId"),
                          QStringLiteral("win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd") },
        { QStringLiteral("RegionId"), QStringLiteral("cn-shanghai") } };
    v3.credential
        = { QStringLiteral("YourAccessKeyId"), QStringLiteral("YourAccessKeySecret"), QString() };
    v3.timestamp = QDateTime::fromString(QStringLiteral("2023-10-26T10:22:32Z"), Qt::ISODate);
    v3.nonce = QStringLiteral("3156853299f313e23d1673dc12e1703d");
    QVERIFY(headerValue(signRequest(v3), "authorization")
                .endsWith(",Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6"
                          "f0f3283c0"));

    SigningContext v1
        = makeContext(SignatureVersion::V1, "GET", "https://ecs.cn-beijing.aliyuncs.com/");
    v1.action = QStringLiteral("DescribeDedicatedHosts");
    v1.parameters = { { QStringLiteral("RegionId"), QStringLiteral("cn-beijing") } };
    v1.credential = { QStringLiteral("testid"), QStringLiteral("testsecret"), QString() };
    v1.timestamp = QDateTime::fromString(QStringLiteral("2023-03-13T08:34:30Z"), Qt::ISODate);
    v1.nonce = QStringLiteral("edb2b34af0af9a6d14deaf7c1a5315eb");
    const QByteArray query = signRequest(v1).url.query(QUrl::FullyEncoded).toLatin1();
    QCOMPARE(decodeQuery(query).value(QStringLiteral("Signature")),
        QStringLiteral("9NaGiOspFP5UPcwX8Iwt2YJXXuk="));
}

void TestSigningRequests::queryOnTheWireIsTheSignedForm_data()
{
    QTest::addColumn<SigningContext>("context");
    QTest::newRow("v1 post") << resetContext(SignatureVersion::V1, "POST");
    QTest::newRow("v1 get sts") << stsDescribeContext(SignatureVersion::V1, "GET");
    QTest::newRow("v3 post sts") << stsDescribeContext(SignatureVersion::V3, "POST");
    QTest::newRow("v3 get") << resetContext(SignatureVersion::V3, "GET");
}

void TestSigningRequests::queryOnTheWireIsTheSignedForm()
{
    QFETCH(SigningContext, context);
    const SignedRequest request = signRequest(context);
    const QByteArray wireQuery = request.url.query(QUrl::FullyEncoded).toLatin1();
    QVERIFY(request.url.toEncoded().endsWith(QByteArray('?' + wireQuery)));
    const ApiParameters received = decodeQuery(wireQuery);
    // Re-encoding what a server decodes gives back the very bytes on the wire...
    QCOMPARE(encodedQuery(received), wireQuery);
    if (context.signatureVersion == SignatureVersion::V3) {
        QCOMPARE(received, context.parameters);
        return;
    }
    // ...and for V1 a server-side check of the signature passes.
    QVERIFY(!wireQuery.contains('+'));
    QCOMPARE(received.value(QStringLiteral("Signature")).toLatin1(),
        v1Signature(request.method, received, context.credential.accessKeySecret));
}

void TestSigningRequests::hostAndPort_data()
{
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<QByteArray>("host");
    QTest::newRow("https default port")
        << QStringLiteral("https://ecs.example.com:443/") << QByteArray("https://ecs.example.com/")
        << QByteArray("ecs.example.com");
    QTest::newRow("http default port")
        << QStringLiteral("http://127.0.0.1:80") << QByteArray("http://127.0.0.1/")
        << QByteArray("127.0.0.1");
    QTest::newRow("https other port")
        << QStringLiteral("https://Ecs.Example.com:8443/")
        << QByteArray("https://ecs.example.com:8443/") << QByteArray("ecs.example.com:8443");
    QTest::newRow("ipv6") << QStringLiteral("http://[::1]:18080/")
                          << QByteArray("http://[::1]:18080/") << QByteArray("[::1]:18080");
    QTest::newRow("idn") << QStringLiteral("https://bücher.example/")
                         << QByteArray("https://xn--bcher-kva.example/")
                         << QByteArray("xn--bcher-kva.example");
}

void TestSigningRequests::hostAndPort()
{
    QFETCH(QString, endpoint);
    QFETCH(QByteArray, url);
    QFETCH(QByteArray, host);
    SigningContext context = resetContext(SignatureVersion::V3, "POST");
    context.endpoint = QUrl(endpoint);
    context.parameters.clear();
    const SignedRequest request = signRequest(context);
    QCOMPARE(request.url.toEncoded(), url);
    QCOMPARE(headerValue(request, "host"), host);
    QCOMPARE(hostHeaderFor(request.url), host);
}

void TestSigningRequests::methodIsUpperCased()
{
    const SignedRequest lower = signRequest(resetContext(SignatureVersion::V1, "get"));
    const SignedRequest upper = signRequest(resetContext(SignatureVersion::V1, "GET"));
    QCOMPARE(lower.method, QByteArray("GET"));
    QCOMPARE(lower.url, upper.url);
    // GET and POST sign differently.
    QVERIFY(signRequest(resetContext(SignatureVersion::V1, "POST")).url != upper.url);
}

void TestSigningRequests::commonParametersCannotBeOverridden()
{
    SigningContext context = resetContext(SignatureVersion::V1, "POST");
    context.parameters.insert(QStringLiteral("Action"), QStringLiteral("DeleteEverything"));
    context.parameters.insert(QStringLiteral("Signature"), QStringLiteral("forged"));
    context.parameters.insert(QStringLiteral("Format"), QStringLiteral("XML"));
    const ApiParameters sent
        = decodeQuery(signRequest(context).url.query(QUrl::FullyEncoded).toLatin1());
    QCOMPARE(sent.value(QStringLiteral("Action")), QStringLiteral("ResetDisks"));
    QCOMPARE(sent.value(QStringLiteral("Format")), QStringLiteral("JSON"));
    QCOMPARE(sent.value(QStringLiteral("Signature")),
        QStringLiteral("eDbNsu/oi06lVFuts67HKHzqM/k=")); // same as v1Post()
}

void TestSigningRequests::missingNonceAndTimestampAreFilledIn()
{
    SigningContext context = resetContext(SignatureVersion::V3, "POST");
    context.nonce.clear();
    context.timestamp = QDateTime();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const SignedRequest request = signRequest(context);
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);

    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    QVERIFY(
        hex32.match(QString::fromLatin1(headerValue(request, "x-acs-signature-nonce"))).hasMatch());
    const QDateTime date = QDateTime::fromString(
        QString::fromLatin1(headerValue(request, "x-acs-date")), Qt::ISODate);
    QVERIFY2(date >= before.addMSecs(-before.time().msec()) && date <= after,
        headerValue(request, "x-acs-date").constData());
}

void TestSigningRequests::formatTimestampIsUtc()
{
    const QDateTime beijing(QDate(2025, 1, 15), QTime(16, 30, 5, 999), QTimeZone(8 * 3600));
    QCOMPARE(formatTimestamp(beijing), QStringLiteral("2025-01-15T08:30:05Z"));
    QCOMPARE(formatTimestamp(QDateTime(QDate(2023, 3, 13), QTime(8, 34, 30), Qt::UTC)),
        QStringLiteral("2023-03-13T08:34:30Z"));
}

void TestSigningRequests::nonceIsRandomHex()
{
    static const QRegularExpression hex32(QStringLiteral("^[0-9a-f]{32}$"));
    const QString first = makeNonce();
    const QString second = makeNonce();
    QVERIFY2(hex32.match(first).hasMatch(), qPrintable(first));
    QVERIFY2(hex32.match(second).hasMatch(), qPrintable(second));
    QVERIFY(first != second);
}

QTEST_GUILESS_MAIN(TestSigningRequests)
#include "tst_signing_requests.moc"
