// Crash safety of RollbackJob: the job dies (as under SIGKILL: nothing more is written) or
// is interrupted for a quit at each step; the journal's write-ahead records are enough for
// a new job to find the operation, read the service state and finish it with the true
// outcome, never sending the irreversible call a second time.
#include "JobHarness.h"
#include "journal/Journal.h"
#include "journal/OperationLock.h"
#include "rollback/RollbackRecord.h"

#include <QSignalSpy>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

namespace {

const QString group = QStringLiteral("ssg-demo-healthy");
const QString instance = QStringLiteral("i-demo-healthy");
const QString disk = QStringLiteral("d-demo-healthy-data1");
const QString snapshot = QStringLiteral("s-demo-healthy-data1");

enum class Stop { Kill, Interrupt };

int countOf(const QList<JournalEntry> &entries, const QString &outcome)
{
    return int(std::count_if(entries.cbegin(), entries.cend(),
        [&](const JournalEntry &entry) { return entry.outcome == outcome; }));
}

} // namespace

Q_DECLARE_METATYPE(Stop)

class TestRollbackJobRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resumedJobFinishesTruthfully_data();
    void resumedJobFinishesTruthfully();
    void finishedOperationsAreNotUnfinished();
    void operationStillRunningElsewhereIsLeftAlone();
};

void TestRollbackJobRecovery::resumedJobFinishesTruthfully_data()
{
    QTest::addColumn<Stop>("stop");
    QTest::addColumn<RollbackJob::Step>("step");
    QTest::addColumn<bool>("rollbackSent");

    using S = RollbackJob::Step;
    for (const auto &[name, stop] :
        { std::pair { "killed", Stop::Kill }, std::pair { "interrupted", Stop::Interrupt } }) {
        for (const auto &[step, sent] :
            { std::pair { S::Check, false }, std::pair { S::SafetySnapshot, false },
                std::pair { S::DryRun, false }, std::pair { S::Recheck, false },
                std::pair { S::Rollback, true }, std::pair { S::WaitForDisks, true },
                std::pair { S::StartInstance, true }, std::pair { S::Verify, true } }) {
            QTest::addRow("%s at %s", name, qPrintable(RollbackJob::stepKey(step)))
                << stop << step << sent;
        }
    }
}

void TestRollbackJobRecovery::resumedJobFinishesTruthfully()
{
    QFETCH(Stop, stop);
    QFETCH(RollbackJob::Step, step);
    QFETCH(bool, rollbackSent);

    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    QVERIFY(harness.service()->setDiskContentMarker(disk, QStringLiteral("written later")));
    RollbackPlan plan = harness.plan(group, instance, { disk });
    plan.safetySnapshot = true;
    plan.startAfterRollback = true;

    auto *job = new RollbackJob(harness.api(), plan, harness.journal());
    const QString operationId = job->operationId();
    bool stopped = false;
    QSignalSpy finished(job, &RollbackJob::finished);
    connect(job, &RollbackJob::stepChanged, job,
        [&](RollbackJob::Step changed, RollbackJob::StepState state) {
            if (stopped || changed != step || state != RollbackJob::StepState::Running)
                return;
            stopped = true;
            // Later, not from inside the job's own signal.
            QMetaObject::invokeMethod(
                job,
                [&] {
                    if (stop == Stop::Kill) {
                        delete job; // writes nothing more, like a process killed here
                        job = nullptr;
                    } else {
                        job->interrupt();
                    }
                },
                Qt::QueuedConnection);
        });
    job->start();
    QTRY_VERIFY_WITH_TIMEOUT(stopped && (!job || finished.count() == 1), 30000);
    bool finishedAnyway = false;
    if (job) {
        // An interrupted job records how it ended; before the call that is Cancelled. The
        // last step, a read, is let finish: then there is nothing left to resume.
        finishedAnyway = step == RollbackJob::Step::Verify;
        QCOMPARE(job->outcome(),
            finishedAnyway     ? RollbackJob::Outcome::Succeeded
                : rollbackSent ? RollbackJob::Outcome::Interrupted
                               : RollbackJob::Outcome::Cancelled);
        delete job;
    }
    // A call in flight when the job was killed may still reach the service later, as it
    // may in reality: so the counts below are over the whole story, not "since the kill".

    // The next start: find the operation from the journal alone.
    const auto entries = harness.journal()->entries();
    QVERIFY(entries.has_value());
    const QList<RollbackRecord> unfinished = RollbackRecord::unfinished(*entries);
    if (stop == Stop::Interrupt && (!rollbackSent || finishedAnyway)) {
        QCOMPARE(unfinished.size(), 0); // cancelled is an outcome
        return;
    }
    QCOMPARE(unfinished.size(), 1);
    RollbackRecord record = unfinished.first();
    QCOMPARE(record.operationId, operationId);
    QCOMPARE(record.plan.diskIds, plan.diskIds);
    QCOMPARE(record.plan.startAfterRollback, true);
    record.plan.waits = plan.waits;
    RollbackJob resumed(harness.api(), record, harness.journal());
    QSignalSpy resumedFinished(&resumed, &RollbackJob::finished);
    resumed.resume();
    QVERIFY(resumedFinished.wait(30000));

    // Never a second irreversible call: the plan is one batch, so one call at most in all.
    QVERIFY(harness.rollbackCalls(false) <= 1);
    const bool rolledBack
        = harness.service()->diskContentMarker(disk) == harness.snapshotMarker(snapshot);
    switch (resumed.outcome()) {
    case RollbackJob::Outcome::Cancelled:
        // Only when no intent to send was recorded: then nothing was sent.
        QCOMPARE(harness.rollbackCalls(false), 0);
        QVERIFY(!rolledBack);
        break;
    case RollbackJob::Outcome::Succeeded:
        QVERIFY(rolledBack);
        QCOMPARE(harness.instanceStatus(instance), QStringLiteral("Running"));
        break;
    case RollbackJob::Outcome::Unknown:
        // Only for a call whose answer was never recorded; the text says it was not resent.
        QCOMPARE(step, RollbackJob::Step::Rollback);
        QCOMPARE(resumed.retryPlan().diskIds, QStringList { disk });
        break;
    default:
        QFAIL(qPrintable(
            RollbackJob::outcomeName(resumed.outcome()) + QLatin1Char(' ') + resumed.summary()));
    }
    if (step > RollbackJob::Step::Rollback)
        QCOMPARE(resumed.outcome(), RollbackJob::Outcome::Succeeded);
    if (!rollbackSent)
        QCOMPARE(resumed.outcome(), RollbackJob::Outcome::Cancelled);
    QVERIFY2(resumed.operationId() == operationId, qPrintable(resumed.operationId()));

    // The operation now has its last word, and is not found again.
    const auto after = harness.journal()->entries();
    QVERIFY(after.has_value());
    QCOMPARE(RollbackRecord::unfinished(*after).size(), 0);
    const QList<JournalEntry> jobEntries
        = harness.journalEntries(operationId, QStringLiteral("Rollback"));
    QVERIFY(jobEntries.size() >= 3);
    QCOMPARE(jobEntries.first().outcome, JournalOutcome::Started);
    QVERIFY(std::any_of(jobEntries.cbegin(), jobEntries.cend(),
        [](const JournalEntry &entry) { return entry.outcome == JournalOutcome::Resumed; }));
}

