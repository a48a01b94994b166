// The desktop console as a user meets it, on the built-in sandbox: the list loads, search
// and region switch work, the rollback dialog opens from the Actions column, a rollback
// with "start afterwards" runs to the end in its progress window and lands in the
// Journal. Saves screenshots of the main window, the dialog and the progress window to
// $ECS_SCREENSHOT_DIR (when set) for the README.
#include "EmbeddedEmulator.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/MemorySecretStore.h"
#include "credentials/ProfileStore.h"
#include "journal/JournalModel.h"
#include "journal/JournalView.h"
#include "models/SnapshotGroupFilterProxy.h"
#include "models/SnapshotGroupTableModel.h"
#include "progress/RollbackProgressWindow.h"
#include "rollback/RollbackDialog.h"
#include "rollback/RollbackJob.h"
#include "scenarios/Scenario.h"
#include "service/EcsService.h"
#include "session/ConsoleSession.h"
#include "window/AccountBadge.h"
#include "window/InstanceSnapshotsTab.h"
#include "window/MainWindow.h"
#include "window/RollbackCoordinator.h"
#include "window/StateMessageWidget.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace ecs;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listLoadsAndSearches();
    void regionSwitchReloads();
    void rollbackFromTheActionsColumnRunsToTheEnd();
    void profileSwitchNeverShowsTheOldAccount();
    void regionSwitchDropsTheRowsAtOnce();
    void wrongSecretIsNamedForPeople();
    void guidedModeMenuShowsTheModeAfterARestart();

private:
    void saveShot(QWidget *widget, const QString &name);
    int proxyRowOf(const QString &groupId) const;

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialCatalogue> m_catalogue;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestMainWindow::init()
{
    m_settings = std::make_unique<QSettings>(
        m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings->clear();
    QSettings().clear(); // the session remembers the last region per profile
    m_secrets = std::make_unique<MemorySecretStore>();
    m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    m_catalogue = std::make_unique<CredentialCatalogue>(QProcessEnvironment(),
        m_dir.filePath(QStringLiteral("no-aliyun-config.json")), m_profiles.get());
    QFile::remove(m_dir.filePath(QStringLiteral("journal.sqlite")));
    m_session = std::make_unique<ConsoleSession>(
        m_profiles.get(), m_catalogue.get(), m_dir.filePath(QStringLiteral("journal.sqlite")));
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1280, 760);
    m_window->show();

    QSignalSpy activated(m_session.get(), &ConsoleSession::activated);
    m_session->activate(ConsoleSession::sandboxProfileId());
    QVERIFY(activated.wait(10000));
    // Short service times, so the rollback below takes seconds, not half a minute.
    emulator::EcsService *service = m_session->sandbox()->service();
    emulator::ServiceTiming timing = service->timing();
    timing.stopMs = 100;
    timing.startMs = 100;
    timing.snapshotStepMs = 50;
    timing.resetMs = 300;
    service->setTiming(timing);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->instanceSnapshotsTab()->isShowingRows(), 10000);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_catalogue.reset();
    m_profiles.reset();
    m_secrets.reset();
    m_settings.reset();
}

void TestMainWindow::saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("ECS_SCREENSHOT_DIR");
    const QString path = dir.isEmpty() ? m_dir.filePath(name) : QDir(dir).filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QVERIFY2(widget->grab().save(path), qPrintable(path));
}

int TestMainWindow::proxyRowOf(const QString &groupId) const
{
    const SnapshotGroupFilterProxy *proxy = m_window->instanceSnapshotsTab()->proxy();
    for (int row = 0; row < proxy->rowCount(); ++row) {
        if (proxy->index(row, 0).data(SnapshotGroupTableModel::GroupIdRole).toString() == groupId)
            return row;
    }
    return -1;
}

void TestMainWindow::listLoadsAndSearches()
{
    InstanceSnapshotsTab *tab = m_window->instanceSnapshotsTab();
    // Every cn-hangzhou instance snapshot of the demo scenario.
    int hangzhouGroups = 0;
    for (const auto &group :
        ecs::emulator::Scenario::builtIn(QStringLiteral("demo")).snapshotGroups)
        hangzhouGroups += group.regionId == QLatin1String("cn-hangzhou") ? 1 : 0;
    QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), hangzhouGroups, 10000);
    QVERIFY(proxyRowOf(QStringLiteral("ssg-demo-healthy")) >= 0);
    QVERIFY(m_window->windowTitle().contains(QLatin1String("cn-hangzhou")));
    QVERIFY(m_window->regionSelector()->count() >= 4);
    saveShot(m_window.get(), QStringLiteral("main-window.png"));

    QTest::keyClicks(tab->searchField(), QStringLiteral("i-demo-progressing"));
    QCOMPARE(tab->proxy()->rowCount(), 2); // the accomplished group and the progressing one
    tab->searchField()->clear();
    QCOMPARE(tab->proxy()->rowCount(), hangzhouGroups);
    QTest::keyClicks(tab->searchField(), QStringLiteral("SSG-DEMO-HEALTHY"));
    QCOMPARE(tab->proxy()->rowCount(), 1);
}

