// ecs-rollback-cli --ca-file and SSL_CERT_FILE through the real binary (issue 10 item
// 11): a loopback HTTPS endpoint whose certificate no system CA signed is refused
// without the bundle and used with it; bad bundles stop the run with their reason.
#include <QFile>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString certPath = QStringLiteral(ECS_TEST_DATA_DIR "/selfsigned-test-only.crt");
const QString keyPath = QStringLiteral(ECS_TEST_DATA_DIR "/selfsigned-test-only.key");

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct CliRun
{
    bool finished = false;
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void emptyCaFileStopsTheRun();
    void sslCertFileIsReadBounded();
    void proxyCertificateNeedsTheCaFile();

private:
    // Runs the CLI without blocking this process's event loop: the TLS server lives here.
    CliRun run(const QStringList &arguments, const QString &sslCertFile = {});

    QTemporaryDir m_dir;
    QSslServer m_server;
};

void TestCliTls::initTestCase()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(readAll(certPath)));
    configuration.setPrivateKey(QSslKey(readAll(keyPath), QSsl::Rsa));
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server.setSslConfiguration(configuration);
    connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                if (!socket->readAll().contains("\r\n\r\n"))
                    return;
                const QByteArray body = R"({"RequestId":"R","Regions":{"Region":[)"
                                        R"({"RegionId":"cn-proxied-1"}]}})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: "
                    + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        }
    });
    QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
}

CliRun TestCliTls::run(const QStringList &arguments, const QString &sslCertFile)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI5tTlsTest01"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QStringLiteral("tls-secret"));
    env.remove(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"));
    env.remove(QStringLiteral("SSL_CERT_FILE"));
    if (!sslCertFile.isEmpty())
        env.insert(QStringLiteral("SSL_CERT_FILE"), sslCertFile);

    CliRun result;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ECS_CLI_PATH),
        QStringList {
            QStringLiteral("--journal-file"), m_dir.filePath(QStringLiteral("journal.sqlite")) }
            + arguments);
    result.finished
        = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, 30000);
    if (!result.finished) {
        process.kill();
        process.waitForFinished();
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void TestCliTls::emptyCaFileStopsTheRun()
{
    const QString empty = m_dir.filePath(QStringLiteral("empty.pem"));
    QFile file(empty);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const CliRun result = run({ QStringLiteral("--ca-file"), empty, QStringLiteral("regions") });
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(empty + QStringLiteral(" holds no PEM certificate")),
        qPrintable(result.err));
}

void TestCliTls::sslCertFileIsReadBounded()
{
    const CliRun result = run({ QStringLiteral("regions") }, QStringLiteral("/dev/zero"));
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("/dev/zero is not a regular file")),
        qPrintable(result.err));
}

void TestCliTls::proxyCertificateNeedsTheCaFile()
{
    const QString endpoint = QStringLiteral("https://127.0.0.1:%1").arg(m_server.serverPort());
    const QStringList call { QStringLiteral("--endpoint"), endpoint, QStringLiteral("--json"),
        QStringLiteral("regions") };

    const CliRun untrusted = run(call);
    QVERIFY(untrusted.finished);
    QCOMPARE(untrusted.exitCode, 1);
    QVERIFY2(
        untrusted.err.contains(QStringLiteral("could not be verified")), qPrintable(untrusted.err));

    const CliRun trusted = run(QStringList { QStringLiteral("--ca-file"), certPath } + call);
    QVERIFY(trusted.finished);
    QVERIFY2(trusted.exitCode == 0, qPrintable(trusted.err));
    QVERIFY2(trusted.out.contains(QStringLiteral("cn-proxied-1")), qPrintable(trusted.out));

    // The same bundle through the environment convention.
    const CliRun viaEnvironment = run(call, certPath);
    QVERIFY(viaEnvironment.finished);
    QVERIFY2(viaEnvironment.exitCode == 0, qPrintable(viaEnvironment.err));
}

QTEST_GUILESS_MAIN(TestCliTls)
#include "tst_cli_tls.moc"