void TestRollbackJobRecovery::finishedOperationsAreNotUnfinished()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    RollbackJob job(harness.api(), harness.plan(group, instance, { disk }), harness.journal());
    QVERIFY(harness.run(job));
    QCOMPARE(job.outcome(), RollbackJob::Outcome::Succeeded);
    const auto entries = harness.journal()->entries();
    QVERIFY(entries.has_value());
    QCOMPARE(RollbackRecord::unfinished(*entries).size(), 0);
    // The record still reads back, with what the job did.
    const std::optional<RollbackRecord> record
        = RollbackRecord::fromEntries(harness.journalEntries(job.operationId()));
    QVERIFY(record.has_value());
    QCOMPARE(record->disksIn(RollbackRecord::CallState::Accepted), QStringList { disk });
    QCOMPARE(record->lastStep, RollbackJob::stepKey(RollbackJob::Step::Verify));
}

QTEST_GUILESS_MAIN(TestRollbackJobRecovery)
#include "tst_rollback_job_recovery.moc"

void TestRollbackJobRecovery::operationStillRunningElsewhereIsLeftAlone()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    RollbackPlan plan = harness.plan(group, instance, { disk });
    plan.startAfterRollback = true;
    RollbackJob running(harness.api(), plan, harness.journal());
    QSignalSpy runningFinished(&running, &RollbackJob::finished);
    bool waiting = false;
    connect(&running, &RollbackJob::stepChanged, this,
        [&](RollbackJob::Step step, RollbackJob::StepState state) {
            waiting = waiting
                || (step == RollbackJob::Step::WaitForDisks
                    && state == RollbackJob::StepState::Running);
        });
    running.start();
    QTRY_VERIFY_WITH_TIMEOUT(waiting, 30000);

    // A second console (or ecs-rollback-cli resume) finds the operation unfinished...
    const auto entries = harness.journal()->entries();
    QVERIFY(entries.has_value());
    const QList<RollbackRecord> unfinished = RollbackRecord::unfinished(*entries);
    QCOMPARE(unfinished.size(), 1);
    RollbackJob second(harness.api(), unfinished.first(), harness.journal());
    QSignalSpy secondFinished(&second, &RollbackJob::finished);
    second.resume();
    QVERIFY(secondFinished.wait(5000));
    // ...but the running job holds it: nothing done, nothing written, the holder named.
    QCOMPARE(second.outcome(), RollbackJob::Outcome::Interrupted);
    QVERIFY2(second.summary().contains(QStringLiteral("PID")), qPrintable(second.summary()));
    QCOMPARE(countOf(*harness.journal()->entries(), JournalOutcome::Resumed), 0);
    // Nor may the sandbox rule close it while it runs.
    QVERIFY(RollbackJob::closeSandboxOperation(harness.journal(), unfinished.first())
                .contains(QStringLiteral("being carried on")));
    QCOMPARE(RollbackRecord::unfinished(*harness.journal()->entries()).size(), 1);

    QVERIFY(runningFinished.wait(30000));
    QCOMPARE(running.outcome(), RollbackJob::Outcome::Succeeded);
    QCOMPARE(harness.rollbackCalls(false), 1);
    QCOMPARE(harness.callsOf(QStringLiteral("StartInstance")), 1);
    // Once it has ended, the lock is free again.
    QCOMPARE(
        OperationLock::holder(harness.journal()->filePath(), running.operationId()), std::nullopt);
}
