// RollbackProgressWindow following real RollbackJobs against the in-process emulator: a
// healthy rollback to the end, Cancel before the point of no return and not after,
// an outcome nobody can confirm, and a refusal after the dry run.
#include "JobHarness.h"
#include "progress/DiskProgressModel.h"
#include "progress/OutcomeBanner.h"
#include "progress/RollbackProgressWindow.h"
#include "progress/StepListModel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace ecs;

namespace {

const QString group = QStringLiteral("ssg-demo-healthy");
const QString instance = QStringLiteral("i-demo-healthy");

QString disk(const QString &name)
{
    return QStringLiteral("d-demo-healthy-") + name;
}

QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("ECS_SCREENSHOT_DIR", QStringLiteral("/tmp/ui-shots"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

// What the window's views show, read through the views (not the job): the wiring counts.
QString cell(const RollbackProgressWindow &window, const QString &view, int row, int column)
{
    const auto *tree = window.findChild<QTreeView *>(view);
    return tree ? tree->model()->index(row, column).data().toString() : QString();
}

QPushButton *button(const RollbackProgressWindow &window, const QString &name)
{
    return window.findChild<QPushButton *>(name);
}

} // namespace

class TestRollbackProgressWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void healthyRollbackEndsSucceeded();
    void cancelStopsBeforeTheRollbackCall();
    void unknownOutcomeOffersTheRest();
    void refusedAfterDryRunOffersTheRest();
};

void TestRollbackProgressWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestRollbackProgressWindow::healthyRollbackEndsSucceeded()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList disks { disk(QStringLiteral("system")), disk(QStringLiteral("data1")) };
    RollbackPlan plan = harness.plan(group, instance, disks);
    plan.safetySnapshot = true;
    plan.startAfterRollback = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    RollbackProgressWindow window(&job);
    QAbstractItemModelTester stepTester(window.stepModel());
    QAbstractItemModelTester diskTester(window.diskModel());
    window.show();
    QVERIFY(window.isWindow());

    QPushButton *cancel = button(window, QStringLiteral("cancelButton"));
    QVERIFY(cancel);
    // The button as it stood when each step changed (the window hears the job first).
    QHash<RollbackJob::Step, bool> cancelWhenRunning;
    QString cancelTipAfter;
    connect(&job, &RollbackJob::stepChanged, &window,
        [&](RollbackJob::Step step, RollbackJob::StepState state) {
            if (state != RollbackJob::StepState::Running)
                return;
            cancelWhenRunning.insert(step, cancel->isEnabled());
            if (step == RollbackJob::Step::Rollback)
                cancelTipAfter = cancel->toolTip();
        });
    QVERIFY(harness.run(job));
    QCOMPARE(job.outcome(), RollbackJob::Outcome::Succeeded);

    QCOMPARE(cancelWhenRunning.value(RollbackJob::Step::SafetySnapshot), true);
    QCOMPARE(cancelWhenRunning.value(RollbackJob::Step::DryRun), true);
    QCOMPARE(cancelWhenRunning.value(RollbackJob::Step::Rollback, true), false);
    QCOMPARE(cancelWhenRunning.value(RollbackJob::Step::WaitForDisks, true), false);
    QCOMPARE(cancelTipAfter, QStringLiteral("The rollback has been sent and cannot be cancelled"));

