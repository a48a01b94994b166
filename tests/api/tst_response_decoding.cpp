// What came back over HTTP → ECS JSON or a typed, explained error.
#include "api/ResponseDecoding.h"
#include "api/RetryPolicy.h"

#include <QTest>

using namespace ecs;

class TestResponseDecoding : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void successObject();
    void errorBodyBecomesServiceError();
    void lowerCaseErrorFieldsAreAccepted();
    void errorStatusWithoutCode();
    void successStatusWithErrorCodeIsTheError();
    void redirectSaysWhereToWithoutTheQuery_data();
    void redirectSaysWhereToWithoutTheQuery();
    void malformed_data();
    void malformed();
};

void TestResponseDecoding::successObject()
{
    const auto result = decodeResponse(
        200, "application/json;charset=utf-8", R"({"RequestId":"A","Regions":{"Region":[]}})");
    QVERIFY(result.ok());
    QCOMPARE(result.value().value(QLatin1String("RequestId")).toString(), QStringLiteral("A"));
}

void TestResponseDecoding::errorBodyBecomesServiceError()
{
    const auto result = decodeResponse(404, "application/json", R"({"RequestId":"R",
        "HostId":"ecs.aliyuncs.com","Code":"InvalidAccessKeyId.NotFound",
        "Message":"Specified access key is not found.","Recommend":"https://x"})");
    QVERIFY(!result.ok());
    const ApiError &error = result.error();
    QCOMPARE(error.kind(), ApiError::Kind::Service);
    QCOMPARE(error.httpStatus(), 404);
    QCOMPARE(error.code(), QStringLiteral("InvalidAccessKeyId.NotFound"));
    QCOMPARE(error.message(), QStringLiteral("Specified access key is not found."));
    QCOMPARE(error.requestId(), QStringLiteral("R"));
    QCOMPARE(error.hostId(), QStringLiteral("ecs.aliyuncs.com"));
    QCOMPARE(error.recommend(), QStringLiteral("https://x"));
}

void TestResponseDecoding::lowerCaseErrorFieldsAreAccepted()
{
    const auto result = decodeResponse(
        400, "application/json", R"({"requestId":"r","code":"Throttling","message":"slow down"})");
    QVERIFY(result.error().isThrottling());
    QCOMPARE(result.error().requestId(), QStringLiteral("r"));
    QCOMPARE(result.error().message(), QStringLiteral("slow down"));
}

void TestResponseDecoding::errorStatusWithoutCode()
{
    const auto result = decodeResponse(500, "application/json", R"({"RequestId":"r"})");
    QCOMPARE(result.error().kind(), ApiError::Kind::Service);
    QCOMPARE(result.error().code(), QStringLiteral("HTTP500"));
    QVERIFY(!result.error().message().isEmpty());
}

// Issue 10, item 6: a 200 carrying only an error is that error (retryable when it is
// throttling), never an empty success.
void TestResponseDecoding::successStatusWithErrorCodeIsTheError()
{
    const auto result = decodeResponse(200, "application/json",
        R"({"Code":"Throttling.User","Message":"Request was denied due to user flow control.",)"
        R"("RequestId":"R-200"})");
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Service);
    QCOMPARE(result.error().code(), QStringLiteral("Throttling.User"));
    QCOMPARE(result.error().httpStatus(), 200);
    QCOMPARE(result.error().requestId(), QStringLiteral("R-200"));
    QVERIFY(RetryPolicy::isRetryableError(result.error()));

    const auto lower = decodeResponse(200, "application/json", R"({"code":"Forbidden.RAM"})");
    QCOMPARE(lower.error().code(), QStringLiteral("Forbidden.RAM"));
    QVERIFY(!RetryPolicy::isRetryableError(lower.error()));
    // An empty Code is no error code.
    QVERIFY(decodeResponse(200, "application/json", R"({"RequestId":"A","Code":""})").ok());
}

void TestResponseDecoding::redirectSaysWhereToWithoutTheQuery_data()
{
    QTest::addColumn<QByteArray>("location");
    QTest::addColumn<QString>("shown");
    QTest::newRow("absolute") << QByteArray("https://portal.example:8443/login?token=abc#x")
                              << "https://portal.example:8443/login";
    QTest::newRow("user info") << QByteArray("https://user:pw@portal.example/a")
                               << "https://portal.example/a";
    QTest::newRow("relative") << QByteArray("/elsewhere?SecurityToken=abc")
                              << "https://ecs.cn-hangzhou.aliyuncs.com/elsewhere";
    QTest::newRow("none") << QByteArray() << "an unnamed place";
}

void TestResponseDecoding::redirectSaysWhereToWithoutTheQuery()
{
    QFETCH(QByteArray, location);
    QFETCH(QString, shown);
    const ApiError error = redirectError(
        302, location, QUrl(QStringLiteral("https://ecs.cn-hangzhou.aliyuncs.com/")));
    QCOMPARE(error.kind(), ApiError::Kind::Parse);
    QCOMPARE(error.httpStatus(), 302);
    QVERIFY2(error.message().contains(
                 QLatin1String("redirect (HTTP 302) to ") + shown + QLatin1Char('.')),
        qPrintable(error.message()));
    QVERIFY(!error.message().contains(QLatin1String("abc")));
    QVERIFY(!error.message().contains(QLatin1String("pw")));
    QVERIFY(!RetryPolicy::isRetryableError(error));
    QVERIFY(error.leavesOutcomeUnknown()); // for a mutating call: read the state
}

void TestResponseDecoding::malformed_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("empty") << 200 << QByteArray("application/json") << QByteArray("  ") << "empty";
    QTest::newRow("truncated") << 200 << QByteArray("application/json")
                               << QByteArray(R"({"RequestId":"A","Regions":{"Reg)") << "cut off";
    QTest::newRow("html proxy page")
        << 200 << QByteArray("text/html")
        << QByteArray("<html><title>Login required</title></html>") << "Login required";
    QTest::newRow("html without type")
        << 502 << QByteArray() << QByteArray("<!DOCTYPE html><html>Bad gateway</html>")
        << "web page";
    QTest::newRow("xml") << 200 << QByteArray("text/xml")
                         << QByteArray("<?xml version='1.0'?><DescribeRegionsResponse/>") << "XML";
    QTest::newRow("array") << 200 << QByteArray("application/json") << QByteArray("[1,2]")
                           << "not an object";
    QTest::newRow("number") << 200 << QByteArray("application/json") << QByteArray("42")
                            << "could not be read";
    QTest::newRow("binary") << 200 << QByteArray("application/octet-stream")
                            << QByteArray("\x00\x01\x02garbage", 10) << "could not be read";
}

void TestResponseDecoding::malformed()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(QString, mentions);
    const auto result = decodeResponse(status, contentType, body);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().kind(), ApiError::Kind::Parse);
    QCOMPARE(result.error().httpStatus(), status);
    QVERIFY2(result.error().message().contains(mentions), qPrintable(result.error().message()));
}

QTEST_GUILESS_MAIN(TestResponseDecoding)
#include "tst_response_decoding.moc"
