// ecs-rollback-cli as a user runs it: the built binary in its own process, on the
// in-process sandbox, with a journal and HOME/XDG directories of its own per test so
// nothing touches the user's files or keychain.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/types.h>

namespace {

struct CliRun
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;
};

// Long enough for a rollback with a safety snapshot on the sandbox (about 6 s).
constexpr int RunTimeoutMs = 30000;

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void helpListsExitCodes();
    void instanceSnapshotsJson();
    void showListsTheDisks();
    void checkOfRunningInstanceIsBlocked();
    void checkOfHealthyInstancePassesAndIsJournalled();
    void rollbackWithYesSucceedsAndIsJournalled();
    void rollbackWithWrongTypedIdIsRefused();
    void rollbackWithoutAnswerIsRefused();
    void rollbackWithTypedIdSucceeds();
    void rollbackOfReleasedDiskIsBlocked();
    void withoutDiskTheDisksThatCanBeRolledBackAreSelected();
    void interruptBeforeTheRollbackCallCancels();
    void stopRunningInstance();
    void journalCsvHasHeaderRow();
    void journalThatIsNotADatabase();

private:
    // Runs the CLI with `arguments` (plus --journal-file), feeding `input` to stdin and
    // closing it.
    CliRun run(const QStringList &arguments, const QByteArray &input = {}) const;
    QProcessEnvironment environment() const;
    QStringList withJournal(QStringList arguments) const;
    // The journal's entries, through the CLI's own export.
    QJsonArray journalEntries() const;
    static QJsonObject parseObject(const QByteArray &json);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCli::cleanup()
{
    m_dir.reset();
}

QProcessEnvironment TestCli::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir->filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    // No real credentials can leak into a run.
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("ALIBABA_CLOUD_"))
            || name.startsWith(QLatin1String("ALICLOUD_")))
            env.remove(name);
    }
    return env;
}

QStringList TestCli::withJournal(QStringList arguments) const
{
    arguments << QStringLiteral("--journal-file")
              << m_dir->filePath(QStringLiteral("journal.sqlite"));
    return arguments;
}

CliRun TestCli::run(const QStringList &arguments, const QByteArray &input) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(ECS_CLI_PATH), withJournal(arguments));
    CliRun result;
    if (!process.waitForStarted())
        return result;
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(RunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.crashed = true;
    }
    result.crashed = result.crashed || process.exitStatus() != QProcess::NormalExit;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QJsonObject TestCli::parseObject(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return {};
    return document.object();
}

QJsonArray TestCli::journalEntries() const
{
    const CliRun journal
        = run({ QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("json") });
    return parseObject(journal.out).value(QStringLiteral("entries")).toArray();
}

void TestCli::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no command") << QStringList {};
    QTest::newRow("unknown command") << QStringList { QStringLiteral("frobnicate") };
    QTest::newRow("show without ID")
        << QStringList { QStringLiteral("show"), QStringLiteral("--sandbox") };
    QTest::newRow("two IDs") << QStringList { QStringLiteral("check"), QStringLiteral("a"),
        QStringLiteral("b") };
    QTest::newRow("unknown option")
        << QStringList { QStringLiteral("regions"), QStringLiteral("--frob") };
    QTest::newRow("option of another command") << QStringList { QStringLiteral("show"),
        QStringLiteral("ssg-demo-healthy"), QStringLiteral("--disk"), QStringLiteral("d-1") };
    QTest::newRow("bad status") << QStringList { QStringLiteral("instance-snapshots"),
        QStringLiteral("--status"), QStringLiteral("done") };
    QTest::newRow("bad format") << QStringList { QStringLiteral("journal"),
        QStringLiteral("--format"), QStringLiteral("xml") };
    QTest::newRow("bad date") << QStringList { QStringLiteral("journal"), QStringLiteral("--since"),
        QStringLiteral("yesterday") };
    QTest::newRow("bad signature") << QStringList { QStringLiteral("regions"),
        QStringLiteral("--signature"), QStringLiteral("v2") };
    QTest::newRow("sandbox with profile") << QStringList { QStringLiteral("regions"),
        QStringLiteral("--sandbox"), QStringLiteral("--profile"), QStringLiteral("env") };
}

