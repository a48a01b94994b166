// The signing primitives: percent-encoding, RPC V1 (HMAC-SHA1) and V3 (ACS3-HMAC-SHA256),
// checked against Alibaba Cloud's worked examples (shared/ecs-api/vectors-public.json) and
// against edge cases derived independently by derive_expected.py (Python hashlib/hmac).

#include "api/signing/PercentEncoding.h"
#include "api/signing/SignatureV1.h"
#include "api/signing/SignatureV3.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ecs;
using namespace ecs::signing;

namespace {

const QString vectorsPath = QStringLiteral(ECS_SHARED_DIR "/ecs-api/vectors-public.json");
const QByteArray emptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

ApiParameters parametersFrom(const QJsonObject &object)
{
    ApiParameters parameters;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        parameters.insert(it.key(), it.value().toString());
    return parameters;
}

// A value the doc states, else the one the vector file derived and cross-checked.
QByteArray expectedValue(const QJsonObject &vector, const QString &name)
{
    const QJsonValue stated = vector.value(QLatin1String("expected")).toObject().value(name);
    const QJsonValue derived
        = vector.value(QLatin1String("derived_by_gen_js")).toObject().value(name);
    return (stated.isString() ? stated : derived).toString().toUtf8();
}

} // namespace

class TestSigning : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void officialV1Vectors_data();
    void officialV1Vectors();
    void officialV3Vectors_data();
    void officialV3Vectors();
    void percentEncode_data();
    void percentEncode();
    void percentEncodeKeepsOnlyUnreservedBytes();
    void canonicalQueryLeavesOutSignature();
    void v1DerivedEdgeCases_data();
    void v1DerivedEdgeCases();
    void listParametersSortByteWise();
    void v3DefaultSignedHeaders();
    void v3WithBodyAndRepeatedHeaders();
    void v3CanonicalRequestFollowsGivenHeaderList();
    void v3AuthorizationFormat();

private:
    QList<QJsonObject> vectorsOfKind(const QString &kind) const;

    QJsonArray m_vectors;
};

void TestSigning::initTestCase()
{
    QFile file(vectorsPath);
    QVERIFY2(file.open(QIODevice::ReadOnly),
        qPrintable(QStringLiteral("cannot read the official vectors at %1 (shared/ must sit "
                                  "beside the clone)")
                       .arg(vectorsPath)));
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    m_vectors = document.array();
    // The file holds one V3 and three V1 examples today; fail loudly if it shrinks.
    QVERIFY(vectorsOfKind(QStringLiteral("acs3-request")).size() >= 1);
    QVERIFY(vectorsOfKind(QStringLiteral("rpc-v1-signature")).size() >= 3);
}

QList<QJsonObject> TestSigning::vectorsOfKind(const QString &kind) const
{
    QList<QJsonObject> result;
    for (const QJsonValue &value : m_vectors) {
        if (value.toObject().value(QLatin1String("kind")).toString() == kind)
            result.append(value.toObject());
    }
    return result;
}

void TestSigning::officialV1Vectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    for (const QJsonObject &vector : vectorsOfKind(QStringLiteral("rpc-v1-signature")))
        QTest::newRow(qPrintable(vector.value(QLatin1String("id")).toString())) << vector;
}

void TestSigning::officialV1Vectors()
{
    QFETCH(QJsonObject, vector);
    const QJsonObject inputs = vector.value(QLatin1String("inputs")).toObject();
    const QByteArray method = inputs.value(QLatin1String("http_method")).toString().toLatin1();
    const QString secret = inputs.value(QLatin1String("access_key_secret")).toString();
    const ApiParameters parameters
        = parametersFrom(inputs.value(QLatin1String("params")).toObject());

    const QByteArray canonical
        = expectedValue(vector, QStringLiteral("canonicalized_query_string"));
    if (!canonical.isEmpty())
        QCOMPARE(canonicalizedQueryString(parameters), canonical);
    const QByteArray stringToSign = expectedValue(vector, QStringLiteral("string_to_sign"));
    if (!stringToSign.isEmpty())
        QCOMPARE(v1StringToSign(method, parameters), stringToSign);
    QCOMPARE(v1Signature(method, parameters, secret),
        expectedValue(vector, QStringLiteral("signature")));
}

