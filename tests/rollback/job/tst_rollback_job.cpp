// RollbackJob against the emulator: the whole flow, what blocks it before anything is
// changed, a partial rollback across batches, cancellation, and the journal it leaves.
#include "JobHarness.h"
#include "rollback/Precondition.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

namespace {

const QString healthyGroup = QStringLiteral("ssg-demo-healthy");
const QString healthyInstance = QStringLiteral("i-demo-healthy");

QString healthyDisk(const QString &name)
{
    return QStringLiteral("d-demo-healthy-") + name;
}

QString healthySnapshot(const QString &name)
{
    return QStringLiteral("s-demo-healthy-") + name;
}

// An instance with a system disk and `dataDisks` data disks, all in one accomplished
// instance snapshot: more disks than one ResetDisks call takes.
QString bigInstanceScenario(int dataDisks)
{
    QJsonArray disks;
    QJsonArray snapshots;
    QJsonArray snapshotIds;
    for (int i = 0; i <= dataDisks; ++i) {
        const QString name = i == 0 ? QStringLiteral("system") : QStringLiteral("data%1").arg(i);
        const QString type = i == 0 ? QStringLiteral("system") : QStringLiteral("data");
        const QString diskId = QStringLiteral("d-big-") + name;
        const QString snapshotId = QStringLiteral("s-big-") + name;
        const QString today = QStringLiteral("today ") + name;
        const QString lastWeek = QStringLiteral("last week ") + name;
        disks.append(QJsonObject { { QStringLiteral("DiskId"), diskId },
            { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
            { QStringLiteral("ZoneId"), QStringLiteral("cn-hangzhou-h") },
            { QStringLiteral("Status"), QStringLiteral("In_use") },
            { QStringLiteral("Type"), type },
            { QStringLiteral("Category"), QStringLiteral("cloud_essd") },
            { QStringLiteral("Size"), 40 },
            { QStringLiteral("InstanceId"), QStringLiteral("i-big") },
            { QStringLiteral("Device"), QStringLiteral("/dev/vd%1").arg(QChar(u'a' + i)) },
            { QStringLiteral("ContentMarker"), today } });
        snapshots.append(QJsonObject { { QStringLiteral("SnapshotId"), snapshotId },
            { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
            { QStringLiteral("SourceDiskId"), diskId }, { QStringLiteral("SourceDiskType"), type },
            { QStringLiteral("SourceDiskSize"), QStringLiteral("40") },
            { QStringLiteral("Status"), QStringLiteral("accomplished") },
            { QStringLiteral("Progress"), QStringLiteral("100%") },
            { QStringLiteral("Available"), true },
            { QStringLiteral("SourceInstanceId"), QStringLiteral("i-big") },
            { QStringLiteral("ContentMarker"), lastWeek } });
        snapshotIds.append(snapshotId);
    }
    const QJsonObject scenario { { QStringLiteral("Name"), QStringLiteral("big") },
        { QStringLiteral("Regions"),
            QJsonArray {
                QJsonObject { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") } } } },
        { QStringLiteral("Instances"),
            QJsonArray { QJsonObject { { QStringLiteral("InstanceId"), QStringLiteral("i-big") },
                { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
                { QStringLiteral("ZoneId"), QStringLiteral("cn-hangzhou-h") },
                { QStringLiteral("Status"), QStringLiteral("Stopped") },
                { QStringLiteral("StoppedMode"), QStringLiteral("KeepCharging") },
                { QStringLiteral("InstanceChargeType"), QStringLiteral("PostPaid") },
                { QStringLiteral("InstanceNetworkType"), QStringLiteral("vpc") } } } },
        { QStringLiteral("Disks"), disks }, { QStringLiteral("Snapshots"), snapshots },
        { QStringLiteral("SnapshotGroups"),
            QJsonArray {
                QJsonObject { { QStringLiteral("SnapshotGroupId"), QStringLiteral("ssg-big") },
                    { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
                    { QStringLiteral("InstanceId"), QStringLiteral("i-big") },
                    { QStringLiteral("Status"), QStringLiteral("accomplished") },
                    { QStringLiteral("CreationTime"), QStringLiteral("2026-11-18T02:00:00Z") },
                    { QStringLiteral("SnapshotIds"), snapshotIds } } } } };
    return QString::fromUtf8(QJsonDocument(scenario).toJson());
}

} // namespace

class TestRollbackJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rollsBackExactlyTheSelectedDisksAndStarts();
    void blockedBeforeAnythingChanges();
    void startThatGetsNoAnswerIsNotSentAgain();
    void laterBatchRefusedLeavesAPartialRollback();
    void cancelWorksOnlyBeforeTheRollbackCall();
    void emptySelectionChangesNothing();
};

void TestRollbackJob::rollsBackExactlyTheSelectedDisksAndStarts()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList names { QStringLiteral("system"), QStringLiteral("data1"),
        QStringLiteral("data2"), QStringLiteral("data3") };
    for (const QString &name : names)
        QVERIFY(harness.service()->setDiskContentMarker(
            healthyDisk(name), QStringLiteral("written later ") + name));

    const QStringList selected { healthyDisk(QStringLiteral("system")),
        healthyDisk(QStringLiteral("data1")), healthyDisk(QStringLiteral("data3")) };
    RollbackPlan plan = harness.plan(healthyGroup, healthyInstance, selected);
    plan.safetySnapshot = true;
    plan.startAfterRollback = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    QSignalSpy steps(&job, &RollbackJob::stepChanged);
    QVERIFY(harness.run(job));

    QCOMPARE(job.outcome(), RollbackJob::Outcome::Succeeded);
    QVERIFY2(job.summary().contains(healthyInstance), qPrintable(job.summary()));
    // Exactly the selected disks hold the snapshot's data; the other one kept today's.
    for (const QString &name :
        { QStringLiteral("system"), QStringLiteral("data1"), QStringLiteral("data3") }) {
        QCOMPARE(harness.service()->diskContentMarker(healthyDisk(name)),
            harness.snapshotMarker(healthySnapshot(name)));
        QCOMPARE(job.diskState(healthyDisk(name)), RollbackDiskState::RolledBack);
    }
    QCOMPARE(harness.service()->diskContentMarker(healthyDisk(QStringLiteral("data2"))),
        QStringLiteral("written later data2"));
    QCOMPARE(harness.instanceStatus(healthyInstance), QStringLiteral("Running"));
    QCOMPARE(job.finalInstance().status, QStringLiteral("Running"));

    // The safety snapshot holds the data from before the rollback.
    QVERIFY(job.safetySnapshotGroupId().startsWith(QLatin1String("ssg-")));
    QVERIFY(job.summary().contains(job.safetySnapshotGroupId()));
    const QJsonArray snapshots
        = harness.service()->describeWorld().value(QLatin1String("Snapshots")).toArray();
    int safetyCopies = 0;
    for (const QJsonValue &snapshot : snapshots) {
        if (snapshot[QLatin1String("ContentMarker")].toString().startsWith(
                QLatin1String("written later")))
            ++safetyCopies;
    }
    QCOMPARE(safetyCopies, 3);

    // One dry run, one rollback call, one start.
    QCOMPARE(harness.rollbackCalls(true), 1);
    QCOMPARE(harness.rollbackCalls(false), 1);
    QCOMPARE(harness.callsOf(QStringLiteral("StartInstance")), 1);
    QCOMPARE(harness.callsOf(QStringLiteral("CreateSnapshotGroup")), 1);
    for (RollbackJob::Step step :
        { RollbackJob::Step::Check, RollbackJob::Step::SafetySnapshot, RollbackJob::Step::Recheck,
            RollbackJob::Step::DryRun, RollbackJob::Step::Rollback, RollbackJob::Step::WaitForDisks,
            RollbackJob::Step::StartInstance, RollbackJob::Step::Verify })
        QCOMPARE(job.stepState(step), RollbackJob::StepState::Done);
    QVERIFY(steps.count() >= 16);

    // The journal tells the whole story.
    const QString op = job.operationId();
    const QList<JournalEntry> jobEntries = harness.journalEntries(op, QStringLiteral("Rollback"));
    QCOMPARE(jobEntries.size(), 2);
    QCOMPARE(jobEntries.first().outcome, JournalOutcome::Started);
    QCOMPARE(jobEntries.last().outcome, JournalOutcome::Succeeded);
    QCOMPARE(jobEntries.last().profile, QStringLiteral("test-profile"));
    const QList<JournalEntry> resets = harness.journalEntries(op, QStringLiteral("ResetDisks"));
    // Write-ahead: the intent to send, then what the service answered.
    QCOMPARE(resets.size(), 2);
    QCOMPARE(resets.first().outcome, JournalOutcome::Sending);
    QCOMPARE(resets.first().diskIds, selected);
    QCOMPARE(resets.last().outcome, JournalOutcome::Succeeded);
    QCOMPARE(resets.last().diskIds, selected);
    QVERIFY(!resets.last().requestId.isEmpty());
    QCOMPARE(resets.last().snapshotGroupId, healthyGroup);
    QCOMPARE(resets.last().instanceId, healthyInstance);
    QCOMPARE(harness.journalEntries(op, QStringLiteral("ResetDisks (DryRun)")).size(), 1);
    QCOMPARE(harness.journalEntries(op, QStringLiteral("CreateSnapshotGroup")).size(), 1);
    QCOMPARE(harness.journalEntries(op, QStringLiteral("StartInstance")).size(), 2);
    const QList<JournalEntry> checks
        = harness.journalEntries(op, QStringLiteral("CheckPreconditions"));
    QCOMPARE(checks.size(), 2);
    QCOMPARE(checks.last().outcome, JournalOutcome::Passed);
}

void TestRollbackJob::blockedBeforeAnythingChanges()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    RollbackPlan plan = harness.plan(QStringLiteral("ssg-demo-running"),
        QStringLiteral("i-demo-running"), { QStringLiteral("d-demo-running-data1") });
    plan.safetySnapshot = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    QVERIFY(harness.run(job));

    QCOMPARE(job.outcome(), RollbackJob::Outcome::Blocked);
    QVERIFY(job.report().find(PreconditionKind::InstanceStopped) != nullptr);
    QVERIFY(job.report().find(PreconditionKind::InstanceStopped)->blocks());
    QVERIFY2(job.summary().startsWith(RollbackJob::tr("Nothing was rolled back")),
        qPrintable(job.summary()));
    QCOMPARE(job.stepState(RollbackJob::Step::Check), RollbackJob::StepState::Failed);
    QCOMPARE(job.stepState(RollbackJob::Step::SafetySnapshot), RollbackJob::StepState::Pending);
    // No safety snapshot for a rollback that cannot happen, and no rollback call.
    QCOMPARE(harness.callsOf(QStringLiteral("CreateSnapshotGroup")), 0);
    QCOMPARE(harness.rollbackCalls(true) + harness.rollbackCalls(false), 0);
    QCOMPARE(job.diskState(QStringLiteral("d-demo-running-data1")), RollbackDiskState::NotSent);
    const QList<JournalEntry> checks
        = harness.journalEntries(job.operationId(), QStringLiteral("CheckPreconditions"));
    QCOMPARE(checks.size(), 1);
    QCOMPARE(checks.first().outcome, JournalOutcome::Blocked);
    QVERIFY(
        checks.first().errorCode.contains(preconditionKindName(PreconditionKind::InstanceStopped)));
    QCOMPARE(harness.journalEntries(job.operationId(), QStringLiteral("Rollback")).last().outcome,
        JournalOutcome::Blocked);
}

void TestRollbackJob::startThatGetsNoAnswerIsNotSentAgain()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(
        harness.setFaults(QStringLiteral(
            R"({"errors": [{"action": "StartInstance", "kind": "InternalError", "next": 1}]})")),
        QString());
    RollbackPlan plan
        = harness.plan(healthyGroup, healthyInstance, { healthyDisk(QStringLiteral("data1")) });
    plan.startAfterRollback = true;
    plan.waits.timeoutMs = 1500;
    RollbackJob job(harness.api(), plan, harness.journal());
    QVERIFY(harness.run(job));

    QCOMPARE(job.outcome(), RollbackJob::Outcome::RolledBackStartFailed);
    QCOMPARE(job.diskState(healthyDisk(QStringLiteral("data1"))), RollbackDiskState::RolledBack);
    QCOMPARE(harness.callsOf(QStringLiteral("StartInstance")), 1);
    QCOMPARE(harness.instanceStatus(healthyInstance), QStringLiteral("Stopped"));
    QCOMPARE(job.stepState(RollbackJob::Step::StartInstance), RollbackJob::StepState::Failed);
    const QList<JournalEntry> starts
        = harness.journalEntries(job.operationId(), QStringLiteral("StartInstance"));
    QCOMPARE(starts.size(), 2);
    QCOMPARE(starts.first().outcome, JournalOutcome::Sending);
    QCOMPARE(starts.last().outcome, JournalOutcome::Unknown);
    QCOMPARE(starts.last().errorCode, QStringLiteral("InternalError"));
}

void TestRollbackJob::laterBatchRefusedLeavesAPartialRollback()
{
    JobHarness harness;
    const QString problem = harness.init(bigInstanceScenario(11));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QStringList all;
    all.append(QStringLiteral("d-big-system"));
    for (int i = 1; i <= 11; ++i)
        all.append(QStringLiteral("d-big-data%1").arg(i));
    // Two dry runs (10 + 2 disks), then the first real batch; before the second, someone
    // deletes a snapshot of its batch.
    QCOMPARE(harness.setFaults(QStringLiteral(
                 R"({"actorMoves": [{"move": "DeleteSnapshot", "resourceId": "s-big-data11",
                    "trigger": "beforeCall", "action": "ResetDisks", "call": 4}]})")),
        QString());
    RollbackPlan plan = harness.plan(QStringLiteral("ssg-big"), QStringLiteral("i-big"), all);
    plan.startAfterRollback = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    QVERIFY(harness.run(job));

    QCOMPARE(job.outcome(), RollbackJob::Outcome::Partial);
    QCOMPARE(harness.rollbackCalls(true), 2);
    QCOMPARE(harness.rollbackCalls(false), 2);
    QCOMPARE(job.disksIn(RollbackDiskState::RolledBack), all.mid(0, 10));
    QCOMPARE(job.disksIn(RollbackDiskState::Failed), all.mid(10));
    QCOMPARE(job.retryPlan().diskIds, all.mid(10));
    for (int i = 0; i < all.size(); ++i) {
        const QString name = all.at(i).mid(QStringLiteral("d-big-").size());
        QCOMPARE(harness.service()->diskContentMarker(all.at(i)),
            QString((i < 10 ? QStringLiteral("last week ") : QStringLiteral("today ")) + name));
    }
    // Half-restored: never started.
    QCOMPARE(harness.callsOf(QStringLiteral("StartInstance")), 0);
    QCOMPARE(harness.instanceStatus(QStringLiteral("i-big")), QStringLiteral("Stopped"));
    QVERIFY2(job.summary().contains(QLatin1String("d-big-data10")), qPrintable(job.summary()));
    QVERIFY2(job.summary().contains(QLatin1String("InvalidSnapshotId.NotFound")),
        qPrintable(job.summary()));
    const QList<JournalEntry> resets
        = harness.journalEntries(job.operationId(), QStringLiteral("ResetDisks"));
    // Each batch: intent, then answer.
    QCOMPARE(resets.size(), 4);
    QCOMPARE(resets.at(0).outcome, JournalOutcome::Sending);
    QCOMPARE(resets.at(1).outcome, JournalOutcome::Succeeded);
    QCOMPARE(resets.at(2).outcome, JournalOutcome::Sending);
    QCOMPARE(resets.at(2).diskIds, all.mid(10));
    QCOMPARE(resets.at(3).outcome, JournalOutcome::Failed);
    QCOMPARE(resets.at(3).errorCode, QStringLiteral("InvalidSnapshotId.NotFound"));
    QCOMPARE(harness.journalEntries(job.operationId(), QStringLiteral("Rollback")).last().outcome,
        JournalOutcome::Partial);
}

void TestRollbackJob::cancelWorksOnlyBeforeTheRollbackCall()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    {
        RollbackPlan plan
            = harness.plan(healthyGroup, healthyInstance, { healthyDisk(QStringLiteral("data1")) });
        plan.safetySnapshot = true;
        RollbackJob job(harness.api(), plan, harness.journal());
        bool cancelled = false;
        connect(&job, &RollbackJob::stepChanged, &job,
            [&](RollbackJob::Step step, RollbackJob::StepState state) {
                if (step == RollbackJob::Step::SafetySnapshot
                    && state == RollbackJob::StepState::Running && !cancelled) {
                    QVERIFY(job.isCancellable());
                    cancelled = job.cancel();
                }
            });
        QVERIFY(harness.run(job));
        QVERIFY(cancelled);
        QCOMPARE(job.outcome(), RollbackJob::Outcome::Cancelled);
        QCOMPARE(harness.rollbackCalls(true) + harness.rollbackCalls(false), 0);
    }
    {
        RollbackJob job(harness.api(),
            harness.plan(healthyGroup, healthyInstance, { healthyDisk(QStringLiteral("data2")) }),
            harness.journal());
        bool refused = false;
        connect(&job, &RollbackJob::stepChanged, &job,
            [&](RollbackJob::Step step, RollbackJob::StepState state) {
                if (step == RollbackJob::Step::Rollback
                    && state == RollbackJob::StepState::Running) {
                    QVERIFY(!job.isCancellable());
                    refused = !job.cancel();
                }
            });
        QVERIFY(harness.run(job));
        QVERIFY(refused);
        QCOMPARE(job.outcome(), RollbackJob::Outcome::Succeeded);
        QCOMPARE(harness.rollbackCalls(false), 1);
    }
}

void TestRollbackJob::emptySelectionChangesNothing()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    RollbackJob job(
        harness.api(), harness.plan(healthyGroup, healthyInstance, {}), harness.journal());
    QSignalSpy finished(&job, &RollbackJob::finished);
    job.start();
    QCOMPARE(finished.count(), 0); // never synchronously inside start()
    QVERIFY(finished.wait(5000));
    QCOMPARE(job.outcome(), RollbackJob::Outcome::Failed);
    QCOMPARE(harness.server().requestLog().entries().size(), 0);
}

QTEST_GUILESS_MAIN(TestRollbackJob)
#include "tst_rollback_job.moc"