void TestCli::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    const CliRun result = run(arguments);
    QVERIFY(!result.crashed);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY(!result.err.isEmpty());
}

void TestCli::helpListsExitCodes()
{
    const CliRun result = run({ QStringLiteral("--help") });
    QCOMPARE(result.exitCode, 0);
    for (const char *text : { "Exit codes:", "rollback SSG_ID", "journal", "--no-safety-snapshot",
             "5  rollback incomplete" })
        QVERIFY2(result.out.contains(text), text);
}

void TestCli::instanceSnapshotsJson()
{
    const CliRun result = run({ QStringLiteral("instance-snapshots"), QStringLiteral("--sandbox"),
        QStringLiteral("--json"), QStringLiteral("--status"), QStringLiteral("accomplished") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("\"id\": \"ssg-demo-healthy\""));
    const QJsonArray groups = QJsonDocument::fromJson(result.out).array();
    QVERIFY(!groups.isEmpty());
    for (const QJsonValue &group : groups)
        QCOMPARE(group[QStringLiteral("status")].toString(), QStringLiteral("accomplished"));
}

void TestCli::showListsTheDisks()
{
    const CliRun json = run({ QStringLiteral("show"), QStringLiteral("ssg-demo-healthy"),
        QStringLiteral("--sandbox"), QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 0);
    const QJsonObject group = parseObject(json.out);
    QCOMPARE(group[QStringLiteral("id")].toString(), QStringLiteral("ssg-demo-healthy"));
    QCOMPARE(group[QStringLiteral("instance")][QStringLiteral("id")].toString(),
        QStringLiteral("i-demo-healthy"));
    const QJsonArray disks = group[QStringLiteral("disks")].toArray();
    QCOMPARE(disks.size(), 4);
    QCOMPARE(disks.at(0)[QStringLiteral("diskType")].toString(), QStringLiteral("system"));
    QVERIFY(disks.at(0)[QStringLiteral("snapshotId")].toString().startsWith(QLatin1String("s-")));

    const CliRun text = run({ QStringLiteral("show"), QStringLiteral("ssg-demo-healthy"),
        QStringLiteral("--sandbox") });
    QCOMPARE(text.exitCode, 0);
    QCOMPARE(text.out.count("d-demo-healthy-"), 4);

    const CliRun missing
        = run({ QStringLiteral("show"), QStringLiteral("ssg-nope"), QStringLiteral("--sandbox") });
    QCOMPARE(missing.exitCode, 1);
}

void TestCli::checkOfRunningInstanceIsBlocked()
{
    const CliRun text = run({ QStringLiteral("check"), QStringLiteral("ssg-demo-running"),
        QStringLiteral("--sandbox") });
    QCOMPARE(text.exitCode, 3);
    QVERIFY(text.out.toLower().contains("stopped"));
    QVERIFY(text.out.contains("FAILED"));
    QVERIFY(text.out.contains("stop i-demo-running")); // the remedy, as a command

    const CliRun json = run({ QStringLiteral("check"), QStringLiteral("ssg-demo-running"),
        QStringLiteral("--sandbox"), QStringLiteral("--json") });
    QCOMPARE(json.exitCode, 3);
    const QJsonObject report = parseObject(json.out);
    QCOMPARE(report[QStringLiteral("allowsRollback")].toBool(true), false);
    bool found = false;
    for (const QJsonValue &item : report[QStringLiteral("items")].toArray()) {
        if (item[QStringLiteral("kind")].toString() == QLatin1String("instance-stopped")) {
            found = true;
            QCOMPARE(item[QStringLiteral("outcome")].toString(), QStringLiteral("failed"));
            QCOMPARE(
                item[QStringLiteral("remedy")].toString(), QStringLiteral("stop-in-standard-mode"));
        }
    }
    QVERIFY(found);
}

void TestCli::checkOfHealthyInstancePassesAndIsJournalled()
{
    const CliRun result = run({ QStringLiteral("check"), QStringLiteral("ssg-demo-healthy"),
        QStringLiteral("--sandbox") });
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.contains("can be rolled back"));

    const CliRun oneDisk = run({ QStringLiteral("check"), QStringLiteral("ssg-demo-healthy"),
        QStringLiteral("--sandbox"), QStringLiteral("--disk"),
        QStringLiteral("d-demo-healthy-data1"), QStringLiteral("--json") });
    QCOMPARE(oneDisk.exitCode, 0);
    QCOMPARE(parseObject(oneDisk.out)[QStringLiteral("selectedDiskIds")].toArray(),
        QJsonArray { QStringLiteral("d-demo-healthy-data1") });

    const QJsonArray entries = journalEntries();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0)[QStringLiteral("kind")].toString(), QStringLiteral("check"));
    QCOMPARE(entries.at(0)[QStringLiteral("outcome")].toString(), QStringLiteral("passed"));
    QCOMPARE(entries.at(0)[QStringLiteral("profile")].toString(), QStringLiteral("sandbox"));
}

