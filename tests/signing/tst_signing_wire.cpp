// What QNetworkAccessManager actually puts on the wire for a SignedRequest: the query bytes
// must be the signed canonical form (Qt must not re-encode them) and the Host header Qt
// derives from the URL must be the one V3 signed. A QTcpServer on loopback records the raw
// request; the request is sent the way the transport (core/api/ApiCall) sends it.

#include "api/signing/RequestSigner.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ecs;
using namespace ecs::signing;

namespace {

// Records the first request's head (request line and headers) and answers 200.
class RecordingServer : public QTcpServer
{
public:
    QByteArray head;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            m_buffer += socket->readAll();
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0 || !head.isEmpty())
                return;
            head = m_buffer.left(end);
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
            socket->disconnectFromHost();
        });
    }

private:
    QByteArray m_buffer;
};

QByteArray headerIn(const QByteArray &head, const QByteArray &name)
{
    const QList<QByteArray> lines = head.split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

QByteArray signedHeader(const SignedRequest &request, const QByteArray &name)
{
    for (const auto &header : request.headers) {
        if (header.first == name)
            return header.second;
    }
    return {};
}

} // namespace

class TestSigningWire : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wireMatchesSignedRequest_data();
    void wireMatchesSignedRequest();
};

void TestSigningWire::wireMatchesSignedRequest_data()
{
    QTest::addColumn<bool>("v3");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("hostName");
    QTest::newRow("v1 post") << false << QByteArray("POST") << QStringLiteral("127.0.0.1");
    QTest::newRow("v1 get") << false << QByteArray("GET") << QStringLiteral("127.0.0.1");
    QTest::newRow("v3 post") << true << QByteArray("POST") << QStringLiteral("127.0.0.1");
    QTest::newRow("v3 get") << true << QByteArray("GET") << QStringLiteral("127.0.0.1");
    QTest::newRow("v3 post localhost") << true << QByteArray("POST") << QStringLiteral("localhost");
}

void TestSigningWire::wireMatchesSignedRequest()
{
    QFETCH(bool, v3);
    QFETCH(QByteArray, method);
    QFETCH(QString, hostName);

    RecordingServer server;
    QVERIFY2(server.listen(QHostAddress::LocalHost), qPrintable(server.errorString()));

    SigningContext context;
    context.action = QStringLiteral("DescribeInstances");
    context.signatureVersion = v3 ? SignatureVersion::V3 : SignatureVersion::V1;
    context.httpMethod = method;
    context.endpoint = QUrl(QStringLiteral("http://%1:%2/").arg(hostName).arg(server.serverPort()));
    context.credential
        = { QStringLiteral("STS.key"), QStringLiteral("secret"), QStringLiteral("token+/= &") };
    // Every character class the encoder treats specially, including ones QUrl likes to
    // normalise ('+', '*', '~', '%', '/', '?', '#', '[', ']', '@', '!', '$', '\'', '(', ')').
    context.parameters = { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
        { QStringLiteral("InstanceName"), QStringLiteral("a b+c*d~e%41/?#[]@!$'()=&;,:中😀") },
        { QStringLiteral("InstanceIds"), QStringLiteral("[\"i-1\",\"i-2\"]") },
        { QStringLiteral("Empty"), QString() } };
    const SignedRequest signedRequest = signRequest(context);

    QNetworkAccessManager network;
    QNetworkRequest request(signedRequest.url);
    for (const auto &header : signedRequest.headers) {
        // As ApiCall does: Qt derives Host from the URL itself.
        if (header.first != "host")
            request.setRawHeader(header.first, header.second);
    }
    QNetworkReply *reply
        = network.sendCustomRequest(request, signedRequest.method, signedRequest.body);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    reply->deleteLater();

    const QByteArray requestLine = server.head.left(server.head.indexOf("\r\n"));
    const QByteArray signedQuery = signedRequest.url.query(QUrl::FullyEncoded).toLatin1();
    QCOMPARE(requestLine, method + " /?" + signedQuery + " HTTP/1.1");
    QVERIFY(signedQuery.contains("InstanceName=a%20b%2Bc%2Ad~e%2541%2F%3F%23%5B%5D%40%21%24%27%"
                                 "28%29%3D%26%3B%2C%3A%E4%B8%AD%F0%9F%98%80&"));
    QCOMPARE(headerIn(server.head, "host"), hostHeaderFor(signedRequest.url));
    if (v3) {
        QCOMPARE(headerIn(server.head, "host"), signedHeader(signedRequest, "host"));
        for (const QByteArray &name : { QByteArray("x-acs-date"),
                 QByteArray("x-acs-security-token"), QByteArray("authorization") }) {
            QCOMPARE(headerIn(server.head, name), signedHeader(signedRequest, name));
        }
    }
    QCOMPARE(headerIn(server.head, "accept"), QByteArray("application/json"));
}

QTEST_GUILESS_MAIN(TestSigningWire)
#include "tst_signing_wire.moc"
