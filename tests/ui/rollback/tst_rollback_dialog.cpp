// The Rollback instance dialog against the in-process emulator: every demo case shows the
// right precondition row and enables OK only where a rollback is possible; the stop remedy,
// the disk checklist, the final confirmation, guided mode and the remembered safety
// snapshot work as a user would drive them.
#include "JobHarness.h"
#include "journal/Journal.h"
#include "profiles/InlineMessage.h"
#include "rollback/DiskChecklistModel.h"
#include "rollback/PreconditionListWidget.h"
#include "rollback/RollbackDialog.h"
#include "session/ConsoleContext.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace ecs;

namespace {

const QString DemoRegion = QStringLiteral("cn-hangzhou");

QString groupOf(const QString &demoCase)
{
    return QStringLiteral("ssg-demo-") + demoCase;
}

QString instanceOf(const QString &demoCase)
{
    return QStringLiteral("i-demo-") + demoCase;
}

// The outcome word of the list row for (kind, disk), or "" when there is no such row.
QString rowOutcome(const RollbackDialog &dialog, PreconditionKind kind, const QString &diskId)
{
    const auto *list = dialog.findChild<PreconditionListWidget *>();
    for (const QTreeWidgetItem *row : list ? list->itemRows() : QList<QTreeWidgetItem *> {}) {
        if (row->data(PreconditionListWidget::OutcomeColumn, Qt::UserRole).toInt()
                == static_cast<int>(kind)
            && row->data(PreconditionListWidget::CheckColumn, Qt::UserRole).toString() == diskId)
            return row->text(PreconditionListWidget::OutcomeColumn);
    }
    return {};
}

QPushButton *button(const QWidget &parent, const QString &name)
{
    return parent.findChild<QPushButton *>(name);
}

bool waitChecked(const RollbackDialog &dialog)
{
    return QTest::qWaitFor(
        [&] { return !dialog.isChecking() && !dialog.report().items.isEmpty(); }, 10000);
}

QString shotPath(const QString &name)
{
    QString dir = qEnvironmentVariable("ECS_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral("/tmp/ui-shots");
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

} // namespace

class TestRollbackDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void demoCase_data();
    void demoCase();
    void stopRemedyMakesRollbackPossible();
    void diskChecklist();
    void cancelIsDefaultAndEscapeRejects();
    void confirmationEmitsPlan();
    void confirmationCancelled();
    void guidedMode();
    void safetySnapshotIsOnForEveryRollback();
    void noTwoControlsShareAMnemonic();
    void blockedCheckIsJournalled();
    void screenshots();

private:
    std::unique_ptr<RollbackDialog> open(const QString &demoCase);

    std::unique_ptr<JobHarness> m_harness;
    ConsoleContext m_context;
};

void TestRollbackDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("ecs-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_rollback_dialog"));
}

void TestRollbackDialog::init()
{
    QSettings().clear();
    // A fresh account for every test: the stop remedy changes the world.
    m_harness.reset();
    m_harness = std::make_unique<JobHarness>();
    const QString problem = m_harness->init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_context.api = m_harness->api();
    m_context.journal = m_harness->journal();
    m_context.regionId = DemoRegion;
    m_context.profileName = QStringLiteral("test-profile");
    m_context.sandbox = true;
    m_context.waits.intervalMs = 50;
    m_context.waits.timeoutMs = 15000;
}

std::unique_ptr<RollbackDialog> TestRollbackDialog::open(const QString &demoCase)
{
    auto dialog = std::make_unique<RollbackDialog>(
        m_context, RollbackTarget { DemoRegion, groupOf(demoCase), instanceOf(demoCase) });
    dialog->show();
    return dialog;
}

