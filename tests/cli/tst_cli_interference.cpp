// ecs-rollback-cli against a separate ecs-emulator while the state moves under it and the
// answers go odd: another actor between the dry run and the irreversible call (the last
// re-check stops it, or leaves the changed disk out when asked), a disk detached during the
// rollback call (the instance stays stopped), someone else starting the instance (reported as
// running), a 200 that carries only an error Code, a listing without its wrapper, a
// service that ignores the Status filter, a redirect. Each through the real binaries.
#include "EmulatorProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

const QString group = QStringLiteral("ssg-demo-healthy");
const QString instance = QStringLiteral("i-demo-healthy");
const QString data1 = QStringLiteral("d-demo-healthy-data1");
const QString data2 = QStringLiteral("d-demo-healthy-data2");
const QString snapshot1 = QStringLiteral("s-demo-healthy-data1");

// An actor move `trigger`s the Nth call of `action` ("afterCall": its answer is written).
QJsonObject move(const QString &name, const QString &resource, const char *trigger,
    const char *action, int call, const QString &argument = {})
{
    return QJsonObject { { QStringLiteral("move"), name },
        { QStringLiteral("resourceId"), resource }, { QStringLiteral("argument"), argument },
        { QStringLiteral("trigger"), QLatin1String(trigger) },
        { QStringLiteral("action"), QLatin1String(action) }, { QStringLiteral("call"), call } };
}

QJsonObject answer(
    const char *action, int status, const QJsonObject &body, const QJsonObject &headers = {})
{
    QJsonObject rule { { QStringLiteral("action"), QLatin1String(action) },
        { QStringLiteral("next"), 1 }, { QStringLiteral("status"), status },
        { QStringLiteral("body"), body } };
    if (!headers.isEmpty())
        rule.insert(QStringLiteral("headers"), headers);
    return rule;
}

} // namespace

class TestCliInterference : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void changeAfterTheDryRunStopsBeforeTheCall_data();
    void changeAfterTheDryRunStopsBeforeTheCall();
    void changedDiskIsLeftOutWhenAsked();
    void diskDetachedJustBeforeTheCallKeepsTheInstanceStopped();
    void instanceStartedBySomeoneElseIsReportedRunning();
    void answerWithOnlyAnErrorCodeIsThatError();
    void listingWithoutItsWrapperIsAnError();
    void ignoredStatusFilterIsNotTrusted();
    void redirectIsReportedAsOne();
    void wrongSecretIsNamedForPeople();

private:
    CliRun rollback(const QStringList &extra = {});
    void setFaults(const QJsonObject &plan);
    QString marker(const QString &list, const QString &idKey, const QString &id)
    {
        return m_emulator.worldValue(list, idKey, id, QStringLiteral("ContentMarker"));
    }
    bool rolledBack(const QString &disk, const QString &snapshot)
    {
        return marker(QStringLiteral("Disks"), QStringLiteral("DiskId"), disk)
            == marker(QStringLiteral("Snapshots"), QStringLiteral("SnapshotId"), snapshot);
    }

    EmulatorProcess m_emulator;
};