void TestCli::rollbackWithYesSucceedsAndIsJournalled()
{
    const CliRun result = run({ QStringLiteral("rollback"), QStringLiteral("ssg-demo-healthy"),
        QStringLiteral("--sandbox"), QStringLiteral("--yes"), QStringLiteral("--json"),
        QStringLiteral("--no-safety-snapshot") });
    QVERIFY2(result.exitCode == 0, result.err.constData());
    const QJsonObject json = parseObject(result.out);
    QCOMPARE(json[QStringLiteral("outcome")].toString(), QStringLiteral("succeeded"));
    QVERIFY(!json[QStringLiteral("summary")].toString().isEmpty());
    QVERIFY(!json[QStringLiteral("operationId")].toString().isEmpty());
    QCOMPARE(json[QStringLiteral("steps")].toArray().size(), 8);
    const QJsonArray disks = json[QStringLiteral("disks")].toArray();
    QCOMPARE(disks.size(), 4);
    for (const QJsonValue &disk : disks)
        QCOMPARE(disk[QStringLiteral("state")].toString(), QStringLiteral("rolled-back"));
    QVERIFY(result.err.contains("[5/8]")); // progress went to stderr

    // The write-ahead intent, then the answer.
    QStringList resetOutcomes;
    for (const QJsonValue &entry : journalEntries()) {
        if (entry[QStringLiteral("action")].toString() == QLatin1String("ResetDisks")) {
            resetOutcomes.append(entry[QStringLiteral("outcome")].toString());
            QCOMPARE(entry[QStringLiteral("operationId")], json[QStringLiteral("operationId")]);
            if (resetOutcomes.size() == 2)
                QVERIFY(!entry[QStringLiteral("requestId")].toString().isEmpty());
        }
    }
    QCOMPARE(
        resetOutcomes, (QStringList { QStringLiteral("sending"), QStringLiteral("succeeded") }));
}

void TestCli::rollbackWithWrongTypedIdIsRefused()
{
    const CliRun result
        = run({ QStringLiteral("rollback"), QStringLiteral("ssg-demo-healthy"),
                  QStringLiteral("--sandbox"), QStringLiteral("--no-safety-snapshot") },
            "i-demo-running\n");
    QCOMPARE(result.exitCode, 4);
    QVERIFY(result.err.contains("Confirmation refused: nothing was changed"));
    QVERIFY(result.err.contains("Type the instance ID (i-demo-healthy)"));
    for (const QJsonValue &entry : journalEntries())
        QVERIFY(!entry[QStringLiteral("action")].toString().startsWith(QLatin1String("ResetDisk")));
}

void TestCli::rollbackWithoutAnswerIsRefused()
{
    const CliRun result = run({ QStringLiteral("rollback"), QStringLiteral("ssg-demo-healthy"),
        QStringLiteral("--sandbox"), QStringLiteral("--json") });
    QCOMPARE(result.exitCode, 4);
    QCOMPARE(parseObject(result.out)[QStringLiteral("outcome")].toString(),
        QStringLiteral("confirmation-refused"));
}

