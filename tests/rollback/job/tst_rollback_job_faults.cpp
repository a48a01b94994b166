// Every fault-injection point around the irreversible call: each run ends in either a
// completed rollback or a safe, explained stop, never with a rollback call sent twice by
// accident, and always with the journal complete.
#include "JobHarness.h"

#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

namespace {

const QString group = QStringLiteral("ssg-demo-healthy");
const QString instance = QStringLiteral("i-demo-healthy");
const QString disk = QStringLiteral("d-demo-healthy-data1");
const QString snapshot = QStringLiteral("s-demo-healthy-data1");

enum class Moment { AfterRecheck, AfterDryRun };

} // namespace

Q_DECLARE_METATYPE(Moment)

class TestRollbackJobFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultEndsSafely_data();
    void faultEndsSafely();
};

void TestRollbackJobFaults::faultEndsSafely_data()
{
    QTest::addColumn<Moment>("moment");
    // A fault plan for the emulator, or "move:<ActorMove>:<resource>" for another actor.
    QTest::addColumn<QString>("fault");
    QTest::addColumn<int>("watchMs");
    QTest::addColumn<RollbackJob::Outcome>("outcome");
    QTest::addColumn<int>("rollbackCalls");
    QTest::addColumn<bool>("rolledBack");
    QTest::addColumn<QString>("journalledResetOutcome"); // of the last ResetDisks entry

    const auto error = [](const QString &kind, const QString &when, int next) {
        return QStringLiteral(
            R"({"errors": [{"action": "ResetDisks", "kind": "%1", "when": "%2", "next": %3}]})")
            .arg(kind, when)
            .arg(next);
    };
    const auto drop = [](const QString &when) {
        return QStringLiteral(R"({"drops": [{"action": "ResetDisks", "when": "%1", "next": 1}]})")
            .arg(when);
    };
    const Moment dry = Moment::AfterDryRun;
    using O = RollbackJob::Outcome;

    QTest::newRow("no fault") << dry << QString() << 1500 << O::Succeeded << 1 << true
                              << JournalOutcome::Succeeded;
    // A 5xx before the service acted: nothing changed, nothing shows it; not resent.
    QTest::newRow("5xx before acting")
        << dry << error(QStringLiteral("InternalError"), QStringLiteral("before"), 1) << 1500
        << O::Unknown << 1 << false << JournalOutcome::Unknown;
    // A 5xx after it acted: the disks show the rollback, so it is confirmed, not resent.
    QTest::newRow("5xx after acting")
        << dry << error(QStringLiteral("InternalError"), QStringLiteral("after"), 1) << 1500
        << O::Succeeded << 1 << true << JournalOutcome::Succeeded;
    QTest::newRow("503 after acting")
        << dry << error(QStringLiteral("ServiceUnavailable"), QStringLiteral("after"), 1) << 1500
        << O::Succeeded << 1 << true << JournalOutcome::Succeeded;
    // Throttling is a refusal before acting: sent again after a pause.
    QTest::newRow("throttled once")
        << dry << error(QStringLiteral("Throttling.User"), QStringLiteral("before"), 1) << 1500
        << O::Succeeded << 2 << true << JournalOutcome::Succeeded;
    QTest::newRow("throttled throughout")
        << dry << error(QStringLiteral("Throttling.User"), QStringLiteral("before"), 50) << 1500
        << O::Failed << 4 << false << JournalOutcome::Failed;
    QTest::newRow("dropped before acting") << dry << drop(QStringLiteral("before")) << 1500
                                           << O::Unknown << 1 << false << JournalOutcome::Unknown;
    QTest::newRow("dropped after acting") << dry << drop(QStringLiteral("after")) << 1500
                                          << O::Succeeded << 1 << true << JournalOutcome::Succeeded;
    // Slower than the client's 2 s timeout: the service still acts when the delay ends,
    // and the watch sees it.
    QTest::newRow("timeout, acted late")
        << dry << QStringLiteral(R"({"latency": [{"action": "ResetDisks", "fixedMs": 2500}]})")
        << 4000 << O::Succeeded << 1 << true << JournalOutcome::Succeeded;
    // A refusal of the re-sent call because the first, throttled attempt was carried out
    // after all: the reset under way is this job's, not "nothing was rolled back".
    QTest::newRow("throttled after acting")
        << dry << error(QStringLiteral("Throttling.User"), QStringLiteral("after"), 1) << 1500
        << O::Succeeded << 2 << true << JournalOutcome::Succeeded;
    // Another actor between the dry run and the re-check: the re-check, the last step
    // before the call, stops the job; nothing is sent.
    QTest::newRow("instance started after dry run")
        << dry << QStringLiteral("move:StartInstance:") + instance << 1500 << O::Blocked << 0
        << false << QString();
    QTest::newRow("snapshot deleted after dry run")
        << dry << QStringLiteral("move:DeleteSnapshot:") + snapshot << 1500 << O::Blocked << 0
        << false << QString();
    QTest::newRow("disk detached after dry run") << dry << QStringLiteral("move:DetachDisk:") + disk
                                                 << 1500 << O::Blocked << 0 << false << QString();
    // ... or between the re-check and the call (nothing of the job runs in between, so only
    // an actor faster than one event-loop turn gets there): the service refuses it, or the
    // rollback happens and the result says what changed, never "succeeded".
    QTest::newRow("instance started after re-check")
        << Moment::AfterRecheck << QStringLiteral("move:StartInstance:") + instance << 1500
        << O::Failed << 1 << false << JournalOutcome::Failed;
    QTest::newRow("snapshot deleted after re-check")
        << Moment::AfterRecheck << QStringLiteral("move:DeleteSnapshot:") + snapshot << 1500
        << O::Failed << 1 << false << JournalOutcome::Failed;
    QTest::newRow("disk detached after re-check")
        << Moment::AfterRecheck << QStringLiteral("move:DetachDisk:") + disk << 1500
        << O::RolledBackButChanged << 1 << true << JournalOutcome::Succeeded;
}