    const QList<RollbackJob::Step> steps = StepListModel::allSteps();
    QCOMPARE(window.findChild<QTreeView *>(QStringLiteral("stepView"))->model()->rowCount(),
        steps.size());
    for (int row = 0; row < steps.size(); ++row) {
        QCOMPARE(cell(window, QStringLiteral("stepView"), row, StepListModel::StepColumn),
            RollbackJob::stepName(steps.at(row)));
        QCOMPARE(cell(window, QStringLiteral("stepView"), row, StepListModel::StateColumn),
            StepListModel::tr("Done"));
    }
    for (int row = 0; row < disks.size(); ++row) {
        QCOMPARE(cell(window, QStringLiteral("diskView"), row, DiskProgressModel::DiskColumn),
            disks.at(row));
        QCOMPARE(cell(window, QStringLiteral("diskView"), row, DiskProgressModel::SnapshotColumn),
            QString(disks.at(row)).replace(QStringLiteral("d-"), QStringLiteral("s-")));
        QCOMPARE(
            cell(window, QStringLiteral("diskView"), row, DiskProgressModel::StateColumn).toLower(),
            QStringLiteral("rolled back"));
    }

    const auto *banner = window.findChild<OutcomeBanner *>(QStringLiteral("outcomeBanner"));
    QVERIFY(banner && banner->isVisible());
    QCOMPARE(banner->title(), OutcomeBanner::tr("Succeeded"));
    QVERIFY2(banner->details().contains(job.summary()), qPrintable(banner->details()));
    QVERIFY2(banner->details().contains(QLatin1String("Running")), qPrintable(banner->details()));
    QVERIFY(!job.safetySnapshotGroupId().isEmpty());
    QVERIFY(banner->details().contains(job.safetySnapshotGroupId()));
    QVERIFY(!button(window, QStringLiteral("retryButton"))->isVisible());
    QVERIFY(!cancel->isVisible());
    QVERIFY(window.windowTitle().contains(instance));

    QVERIFY(window.grab().save(shotPath(QStringLiteral("rollback-progress-succeeded.png"))));
    // Close hides; the window and its models stay for the caller.
    QTest::mouseClick(button(window, QStringLiteral("closeButton")), Qt::LeftButton);
    QVERIFY(!window.isVisible());
}

void TestRollbackProgressWindow::cancelStopsBeforeTheRollbackCall()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    RollbackPlan plan = harness.plan(group, instance, { disk(QStringLiteral("data1")) });
    plan.safetySnapshot = true;
    RollbackJob job(harness.api(), plan, harness.journal());
    RollbackProgressWindow window(&job);
    window.show();
    QPushButton *cancel = button(window, QStringLiteral("cancelButton"));
    QVERIFY(!cancel->isEnabled()); // not started: nothing to cancel yet

    QSignalSpy finished(&job, &RollbackJob::finished);
    job.start();
    QVERIFY(cancel->isEnabled());
    QTRY_VERIFY(
        job.stepState(RollbackJob::Step::SafetySnapshot) == RollbackJob::StepState::Running);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(job.outcome(), RollbackJob::Outcome::Cancelled);
    QCOMPARE(harness.rollbackCalls(false), 0);
    const auto *banner = window.findChild<OutcomeBanner *>(QStringLiteral("outcomeBanner"));
    QCOMPARE(banner->title(), OutcomeBanner::tr("Cancelled: nothing was rolled back"));
    QCOMPARE(cell(window, QStringLiteral("stepView"), 1, StepListModel::StateColumn),
        StepListModel::tr("Failed"));
    QCOMPARE(cell(window, QStringLiteral("stepView"), 4, StepListModel::StateColumn),
        StepListModel::tr("Not run"));
    QCOMPARE(cell(window, QStringLiteral("diskView"), 0, DiskProgressModel::StateColumn),
        DiskProgressModel::tr("Not rolled back"));
    QVERIFY(!button(window, QStringLiteral("retryButton"))->isVisible());
}

