// The ecs-emulator executable: prints its URL line, answers signed calls, stops cleanly on
// SIGTERM and saves its state where asked; refuses bad command lines and unbounded input.
#include "TestClient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace ecs;
using namespace ecs::emulator::test;

namespace {

const Credential key { QStringLiteral("LTAI5tExecutableKey1"), QStringLiteral("exe-secret"), {} };

} // namespace

class TestEmulatorExecutable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesAndSavesStateOnSigterm();
    void refusesBadCommandLines_data();
    void refusesBadCommandLines();
    void refusesUnboundedInputFast_data();
    void refusesUnboundedInputFast();
    void helpNamesTheCaps();

private:
    QTemporaryDir m_dir;
};

void TestEmulatorExecutable::servesAndSavesStateOnSigterm()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString stateFile = dir.filePath(QStringLiteral("state.json"));
    const QStringList arguments = { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
        QStringLiteral("--scenario"), QStringLiteral("demo"), QStringLiteral("--access-key"),
        key.accessKeyId + QLatin1Char(':') + key.accessKeySecret, QStringLiteral("--state-file"),
        stateFile };

    QJsonObject stateBefore;
    for (int run = 0; run < 2; ++run) {
        QProcess process;
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(QStringLiteral(ECS_EMULATOR_EXECUTABLE), arguments);
        QVERIFY(process.waitForStarted(15000));
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 15000);
        const QString line = QString::fromUtf8(process.readLine()).trimmed();
        QVERIFY2(line.startsWith(QLatin1String("ecs-emulator listening on http://127.0.0.1:")),
            qPrintable(line));
        const QUrl url(
            line.mid(QStringLiteral("ecs-emulator listening on ").size()) + QLatin1Char('/'));
        QVERIFY(url.port() > 0);

        TestClient client(url, key);
        const HttpResult regions = waitForResult(client.call(QStringLiteral("DescribeRegions")));
        QCOMPARE(regions.status, 200);
        QVERIFY(regions.json.contains(QLatin1String("Regions")));

        const HttpResult state = waitForResult(client.admin("GET", QStringLiteral("state")));
        QCOMPARE(state.status, 200);
        if (run == 0)
            stateBefore = state.json;
        else
            QCOMPARE(state.json, stateBefore); // loaded back from the file

        process.terminate(); // SIGTERM
        QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 15000);
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().isEmpty()); // exactly one line

        QFile saved(stateFile);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(saved.readAll()).object(), stateBefore);
    }
}

void TestEmulatorExecutable::refusesBadCommandLines_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QString accessKey = key.accessKeyId + QLatin1Char(':') + key.accessKeySecret;
    QTest::newRow("no key") << QStringList();
    QTest::newRow("remote") << QStringList({ QStringLiteral("--access-key"), accessKey,
        QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0") });
    QTest::newRow("bad key") << QStringList(
        { QStringLiteral("--access-key"), QStringLiteral("only-id") });
    QTest::newRow("unknown scenario") << QStringList({ QStringLiteral("--access-key"), accessKey,
        QStringLiteral("--scenario"), QStringLiteral("no-such-scenario") });
    QTest::newRow("bad faults") << QStringList({ QStringLiteral("--access-key"), accessKey,
        QStringLiteral("--faults"), QStringLiteral("/nonexistent/faults.json") });
}

void TestEmulatorExecutable::refusesBadCommandLines()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(QStringLiteral(ECS_EMULATOR_EXECUTABLE), arguments);
    QVERIFY(process.waitForStarted(15000));
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 15000);
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    QVERIFY(process.readAllStandardError().startsWith("ecs-emulator: "));
}

// Issue 10 item 8: a device, a FIFO or a huge --generate used to eat gigabytes or hang.
void TestEmulatorExecutable::refusesUnboundedInputFast_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString accessKey = key.accessKeyId + QLatin1Char(':') + key.accessKeySecret;
    const QString fifo = m_dir.filePath(QStringLiteral("fifo.json"));
    QTest::newRow("scenario /dev/zero")
        << QStringList({ QStringLiteral("--access-key"), accessKey, QStringLiteral("--scenario"),
               QStringLiteral("/dev/zero") })
        << QStringLiteral("ecs-emulator: /dev/zero is not a regular file (a character device)");
    QTest::newRow("scenario FIFO") << QStringList(
        { QStringLiteral("--access-key"), accessKey, QStringLiteral("--scenario"), fifo })
                                   << fifo + QStringLiteral(" is not a regular file (a FIFO)");
    QTest::newRow("faults FIFO") << QStringList(
        { QStringLiteral("--access-key"), accessKey, QStringLiteral("--faults"), fifo })
                                 << fifo + QStringLiteral(" is not a regular file (a FIFO)");
    QTest::newRow("state file FIFO") << QStringList(
        { QStringLiteral("--access-key"), accessKey, QStringLiteral("--state-file"), fifo })
                                     << fifo + QStringLiteral(" is not a regular file (a FIFO)");
    QTest::newRow("generate 1000,1000,1000")
        << QStringList({ QStringLiteral("--access-key"), accessKey, QStringLiteral("--generate"),
               QStringLiteral("1000,1000,1000") })
        << QStringLiteral("--generate 1000,1000,1000: at most 100 regions");
    QTest::newRow("generate 1,200,200")
        << QStringList({ QStringLiteral("--access-key"), accessKey, QStringLiteral("--generate"),
               QStringLiteral("1,200,200") })
        << QStringLiteral("at most 10000 instance snapshots in all");
    QTest::newRow("generate 1,6000,0") << QStringList({ QStringLiteral("--access-key"), accessKey,
        QStringLiteral("--generate"), QStringLiteral("1,6000,0") })
                                       << QStringLiteral("at most 5000 instances in all");
    QTest::newRow("generate not numbers")
        << QStringList({ QStringLiteral("--access-key"), accessKey, QStringLiteral("--generate"),
               QStringLiteral("1,x,1") })
        << QStringLiteral("--generate expects regions,instances,groups");
}

void TestEmulatorExecutable::refusesUnboundedInputFast()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString fifo = m_dir.filePath(QStringLiteral("fifo.json"));
    if (!QFile::exists(fifo))
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(QStringLiteral(ECS_EMULATOR_EXECUTABLE), arguments);
    QVERIFY(process.waitForStarted(15000));
    QTRY_COMPARE_WITH_TIMEOUT(process.state(), QProcess::NotRunning, 10000);
    QVERIFY2(timer.elapsed() < 5000, "refused, but not fast");
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardOutput().isEmpty());
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestEmulatorExecutable::helpNamesTheCaps()
{
    QProcess process;
    process.start(QStringLiteral(ECS_EMULATOR_EXECUTABLE), { QStringLiteral("--help") });
    QVERIFY(process.waitForFinished(15000));
    const QString help = QString::fromUtf8(process.readAllStandardOutput()).simplified();
    QVERIFY2(help.contains(QStringLiteral("at most 100 regions, 5000 instances and 10000 "
                                          "instance snapshots in all")),
        qPrintable(help));
}

QTEST_GUILESS_MAIN(TestEmulatorExecutable)
#include "tst_emulator_executable.moc"