void TestMainWindow::regionSwitchReloads()
{
    QComboBox *regions = m_window->regionSelector();
    QTRY_VERIFY_WITH_TIMEOUT(regions->findData(QStringLiteral("cn-shanghai")) >= 0, 10000);
    QSignalSpy changed(m_session.get(), &ConsoleSession::regionChanged);
    regions->setCurrentIndex(regions->findData(QStringLiteral("cn-shanghai")));
    Q_EMIT regions->activated(regions->currentIndex());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_session->regionId(), QStringLiteral("cn-shanghai"));
    InstanceSnapshotsTab *tab = m_window->instanceSnapshotsTab();
    QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 2, 10000);
    QVERIFY(m_window->windowTitle().contains(QLatin1String("cn-shanghai")));
}

void TestMainWindow::rollbackFromTheActionsColumnRunsToTheEnd()
{
    InstanceSnapshotsTab *tab = m_window->instanceSnapshotsTab();
    QTRY_VERIFY_WITH_TIMEOUT(proxyRowOf(QStringLiteral("ssg-demo-healthy")) >= 0, 10000);
    emulator::EcsService *service = m_session->sandbox()->service();
    const QString disk = QStringLiteral("d-demo-healthy-data1");
    QVERIFY(service->setDiskContentMarker(disk, QStringLiteral("written today")));

    // Keyboard: select the row, put the focus on its Actions cell, press Enter.
    const int row = proxyRowOf(QStringLiteral("ssg-demo-healthy"));
    tab->view()->setFocus();
    tab->view()->setCurrentIndex(tab->proxy()->index(row, SnapshotGroupTableModel::Actions));
    QTest::keyClick(tab->view()->viewport(), Qt::Key_Return);
    auto *dialog = qobject_cast<RollbackDialog *>(m_window->rollbacks()->lastDialog());
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 10000);
    QVERIFY(dialog->isOkEnabled());
    QVERIFY(dialog->report().allowsRollback());
    dialog->resize(900, 820);
    saveShot(dialog, QStringLiteral("rollback-dialog.png"));

    // The dialog's own confirmation flow is tested with the dialog; here the plan it
    // confirms goes through the coordinator, as a click on "Roll back" would send it.
    RollbackPlan plan = dialog->plan();
    QCOMPARE(plan.target.snapshotGroupId, QStringLiteral("ssg-demo-healthy"));
    QCOMPARE(plan.target.instanceId, QStringLiteral("i-demo-healthy"));
    QCOMPARE(plan.diskIds.size(), 4);
    plan.startAfterRollback = true;
    Q_EMIT dialog->rollbackConfirmed(plan);

    auto *progress
        = qobject_cast<RollbackProgressWindow *>(m_window->rollbacks()->lastProgressWindow());
    QVERIFY(progress);
    QVERIFY(progress->isVisible());
    RollbackJob *job = progress->job();
    QVERIFY(job);
    QTRY_VERIFY_WITH_TIMEOUT(!job->isRunning(), 30000);
    QCOMPARE(job->outcome(), RollbackJob::Outcome::Succeeded);
    QCOMPARE(job->finalInstance().status, QStringLiteral("Running"));
    QVERIFY(service->diskContentMarker(disk) != QLatin1String("written today"));
    progress->resize(900, 640);
    saveShot(progress, QStringLiteral("rollback-progress.png"));

    // The Journal page shows it.
    m_window->showJournal();
    JournalView *journal = m_window->journalView();
    journal->setInstanceFilter(QStringLiteral("i-demo-healthy"));
    journal->refresh();
    bool foundReset = false;
    for (const JournalEntry &entry : journal->model()->entries()) {
        if (entry.action == QLatin1String("ResetDisks")
            && entry.outcome == JournalOutcome::Succeeded && entry.operationId == job->operationId()
            && !entry.requestId.isEmpty())
            foundReset = true;
    }
    QVERIFY(foundReset);
    saveShot(m_window.get(), QStringLiteral("journal.png"));
}