void TestRollbackDialog::demoCase_data()
{
    QTest::addColumn<QString>("demoCase");
    QTest::addColumn<PreconditionKind>("kind");
    QTest::addColumn<QString>("diskId");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<bool>("okEnabled");
    QTest::addColumn<QString>("remedyButton");

    using K = PreconditionKind;
    const QString none;
    const QString stop = QStringLiteral("stopRemedyButton");
    const QString refresh = QStringLiteral("refreshRemedyButton");
    QTest::newRow("healthy") << QStringLiteral("healthy") << K::InstanceStopped << none
                             << QStringLiteral("Passed") << true << none;
    QTest::newRow("running") << QStringLiteral("running") << K::InstanceStopped << none
                             << QStringLiteral("Failed") << false << stop;
    QTest::newRow("economical") << QStringLiteral("economical") << K::StoppedInStandardMode << none
                                << QStringLiteral("Failed") << false << stop;
    // The disk that cannot be rolled back is left unticked: its failure does not block, and
    // the row says why it is not counted as blocking.
    QTest::newRow("detached") << QStringLiteral("detached") << K::DiskAttached
                              << QStringLiteral("d-demo-detached-data2")
                              << QStringLiteral("Not selected: Failed") << true << none;
    QTest::newRow("released") << QStringLiteral("released") << K::DiskExists
                              << QStringLiteral("d-demo-released-data2")
                              << QStringLiteral("Not selected: Failed") << true << none;
    QTest::newRow("replaced") << QStringLiteral("replaced") << K::SystemDiskUnchanged << none
                              << QStringLiteral("Warning") << true << none;
    QTest::newRow("lostmember") << QStringLiteral("lostmember") << K::DiskNotInSnapshot
                                << QStringLiteral("d-demo-lostmember-data2")
                                << QStringLiteral("Warning") << true << none;
    QTest::newRow("progressing") << QStringLiteral("progressing") << K::SnapshotGroupAccomplished
                                 << none << QStringLiteral("Failed") << false << refresh;
    QTest::newRow("locked") << QStringLiteral("locked") << K::InstanceNotLocked << none
                            << QStringLiteral("Failed") << false << none;
}

void TestRollbackDialog::demoCase()
{
    QFETCH(QString, demoCase);
    QFETCH(PreconditionKind, kind);
    QFETCH(QString, diskId);
    QFETCH(QString, outcome);
    QFETCH(bool, okEnabled);
    QFETCH(QString, remedyButton);

    auto dialog = open(demoCase);
    const auto *checking = dialog->findChild<QLabel *>(QStringLiteral("checkingLabel"));
    QCOMPARE(checking->text(), QStringLiteral("Checking…"));
    QVERIFY(!dialog->isOkEnabled());
    QVERIFY(waitChecked(*dialog));

    QCOMPARE(rowOutcome(*dialog, kind, diskId), outcome);
    QCOMPARE(dialog->isOkEnabled(), okEnabled);
    const auto *reason = dialog->findChild<QLabel *>(QStringLiteral("reasonLabel"));
    QCOMPARE(reason->text().startsWith(QStringLiteral("Not possible yet: ")), !okEnabled);
    if (!remedyButton.isEmpty())
        QVERIFY2(button(*dialog, remedyButton), qPrintable(remedyButton));
    else
        QVERIFY(!button(*dialog, QStringLiteral("stopRemedyButton")));

    // A disk whose own checks fail cannot be checked in the list.
    const auto *model = dialog->findChild<DiskChecklistModel *>();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, DiskChecklistModel::DiskId);
        const bool blocked = !model->disks().at(row).canRollBack;
        QCOMPARE(model->flags(index).testFlag(Qt::ItemIsUserCheckable), !blocked);
        if (blocked)
            QCOMPARE(index.data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        if (model->disks().at(row).diskId == diskId && kind != PreconditionKind::DiskNotInSnapshot)
            QVERIFY(blocked);
    }
    if (demoCase == QLatin1String("detached")) {
        QTest::qWait(50); // let the layout settle before the picture
        dialog->grab().save(shotPath(QStringLiteral("rollback-dialog-detached.png")));
    }
}

