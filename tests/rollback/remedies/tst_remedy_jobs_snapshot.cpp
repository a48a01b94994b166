// TestRemedyJobs, the safety instance snapshot: created and followed to accomplished,
// re-sent with the same ClientToken after a lost answer, given up after three, refused,
// timed out, cancelled, and a name the service would refuse.
#include "TestRemedyJobs.h"
#include "rollback/SafetySnapshotJob.h"

#include <QSignalSpy>
#include <QTest>

using namespace ecs;
using namespace ecs::test;

void TestRemedyJobs::safetySnapshotIsAccomplished()
{
    const QString id = QStringLiteral("i-demo-healthy");
    const QStringList groupsBefore = m_rig.groupIds();
    SafetySnapshotJob job(m_rig.api(), DemoRegion, id, {}, fastWait(), recorder(id));
    QSignalSpy finished(&job, &SafetySnapshotJob::finished);
    QSignalSpy progressed(&job, &SafetySnapshotJob::progressed);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), SafetySnapshotJob::Outcome::Accomplished);
    const QString groupId = job.snapshotGroupId();
    QVERIFY(groupId.startsWith(QLatin1String("ssg-")));
    QVERIFY(!groupsBefore.contains(groupId));
    QCOMPARE(m_rig.groupIds().size(), groupsBefore.size() + 1);
    QCOMPARE(m_rig.group(groupId)[QLatin1String("Status")].toString(),
        SnapshotGroupStatusName::Accomplished);
    QCOMPARE(m_rig.group(groupId)[QLatin1String("InstanceId")].toString(), id);

    const QList<emulator::RequestLogEntry> creates
        = m_rig.calls(QStringLiteral("CreateSnapshotGroup"));
    QCOMPARE(creates.size(), 1);
    const ApiParameters &sent = creates.first().parameters;
    QCOMPARE(sent.value(QStringLiteral("InstanceId")), id);
    QCOMPARE(sent.value(QStringLiteral("ClientToken")), job.clientToken());
    QCOMPARE(job.clientToken().size(), 36); // a UUID without braces
    QVERIFY(!job.clientToken().startsWith(QLatin1Char('{')));
    QVERIFY(sent.value(QStringLiteral("Name")).startsWith(QLatin1String("Before-rollback-")));
    QCOMPARE(SafetySnapshotJob::nameProblem(sent.value(QStringLiteral("Name"))), QString());

    // Progress climbs through the member snapshots' steps to 100.
    QVERIFY(progressed.count() >= 3);
    QCOMPARE(progressed.last().first().toInt(), 100);
    bool sawStep = false;
    for (const QList<QVariant> &signal : std::as_const(progressed))
        sawStep = sawStep || (signal.first().toInt() > 0 && signal.first().toInt() < 100);
    QVERIFY(sawStep);

    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job SafetySnapshot started"),
            QStringLiteral("call CreateSnapshotGroup succeeded"),
            QStringLiteral("job SafetySnapshot succeeded") }));
    QVERIFY(journalEntries().at(1).message.contains(groupId));
    QCOMPARE(journalEntries().at(1).requestId, creates.first().requestId);
}