void TestSigning::officialV3Vectors_data()
{
    QTest::addColumn<QJsonObject>("vector");
    for (const QJsonObject &vector : vectorsOfKind(QStringLiteral("acs3-request")))
        QTest::newRow(qPrintable(vector.value(QLatin1String("id")).toString())) << vector;
}

void TestSigning::officialV3Vectors()
{
    QFETCH(QJsonObject, vector);
    const QJsonObject inputs = vector.value(QLatin1String("inputs")).toObject();
    V3SigningInput input;
    input.method = inputs.value(QLatin1String("http_method")).toString().toLatin1();
    input.canonicalUri = inputs.value(QLatin1String("canonical_uri")).toString().toLatin1();
    input.query = parametersFrom(inputs.value(QLatin1String("query")).toObject());
    input.body = inputs.value(QLatin1String("body")).toString().toUtf8();
    const QJsonObject headers = inputs.value(QLatin1String("headers")).toObject();
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        input.headers.append({ it.key().toUtf8(), it.value().toString().toUtf8() });
    const QString keyId = inputs.value(QLatin1String("access_key_id")).toString();
    const QString secret = inputs.value(QLatin1String("access_key_secret")).toString();

    const QList<QByteArray> signedHeaders = signing::v3DefaultSignedHeaders(input);
    QCOMPARE(signedHeaders.join(';'), expectedValue(vector, QStringLiteral("signed_headers")));
    QCOMPARE(sha256Hex(input.body),
        headers.value(QLatin1String("x-acs-content-sha256")).toString().toUtf8());
    const QByteArray canonicalRequest = v3CanonicalRequest(input, signedHeaders);
    QCOMPARE(canonicalRequest, expectedValue(vector, QStringLiteral("canonical_request")));
    QCOMPARE(sha256Hex(canonicalRequest),
        expectedValue(vector, QStringLiteral("hashed_canonical_request")));
    const QByteArray stringToSign = v3StringToSign(canonicalRequest);
    QCOMPARE(stringToSign, expectedValue(vector, QStringLiteral("string_to_sign")));
    const QByteArray signature = v3Signature(stringToSign, secret);
    QCOMPARE(signature, expectedValue(vector, QStringLiteral("signature")));
    QCOMPARE(v3Authorization(keyId, signedHeaders, signature),
        expectedValue(vector, QStringLiteral("authorization")));
}

void TestSigning::percentEncode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("encoded");
    // REFERENCE §S1 step 2 lists these mappings explicitly.
    QTest::newRow("unreserved") << QStringLiteral("AZaz09-_.~") << QByteArray("AZaz09-_.~");
    QTest::newRow("space") << QStringLiteral(" ") << QByteArray("%20");
    QTest::newRow("star") << QStringLiteral("*") << QByteArray("%2A");
    QTest::newRow("plus") << QStringLiteral("+") << QByteArray("%2B");
    QTest::newRow("slash") << QStringLiteral("/") << QByteArray("%2F");
    QTest::newRow("equals") << QStringLiteral("=") << QByteArray("%3D");
    QTest::newRow("ampersand") << QStringLiteral("&") << QByteArray("%26");
    QTest::newRow("sub-delims") << QStringLiteral("!'()") << QByteArray("%21%27%28%29");
    QTest::newRow("percent") << QStringLiteral("%41") << QByteArray("%2541");
    QTest::newRow("cjk") << QStringLiteral("中") << QByteArray("%E4%B8%AD");
    QTest::newRow("latin-1") << QStringLiteral("ü") << QByteArray("%C3%BC");
    QTest::newRow("astral") << QStringLiteral("😀") << QByteArray("%F0%9F%98%80");
    QTest::newRow("json array") << QStringLiteral("[\"i-1\",\"i-2\"]")
                                << QByteArray("%5B%22i-1%22%2C%22i-2%22%5D");
    QTest::newRow("empty") << QString() << QByteArray();
}

void TestSigning::percentEncode()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, encoded);
    QCOMPARE(signing::percentEncode(text), encoded);
}

void TestSigning::percentEncodeKeepsOnlyUnreservedBytes()
{
    const QByteArray unreserved
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    for (int value = 0; value < 256; ++value) {
        const char byte = static_cast<char>(value);
        const QByteArray expected = unreserved.contains(byte)
            ? QByteArray(1, byte)
            : '%' + QByteArray::number(value, 16).rightJustified(2, '0').toUpper();
        QCOMPARE(percentEncodeBytes(QByteArray(1, byte)), expected);
    }
}