void TestRollbackDialog::stopRemedyMakesRollbackPossible()
{
    auto dialog = open(QStringLiteral("running"));
    QVERIFY(waitChecked(*dialog));
    QVERIFY(!dialog->isOkEnabled());
    QPushButton *stop = button(*dialog, QStringLiteral("stopRemedyButton"));
    QVERIFY(stop);
    stop->click();

    QMessageBox *confirmation = nullptr;
    QVERIFY(QTest::qWaitFor([&] {
        confirmation = dialog->findChild<QMessageBox *>(QStringLiteral("stopConfirmation"));
        return confirmation && confirmation->isVisible();
    }));
    QCOMPARE(
        m_harness->instanceStatus(QStringLiteral("i-demo-running")), QStringLiteral("Running"));
    button(*confirmation, QStringLiteral("confirmStopButton"))->click();

    const auto *status = dialog->findChild<QLabel *>(QStringLiteral("stopRemedyStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Stopping")), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(m_harness->instanceStatus(QStringLiteral("i-demo-running")),
        QStringLiteral("Stopped"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isOkEnabled(), 10000);
    QVERIFY(status->text().startsWith(QStringLiteral("Stopped")));
    QCOMPARE(rowOutcome(*dialog, PreconditionKind::InstanceStopped, {}), QStringLiteral("Passed"));
    QTest::qWait(50); // let the layout settle before the picture
    dialog->grab().save(shotPath(QStringLiteral("rollback-dialog-running-stopped.png")));
}

void TestRollbackDialog::diskChecklist()
{
    auto dialog = open(QStringLiteral("healthy"));
    QVERIFY(waitChecked(*dialog));
    QVERIFY(dialog->isOkEnabled());
    auto *model = dialog->findChild<DiskChecklistModel *>();
    QCOMPARE(model->rowCount(), 4);
    QCOMPARE(model->checkedDiskIds().size(), 4);
    const int readsBefore = m_harness->callsOf(QStringLiteral("DescribeDisks"));

    button(*dialog, QStringLiteral("selectNoneButton"))->click();
    QVERIFY(model->checkedDiskIds().isEmpty());
    QVERIFY(dialog->report().selectedDiskIds().isEmpty());
    QVERIFY(!dialog->isOkEnabled());
    QVERIFY(dialog->plan().diskIds.isEmpty());

    const QString data1 = model->disks().at(1).diskId;
    QVERIFY(model->setData(
        model->index(1, DiskChecklistModel::DiskId), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(dialog->isOkEnabled());
    QCOMPARE(dialog->plan().diskIds, QStringList { data1 });

    button(*dialog, QStringLiteral("selectAllButton"))->click();
    QCOMPARE(dialog->plan().diskIds.size(), 4);
    // Clicks are judged on the facts already read: no new request.
    QCOMPARE(m_harness->callsOf(QStringLiteral("DescribeDisks")), readsBefore);
}

void TestRollbackDialog::cancelIsDefaultAndEscapeRejects()
{
    auto dialog = open(QStringLiteral("healthy"));
    QVERIFY(waitChecked(*dialog));
    QPushButton *ok = button(*dialog, QStringLiteral("okButton"));
    QPushButton *cancel = button(*dialog, QStringLiteral("cancelButton"));
    QVERIFY(cancel->isDefault());
    QVERIFY(!ok->isDefault());
    QVERIFY(!ok->autoDefault());
    QSignalSpy rejected(dialog.get(), &QDialog::rejected);
    QSignalSpy confirmed(dialog.get(), &RollbackDialog::rollbackConfirmed);
    // Enter presses the default button: Cancel, never the rollback.
    QTest::keyClick(dialog.get(), Qt::Key_Escape);
    QCOMPARE(rejected.count(), 1);
    QCOMPARE(dialog->result(), int(QDialog::Rejected));
    QVERIFY(!dialog->isVisible());
    QCOMPARE(confirmed.count(), 0);
}

void TestRollbackDialog::confirmationEmitsPlan()
{
    auto dialog = open(QStringLiteral("healthy"));
    QVERIFY(waitChecked(*dialog));
    dialog->findChild<QCheckBox *>(QStringLiteral("startAfterCheckBox"))->setChecked(true);
    dialog->findChild<QCheckBox *>(QStringLiteral("safetySnapshotCheckBox"))->setChecked(false);
    auto *skipChanged = dialog->findChild<QCheckBox *>(QStringLiteral("skipChangedDisksCheckBox"));
    QVERIFY(skipChanged);
    QVERIFY(!skipChanged->isChecked()); // by default a change stops the whole rollback
    skipChanged->setChecked(true);
    const QStringList disks = dialog->report().selectedDiskIds();
    QCOMPARE(disks.size(), 4);

    QSignalSpy confirmed(dialog.get(), &RollbackDialog::rollbackConfirmed);
    button(*dialog, QStringLiteral("okButton"))->click();
    QMessageBox *box = dialog->findChild<QMessageBox *>(QStringLiteral("rollbackConfirmation"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("i-demo-healthy")));
    for (const QString &disk : disks)
        QVERIFY2(box->informativeText().contains(disk), qPrintable(disk));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QTest::qWait(50); // let the layout settle before the picture
    box->grab().save(shotPath(QStringLiteral("rollback-confirmation.png")));
    QCOMPARE(confirmed.count(), 0);

    button(*box, QStringLiteral("confirmRollbackButton"))->click();
    QTRY_COMPARE(confirmed.count(), 1);
    const auto plan = confirmed.at(0).at(0).value<RollbackPlan>();
    QCOMPARE(plan.diskIds, disks);
    QCOMPARE(plan.startAfterRollback, true);
    QCOMPARE(plan.safetySnapshot, false);
    QCOMPARE(plan.onChangeBeforeCall, RollbackPlan::ChangePolicy::SkipChangedDisks);
    QVERIFY2(box->informativeText().contains(QStringLiteral("left out")),
        qPrintable(box->informativeText()));
    QCOMPARE(plan.target.snapshotGroupId, QStringLiteral("ssg-demo-healthy"));
    QCOMPARE(plan.target.instanceId, QStringLiteral("i-demo-healthy"));
    QCOMPARE(plan.profileName, QStringLiteral("test-profile"));
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    // The dialog only asks: nothing was rolled back.
    QCOMPARE(m_harness->rollbackCalls(false), 0);
}

void TestRollbackDialog::confirmationCancelled()
{
    auto dialog = open(QStringLiteral("healthy"));
    QVERIFY(waitChecked(*dialog));
    QSignalSpy confirmed(dialog.get(), &RollbackDialog::rollbackConfirmed);
    button(*dialog, QStringLiteral("okButton"))->click();
    QMessageBox *box = dialog->findChild<QMessageBox *>(QStringLiteral("rollbackConfirmation"));
    QVERIFY(box);
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QCOMPARE(confirmed.count(), 0);
    QVERIFY(dialog->isVisible());
}

void TestRollbackDialog::guidedMode()
{
    auto dialog = open(QStringLiteral("healthy"));
    dialog->setGuidedMode(true);
    QVERIFY(waitChecked(*dialog));
    const auto *step = dialog->findChild<QLabel *>(QStringLiteral("stepLabel"));
    QPushButton *next = button(*dialog, QStringLiteral("nextButton"));
    QPushButton *back = button(*dialog, QStringLiteral("backButton"));
    QPushButton *rollBack = button(*dialog, QStringLiteral("okButton"));
    QVERIFY(step->text().startsWith(QStringLiteral("Step 1 of 4")));
    QVERIFY(!back->isEnabled());
    QVERIFY(!rollBack->isVisible());
    next->click();
    QVERIFY(step->text().startsWith(QStringLiteral("Step 2 of 4")));
    QVERIFY(dialog->findChild<QTableView *>(QStringLiteral("diskTable"))->isVisible());
    back->click();
    QVERIFY(step->text().startsWith(QStringLiteral("Step 1 of 4")));
    next->click();
    next->click();
    QVERIFY(step->text().startsWith(QStringLiteral("Step 3 of 4")));
    QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("startAfterCheckBox"))->isVisible());
    next->click();
    QVERIFY(step->text().startsWith(QStringLiteral("Step 4 of 4")));
    QVERIFY(rollBack->isVisible());
    QVERIFY(!next->isVisible());
    QVERIFY(!rollBack->isEnabled());

    QSignalSpy confirmed(dialog.get(), &RollbackDialog::rollbackConfirmed);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("confirmInstanceIdEdit"));
    QTest::keyClicks(edit, QStringLiteral("i-demo-healthx"));
    QVERIFY(!rollBack->isEnabled());
    rollBack->click();
    QCOMPARE(confirmed.count(), 0);
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("i-demo-healthy "));
    QVERIFY(!rollBack->isEnabled()); // exactly the ID, no trailing space
    QTest::keyClick(edit, Qt::Key_Backspace);
    QVERIFY(rollBack->isEnabled());
    QTest::qWait(50); // let the layout settle before the picture
    dialog->grab().save(shotPath(QStringLiteral("rollback-dialog-guided-confirm.png")));
    rollBack->click();
    QCOMPARE(confirmed.count(), 1);
    QCOMPARE(confirmed.at(0).at(0).value<RollbackPlan>().diskIds.size(), 4);
    QCOMPARE(dialog->result(), int(QDialog::Accepted));
}