void TestCli::rollbackWithTypedIdSucceeds()
{
    const CliRun result
        = run({ QStringLiteral("rollback"), QStringLiteral("ssg-demo-healthy"),
                  QStringLiteral("--sandbox"), QStringLiteral("--no-safety-snapshot"),
                  QStringLiteral("--disk"), QStringLiteral("d-demo-healthy-data1") },
            "i-demo-healthy\n");
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY(result.out.contains("Outcome: succeeded"));
    QVERIFY(result.out.contains("d-demo-healthy-data1"));
    QVERIFY(!result.out.contains("d-demo-healthy-data2"));
    QVERIFY(result.err.contains("will be lost"));
}

void TestCli::rollbackOfReleasedDiskIsBlocked()
{
    // Named with --disk, the released disk blocks.
    const CliRun result = run({ QStringLiteral("rollback"), QStringLiteral("ssg-demo-released"),
        QStringLiteral("--disk"), QStringLiteral("d-demo-released-data2"), QStringLiteral("--disk"),
        QStringLiteral("d-demo-released-data1"), QStringLiteral("--sandbox"),
        QStringLiteral("--yes"), QStringLiteral("--json") });
    QCOMPARE(result.exitCode, 3);
    const QJsonObject json = parseObject(result.out);
    QCOMPARE(json[QStringLiteral("outcome")].toString(), QStringLiteral("blocked"));
    // The summary names the disks that could be rolled back on their own.
    QVERIFY(json[QStringLiteral("summary")].toString().contains(
        QLatin1String("--disk d-demo-released-data1")));
    for (const QJsonValue &entry : journalEntries())
        QVERIFY(!entry[QStringLiteral("action")].toString().startsWith(QLatin1String("ResetDisk")));
}

void TestCli::withoutDiskTheDisksThatCanBeRolledBackAreSelected()
{
    // As --help and the console say: the released disk is left out, and the plan says so.
    const CliRun result = run({ QStringLiteral("rollback"), QStringLiteral("ssg-demo-released"),
        QStringLiteral("--sandbox"), QStringLiteral("--yes"), QStringLiteral("--json") });
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.contains("Left out:"), result.err.constData());
    QVERIFY2(result.err.contains("d-demo-released-data2"), result.err.constData());
    const QJsonObject json = parseObject(result.out);
    QCOMPARE(json[QStringLiteral("outcome")].toString(), QStringLiteral("succeeded"));
    QStringList rolledBack;
    for (const QJsonValue &disk : json[QStringLiteral("disks")].toArray())
        rolledBack.append(disk[QStringLiteral("diskId")].toString());
    QCOMPARE(rolledBack,
        (QStringList {
            QStringLiteral("d-demo-released-system"), QStringLiteral("d-demo-released-data1") }));
    const QJsonArray leftOut = json[QStringLiteral("leftOut")].toArray();
    QCOMPARE(leftOut.size(), 1);
    QCOMPARE(leftOut.first()[QStringLiteral("diskId")].toString(),
        QStringLiteral("d-demo-released-data2"));
}

void TestCli::interruptBeforeTheRollbackCallCancels()
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(QStringLiteral(ECS_CLI_PATH),
        withJournal({ QStringLiteral("rollback"), QStringLiteral("ssg-demo-healthy"),
            QStringLiteral("--sandbox"), QStringLiteral("--yes"), QStringLiteral("--json") }));
    QVERIFY(process.waitForStarted());
    process.closeWriteChannel();
    // The safety snapshot takes about two seconds on the sandbox: interrupt during it.
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += process.readAllStandardError()).contains("[2/8]"), 10000);
    ::kill(pid_t(process.processId()), SIGINT);
    QVERIFY(process.waitForFinished(RunTimeoutMs));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 4);
    const QJsonObject json = parseObject(process.readAllStandardOutput());
    QCOMPARE(json[QStringLiteral("outcome")].toString(), QStringLiteral("cancelled"));
    for (const QJsonValue &entry : journalEntries())
        QVERIFY(!entry[QStringLiteral("action")].toString().startsWith(QLatin1String("ResetDisk")));
}