void TestRemedyJobs::droppedCreateIsSentAgainWithTheSameToken()
{
    QCOMPARE(
        m_rig.setFaults(R"({"drops":[{"action":"CreateSnapshotGroup","next":1,"when":"after"}]})"),
        QString());
    const QString id = QStringLiteral("i-demo-healthy");
    const QStringList groupsBefore = m_rig.groupIds();
    SafetySnapshotJob job(m_rig.api(), DemoRegion, id, {}, fastWait(), recorder(id));
    QSignalSpy finished(&job, &SafetySnapshotJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), SafetySnapshotJob::Outcome::Accomplished);

    const QList<emulator::RequestLogEntry> creates
        = m_rig.calls(QStringLiteral("CreateSnapshotGroup"));
    QCOMPARE(creates.size(), 2);
    QCOMPARE(creates.at(0).outcome, QStringLiteral("dropped"));
    QCOMPARE(creates.at(1).outcome, QStringLiteral("answered"));
    QCOMPARE(creates.at(0).parameters, creates.at(1).parameters); // same token, same rest
    QCOMPARE(creates.at(1).parameters.value(QStringLiteral("ClientToken")), job.clientToken());
    // The first create did take effect; the second one was answered with that same group.
    QCOMPARE(m_rig.groupIds().size(), groupsBefore.size() + 1);
    QVERIFY(m_rig.groupIds().contains(job.snapshotGroupId()));
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job SafetySnapshot started"),
            QStringLiteral("call CreateSnapshotGroup unknown network"),
            QStringLiteral("call CreateSnapshotGroup succeeded"),
            QStringLiteral("job SafetySnapshot succeeded") }));
}

void TestRemedyJobs::createNeverAnsweredGivesUpAfterThreeAttempts()
{
    QCOMPARE(
        m_rig.setFaults(R"({"drops":[{"action":"CreateSnapshotGroup","next":5,"when":"before"}]})"),
        QString());
    const QString id = QStringLiteral("i-demo-healthy");
    const QStringList groupsBefore = m_rig.groupIds();
    SafetySnapshotJob job(m_rig.api(), DemoRegion, id, {}, fastWait(), recorder(id));
    QSignalSpy finished(&job, &SafetySnapshotJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), SafetySnapshotJob::Outcome::Failed);
    QCOMPARE(m_rig.calls(QStringLiteral("CreateSnapshotGroup")).size(),
        SafetySnapshotJob::MaxCreateAttempts);
    QVERIFY2(job.message().contains(QLatin1String("no answer after 3 attempts"))
            && job.message().contains(job.clientToken())
            && job.message().contains(QLatin1String("rollback was not started")),
        qPrintable(job.message()));
    QCOMPARE(job.error().kind(), ApiError::Kind::Network);
    QCOMPARE(m_rig.groupIds(), groupsBefore);
    QCOMPARE(journalLines().count(QStringLiteral("call CreateSnapshotGroup unknown network")), 3);
    QCOMPARE(journalLines().last(), QStringLiteral("job SafetySnapshot failed"));
}

void TestRemedyJobs::snapshotInProgressRefusesTheCreate()
{
    const QString id = QStringLiteral("i-demo-progressing");
    const QStringList groupsBefore = m_rig.groupIds();
    SafetySnapshotJob job(m_rig.api(), DemoRegion, id, {}, fastWait(), recorder(id));
    QSignalSpy finished(&job, &SafetySnapshotJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), SafetySnapshotJob::Outcome::Failed);
    QCOMPARE(job.error().code(), QStringLiteral("IncorrectDiskStatus.CreatingSnapshot"));
    QVERIFY2(job.message().contains(QLatin1String("still being created"))
            && job.message().contains(QLatin1String("IncorrectDiskStatus.CreatingSnapshot")),
        qPrintable(job.message()));
    QVERIFY(job.snapshotGroupId().isEmpty());
    QCOMPARE(m_rig.calls(QStringLiteral("CreateSnapshotGroup")).size(), 1); // a refusal: once
    QCOMPARE(m_rig.groupIds(), groupsBefore);
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job SafetySnapshot started"),
            QStringLiteral("call CreateSnapshotGroup failed IncorrectDiskStatus.CreatingSnapshot"),
            QStringLiteral("job SafetySnapshot failed") }));
}