void TestRollbackDialog::safetySnapshotIsOnForEveryRollback()
{
    const QString name = QStringLiteral("safetySnapshotCheckBox");
    // What an older version remembered must not carry over either.
    QSettings().setValue(QStringLiteral("rollback/safetySnapshot"), false);
    {
        auto first = open(QStringLiteral("healthy"));
        auto *box = first->findChild<QCheckBox *>(name);
        QVERIFY(box->isChecked()); // the protective default
        auto *warning
            = first->findChild<InlineMessage *>(QStringLiteral("noSafetySnapshotWarning"));
        QVERIFY(warning);
        QVERIFY(warning->isHidden());
        box->setChecked(false); // for this rollback only, and said so
        QVERIFY(!warning->isHidden());
        QVERIFY2(
            warning->text().contains(QStringLiteral("this rollback")), qPrintable(warning->text()));
        QCOMPARE(first->plan().safetySnapshot, false);
        QVERIFY(waitChecked(*first));
    }
    auto second = open(QStringLiteral("healthy"));
    QVERIFY(second->findChild<QCheckBox *>(name)->isChecked());
    QVERIFY(second->plan().safetySnapshot);
    QVERIFY(waitChecked(*second)); // let the reads end before the harness goes
}

void TestRollbackDialog::screenshots()
{
    for (const QString &demoCase : { QStringLiteral("healthy"), QStringLiteral("running") }) {
        auto dialog = open(demoCase);
        QVERIFY(waitChecked(*dialog));
        QTest::qWait(100);
        const QString path = shotPath(QStringLiteral("rollback-dialog-%1.png").arg(demoCase));
        QVERIFY2(dialog->grab().save(path), qPrintable(path));
    }
}