void TestCliInterference::initTestCase()
{
    const QString problem = m_emulator.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestCliInterference::init()
{
    m_emulator.reset();
    m_emulator.admin("PUT", QStringLiteral("timing"),
        { { QStringLiteral("snapshotStepMs"), 50 }, { QStringLiteral("snapshotSteps"), 2 },
            { QStringLiteral("resetMs"), 600 }, { QStringLiteral("startMs"), 300 } });
}

void TestCliInterference::setFaults(const QJsonObject &plan)
{
    const QJsonObject taken = m_emulator.admin("PUT", QStringLiteral("faults"), plan);
    QVERIFY2(!taken.contains(QStringLiteral("error")),
        QJsonDocument(taken).toJson(QJsonDocument::Compact).constData());
}

CliRun TestCliInterference::rollback(const QStringList &extra)
{
    return m_emulator.run(QStringList { QStringLiteral("rollback"), group, QStringLiteral("--disk"),
                              data1, QStringLiteral("--disk"), data2, QStringLiteral("--start"),
                              QStringLiteral("--no-safety-snapshot"), QStringLiteral("--yes") }
        + extra);
}

void TestCliInterference::changeAfterTheDryRunStopsBeforeTheCall_data()
{
    QTest::addColumn<QString>("moveName");
    QTest::addColumn<QString>("resource");
    QTest::addColumn<QString>("said"); // in the output: what changed
    // Right after the dry run's answer: only the last re-check stands in the way.
    QTest::newRow("disk detached") << "DetachDisk" << data1 << data1;
    QTest::newRow("disk released") << "ReleaseDisk" << data1 << data1;
    QTest::newRow("snapshot deleted") << "DeleteSnapshot" << snapshot1 << data1;
    QTest::newRow("instance started") << "StartInstance" << instance << "Stopped";
}

void TestCliInterference::changeAfterTheDryRunStopsBeforeTheCall()
{
    QFETCH(QString, moveName);
    QFETCH(QString, resource);
    QFETCH(QString, said);
    setFaults({ { QStringLiteral("actorMoves"),
        QJsonArray { move(moveName, resource, "afterCall", "ResetDisks", 1) } } });
    const CliRun run = rollback();
    QVERIFY2(run.exitCode == 3, QByteArray(run.out + run.err).constData());
    QCOMPARE(m_emulator.callsOf(QStringLiteral("ResetDisks"), true), 1);
    QCOMPARE(m_emulator.callsOf(QStringLiteral("ResetDisks")), 0); // never sent
    QCOMPARE(m_emulator.callsOf(QStringLiteral("StartInstance")), 0);
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(text.contains(QStringLiteral("changed after the first check")), qPrintable(text));
    QVERIFY2(text.contains(said), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("Outcome: succeeded")), qPrintable(text));
}

void TestCliInterference::changedDiskIsLeftOutWhenAsked()
{
    setFaults({ { QStringLiteral("actorMoves"),
        QJsonArray {
            move(QStringLiteral("DeleteSnapshot"), snapshot1, "afterCall", "ResetDisks", 1) } } });
    const CliRun run = rollback({ QStringLiteral("--skip-changed-disks") });
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(
        text.contains(QStringLiteral("leave it out (--skip-changed-disks)")), qPrintable(text));
    // The other disk is rolled back; the changed one is not, and is what is left to do.
    QVERIFY2(run.exitCode == 5, qPrintable(text));
    QCOMPARE(m_emulator.callsOf(QStringLiteral("ResetDisks")), 1);
    QVERIFY(rolledBack(data2, QStringLiteral("s-demo-healthy-data2")));
    QVERIFY(!rolledBack(data1, snapshot1));
    QVERIFY2(
        text.contains(QStringLiteral("Left out: changed since the first check")), qPrintable(text));
    // Half-restored instances are never started.
    QCOMPARE(m_emulator.callsOf(QStringLiteral("StartInstance")), 0);
}

void TestCliInterference::diskDetachedJustBeforeTheCallKeepsTheInstanceStopped()
{
    // Between the last re-check and the real call (the 2nd ResetDisks): an actor quicker
    // than one turn of the CLI's event loop. (A disk being reset cannot be detached.)
    setFaults({ { QStringLiteral("actorMoves"),
        QJsonArray {
            move(QStringLiteral("DetachDisk"), data2, "beforeCall", "ResetDisks", 2) } } });
    const CliRun run = rollback({ QStringLiteral("--json") });
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QByteArray moves = QJsonDocument(m_emulator.admin("GET", QStringLiteral("faults"))
                                               .value(QStringLiteral("actorMoves"))
                                               .toArray())
                                 .toJson(QJsonDocument::Compact);
    QVERIFY2(moves.contains("\"fired\":true"), moves.constData());
    QVERIFY2(run.exitCode == 5,
        QByteArray(moves + '\n'
            + m_emulator
                  .worldValue(QStringLiteral("Disks"), QStringLiteral("DiskId"), data2,
                      QStringLiteral("Status"))
                  .toUtf8()
            + ' '
            + m_emulator
                  .worldValue(QStringLiteral("Disks"), QStringLiteral("DiskId"), data2,
                      QStringLiteral("InstanceId"))
                  .toUtf8())
            .constData());
    QCOMPARE(json[QStringLiteral("outcome")].toString(), QStringLiteral("rolled-back-but-changed"));
    QCOMPARE(m_emulator.callsOf(QStringLiteral("ResetDisks")), 1);
    QCOMPARE(m_emulator.callsOf(QStringLiteral("StartInstance")), 0);
    QCOMPARE(m_emulator.worldValue(QStringLiteral("Instances"), QStringLiteral("InstanceId"),
                 instance, QStringLiteral("Status")),
        QStringLiteral("Stopped"));
}

