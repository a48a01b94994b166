// RollbackJob's result against the state the service shows at the end: a change found by
// the last re-check, a wait that ends while the disks are still being reset, another
// actor starting the instance, a throttled start, a released disk, and a check that could
// not read the state. Each result text must say what is true.
#include "JobHarness.h"

#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

namespace {

const QString group = QStringLiteral("ssg-demo-healthy");
const QString instance = QStringLiteral("i-demo-healthy");
const QString data1 = QStringLiteral("d-demo-healthy-data1");
const QString data2 = QStringLiteral("d-demo-healthy-data2");

// Runs `move` on the emulator the moment `step` reaches `state`, once.
void moveWhen(RollbackJob &job, JobHarness &harness, RollbackJob::Step step,
    RollbackJob::StepState state, const QString &move, const QString &resourceId, QString *error)
{
    auto done = std::make_shared<bool>(false);
    QObject::connect(&job, &RollbackJob::stepChanged, &job,
        [=, &harness](RollbackJob::Step changed, RollbackJob::StepState now) {
            if (*done || changed != step || now != state)
                return;
            *done = true;
            *error = harness.service()->applyActorMove(move, resourceId);
        });
}

} // namespace

class TestRollbackJobResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changedDiskIsLeftOutWhenThePlanSaysSo();
    void waitEndingDuringTheResetIsInterruptedNotUnknown();
    void instanceStartedByAnotherActorIsReportedAsRunning();
    void throttledStartIsSentAgain();
    void releasedDiskIsNotInTheRetryPlan();
    void unreadableStateIsAnErrorNotABlock();
};

void TestRollbackJobResults::changedDiskIsLeftOutWhenThePlanSaysSo()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    QVERIFY(harness.service()->setDiskContentMarker(data2, QStringLiteral("written later")));
    RollbackPlan plan = harness.plan(group, instance, { data1, data2 });
    plan.onChangeBeforeCall = RollbackPlan::ChangePolicy::SkipChangedDisks;
    plan.startAfterRollback = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    QString moveError;
    moveWhen(job, harness, RollbackJob::Step::DryRun, RollbackJob::StepState::Done,
        QStringLiteral("DetachDisk"), data2, &moveError);
    QVERIFY(harness.run(job));
    QCOMPARE(moveError, QString());

    QCOMPARE(job.outcome(), RollbackJob::Outcome::Partial);
    QCOMPARE(job.diskState(data1), RollbackDiskState::RolledBack);
    QCOMPARE(job.diskState(data2), RollbackDiskState::NotSent);
    QVERIFY2(job.diskMessage(data2).contains(QLatin1String("changed since the first check")),
        qPrintable(job.diskMessage(data2)));
    QCOMPARE(harness.service()->diskContentMarker(data2), QStringLiteral("written later"));
    QCOMPARE(harness.rollbackCalls(false), 1);
    // Half-restored: not started, whatever the plan asked.
    QCOMPARE(harness.callsOf(QStringLiteral("StartInstance")), 0);
    QVERIFY2(job.summary().contains(data2), qPrintable(job.summary()));
}

void TestRollbackJobResults::waitEndingDuringTheResetIsInterruptedNotUnknown()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    ServiceTiming timing = harness.service()->timing();
    timing.resetMs = 4000;
    harness.service()->setTiming(timing);
    RollbackPlan plan = harness.plan(group, instance, { data1 });
    plan.waits.timeoutMs = 400;
    RollbackJob job(harness.api(), plan, harness.journal());
    QVERIFY(harness.run(job));

    QCOMPARE(job.outcome(), RollbackJob::Outcome::Interrupted);
    QCOMPARE(job.diskState(data1), RollbackDiskState::RollingBack);
    QCOMPARE(harness.diskStatus(data1), QStringLiteral("ReIniting"));
    QVERIFY2(!job.summary().contains(QLatin1String("()")), qPrintable(job.summary()));
    QVERIFY2(
        job.summary().contains(QLatin1String("still carrying it out")), qPrintable(job.summary()));
    // Nothing to roll back again: the disk is being reset; resuming is what is left.
    QCOMPARE(job.retryPlan().diskIds, QStringList());
    QCOMPARE(harness.journalEntries(job.operationId(), QStringLiteral("Rollback")).last().outcome,
        JournalOutcome::Interrupted);
}