namespace {

// The Alt+letter of each visible control: buttons, check boxes and labels with a buddy.
QMultiHash<QChar, QString> mnemonicsShown(const QWidget *dialog)
{
    QMultiHash<QChar, QString> found;
    const auto add = [&](const QString &text) {
        for (int i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) != QLatin1Char('&'))
                continue;
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i; // "&&" is a literal ampersand
                continue;
            }
            found.insert(text.at(i + 1).toLower(), text);
            return;
        }
    };
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(dialog->window()) && button->isVisible())
            add(button->text());
    }
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisible())
            add(label->text());
    }
    return found;
}

} // namespace

void TestRollbackDialog::noTwoControlsShareAMnemonic()
{
    auto dialog = open(QStringLiteral("healthy"));
    QVERIFY(waitChecked(*dialog));
    const auto check = [&](const QString &page) {
        const QMultiHash<QChar, QString> found = mnemonicsShown(dialog.get());
        for (const QChar key : found.uniqueKeys()) {
            const QStringList users = found.values(key);
            QVERIFY2(users.size() == 1,
                qPrintable(QStringLiteral("%1: Alt+%2 is %3")
                               .arg(page, key, users.join(QStringLiteral(" and ")))));
        }
    };
    check(QStringLiteral("single page"));
    dialog->setGuidedMode(true);
    auto *next = button(*dialog, QStringLiteral("nextButton"));
    for (int step = 1; step <= 4; ++step) {
        check(QStringLiteral("guided step %1").arg(step));
        if (step < 4) {
            QVERIFY2(next->isEnabled(), qPrintable(QString::number(step)));
            next->click();
        }
    }
}

void TestRollbackDialog::blockedCheckIsJournalled()
{
    auto dialog = open(QStringLiteral("running"));
    QVERIFY(waitChecked(*dialog));
    QVERIFY(!dialog->report().allowsRollback());
    const auto entries = m_harness->journal()->entries();
    QVERIFY(entries.has_value());
    bool found = false;
    for (const JournalEntry &entry : *entries) {
        found = found
            || (entry.kind == JournalKind::Check && entry.outcome == JournalOutcome::Blocked
                && entry.instanceId == instanceOf(QStringLiteral("running"))
                && entry.profile == QStringLiteral("test-profile") && !entry.message.isEmpty());
    }
    QVERIFY(found);
    // A check that passes is not journalled by the dialog (the job records its own).
    auto healthy = open(QStringLiteral("healthy"));
    QVERIFY(waitChecked(*healthy));
    const auto after = m_harness->journal()->entries();
    QVERIFY(after.has_value());
    QCOMPARE(after->size(), entries->size());
}

QTEST_MAIN(TestRollbackDialog)
#include "tst_rollback_dialog.moc"
