// CaBundle and the client's extra CAs (issue 10 item 11): a loopback TLS server whose
// certificate no system CA signed fails verification without the bundle and is trusted
// with it; empty, invalid and unbounded bundles are refused with the path and reason.
#include "api/ApiCall.h"
#include "api/CaBundle.h"
#include "api/EcsClient.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ecs;

namespace {

const QString certPath = QStringLiteral(ECS_TEST_DATA_DIR "/selfsigned-test-only.crt");
const QString keyPath = QStringLiteral(ECS_TEST_DATA_DIR "/selfsigned-test-only.key");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// An HTTPS server on loopback with the test certificate, answering every request with
// a minimal DescribeRegions body.
class TlsServer : public QSslServer
{
public:
    TlsServer()
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(QSslCertificate(readAll(certPath)));
        configuration.setPrivateKey(QSslKey(readAll(keyPath), QSsl::Rsa));
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificate
        setSslConfiguration(configuration);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    if (!socket->readAll().contains("\r\n\r\n"))
                        return;
                    const QByteArray body = R"({"RequestId":"R","Regions":{"Region":[)"
                                            R"({"RegionId":"cn-hangzhou"}]}})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                  "Content-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }
};

struct Outcome
{
    bool finished = false;
    bool ok = false;
    ApiError error;
};

Outcome callOnce(const QUrl &endpoint, const QList<QSslCertificate> &caCertificates)
{
    QNetworkAccessManager network;
    EcsClient client(&network);
    ClientSettings settings;
    settings.endpointOverride = endpoint;
    settings.timeoutMs = 5000;
    settings.retry = RetryPolicy::none();
    settings.caCertificates = caCertificates;
    client.setSettings(settings);
    client.setCredential({ QStringLiteral("id"), QStringLiteral("secret"), {} });

    auto outcome = std::make_shared<Outcome>();
    ApiCall *call = client.call(QStringLiteral("DescribeRegions"), {});
    QObject::connect(call, &ApiCall::finished, call, [call, outcome] {
        outcome->finished = true;
        outcome->error = call->error();
        outcome->ok = call->error().kind() == ApiError::Kind::None;
    });
    QPointer<ApiCall> guard(call);
    const bool ended = QTest::qWaitFor([&guard] { return guard.isNull(); }, 15000);
    Q_UNUSED(ended) // an unfinished call leaves finished false: the test fails
    return *outcome;
}

} // namespace

class TestCaBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsAPemBundle();
    void refusesEmptyAndInvalidBundles_data();
    void refusesEmptyAndInvalidBundles();
    void refusesAFifoAndADevice();
    void readsTheEnvironmentConvention();
    void untrustedWithoutTheBundleTrustedWithIt();

private:
    QString write(const QString &name, const QByteArray &content);
    QTemporaryDir m_dir;
};

QString TestCaBundle::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

void TestCaBundle::loadsAPemBundle()
{
    const CaBundle::Loaded one = CaBundle::load(certPath);
    QVERIFY2(one.ok(), qPrintable(one.error));
    QCOMPARE(one.certificates.size(), 1);
    // Two certificates with comments between them, as in distribution bundles.
    const QByteArray pem = readAll(certPath);
    const QString two
        = write(QStringLiteral("two.pem"), "# Proxy CA\n" + pem + "\n# again\n" + pem);
    const CaBundle::Loaded loaded = CaBundle::load(two);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.certificates.size(), 2);
}

void TestCaBundle::refusesEmptyAndInvalidBundles_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("holds no PEM certificate");
    QTest::newRow("not PEM") << QByteArray("just some text\n")
                             << QStringLiteral("holds no PEM certificate");
    QTest::newRow("broken block") << QByteArray("-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n"
                                                "-----END CERTIFICATE-----\n")
                                  << QStringLiteral("holds no PEM certificate");
    QTest::newRow("one good, one broken")
        << readAll(certPath)
            + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n"
        << QStringLiteral("has 2 certificate blocks, but only 1 could be read");
}

void TestCaBundle::refusesEmptyAndInvalidBundles()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString path = write(QStringLiteral("bundle.pem"), content);
    const CaBundle::Loaded loaded = CaBundle::load(path);
    QVERIFY(!loaded.ok());
    QVERIFY(loaded.certificates.isEmpty());
    QVERIFY2(
        loaded.error.contains(path) && loaded.error.contains(message), qPrintable(loaded.error));
}

void TestCaBundle::refusesAFifoAndADevice()
{
    const QString fifo = m_dir.filePath(QStringLiteral("fifo.pem"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QCOMPARE(CaBundle::load(fifo).error,
        QStringLiteral("The CA bundle cannot be used: %1 is not a regular file (a FIFO).")
            .arg(fifo));
    QVERIFY(CaBundle::load(QStringLiteral("/dev/zero"))
                .error.contains(QStringLiteral("is not a regular file")));
    QVERIFY(CaBundle::load(m_dir.filePath(QStringLiteral("missing.pem")))
                .error.contains(QStringLiteral("does not exist")));
}

void TestCaBundle::readsTheEnvironmentConvention()
{
    QProcessEnvironment environment;
    QCOMPARE(CaBundle::environmentPath(environment), QString());
    environment.insert(QStringLiteral("SSL_CERT_FILE"), QStringLiteral("/etc/proxy-ca.pem"));
    QCOMPARE(CaBundle::environmentPath(environment), QStringLiteral("/etc/proxy-ca.pem"));
}

void TestCaBundle::untrustedWithoutTheBundleTrustedWithIt()
{
    TlsServer server;
    QVERIFY(server.isListening());
    QUrl endpoint;
    endpoint.setScheme(QStringLiteral("https"));
    endpoint.setHost(QStringLiteral("127.0.0.1"));
    endpoint.setPort(server.serverPort());

    const Outcome without = callOnce(endpoint, {});
    QVERIFY(without.finished);
    QCOMPARE(without.error.kind(), ApiError::Kind::Tls);

    const CaBundle::Loaded bundle = CaBundle::load(certPath);
    QVERIFY2(bundle.ok(), qPrintable(bundle.error));
    const QList<QSslCertificate> trust = CaBundle::withSystemCertificates(bundle.certificates);
    const Outcome with = callOnce(endpoint, trust);
    QVERIFY(with.finished);
    QVERIFY2(with.ok, qPrintable(with.error.summary()));
}

QTEST_GUILESS_MAIN(TestCaBundle)
#include "tst_ca_bundle.moc"
