// The transport against real sockets on loopback: a server that hangs up, one that
// never answers, one that sends a truncated body, and a TLS server whose certificate
// is not trusted (the call must fail: verification is never turned off).
#include "api/ApiCall.h"
#include "api/EcsClient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace ecs;

namespace {

enum class Behaviour { HangUp, Silent, Truncated, PartialStatusLine, GarbageStatusLine, Ok };

// A bare HTTP/1.1 server: reads the request head, then behaves as told.
class ScriptedServer : public QTcpServer
{
public:
    explicit ScriptedServer(Behaviour behaviour)
        : m_behaviour(behaviour)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    m_buffers[socket] += socket->readAll();
                    if (m_buffers[socket].contains("\r\n\r\n")) {
                        heads.append(m_buffers[socket].toLower());
                        m_buffers[socket].clear();
                        ++requests;
                        respond(socket);
                    }
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

    int connections = 0;
    int requests = 0;
    QList<QByteArray> heads; // each request's line and headers, lower-cased

private:
    void respond(QTcpSocket *socket)
    {
        switch (m_behaviour) {
        case Behaviour::HangUp:
            socket->abort();
            break;
        case Behaviour::Silent:
            break;
        case Behaviour::Truncated:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 100\r\n\r\n{\"RequestId\":\"R\",\"Reg");
            socket->flush();
            socket->disconnectFromHost();
            break;
        case Behaviour::PartialStatusLine:
            socket->write("HTTP/1.1 2");
            socket->flush();
            socket->abort();
            break;
        case Behaviour::GarbageStatusLine:
            socket->write("garbage\r\n\r\n");
            socket->flush();
            break;
        case Behaviour::Ok:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 17\r\n\r\n{\"RequestId\":\"R\"}");
            socket->disconnectFromHost();
            break;
        }
    }

    Behaviour m_behaviour;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

struct Harness
{
    QNetworkAccessManager network;
    EcsClient client { &network };
    explicit Harness(const QUrl &endpoint)
    {
        ClientSettings settings;
        settings.endpointOverride = endpoint;
        settings.timeoutMs = 500;
        settings.retry = RetryPolicy::none();
        client.setSettings(settings);
        client.setCredential({ QStringLiteral("id"), QStringLiteral("secret"), {} });
    }
};

ApiError runToError(EcsClient &client, const QString &action)
{
    auto error = std::make_shared<ApiError>();
    auto *call = client.call(action, {});
    QObject::connect(call, &ApiCall::finished, call, [call, error] { *error = call->error(); });
    QPointer<ApiCall> guard(call);
    const bool ended = QTest::qWaitFor([&guard] { return guard.isNull(); }, 15000);
    Q_UNUSED(ended) // a call that never ends leaves the error at Kind::None: the test fails
    return *error;
}

QUrl localUrl(const char *scheme, quint16 port)
{
    QUrl url;
    url.setScheme(QString::fromLatin1(scheme));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port);
    return url;
}

} // namespace

class TestApiLoopback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realAnswerSucceeds();
    void droppedConnectionIsANetworkError();
    void mutatingCallIsSentOnceWhateverTheServerDoes_data();
    void mutatingCallIsSentOnceWhateverTheServerDoes();
    void silentServerTimesOut();
    void droppedReadIsRetriedByUsWithFreshNonces();
    void truncatedBodyIsReported();
    void untrustedCertificateFails();
};

void TestApiLoopback::realAnswerSucceeds()
{
    ScriptedServer server(Behaviour::Ok);
    Harness h(localUrl("http", server.serverPort()));
    QCOMPARE(runToError(h.client, QStringLiteral("DescribeRegions")).kind(), ApiError::Kind::None);
}

void TestApiLoopback::droppedConnectionIsANetworkError()
{
    ScriptedServer server(Behaviour::HangUp);
    Harness h(localUrl("http", server.serverPort()));
    const ApiError error = runToError(h.client, QStringLiteral("ResetDisks"));
    QCOMPARE(error.kind(), ApiError::Kind::Network);
    QVERIFY2(
        error.message().contains(QLatin1String("may or may not")), qPrintable(error.message()));
    QCOMPARE(server.requests, 1); // a mutating call: sent once, never again
}