void TestMainWindow::profileSwitchNeverShowsTheOldAccount()
{
    InstanceSnapshotsTab *tab = m_window->instanceSnapshotsTab();
    QTRY_VERIFY_WITH_TIMEOUT(tab->model()->rowCount() > 0, 10000);
    QVERIFY(m_window->accountBadge()->isSandbox());
    QCOMPARE(m_window->accountBadge()->text(), QStringLiteral("Sandbox: simulated account"));

    // A real profile whose endpoint refuses the connection.
    AppProfile broken;
    broken.name = QStringLiteral("broken");
    broken.accessKeyId = QStringLiteral("LTAIbrokenKey");
    broken.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:1"));
    bool saved = false;
    m_profiles->save(broken, ProfileSecret { QStringLiteral("wrong-secret"), {} }, this,
        [&](const ProfileError &error) { saved = !error.isError(); });
    QTRY_VERIFY(saved); // profilesChanged → the catalogue → the profile list
    QComboBox *profiles = m_window->profileSelector();
    QTRY_VERIFY(profiles->findData(QStringLiteral("app:broken")) >= 0);

    const int index = profiles->findData(QStringLiteral("app:broken"));
    profiles->setCurrentIndex(index);
    Q_EMIT profiles->activated(index);
    // At once, before any answer: no row of the sandbox is left to click.
    QCOMPARE(tab->model()->rowCount(), 0);
    QVERIFY(!tab->isShowingRows());
    QVERIFY(!m_window->accountBadge()->isSandbox());
    QVERIFY(m_window->accountBadge()->text().contains(QStringLiteral("Switching")));

    QTRY_COMPARE_WITH_TIMEOUT(m_session->activeProfileId(), QStringLiteral("app:broken"), 10000);
    QVERIFY(!m_window->accountBadge()->isSandbox());
    QVERIFY2(m_window->accountBadge()->text().contains(QStringLiteral("127.0.0.1")),
        qPrintable(m_window->accountBadge()->text()));
    // The load fails: an error state, never the previous account's rows.
    QTRY_VERIFY2_WITH_TIMEOUT(tab->stateText().contains(QStringLiteral("Cannot reach")),
        qPrintable(tab->stateText()), 30000);
    QVERIFY2(tab->stateText().contains(QStringLiteral("endpoint")), qPrintable(tab->stateText()));
    QCOMPARE(tab->model()->rowCount(), 0);
    QVERIFY(!tab->isShowingRows());
    saveShot(m_window.get(), QStringLiteral("main-window-unreachable.png"));
}

void TestMainWindow::regionSwitchDropsTheRowsAtOnce()
{
    InstanceSnapshotsTab *tab = m_window->instanceSnapshotsTab();
    QTRY_VERIFY_WITH_TIMEOUT(tab->model()->rowCount() > 0, 10000);
    QVERIFY(proxyRowOf(QStringLiteral("ssg-demo-healthy")) >= 0);
    m_session->setRegionId(QStringLiteral("cn-shanghai"));
    QCOMPARE(tab->model()->rowCount(), 0); // no cn-hangzhou row under the cn-shanghai title
    QTRY_COMPARE_WITH_TIMEOUT(tab->model()->rowCount(), 2, 10000);
    QCOMPARE(proxyRowOf(QStringLiteral("ssg-demo-healthy")), -1);
}

void TestMainWindow::wrongSecretIsNamedForPeople()
{
    // The sandbox's own endpoint and AccessKey ID, with a secret that is not its secret.
    AppProfile wrong;
    wrong.name = QStringLiteral("prod");
    wrong.accessKeyId = m_session->sandbox()->credential().accessKeyId;
    wrong.endpointOverride = m_session->sandbox()->url();
    const QString secret = QStringLiteral("not-the-secret-at-all");
    bool saved = false;
    m_profiles->save(wrong, ProfileSecret { secret, {} }, this,
        [&](const ProfileError &error) { saved = !error.isError(); });
    QTRY_VERIFY(saved);
    QComboBox *profiles = m_window->profileSelector();
    QTRY_VERIFY(profiles->findData(QStringLiteral("app:prod")) >= 0);
    const int index = profiles->findData(QStringLiteral("app:prod"));
    profiles->setCurrentIndex(index);
    Q_EMIT profiles->activated(index);

    InstanceSnapshotsTab *tab = m_window->instanceSnapshotsTab();
    StateMessageWidget *state = tab->stateMessage();
    QTRY_VERIFY2_WITH_TIMEOUT(state->title().startsWith(QStringLiteral("The AccessKey secret")),
        qPrintable(tab->stateText()), 20000);
    QCOMPARE(state->title(),
        QStringLiteral(
            "The AccessKey secret of profile prod does not match (SignatureDoesNotMatch)"));
    QVERIFY2(state->text().contains(QStringLiteral("Profiles")), qPrintable(state->text()));
    // The service's words are one click away, redacted, never the headline.
    auto *details = state->findChild<QPushButton *>(QStringLiteral("detailsButton"));
    QVERIFY(details && details->isVisible());
    QVERIFY(state->details().contains(QStringLiteral("SignatureDoesNotMatch")));
    QVERIFY(!state->details().contains(secret));
    details->click();
    QVERIFY(state->findChild<QLabel *>(QStringLiteral("details"))->isVisible());
    QCOMPARE(tab->model()->rowCount(), 0);
    saveShot(m_window.get(), QStringLiteral("main-window-wrong-secret.png"));
}

void TestMainWindow::guidedModeMenuShowsTheModeAfterARestart()
{
    const auto guidedAction = [this] {
        return m_window->findChild<QAction *>(QStringLiteral("guidedModeAction"));
    };
    QVERIFY(guidedAction());
    QVERIFY(!guidedAction()->isChecked());
    guidedAction()->setChecked(true);
    QVERIFY(m_window->rollbacks()->guidedMode());
    // A restart: a new window reads the setting back, and its menu says so.
    m_window = std::make_unique<MainWindow>(m_session.get());
    QVERIFY(guidedAction());
    QVERIFY(m_window->rollbacks()->guidedMode());
    QVERIFY(guidedAction()->isChecked());
    guidedAction()->setChecked(false);
    QVERIFY(!m_window->rollbacks()->guidedMode());
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