void TestRollbackProgressWindow::unknownOutcomeOffersTheRest()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList disks { disk(QStringLiteral("data1")), disk(QStringLiteral("data2")) };
    RollbackPlan plan = harness.plan(group, instance, disks);
    plan.unknownOutcomeWatchMs = 300;
    RollbackJob job(harness.api(), plan, harness.journal());
    RollbackProgressWindow window(&job);
    window.show();
    QString injectionError;
    connect(&job, &RollbackJob::stepChanged, &window,
        [&](RollbackJob::Step step, RollbackJob::StepState state) {
            // Before the job sends ResetDisks: the answer to it is lost on the way back.
            if (step == RollbackJob::Step::DryRun && state == RollbackJob::StepState::Done)
                injectionError = harness.setFaults(QStringLiteral(
                    R"({"drops": [{"action": "ResetDisks", "when": "before", "next": 1}]})"));
        });
    QVERIFY(harness.run(job));
    QVERIFY2(injectionError.isEmpty(), qPrintable(injectionError));
    QCOMPARE(job.outcome(), RollbackJob::Outcome::Unknown);

    const auto *banner = window.findChild<OutcomeBanner *>(QStringLiteral("outcomeBanner"));
    QCOMPARE(banner->title(), OutcomeBanner::tr("Unknown: the outcome could not be confirmed"));
    QVERIFY(banner->details().contains(job.summary()));
    for (int row = 0; row < disks.size(); ++row)
        QCOMPARE(cell(window, QStringLiteral("diskView"), row, DiskProgressModel::StateColumn),
            DiskProgressModel::tr("Unknown"));
    QPushButton *retry = button(window, QStringLiteral("retryButton"));
    QVERIFY(retry->isVisible() && retry->isEnabled());
    QVERIFY(!button(window, QStringLiteral("cancelButton"))->isVisible());
    QVERIFY(window.grab().save(shotPath(QStringLiteral("rollback-progress-unknown.png"))));

    QList<RollbackPlan> retried;
    connect(&window, &RollbackProgressWindow::retryRequested, &window,
        [&](const RollbackPlan &retryPlan) { retried.append(retryPlan); });
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(retried.size(), 1);
    QCOMPARE(retried.first().diskIds, disks);
    QCOMPARE(retried.first().target.snapshotGroupId, group);
}

void TestRollbackProgressWindow::refusedAfterDryRunOffersTheRest()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QStringList disks { disk(QStringLiteral("data1")), disk(QStringLiteral("data2")) };
    RollbackJob job(harness.api(), harness.plan(group, instance, disks), harness.journal());
    RollbackProgressWindow window(&job);
    window.show();
    QString injectionError;
    connect(&job, &RollbackJob::stepChanged, &window,
        [&](RollbackJob::Step step, RollbackJob::StepState state) {
            // Someone deletes a snapshot between the last re-check and the call: refused.
            if (step == RollbackJob::Step::Recheck && state == RollbackJob::StepState::Done)
                injectionError = harness.service()->applyActorMove(
                    QStringLiteral("DeleteSnapshot"), QStringLiteral("s-demo-healthy-data2"));
        });
    QVERIFY(harness.run(job));
    QVERIFY2(injectionError.isEmpty(), qPrintable(injectionError));
    QCOMPARE(job.outcome(), RollbackJob::Outcome::Failed);

    const auto *banner = window.findChild<OutcomeBanner *>(QStringLiteral("outcomeBanner"));
    QCOMPARE(banner->title(), OutcomeBanner::tr("Failed"));
    QVERIFY(banner->details().contains(QLatin1String("Request ID: ")));
    QCOMPARE(cell(window, QStringLiteral("stepView"), 4, StepListModel::StateColumn),
        StepListModel::tr("Failed"));
    QVERIFY(window.grab().save(shotPath(QStringLiteral("rollback-progress-failed.png"))));

    QList<RollbackPlan> retried;
    connect(&window, &RollbackProgressWindow::retryRequested, &window,
        [&](const RollbackPlan &retryPlan) { retried.append(retryPlan); });
    QTest::mouseClick(button(window, QStringLiteral("retryButton")), Qt::LeftButton);
    QCOMPARE(retried.size(), 1);
    QCOMPARE(retried.first().diskIds, disks);
}

QTEST_MAIN(TestRollbackProgressWindow)
#include "tst_rollback_progress_window.moc"
