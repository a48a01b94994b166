// Crash safety through the real binaries: ecs-rollback-cli rolls back against a separate
// ecs-emulator process (whose world outlives the client), is killed with SIGKILL at each
// step of the job, and `ecs-rollback-cli resume` finishes the operation from the journal:
// the true outcome, never a second ResetDisks. A first Ctrl-C after the rollback call
// stops the job after the step in flight and says how to resume it.
#include "EmulatorProcess.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <csignal>
#include <memory>

namespace {

const QString group = QStringLiteral("ssg-demo-healthy");
const QString instance = QStringLiteral("i-demo-healthy");
const QString disk = QStringLiteral("d-demo-healthy-data1");
const QString snapshot = QStringLiteral("s-demo-healthy-data1");

} // namespace

class TestCliCrash : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void killedAtEachStepIsFinishedByResume_data();
    void killedAtEachStepIsFinishedByResume();
    void firstInterruptAfterTheCallStopsAndResumeFinishes();

private:
    CliRun run(const QStringList &arguments) const { return m_emulator.run(arguments); }
    // Starts a rollback of `disk` and returns the process once `stepLine` shows on stderr.
    std::unique_ptr<QProcess> startRollbackUntil(const QString &stepLine, QByteArray *err);
    int resetDisksCalls() { return m_emulator.callsOf(QStringLiteral("ResetDisks")); }
    QString worldValue(
        const QString &list, const QString &idKey, const QString &id, const QString &field)
    {
        return m_emulator.worldValue(list, idKey, id, field);
    }
    QString unfinishedOperationId() const;

    EmulatorProcess m_emulator;
};