void TestSigning::canonicalQueryLeavesOutSignature()
{
    const ApiParameters parameters { { QStringLiteral("B"), QStringLiteral("2") },
        { QStringLiteral("Signature"), QStringLiteral("abc=") },
        { QStringLiteral("A"), QStringLiteral("1") } };
    QCOMPARE(canonicalizedQueryString(parameters), QByteArray("A=1&B=2"));
    // The wire query keeps it: only the signed form drops it.
    QCOMPARE(encodedQuery(parameters), QByteArray("A=1&B=2&Signature=abc%3D"));
}

void TestSigning::v1DerivedEdgeCases_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<ApiParameters>("parameters");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QByteArray>("canonical");
    QTest::addColumn<QByteArray>("stringToSign");
    QTest::addColumn<QByteArray>("signature");

    // Expected values: derive_expected.py ("v1 edge POST", "v1 list GET").
    QTest::newRow("special characters, unicode, empty value, JSON array")
        << QByteArray("POST")
        << ApiParameters { { QStringLiteral("Action"), QStringLiteral("DescribeInstances") },
               { QStringLiteral("Empty"), QString() },
               { QStringLiteral("InstanceIds"), QStringLiteral("[\"i-1\",\"i-2\"]") },
               { QStringLiteral("Name"), QStringLiteral("web server *prod~ +a/b=c&d 中文 ü") } }
        << QStringLiteral("edge/secret+=")
        << QByteArray(
               "Action=DescribeInstances&Empty=&InstanceIds=%5B%22i-1%22%2C%22i-2%22%5D&"
               "Name=web%20server%20%2Aprod~%20%2Ba%2Fb%3Dc%26d%20%E4%B8%AD%E6%96%87%20%C3%BC")
        << QByteArray("POST&%2F&Action%3DDescribeInstances%26Empty%3D%26InstanceIds%3D%255B%2522i-"
                      "1%2522%252C%2522i-2%2522%255D%26Name%3Dweb%2520server%2520%252Aprod~%2520%"
                      "252Ba%252Fb%253Dc%2526d%2520%25E4%25B8%25AD%25E6%2596%2587%2520%25C3%25BC")
        << QByteArray("XP/R9S/B4OECVOEq7baBc7ckTkY=");
    QTest::newRow("list parameters")
        << QByteArray("GET")
        << ApiParameters { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
               { QStringLiteral("Disk.2.DiskId"), QStringLiteral("d-2") },
               { QStringLiteral("Disk.10.DiskId"), QStringLiteral("d-10") },
               { QStringLiteral("Disk.1.SnapshotId"), QStringLiteral("s-1") },
               { QStringLiteral("Disk.1.DiskId"), QStringLiteral("d-1") } }
        << QStringLiteral("testsecret")
        << QByteArray("Disk.1.DiskId=d-1&Disk.1.SnapshotId=s-1&Disk.10.DiskId=d-10&"
                      "Disk.2.DiskId=d-2&RegionId=cn-hangzhou")
        << QByteArray("GET&%2F&Disk.1.DiskId%3Dd-1%26Disk.1.SnapshotId%3Ds-1%26Disk.10.DiskId%3Dd-"
                      "10%26Disk.2.DiskId%3Dd-2%26RegionId%3Dcn-hangzhou")
        << QByteArray("98Pu8hbDFOlzrhnnwdJ7mQOBly4=");
}

void TestSigning::v1DerivedEdgeCases()
{
    QFETCH(QByteArray, method);
    QFETCH(ApiParameters, parameters);
    QFETCH(QString, secret);
    QFETCH(QByteArray, canonical);
    QFETCH(QByteArray, stringToSign);
    QFETCH(QByteArray, signature);
    QCOMPARE(canonicalizedQueryString(parameters), canonical);
    QCOMPARE(v1StringToSign(method, parameters), stringToSign);
    QCOMPARE(v1Signature(method, parameters, secret), signature);
}

void TestSigning::listParametersSortByteWise()
{
    // Byte order, not natural order: "Disk.10" < "Disk.2" because '1' < '2'; upper case
    // sorts before lower case.
    const ApiParameters parameters { { QStringLiteral("Disk.2.DiskId"), QStringLiteral("b") },
        { QStringLiteral("Disk.10.DiskId"), QStringLiteral("c") },
        { QStringLiteral("Disk.1.DiskId"), QStringLiteral("a") },
        { QStringLiteral("action"), QStringLiteral("x") },
        { QStringLiteral("Zone"), QStringLiteral("z") } };
    QCOMPARE(encodedQuery(parameters),
        QByteArray("Disk.1.DiskId=a&Disk.10.DiskId=c&Disk.2.DiskId=b&Zone=z&action=x"));
}