void TestCli::stopRunningInstance()
{
    const CliRun result = run({ QStringLiteral("stop"), QStringLiteral("i-demo-running"),
        QStringLiteral("--sandbox"), QStringLiteral("--yes"), QStringLiteral("--json") });
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(
        parseObject(result.out)[QStringLiteral("outcome")].toString(), QStringLiteral("stopped"));
    bool stopRecorded = false;
    for (const QJsonValue &entry : journalEntries())
        stopRecorded = stopRecorded
            || entry[QStringLiteral("action")].toString() == QLatin1String("StopInstance");
    QVERIFY(stopRecorded);

    const CliRun refused = run(
        { QStringLiteral("stop"), QStringLiteral("i-demo-running"), QStringLiteral("--sandbox") },
        "no\n");
    QCOMPARE(refused.exitCode, 4);
}

void TestCli::journalCsvHasHeaderRow()
{
    QCOMPARE(run({ QStringLiteral("check"), QStringLiteral("ssg-demo-healthy"),
                     QStringLiteral("--sandbox") })
                 .exitCode,
        0);
    const CliRun csv
        = run({ QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("csv") });
    QCOMPARE(csv.exitCode, 0);
    QVERIFY(csv.out.startsWith("id,time,operation_id,kind,"));
    QCOMPARE(csv.out.count("\r\n"), 2);

    const QString file = m_dir->filePath(QStringLiteral("export.csv"));
    const CliRun toFile = run({ QStringLiteral("journal"), QStringLiteral("--format"),
        QStringLiteral("csv"), QStringLiteral("--output"), file });
    QCOMPARE(toFile.exitCode, 0);
    QFile exported(file);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    QCOMPARE(exported.readAll(), csv.out);

    const CliRun text = run(
        { QStringLiteral("journal"), QStringLiteral("--instance"), QStringLiteral("i-demo-healthy"),
            QStringLiteral("--since"), QStringLiteral("2000-01-01") });
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("CheckPreconditions"));
    // A date-time bound is a moment, not its day: nothing today is before today's midnight.
    const QJsonArray entries = journalEntries();
    QCOMPARE(entries.size(), 1);
    const QString day = entries.at(0)[QStringLiteral("time")].toString().left(10);
    const CliRun beforeMidnight = run({ QStringLiteral("journal"), QStringLiteral("--until"),
        day + QLatin1String("T00:00:00Z"), QStringLiteral("--json") });
    QCOMPARE(parseObject(beforeMidnight.out)[QStringLiteral("entries")].toArray().size(), 0);
    const CliRun thatDay = run(
        { QStringLiteral("journal"), QStringLiteral("--until"), day, QStringLiteral("--json") });
    QCOMPARE(parseObject(thatDay.out)[QStringLiteral("entries")].toArray().size(), 1);

    const CliRun other = run({ QStringLiteral("journal"), QStringLiteral("--instance"),
        QStringLiteral("i-other"), QStringLiteral("--json") });
    QCOMPARE(other.exitCode, 0);
    QCOMPARE(parseObject(other.out)[QStringLiteral("entries")].toArray().size(), 0);
}

void TestCli::journalThatIsNotADatabase()
{
    QFile file(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("this is not a journal\n").repeated(100));
    file.close();

    const CliRun journal = run({ QStringLiteral("journal") });
    QCOMPARE(journal.exitCode, 1);
    QVERIFY(journal.err.contains("journal"));

    // An operation goes on without its journal, and says so.
    const CliRun check = run({ QStringLiteral("check"), QStringLiteral("ssg-demo-healthy"),
        QStringLiteral("--sandbox") });
    QCOMPARE(check.exitCode, 0);
    QVERIFY(check.err.contains("Warning:"));
    QVERIFY(check.err.contains("could not be saved"));
    QVERIFY(check.err.contains("CheckPreconditions"));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
