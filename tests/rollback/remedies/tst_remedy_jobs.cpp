// The remedies against the emulator, each with what the service saw (request log), what
// it holds now (world) and what was journalled. This file: the rig and journal helpers,
// and stopping in standard mode (from Running, Starting, Stopping, an economical stop,
// with a lost answer, without stock, under a security lock, cancelled).
#include "TestRemedyJobs.h"
#include "rollback/StopInStandardModeJob.h"

#include <QSignalSpy>
#include <QTest>

using namespace ecs;
using namespace ecs::test;

void TestRemedyJobs::init()
{
    const QString problem = m_rig.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_rig.clearLog();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_journal = std::make_unique<Journal>(m_dir->filePath(QStringLiteral("journal.sqlite")));
    QVERIFY2(m_journal->open(), qPrintable(m_journal->problem()));
}

void TestRemedyJobs::cleanup()
{
    m_rig.stop();
    m_journal.reset();
    m_dir.reset();
}

OperationRecorder TestRemedyJobs::recorder(const QString &instanceId)
{
    return OperationRecorder(m_journal.get(), QStringLiteral("Sandbox"), DemoRegion, instanceId,
        QStringLiteral("ssg-rolled-back-from"));
}

QList<JournalEntry> TestRemedyJobs::journalEntries() const
{
    return m_journal->entries().value_or(QList<JournalEntry>());
}

QStringList TestRemedyJobs::journalLines() const
{
    QStringList lines;
    for (const JournalEntry &entry : journalEntries()) {
        QString line
            = entry.kind + QLatin1Char(' ') + entry.action + QLatin1Char(' ') + entry.outcome;
        if (!entry.errorCode.isEmpty())
            line += QLatin1Char(' ') + entry.errorCode;
        lines.append(line);
    }
    return lines;
}
void TestRemedyJobs::stopsRunningInstanceInStandardMode()
{
    const QString id = QStringLiteral("i-demo-running");
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    QSignalSpy progressed(&job, &StopInStandardModeJob::progressed);
    job.start();
    QVERIFY(job.isRunning());
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Stopped);
    QVERIFY(job.message().isEmpty());
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Stopped);
    QCOMPARE(
        m_rig.instance(id)[QLatin1String("StoppedMode")].toString(), StoppedModeName::KeepCharging);
    QCOMPARE(m_rig.mutatingActions(), QStringList { QStringLiteral("StopInstance") });
    QCOMPARE(m_rig.calls(QStringLiteral("StopInstance"))
                 .first()
                 .parameters.value(QStringLiteral("StoppedMode")),
        StoppedModeName::KeepCharging);
    QVERIFY(progressed.count() >= 2);
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job StopInStandardMode started"),
            QStringLiteral("call StopInstance succeeded"),
            QStringLiteral("job StopInStandardMode succeeded") }));
    const QList<JournalEntry> entries = journalEntries();
    QCOMPARE(
        entries.at(1).requestId, m_rig.calls(QStringLiteral("StopInstance")).first().requestId);
    QCOMPARE(entries.at(1).instanceId, id);
    QCOMPARE(entries.at(1).profile, QStringLiteral("Sandbox"));
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
}

void TestRemedyJobs::economicalStopIsStartedThenStoppedInStandardMode()
{
    const QString id = QStringLiteral("i-demo-economical");
    QCOMPARE(
        m_rig.instance(id)[QLatin1String("StoppedMode")].toString(), StoppedModeName::StopCharging);
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Stopped);
    QCOMPARE(m_rig.mutatingActions(),
        QStringList({ QStringLiteral("StartInstance"), QStringLiteral("StopInstance") }));
    QCOMPARE(m_rig.calls(QStringLiteral("StopInstance"))
                 .first()
                 .parameters.value(QStringLiteral("StoppedMode")),
        StoppedModeName::KeepCharging);
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Stopped);
    QCOMPARE(
        m_rig.instance(id)[QLatin1String("StoppedMode")].toString(), StoppedModeName::KeepCharging);
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job StopInStandardMode started"),
            QStringLiteral("call StartInstance succeeded"),
            QStringLiteral("call StopInstance succeeded"),
            QStringLiteral("job StopInStandardMode succeeded") }));
}

void TestRemedyJobs::noStockLeavesTheInstanceStoppedEconomically()
{
    emulator::ServiceTiming noStock = fastTiming();
    noStock.economicalStartFailureRate = 1.0;
    m_rig.service()->setTiming(noStock);
    const QString id = QStringLiteral("i-demo-economical");
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Failed);
    QCOMPARE(job.error().code(), QStringLiteral("OperationDenied.NoStock"));
    QVERIFY2(job.message().contains(QLatin1String("stays stopped in economical mode"))
            && job.message().contains(QLatin1String("cannot be switched to standard mode"))
            && job.message().contains(QLatin1String("OperationDenied.NoStock")),
        qPrintable(job.message()));
    QCOMPARE(m_rig.mutatingActions(), QStringList { QStringLiteral("StartInstance") });
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Stopped);
    QCOMPARE(
        m_rig.instance(id)[QLatin1String("StoppedMode")].toString(), StoppedModeName::StopCharging);
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job StopInStandardMode started"),
            QStringLiteral("call StartInstance failed OperationDenied.NoStock"),
            QStringLiteral("job StopInStandardMode failed") }));
    QCOMPARE(journalEntries().last().message, job.message());
}

