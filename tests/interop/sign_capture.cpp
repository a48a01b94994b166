// ecs-sign-capture: signs a fixed set of requests with ecs::signing::signRequest() and prints
// them, with every input, as a JSON array on stdout. verify_signatures.mjs recomputes each
// signature with Alibaba Cloud's official JS SDK packages and compares.

#include "api/signing/RequestSigner.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace ecs;
using namespace ecs::signing;

namespace {

struct CaptureCase
{
    const char *name;
    SignatureVersion version;
    const char *method;
    const char *endpoint;
    const char *action;
    ApiParameters parameters;
    bool sts;
};

// Every printable ASCII character: the SDK's encoder is encodeURIComponent plus fix-ups,
// ours is a byte table, so this is where they could disagree.
QString printableAscii()
{
    QString text;
    for (char c = ' '; c <= '~'; ++c)
        text.append(QLatin1Char(c));
    return text;
}

ApiParameters resetDisks()
{
    return { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
        { QStringLiteral("Disk.1.DiskId"), QStringLiteral("d-1") },
        { QStringLiteral("Disk.1.SnapshotId"), QStringLiteral("s-1") },
        { QStringLiteral("Disk.2.DiskId"), QStringLiteral("d-2") },
        { QStringLiteral("Disk.2.SnapshotId"), QStringLiteral("s-2") },
        { QStringLiteral("Disk.10.DiskId"), QStringLiteral("d-10") },
        { QStringLiteral("Disk.10.SnapshotId"), QStringLiteral("s-10") },
        { QStringLiteral("DryRun"), QStringLiteral("true") } };
}

ApiParameters describeInstances()
{
    return { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
        { QStringLiteral("InstanceIds"), QStringLiteral("[\"i-1\",\"i-2\"]") },
        { QStringLiteral("InstanceName"), QStringLiteral("web server *prod~ +a/b=c&d 中文 ü 😀") },
        { QStringLiteral("Tag.1.Key"), QStringLiteral("env") },
        { QStringLiteral("Tag.1.Value"), QString() },
        { QStringLiteral("MaxResults"), QStringLiteral("100") } };
}

ApiParameters describeSnapshots()
{
    return { { QStringLiteral("RegionId"), QStringLiteral("cn-shanghai") },
        { QStringLiteral("InstanceId"), QStringLiteral("i-uf6abc") },
        { QStringLiteral("SnapshotName"), printableAscii() },
        { QStringLiteral("NextToken"), QStringLiteral("caeba0bbb2be03f84eb48b699f0a4883") } };
}

QList<CaptureCase> captureCases()
{
    const char *aliyun = "https://ecs.cn-hangzhou.aliyuncs.com/";
    const char *emulator = "http://127.0.0.1:18080/";
    const auto v1 = SignatureVersion::V1;
    const auto v3 = SignatureVersion::V3;
    return {
        { "v1-post-ak-list", v1, "POST", aliyun, "ResetDisks", resetDisks(), false },
        { "v1-get-ak-list", v1, "GET", aliyun, "ResetDisks", resetDisks(), false },
        { "v1-post-sts-unicode", v1, "POST", emulator, "DescribeInstances", describeInstances(),
            true },
        { "v1-get-sts-unicode", v1, "GET", emulator, "DescribeInstances", describeInstances(),
            true },
        { "v1-get-ak-ascii", v1, "GET", aliyun, "DescribeSnapshots", describeSnapshots(), false },
        { "v1-post-ak-no-params", v1, "POST", aliyun, "DescribeRegions", {}, false },
        { "v3-post-ak-list", v3, "POST", aliyun, "ResetDisks", resetDisks(), false },
        { "v3-get-ak-list", v3, "GET", aliyun, "ResetDisks", resetDisks(), false },
        { "v3-post-sts-unicode-port", v3, "POST", emulator, "DescribeInstances",
            describeInstances(), true },
        { "v3-get-sts-unicode-port", v3, "GET", emulator, "DescribeInstances", describeInstances(),
            true },
        { "v3-post-ak-ascii", v3, "POST", aliyun, "DescribeSnapshots", describeSnapshots(), false },
        { "v3-get-sts-ascii-ipv6", v3, "GET", "http://[::1]:18443/", "DescribeSnapshots",
            describeSnapshots(), true },
        { "v3-post-ak-no-params", v3, "POST", aliyun, "DescribeRegions", {}, false },
    };
}

QJsonObject toJson(const ApiParameters &parameters)
{
    QJsonObject object;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QJsonObject capture(const CaptureCase &captureCase, int index)
{
    SigningContext context;
    context.action = QLatin1String(captureCase.action);
    context.parameters = captureCase.parameters;
    // Secrets with characters that would break a careless HMAC key or '&' concatenation.
    context.credential = captureCase.sts
        ? Credential { QStringLiteral("STS.NUgYrLnoC37mZZCNnAbez2Hjn"),
              QStringLiteral("Sts/Secret+Key=&x"), QStringLiteral("CAIS+token/with=chars&more中") }
        : Credential { QStringLiteral("LTAI5tTestKeyId0001"), QStringLiteral("AkSecret/+=&"),
              QString() };
    context.endpoint = QUrl(QLatin1String(captureCase.endpoint));
    context.signatureVersion = captureCase.version;
    context.httpMethod = captureCase.method;
    context.timestamp = QDateTime(QDate(2025, 1, 15), QTime(8, 30, index), Qt::UTC);
    context.nonce = QStringLiteral("%1").arg(index + 1, 32, 16, QLatin1Char('0'));
    const SignedRequest request = signRequest(context);

    QJsonArray headers;
    for (const auto &header : request.headers)
        headers.append(
            QJsonArray { QString::fromUtf8(header.first), QString::fromUtf8(header.second) });

    return {
        { QStringLiteral("name"), QLatin1String(captureCase.name) },
        { QStringLiteral("signatureVersion"),
            captureCase.version == SignatureVersion::V1 ? QStringLiteral("v1")
                                                        : QStringLiteral("v3") },
        { QStringLiteral("action"), context.action },
        { QStringLiteral("apiVersion"), context.apiVersion },
        { QStringLiteral("parameters"), toJson(context.parameters) },
        { QStringLiteral("endpoint"), context.endpoint.toString() },
        { QStringLiteral("accessKeyId"), context.credential.accessKeyId },
        { QStringLiteral("secret"), context.credential.accessKeySecret },
        { QStringLiteral("securityToken"), context.credential.securityToken },
        { QStringLiteral("timestamp"), formatTimestamp(context.timestamp) },
        { QStringLiteral("nonce"), context.nonce },
        { QStringLiteral("method"), QString::fromLatin1(request.method) },
        { QStringLiteral("url"), QString::fromLatin1(request.url.toEncoded()) },
        { QStringLiteral("headers"), headers },
        { QStringLiteral("body"), QString::fromUtf8(request.body) },
    };
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QJsonArray cases;
    const QList<CaptureCase> all = captureCases();
    for (int index = 0; index < all.size(); ++index)
        cases.append(capture(all.at(index), index));
    const QByteArray json = QJsonDocument(cases).toJson(QJsonDocument::Indented);
    std::fwrite(json.constData(), 1, static_cast<size_t>(json.size()), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
}