void TestSigning::v3DefaultSignedHeaders()
{
    V3SigningInput input;
    input.headers = { { "X-Acs-Version", "2014-05-26" }, { "Host", "ecs.example.com" },
        { "accept", "application/json" }, { "User-Agent", "test" }, { "Authorization", "ignored" },
        { "Content-Type", "text/plain" }, { "x-acs-action", "DescribeRegions" },
        { "X-ACS-ACTION", "again" }, { "x-acsfoo", "not x-acs-" } };
    const QList<QByteArray> expected { "content-type", "host", "x-acs-action", "x-acs-version" };
    QCOMPARE(signing::v3DefaultSignedHeaders(input), expected);
}

void TestSigning::v3WithBodyAndRepeatedHeaders()
{
    // Expected values: derive_expected.py ("v3 primitives with body").
    V3SigningInput input;
    input.method = "POST";
    input.query = { { QStringLiteral("Name"), QStringLiteral("a b") } };
    input.body = "RegionId=cn-hangzhou";
    const QByteArray bodyHash = "acb32d261aada29a48734ef41e424fe8b3cfd2c453e1c8f6c83651024dd8e016";
    input.headers = { { "Host", "ecs.example.com" },
        { "Content-Type", "application/x-www-form-urlencoded" },
        { "X-Acs-Action", "  DescribeRegions\t" }, { "x-acs-version", "2014-05-26" },
        { "X-ACS-Custom", "b" }, { "x-acs-custom", " a" }, { "x-acs-content-sha256", bodyHash },
        { "Accept", "application/json" }, { "User-Agent", "test" } };
    QCOMPARE(sha256Hex(input.body), bodyHash);

    const QByteArray canonical = v3CanonicalRequest(input, signing::v3DefaultSignedHeaders(input));
    QCOMPARE(canonical,
        QByteArray("POST\n/\nName=a%20b\ncontent-type:application/x-www-form-urlencoded\n"
                   "host:ecs.example.com\nx-acs-action:DescribeRegions\nx-acs-content-sha256:"
            + bodyHash
            + "\nx-acs-custom:a,b\nx-acs-version:2014-05-26\n\ncontent-type;host;"
              "x-acs-action;x-acs-content-sha256;x-acs-custom;x-acs-version\n"
            + bodyHash));
    QCOMPARE(sha256Hex(canonical),
        QByteArray("832963bb5f0ca9ec893165eb2ce3e7840b82c443540c07aca849884e85ebb53a"));
    QCOMPARE(v3Signature(v3StringToSign(canonical), QStringLiteral("edge-secret")),
        QByteArray("e58ea9acd5bb323d53791c45674abf1f2e1b430678c8dc5fb164a5e75ba0bac5"));
}

void TestSigning::v3CanonicalRequestFollowsGivenHeaderList()
{
    // A verifier rebuilds the request from the client's SignedHeaders: only those headers
    // count, in that order, and a signed header that did not arrive reads as empty.
    V3SigningInput input;
    input.method = "GET";
    input.headers = { { "Host", "h" }, { "x-acs-action", "A" }, { "x-acs-date", "D" } };
    const QList<QByteArray> names { "x-acs-action", "HOST", "x-acs-missing" };
    QCOMPARE(v3CanonicalRequest(input, names),
        QByteArray("GET\n/\n\nx-acs-action:A\nhost:h\nx-acs-missing:\n\n"
                   "x-acs-action;host;x-acs-missing\n")
            + emptySha256);
}

void TestSigning::v3AuthorizationFormat()
{
    QCOMPARE(v3StringToSign("x"),
        QByteArray("ACS3-HMAC-SHA256\n"
                   "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"));
    QCOMPARE(v3Authorization(QStringLiteral("STS.key"), { "host", "x-acs-date" }, "abc"),
        QByteArray("ACS3-HMAC-SHA256 Credential=STS.key,SignedHeaders=host;x-acs-date,"
                   "Signature=abc"));
}

QTEST_GUILESS_MAIN(TestSigning)
#include "tst_signing.moc"