void TestRemedyJobs::droppedStopAnswerIsNotSentAgain()
{
    QCOMPARE(m_rig.setFaults(R"({"drops":[{"action":"StopInstance","next":1,"when":"after"}]})"),
        QString());
    const QString id = QStringLiteral("i-demo-running");
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Stopped);
    const QList<emulator::RequestLogEntry> stops = m_rig.calls(QStringLiteral("StopInstance"));
    QCOMPARE(stops.size(), 1);
    QCOMPARE(stops.first().outcome, QStringLiteral("dropped"));
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Stopped);
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job StopInStandardMode started"),
            QStringLiteral("call StopInstance unknown network"),
            QStringLiteral("job StopInStandardMode succeeded") }));
}

void TestRemedyJobs::stopThatNeverArrivedFailsAfterTheTimeout()
{
    // Dropped before the service saw it: the instance stays Running.
    QCOMPARE(m_rig.setFaults(R"({"drops":[{"action":"StopInstance","next":1,"when":"before"}]})"),
        QString());
    const QString id = QStringLiteral("i-demo-running");
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(600), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Failed);
    QVERIFY2(job.message().contains(QLatin1String("still Running"))
            && job.message().contains(QLatin1String("StopInstance request got no answer and may "
                                                    "not have arrived")),
        qPrintable(job.message()));
    QCOMPARE(m_rig.calls(QStringLiteral("StopInstance")).size(), 1);
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Running);
    QCOMPARE(journalLines().last(), QStringLiteral("job StopInStandardMode failed"));
}

void TestRemedyJobs::standardStopNeedsNoCall()
{
    const QString id = QStringLiteral("i-demo-healthy");
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QCOMPARE(finished.count(), 0); // later, never inside start()
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Stopped);
    QVERIFY(m_rig.mutatingActions().isEmpty());
    QCOMPARE(m_rig.calls().size(), 1); // one DescribeInstances
}

void TestRemedyJobs::stoppingInstanceIsWaitedFor()
{
    const QString id = QStringLiteral("i-demo-running");
    StopInstanceRequest stop;
    stop.regionId = DemoRegion;
    stop.instanceId = id;
    const auto answer = await<QString>(
        [&](ResultHandler<QString> handler) { m_rig.api()->stopInstance(stop, this, handler); });
    QVERIFY(answer && answer->ok());
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Stopping);

    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Stopped);
    QCOMPARE(m_rig.calls(QStringLiteral("StopInstance")).size(), 1); // the test's own
    QVERIFY(m_rig.calls(QStringLiteral("DescribeInstances")).size() >= 2);
}

void TestRemedyJobs::startingInstanceIsWaitedForThenStopped()
{
    const QString id = QStringLiteral("i-demo-healthy");
    StartInstanceRequest start;
    start.regionId = DemoRegion;
    start.instanceId = id;
    const auto answer = await<QString>(
        [&](ResultHandler<QString> handler) { m_rig.api()->startInstance(start, this, handler); });
    QVERIFY(answer && answer->ok());
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Starting);

    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Stopped);
    QCOMPARE(m_rig.mutatingActions(),
        QStringList({ QStringLiteral("StartInstance"), QStringLiteral("StopInstance") }));
    QCOMPARE(m_rig.instance(id)[QLatin1String("Status")].toString(), InstanceStatusName::Stopped);
    QCOMPARE(
        m_rig.instance(id)[QLatin1String("StoppedMode")].toString(), StoppedModeName::KeepCharging);
}

void TestRemedyJobs::securityLockFailsWithTheReason()
{
    const QString id = QStringLiteral("i-demo-locked");
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    job.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Failed);
    QVERIFY2(
        job.message().contains(QLatin1String("locked for security")), qPrintable(job.message()));
    QVERIFY(m_rig.mutatingActions().isEmpty());
}

void TestRemedyJobs::cancelLeavesTheSentStopJournalled()
{
    const QString id = QStringLiteral("i-demo-running");
    // A slow answer, so the cancel lands while StopInstance is in flight.
    QCOMPARE(
        m_rig.setFaults(R"({"latency":[{"action":"StopInstance","fixedMs":300}]})"), QString());
    StopInStandardModeJob job(m_rig.api(), DemoRegion, id, fastWait(), recorder(id));
    QSignalSpy finished(&job, &StopInStandardModeJob::finished);
    QSignalSpy progressed(&job, &StopInStandardModeJob::progressed);
    job.start();
    // Cancelled right after the StopInstance went out.
    QTRY_VERIFY_WITH_TIMEOUT(!progressed.isEmpty()
            && progressed.last().first().toString().startsWith(QLatin1String("Stopping instance")),
        5000);
    job.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.outcome(), StopInStandardModeJob::Outcome::Cancelled);
    // The answer still arrives and is journalled after the job's end.
    QTRY_VERIFY_WITH_TIMEOUT(journalLines().size() == 3, 5000);
    QCOMPARE(journalLines(),
        QStringList({ QStringLiteral("job StopInStandardMode started"),
            QStringLiteral("job StopInStandardMode cancelled"),
            QStringLiteral("call StopInstance succeeded") }));
    QCOMPARE(finished.count(), 1);
}
QTEST_GUILESS_MAIN(TestRemedyJobs)