void TestCliCrash::initTestCase()
{
    const QString problem = m_emulator.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliCrash::init()
{
    m_emulator.reset();
    // Short enough for a quick test, long enough that each step can be caught running.
    m_emulator.admin("PUT", QStringLiteral("timing"),
        { { QStringLiteral("snapshotStepMs"), 300 }, { QStringLiteral("snapshotSteps"), 2 },
            { QStringLiteral("resetMs"), 2500 }, { QStringLiteral("startMs"), 1500 } });
    // The rollback call is slow to answer: a kill lands while it is in flight. Reading the
    // instance snapshot is a little slow too, so that a check (which reads it once) is still
    // running when the kill lands.
    const auto slow = [](const char *action, int ms) {
        return QJsonObject { { QStringLiteral("action"), QLatin1String(action) },
            { QStringLiteral("fixedMs"), ms } };
    };
    m_emulator.admin("PUT", QStringLiteral("faults"),
        { { QStringLiteral("latency"),
            QJsonArray { slow("ResetDisks", 1000), slow("DescribeSnapshotGroups", 500) } } });
}

std::unique_ptr<QProcess> TestCliCrash::startRollbackUntil(const QString &stepLine, QByteArray *err)
{
    std::unique_ptr<QProcess> process = m_emulator.startCli({ QStringLiteral("rollback"), group,
        QStringLiteral("--disk"), disk, QStringLiteral("--start"), QStringLiteral("--yes") });
    if (!process)
        return nullptr;
    QElapsedTimer clock;
    clock.start();
    while (!err->contains(stepLine.toUtf8()) && clock.elapsed() < EmulatorProcess::RunTimeoutMs
        && process->state() == QProcess::Running) {
        process->waitForReadyRead(100);
        err->append(process->readAllStandardError());
    }
    return err->contains(stepLine.toUtf8()) ? std::move(process) : nullptr;
}

QString TestCliCrash::unfinishedOperationId() const
{
    const CliRun journal
        = run({ QStringLiteral("journal"), QStringLiteral("--format"), QStringLiteral("json") });
    QHash<QString, QString> lastJobOutcome;
    const QJsonArray entries
        = QJsonDocument::fromJson(journal.out).object().value(QLatin1String("entries")).toArray();
    for (const QJsonValue &entry : entries) {
        // The safety snapshot's own job entries share the operation ID.
        if (entry[QStringLiteral("kind")].toString() == QLatin1String("job")
            && entry[QStringLiteral("action")].toString() == QLatin1String("Rollback"))
            lastJobOutcome.insert(entry[QStringLiteral("operationId")].toString(),
                entry[QStringLiteral("outcome")].toString());
    }
    for (auto it = lastJobOutcome.cbegin(); it != lastJobOutcome.cend(); ++it) {
        if (it.value() == QLatin1String("started") || it.value() == QLatin1String("resumed")
            || it.value() == QLatin1String("interrupted"))
            return it.key();
    }
    return {};
}

void TestCliCrash::killedAtEachStepIsFinishedByResume_data()
{
    QTest::addColumn<int>("stepNumber"); // as the progress shows it: [N/8]
    QTest::addColumn<QString>("stepName");
    QTest::addColumn<QString>("outcome"); // "" when it depends on the moment (see below)
    QTest::newRow("check") << 1 << QStringLiteral("Check preconditions") << "cancelled";
    QTest::newRow("safety-snapshot")
        << 2 << QStringLiteral("Create a safety instance snapshot") << "cancelled";
    QTest::newRow("dry-run") << 3 << QStringLiteral("Validate with the service") << "cancelled";
    QTest::newRow("recheck") << 4 << QStringLiteral("Check preconditions again") << "cancelled";
    // Killed while ResetDisks is in flight: resume reads the disks. Reset under way or done,
    // the outcome follows from what they show; it is never sent again.
    QTest::newRow("rollback") << 5 << QStringLiteral("Roll back the disks") << QString();
    QTest::newRow("wait-for-disks") << 6 << QStringLiteral("Wait for the disks") << "succeeded";
    QTest::newRow("start-instance") << 7 << QStringLiteral("Start the instance") << "succeeded";
    QTest::newRow("verify") << 8 << QStringLiteral("Verify the result") << "succeeded";
}

void TestCliCrash::killedAtEachStepIsFinishedByResume()
{
    QFETCH(int, stepNumber);
    QFETCH(QString, stepName);
    QFETCH(QString, outcome);

    QByteArray err;
    std::unique_ptr<QProcess> cli
        = startRollbackUntil(QStringLiteral("[%1/8] %2").arg(stepNumber).arg(stepName), &err);
    QVERIFY2(cli, err.constData());
    cli->kill(); // SIGKILL: nothing more reaches the journal
    QVERIFY(cli->waitForFinished(10000));
    QCOMPARE(cli->exitStatus(), QProcess::CrashExit);

    // A ResetDisks killed in flight is still answered (late) by the emulator: wait for it
    // before counting, so that it cannot land in the next run's log either.
    QTest::qWait(1200);
    const QString operationId = unfinishedOperationId();
    if (operationId.isEmpty() && stepNumber == 8) {
        // The last step is one quick read: the job may have finished before the kill landed.
        QVERIFY(err.contains("[8/8]"));
        QCOMPARE(resetDisksCalls(), 1);
        return;
    }
    QVERIFY2(!operationId.isEmpty(), "the journal shows no unfinished rollback");
    const CliRun resumed = run({ QStringLiteral("resume"), operationId, QStringLiteral("--json") });
    const QJsonObject json = QJsonDocument::fromJson(resumed.out).object();
    const QString resumedOutcome = json[QStringLiteral("outcome")].toString();
    QVERIFY2(!resumedOutcome.isEmpty(), QByteArray(resumed.out + resumed.err).constData());
    QCOMPARE(json[QStringLiteral("operationId")].toString(), operationId);

    // Never a second irreversible call, and the outcome says what the disk holds.
    const int calls = resetDisksCalls();
    QVERIFY(calls <= 1);
    const bool rolledBack = worldValue(QStringLiteral("Disks"), QStringLiteral("DiskId"), disk,
                                QStringLiteral("ContentMarker"))
        == worldValue(QStringLiteral("Snapshots"), QStringLiteral("SnapshotId"), snapshot,
            QStringLiteral("ContentMarker"));
    if (!outcome.isEmpty())
        QCOMPARE(resumedOutcome, outcome);
    if (resumedOutcome == QLatin1String("cancelled")) {
        QCOMPARE(calls, 0);
        QVERIFY(!rolledBack);
        QCOMPARE(resumed.exitCode, 4);
    } else if (resumedOutcome == QLatin1String("succeeded")) {
        QCOMPARE(calls, 1);
        QVERIFY(rolledBack);
        QCOMPARE(resumed.exitCode, 0);
        QCOMPARE(worldValue(QStringLiteral("Instances"), QStringLiteral("InstanceId"), instance,
                     QStringLiteral("Status")),
            QStringLiteral("Running"));
    } else {
        // The call was on its way and the disks show no sign of it: unknown, not resent.
        QCOMPARE(resumedOutcome, QStringLiteral("unknown"));
        QCOMPARE(stepNumber, 5);
        QCOMPARE(resumed.exitCode, 5);
    }

    // The operation has its last word: a second resume finds nothing to do.
    QCOMPARE(unfinishedOperationId(), QString());
    const CliRun again = run({ QStringLiteral("resume"), operationId });
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("finished already"), again.out.constData());
    QCOMPARE(resetDisksCalls(), calls);
}

void TestCliCrash::firstInterruptAfterTheCallStopsAndResumeFinishes()
{
    QByteArray err;
    std::unique_ptr<QProcess> cli
        = startRollbackUntil(QStringLiteral("[6/8] Wait for the disks"), &err);
    QVERIFY2(cli, err.constData());
    ::kill(pid_t(cli->processId()), SIGINT);
    QVERIFY(cli->waitForFinished(30000));
    err += cli->readAllStandardError();
    const QByteArray out = cli->readAllStandardOutput();
    QCOMPARE(cli->exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli->exitCode(), 5);
    QVERIFY2(out.contains("Outcome: interrupted"), out.constData());
    QVERIFY2(out.contains("ecs-rollback-cli resume "), out.constData());
    QCOMPARE(resetDisksCalls(), 1);

    const QString operationId = QRegularExpression(QStringLiteral("resume (\\S+)"))
                                    .match(QString::fromUtf8(out))
                                    .captured(1);
    const CliRun resumed = run({ QStringLiteral("resume"), operationId });
    QVERIFY2(resumed.exitCode == 0, resumed.err.constData());
    QVERIFY2(resumed.out.contains("Outcome: succeeded"), resumed.out.constData());
    QCOMPARE(resetDisksCalls(), 1);
}

QTEST_GUILESS_MAIN(TestCliCrash)
#include "tst_cli_crash.moc"