void TestRollbackJobResults::instanceStartedByAnotherActorIsReportedAsRunning()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    RollbackPlan plan = harness.plan(group, instance, { data1 });
    plan.startAfterRollback = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    QString moveError;
    moveWhen(job, harness, RollbackJob::Step::WaitForDisks, RollbackJob::StepState::Done,
        QStringLiteral("StartInstance"), instance, &moveError);
    QVERIFY(harness.run(job));
    QCOMPARE(moveError, QString());

    QCOMPARE(harness.callsOf(QStringLiteral("StartInstance")), 1);
    QCOMPARE(harness.instanceStatus(instance), QStringLiteral("Running"));
    QVERIFY2(job.outcome() == RollbackJob::Outcome::Succeeded, qPrintable(job.summary()));
    QVERIFY2(
        job.summary().contains(QLatin1String("Someone else started")), qPrintable(job.summary()));
    QVERIFY2(!job.summary().contains(QLatin1String("did not start")), qPrintable(job.summary()));
    QCOMPARE(job.finalInstance().status, QStringLiteral("Running"));
}

void TestRollbackJobResults::throttledStartIsSentAgain()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    QCOMPARE(
        harness.setFaults(QStringLiteral(
            R"({"errors": [{"action": "StartInstance", "kind": "Throttling.User", "next": 1}]})")),
        QString());
    RollbackPlan plan = harness.plan(group, instance, { data1 });
    plan.startAfterRollback = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    QVERIFY(harness.run(job));

    QVERIFY2(job.outcome() == RollbackJob::Outcome::Succeeded, qPrintable(job.summary()));
    QCOMPARE(harness.callsOf(QStringLiteral("StartInstance")), 2);
    QCOMPARE(harness.instanceStatus(instance), QStringLiteral("Running"));
}

void TestRollbackJobResults::releasedDiskIsNotInTheRetryPlan()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    RollbackPlan plan = harness.plan(group, instance, { data1, data2 });
    RollbackJob job(harness.api(), plan, harness.journal());
    // Released after the re-check: the service refuses the call for both disks.
    QString moveError;
    moveWhen(job, harness, RollbackJob::Step::Recheck, RollbackJob::StepState::Done,
        QStringLiteral("ReleaseDisk"), data2, &moveError);
    QVERIFY(harness.run(job));
    QCOMPARE(moveError, QString());

    QCOMPARE(job.outcome(), RollbackJob::Outcome::Failed);
    QCOMPARE(harness.rollbackCalls(false), 1);
    QCOMPARE(job.retryPlan().diskIds, QStringList { data1 });
}

void TestRollbackJobResults::unreadableStateIsAnErrorNotABlock()
{
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    QCOMPARE(
        harness.setFaults(QStringLiteral(
            R"({"errors": [{"action": "DescribeDisks", "kind": "ServiceUnavailable", "next": 50}]})")),
        QString());
    RollbackJob job(harness.api(), harness.plan(group, instance, { data1 }), harness.journal());
    QVERIFY(harness.run(job));

    QVERIFY2(job.outcome() == RollbackJob::Outcome::Failed,
        qPrintable(RollbackJob::outcomeName(job.outcome()) + QLatin1Char(' ') + job.summary()));
    QVERIFY2(
        job.summary().contains(QLatin1String("could not be checked")), qPrintable(job.summary()));
    QCOMPARE(harness.rollbackCalls(true) + harness.rollbackCalls(false), 0);
}

QTEST_GUILESS_MAIN(TestRollbackJobResults)
#include "tst_rollback_job_results.moc"