void TestRemedyJobs::snapshotStillCreatingTimesOut()
{
    emulator::ServiceTiming slow = fastTiming();
    slow.snapshotStepMs = 5000;
    m_rig.service()->setTiming(slow);
    const QString id = QStringLiteral("i-demo-healthy");
    SafetySnapshotJob job(m_rig.api(), DemoRegion, id, {}, fastWait(500), recorder(id));
    QSignalSpy finished(&job, &SafetySnapshotJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), SafetySnapshotJob::Outcome::Failed);
    QVERIFY(!job.snapshotGroupId().isEmpty());
    QVERIFY2(job.message().contains(job.snapshotGroupId())
            && job.message().contains(QLatin1String("still being created; the rollback was not "
                                                    "started")),
        qPrintable(job.message()));
    QCOMPARE(m_rig.group(job.snapshotGroupId())[QLatin1String("Status")].toString(),
        SnapshotGroupStatusName::Progressing);
    const qsizetype polls = m_rig.calls(QStringLiteral("DescribeSnapshotGroups")).size();
    QVERIFY(polls >= 2); // polled until the deadline, ...
    QTest::qWait(200);
    QCOMPARE(m_rig.calls(QStringLiteral("DescribeSnapshotGroups")).size(), polls); // ... not after
}

void TestRemedyJobs::cancelWhileCreatingStillJournalsTheCreate()
{
    QCOMPARE(m_rig.setFaults(R"({"latency":[{"action":"CreateSnapshotGroup","fixedMs":200}]})"),
        QString());
    const QString id = QStringLiteral("i-demo-healthy");
    const QStringList groupsBefore = m_rig.groupIds();
    SafetySnapshotJob job(m_rig.api(), DemoRegion, id, {}, fastWait(), recorder(id));
    QSignalSpy finished(&job, &SafetySnapshotJob::finished);
    job.start();
    job.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.outcome(), SafetySnapshotJob::Outcome::Cancelled);
    // The create already handed to the client still goes out, takes effect, and is
    // journalled; nothing is polled for the cancelled job.
    QTRY_VERIFY_WITH_TIMEOUT(journalLines().size() == 3, 5000);
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job SafetySnapshot started"),
            QStringLiteral("job SafetySnapshot cancelled"),
            QStringLiteral("call CreateSnapshotGroup succeeded") }));
    QCOMPARE(m_rig.groupIds().size(), groupsBefore.size() + 1);
    QTest::qWait(200);
    QCOMPARE(m_rig.calls(QStringLiteral("DescribeSnapshotGroups")).size(), 0);
    QCOMPARE(finished.count(), 1);
}

void TestRemedyJobs::nameRules_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("default") << SafetySnapshotJob::defaultName(QDateTime::currentDateTimeUtc())
                             << true;
    QTest::newRow("plain") << "before-upgrade_2.1:final" << true;
    QTest::newRow("empty: no name") << "" << true;
    QTest::newRow("space") << "Before rollback" << false;
    QTest::newRow("digit first") << "1st-safety" << false;
    QTest::newRow("auto prefix") << "autoSnapshot" << false;
    QTest::newRow("url") << "http://example.com" << false;
    QTest::newRow("one character") << "a" << false;
    QTest::newRow("128 characters") << QString(128, QLatin1Char('a')) << true;
    QTest::newRow("129 characters") << QString(129, QLatin1Char('a')) << false;
}

void TestRemedyJobs::nameRules()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(SafetySnapshotJob::nameProblem(name).isEmpty(), valid);
}

void TestRemedyJobs::badNameFailsBeforeSending()
{
    const QString id = QStringLiteral("i-demo-healthy");
    SafetySnapshotJob job(m_rig.api(), DemoRegion, id, {}, fastWait(), recorder(id));
    job.setName(QStringLiteral("Before rollback"));
    QSignalSpy finished(&job, &SafetySnapshotJob::finished);
    job.start();
    QCOMPARE(finished.count(), 0);
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), SafetySnapshotJob::Outcome::Failed);
    QCOMPARE(job.message(), SafetySnapshotJob::nameProblem(QStringLiteral("Before rollback")));
    QVERIFY(m_rig.calls().isEmpty());
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job SafetySnapshot started"),
            QStringLiteral("job SafetySnapshot failed") }));
}