void TestApiLoopback::mutatingCallIsSentOnceWhateverTheServerDoes_data()
{
    // Qt's HTTP layer on its own re-sends a request in each of these cases (up to three
    // times); OneShotBody must stop it for every mutating action.
    QTest::addColumn<int>("behaviour");
    QTest::addColumn<QString>("action");
    for (const char *action : { "ResetDisks", "ResetDisk", "StopInstance", "StartInstance",
             "CreateSnapshotGroup", "DeleteSnapshotGroup" }) {
        QTest::addRow("%s hang-up", action)
            << int(Behaviour::HangUp) << QString::fromLatin1(action);
        QTest::addRow("%s partial status", action)
            << int(Behaviour::PartialStatusLine) << QString::fromLatin1(action);
        QTest::addRow("%s garbage status", action)
            << int(Behaviour::GarbageStatusLine) << QString::fromLatin1(action);
    }
}

void TestApiLoopback::mutatingCallIsSentOnceWhateverTheServerDoes()
{
    QFETCH(int, behaviour);
    QFETCH(QString, action);
    ScriptedServer server { Behaviour(behaviour) };
    Harness h(localUrl("http", server.serverPort()));
    const ApiError error = runToError(h.client, action);
    QVERIFY2(error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Timeout,
        qPrintable(error.summary()));
    QCOMPARE(server.requests, 1);
}

void TestApiLoopback::droppedReadIsRetriedByUsWithFreshNonces()
{
    // Qt alone would re-send the same signed request (same nonce: the service refuses it
    // as SignatureNonceUsed). Our retry signs each attempt afresh instead.
    ScriptedServer server(Behaviour::HangUp);
    Harness h(localUrl("http", server.serverPort()));
    ClientSettings settings = h.client.settings();
    settings.retry = RetryPolicy();
    settings.retry.maxAttempts = 3;
    settings.retry.baseDelayMs = 1;
    settings.retry.maxDelayMs = 2;
    h.client.setSettings(settings);
    const ApiError error = runToError(h.client, QStringLiteral("DescribeRegions"));
    QCOMPARE(error.kind(), ApiError::Kind::Network);
    QCOMPARE(server.requests, 3);
    QSet<QByteArray> nonces;
    for (const QByteArray &head : std::as_const(server.heads)) {
        const qsizetype at = head.indexOf("x-acs-signature-nonce:");
        QVERIFY(at >= 0);
        nonces.insert(head.mid(at, head.indexOf('\r', at) - at));
    }
    QCOMPARE(nonces.size(), 3);
}

void TestApiLoopback::silentServerTimesOut()
{
    ScriptedServer server(Behaviour::Silent);
    Harness h(localUrl("http", server.serverPort()));
    const ApiError error = runToError(h.client, QStringLiteral("DescribeRegions"));
    QCOMPARE(error.kind(), ApiError::Kind::Timeout);
    QVERIFY(error.message().contains(QLatin1String("0.5 s")));
}

void TestApiLoopback::truncatedBodyIsReported()
{
    ScriptedServer server(Behaviour::Truncated);
    Harness h(localUrl("http", server.serverPort()));
    const ApiError error = runToError(h.client, QStringLiteral("DescribeRegions"));
    QVERIFY2(error.kind() == ApiError::Kind::Network || error.kind() == ApiError::Kind::Parse,
        qPrintable(error.summary()));
}

void TestApiLoopback::untrustedCertificateFails()
{
    QFile certFile(QStringLiteral(ECS_TEST_DATA_DIR "/selfsigned-test-only.crt"));
    QFile keyFile(QStringLiteral(ECS_TEST_DATA_DIR "/selfsigned-test-only.key"));
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(certFile.readAll()));
    configuration.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // the server asks no client cert

    QSslServer server;
    server.setSslConfiguration(configuration);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int handshakes = 0;
    connect(&server, &QSslServer::startedEncryptionHandshake, this, [&] { ++handshakes; });

    Harness h(localUrl("https", server.serverPort()));
    const ApiError error = runToError(h.client, QStringLiteral("DescribeRegions"));
    QCOMPARE(error.kind(), ApiError::Kind::Tls);
    QVERIFY2(error.message().contains(QLatin1String("could not be verified")),
        qPrintable(error.message()));
    QVERIFY(handshakes >= 1);
}

QTEST_GUILESS_MAIN(TestApiLoopback)
#include "tst_api_loopback.moc"