void TestCliInterference::instanceStartedBySomeoneElseIsReportedRunning()
{
    setFaults({ { QStringLiteral("actorMoves"),
        QJsonArray { move(
            QStringLiteral("StartInstance"), instance, "beforeCall", "StartInstance", 1) } } });
    const CliRun run = rollback();
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(run.exitCode == 0, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Outcome: succeeded")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Someone else started")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("did not start")), qPrintable(text));
}

void TestCliInterference::answerWithOnlyAnErrorCodeIsThatError()
{
    setFaults({ { QStringLiteral("answers"),
        QJsonArray { answer("DescribeSnapshotGroups", 200,
            { { QStringLiteral("Code"), QStringLiteral("Forbidden.RAM") },
                { QStringLiteral("Message"), QStringLiteral("User not authorized to operate.") },
                { QStringLiteral("RequestId"), QStringLiteral("R-ONLY-CODE") } }) } } });
    const CliRun run = m_emulator.run({ QStringLiteral("check"), group });
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(run.exitCode == 1, qPrintable(text)); // an error, not "preconditions not met"
    QVERIFY2(text.contains(QStringLiteral("Forbidden.RAM")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("not found"), Qt::CaseInsensitive), qPrintable(text));
}

void TestCliInterference::listingWithoutItsWrapperIsAnError()
{
    setFaults({ { QStringLiteral("answers"),
        QJsonArray { answer("DescribeInstances", 200,
            { { QStringLiteral("RequestId"), QStringLiteral("R-NO-WRAPPER") },
                { QStringLiteral("TotalCount"), 0 } }) } } });
    const CliRun run = m_emulator.run({ QStringLiteral("check"), group });
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(run.exitCode == 1, qPrintable(text)); // could not check: an error, not a block
    QVERIFY2(text.contains(QStringLiteral("Could not check")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Instances")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("was released"), Qt::CaseInsensitive), qPrintable(text));
}

void TestCliInterference::ignoredStatusFilterIsNotTrusted()
{
    // Every snapshot of the instance comes back, finished ones too.
    setFaults({ { QStringLiteral("ignoreParameters"),
        QJsonArray {
            QJsonObject { { QStringLiteral("action"), QStringLiteral("DescribeSnapshots") },
                { QStringLiteral("parameters"), QJsonArray { QStringLiteral("Status") } } } } } });
    const CliRun run = m_emulator.run({ QStringLiteral("check"), group });
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(run.exitCode == 0, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("No snapshot of disk d-demo-healthy-data1 is being "
                                          "created")),
        qPrintable(text));
}

void TestCliInterference::redirectIsReportedAsOne()
{
    setFaults({ { QStringLiteral("answers"),
        QJsonArray { answer("*", 302, {},
            { { QStringLiteral("Location"),
                QStringLiteral("https://elsewhere.example/login?token=x") } }) } } });
    const CliRun run = m_emulator.run({ QStringLiteral("regions") });
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(run.exitCode == 1, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("redirect"), Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("elsewhere.example/login")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("token=x")), qPrintable(text)); // no query shown
    QVERIFY2(!text.contains(QStringLiteral("empty answer")), qPrintable(text));
}

void TestCliInterference::wrongSecretIsNamedForPeople()
{
    const QString secret = QStringLiteral("not-the-right-secret");
    const CliRun run = m_emulator.run({ QStringLiteral("regions") },
        { { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), secret } });
    const QString text = QString::fromUtf8(run.out + run.err);
    QVERIFY2(run.exitCode == 1, qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral(
                 "The AccessKey secret of profile env does not match (SignatureDoesNotMatch)")),
        qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Enter the AccessKey secret again")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("The service said:")), qPrintable(text));
    QVERIFY(!text.contains(secret));
}

QTEST_GUILESS_MAIN(TestCliInterference)
#include "tst_cli_interference.moc"
