// The emulator's request limits over a real socket (issue 10 item 8): an oversized body,
// request line or header block, too many parameters or a chunked body are answered at
// once, gateway-style, and the connection is closed; ordinary calls are untouched.
#include "EcsEmulatorServer.h"
#include "StubService.h"
#include "TestClient.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QtTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::test;

namespace {

const Credential key { QStringLiteral("LTAI5tLimitsKey00001"), QStringLiteral("limits-secret"),
    {} };

// What came back on one raw connection.
struct RawAnswer
{
    bool closed = false; // the server closed the connection
    int status = 0;
    QJsonObject json;
    QByteArray head;
};

QByteArray formRequest(const QByteArray &target, const QByteArray &extraHeaders,
    qint64 contentLength, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\nHost: ecs.limits.test\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\n" + extraHeaders
        + "Content-Length: " + QByteArray::number(contentLength) + "\r\n\r\n" + body;
}

} // namespace

class TestEmulatorLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void oversizedBodyIsRefusedBeforeItArrives();
    void longRequestLineIsRefused();
    void largeHeadersAreRefused();
    void tooManyQueryParameters();
    void tooManyFormParameters();
    void chunkedBodyIsRefused();
    void ordinaryCallsStillWork();
    void bodyJustUnderTheCapReachesTheGateway();

private:
    RawAnswer exchange(const QByteArray &bytes, bool expectClose = true);

    std::unique_ptr<StubService> m_service;
    std::unique_ptr<EcsEmulatorServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestEmulatorLimits::init()
{
    m_service = std::make_unique<StubService>();
    m_server = std::make_unique<EcsEmulatorServer>(*m_service);
    QCOMPARE(m_server->addAccessKey(key), QString());
    QVERIFY(m_server->listen() != 0);
    m_client = std::make_unique<TestClient>(m_server->url(), key);
}

void TestEmulatorLimits::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_service.reset();
}

RawAnswer TestEmulatorLimits::exchange(const QByteArray &bytes, bool expectClose)
{
    RawAnswer answer;
    QTcpSocket socket;
    QByteArray received;
    connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
    socket.connectToHost(QHostAddress::LocalHost, quint16(m_server->url().port()));
    if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000))
        return answer;
    socket.write(bytes);
    // Asynchronous: the event loop runs while the server reads, answers and (for a
    // refusal) closes. An accepted request's connection stays open once answered.
    const auto answered = [&] {
        return received.contains("\r\n\r\n{") && received.endsWith('}');
    };
    answer.closed = QTest::qWaitFor(
        [&] {
            return socket.state() == QAbstractSocket::UnconnectedState
                || (!expectClose && answered());
        },
        10000);
    answer.closed = socket.state() == QAbstractSocket::UnconnectedState;
    received += socket.readAll();
    const qsizetype headEnd = received.indexOf("\r\n\r\n");
    answer.head = received.left(headEnd);
    answer.status = received.mid(9, 3).toInt();
    answer.json = QJsonDocument::fromJson(received.mid(headEnd + 4)).object();
    return answer;
}

void TestEmulatorLimits::oversizedBodyIsRefusedBeforeItArrives()
{
    // Announces 30 MB (the example) and sends the first 256 KiB of it.
    const RawAnswer answer
        = exchange(formRequest("/", {}, 30 * 1024 * 1024, QByteArray(256 * 1024, 'a')));
    QVERIFY(answer.closed);
    QCOMPARE(answer.status, 413);
    QCOMPARE(answer.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("RequestEntityTooLarge"));
    QCOMPARE(answer.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("The request body is larger than 1 MiB."));
    QVERIFY(!answer.json.value(QLatin1String("RequestId")).toString().isEmpty());
    QCOMPARE(
        answer.json.value(QLatin1String("HostId")).toString(), QStringLiteral("ecs.limits.test"));
    QVERIFY(answer.head.contains("Connection: close"));
    QVERIFY(answer.head.contains("x-acs-request-id: "));
    QCOMPARE(m_server->requestLog().entries().size(), 0); // never reached the front's handler
}

void TestEmulatorLimits::longRequestLineIsRefused()
{
    const RawAnswer answer
        = exchange(formRequest("/?Action=" + QByteArray(9 * 1024, 'x'), {}, 0, {}));
    QVERIFY(answer.closed);
    QCOMPARE(answer.status, 414);
    QCOMPARE(
        answer.json.value(QLatin1String("Code")).toString(), QStringLiteral("RequestURITooLong"));
    QCOMPARE(answer.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("The request line is longer than 8 KiB."));
}

void TestEmulatorLimits::largeHeadersAreRefused()
{
    const RawAnswer answer
        = exchange(formRequest("/", "X-Padding: " + QByteArray(20 * 1024, 'p') + "\r\n", 0, {}));
    QVERIFY(answer.closed);
    QCOMPARE(answer.status, 431);
    QCOMPARE(answer.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("RequestHeaderFieldsTooLarge"));
    QCOMPARE(answer.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("The request headers are larger than 16 KiB."));
}

void TestEmulatorLimits::tooManyQueryParameters()
{
    QByteArray query = "/?";
    for (int i = 0; i < 1001; ++i)
        query += "p" + QByteArray::number(i) + "=1&";
    const RawAnswer answer = exchange(formRequest(query, {}, 0, {}));
    QVERIFY(answer.closed);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("InvalidParameter.TooMany"));
    QCOMPARE(answer.json.value(QLatin1String("Message")).toString(),
        QStringLiteral("The request has more than 1000 parameters."));
}

void TestEmulatorLimits::tooManyFormParameters()
{
    QByteArray body;
    for (int i = 0; i < 600; ++i)
        body += "b" + QByteArray::number(i) + "=1&";
    // 600 in the body plus 401 in the query: the two count together.
    QByteArray query = "/?";
    for (int i = 0; i < 401; ++i)
        query += "q" + QByteArray::number(i) + "=1&";
    const RawAnswer answer = exchange(formRequest(query, {}, body.size(), body));
    QVERIFY(answer.closed);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("InvalidParameter.TooMany"));
}

void TestEmulatorLimits::chunkedBodyIsRefused()
{
    const RawAnswer answer = exchange("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: "
                                      "chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    QVERIFY(answer.closed);
    QCOMPARE(answer.status, 411);
    QCOMPARE(answer.json.value(QLatin1String("Code")).toString(),
        QStringLiteral("MissingContentLength"));
}

void TestEmulatorLimits::ordinaryCallsStillWork()
{
    // Several calls over the same kept-alive connection: the framing follows each one.
    for (int i = 0; i < 3; ++i) {
        const HttpResult result = waitForResult(m_client->call(QStringLiteral("DescribeRegions")));
        QCOMPARE(result.status, 200);
    }
    QCOMPARE(m_server->requestLog().entries().size(), 3);
}

void TestEmulatorLimits::bodyJustUnderTheCapReachesTheGateway()
{
    // Not signed: the gateway's own check answers, so the guard let it through.
    const QByteArray body = "Action=DescribeRegions&Pad=" + QByteArray(1024 * 1024 - 40, 'z');
    const RawAnswer answer = exchange(formRequest("/", {}, body.size(), body), false);
    QVERIFY(answer.status != 413);
    QCOMPARE(answer.status, 400);
    QCOMPARE(m_server->requestLog().entries().size(), 1);
}

QTEST_GUILESS_MAIN(TestEmulatorLimits)
#include "tst_emulator_limits.moc"