void TestRollbackJobFaults::faultEndsSafely()
{
    QFETCH(Moment, moment);
    QFETCH(QString, fault);
    QFETCH(int, watchMs);
    QFETCH(RollbackJob::Outcome, outcome);
    QFETCH(int, rollbackCalls);
    QFETCH(bool, rolledBack);
    QFETCH(QString, journalledResetOutcome);

    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(harness.service()->setDiskContentMarker(disk, QStringLiteral("written later")));
    RollbackPlan plan = harness.plan(group, instance, { disk });
    plan.unknownOutcomeWatchMs = watchMs;
    RollbackJob job(harness.api(), plan, harness.journal());

    QString injectionError;
    bool injected = false;
    const RollbackJob::Step injectAfter
        = moment == Moment::AfterDryRun ? RollbackJob::Step::DryRun : RollbackJob::Step::Recheck;
    connect(&job, &RollbackJob::stepChanged, &job,
        [&](RollbackJob::Step step, RollbackJob::StepState state) {
            if (step != injectAfter || state != RollbackJob::StepState::Done || injected
                || fault.isEmpty())
                return;
            injected = true;
            // Runs before the job sends its next call: the signal is emitted first.
            if (fault.startsWith(QLatin1String("move:"))) {
                const QStringList parts = fault.split(QLatin1Char(':'));
                injectionError = harness.service()->applyActorMove(parts.at(1), parts.at(2));
            } else {
                injectionError = harness.setFaults(fault);
            }
        });
    QVERIFY(harness.run(job, 60000));
    QVERIFY2(injectionError.isEmpty(), qPrintable(injectionError));
    QCOMPARE(injected, !fault.isEmpty());

    QVERIFY2(job.outcome() == outcome,
        qPrintable(RollbackJob::outcomeName(job.outcome()) + QStringLiteral(": ") + job.summary()));
    QCOMPARE(harness.rollbackCalls(false), rollbackCalls);
    QCOMPARE(
        harness.service()->diskContentMarker(disk) == harness.snapshotMarker(snapshot), rolledBack);
    QCOMPARE(
        harness.service()->diskContentMarker(disk) == QLatin1String("written later"), !rolledBack);
    QCOMPARE(job.diskState(disk) == RollbackDiskState::RolledBack, rolledBack);
    QVERIFY(!job.summary().isEmpty());
    if (outcome == RollbackJob::Outcome::Unknown) {
        QCOMPARE(job.diskState(disk), RollbackDiskState::Unknown);
        QVERIFY2(
            job.summary().contains(QLatin1String("not sent again")), qPrintable(job.summary()));
        QCOMPARE(job.retryPlan().diskIds, QStringList { disk });
    }
    if (!rolledBack)
        QCOMPARE(harness.instanceStatus(instance) == QLatin1String("Running"),
            fault.contains(QLatin1String("StartInstance")));

    // The journal: start and end of the job, and the last word on the rollback call.
    const QList<JournalEntry> jobEntries
        = harness.journalEntries(job.operationId(), QStringLiteral("Rollback"));
    QCOMPARE(jobEntries.size(), 2);
    QCOMPARE(jobEntries.first().outcome, JournalOutcome::Started);
    QVERIFY(jobEntries.last().outcome != JournalOutcome::Started);
    const QList<JournalEntry> resets
        = harness.journalEntries(job.operationId(), QStringLiteral("ResetDisks"));
    QCOMPARE(resets.isEmpty(), journalledResetOutcome.isEmpty());
    if (!resets.isEmpty())
        QCOMPARE(resets.last().outcome, journalledResetOutcome);
    QCOMPARE(harness.journal()->unsaved().size(), 0);
}

QTEST_GUILESS_MAIN(TestRollbackJobFaults)
#include "tst_rollback_job_faults.moc"
