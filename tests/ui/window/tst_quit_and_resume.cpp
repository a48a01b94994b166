// Quitting the console while a rollback runs, and the next start: closing the main window
// asks and explains what is in flight, "Keep running" keeps the job, "Stop and quit"
// interrupts it and closes once it has stopped; the progress window asks before it hides
// and comes back with the outcome; the session end is held back or recorded; a profile
// switch waits for the job; the next start takes up what was left — resumed from the
// service state against a real (loopback) emulator, closed without outcome on the sandbox.
#include "EmbeddedEmulator.h"
#include "JobHarness.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/MemorySecretStore.h"
#include "credentials/ProfileStore.h"
#include "journal/Journal.h"
#include "progress/RollbackProgressWindow.h"
#include "rollback/RollbackJob.h"
#include "rollback/RollbackRecord.h"
#include "service/EcsService.h"
#include "session/ConsoleSession.h"
#include "window/InstanceSnapshotsTab.h"
#include "window/MainWindow.h"
#include "window/QuitGuard.h"
#include "window/RollbackCoordinator.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QMessageBox>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ecs;

namespace {

const QString group = QStringLiteral("ssg-demo-healthy");
const QString instance = QStringLiteral("i-demo-healthy");
const QString disk = QStringLiteral("d-demo-healthy-data1");

QAbstractButton *buttonOf(QWidget *box, const QString &text)
{
    auto *messageBox = qobject_cast<QMessageBox *>(box);
    if (!messageBox)
        return nullptr;
    for (QAbstractButton *button : messageBox->buttons()) {
        if (button->text().remove(QLatin1Char('&')) == text)
            return button;
    }
    return nullptr;
}

QString textOf(QWidget *box)
{
    auto *messageBox = qobject_cast<QMessageBox *>(box);
    return messageBox ? messageBox->text() + QLatin1Char('\n') + messageBox->informativeText()
                      : QString();
}

// For the README and for looking at: $ECS_SCREENSHOT_DIR/<name> when that is set.
void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("ECS_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget->grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestQuitAndResume : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void closingAsksAndKeepRunningKeepsTheJob();
    void stopAndQuitInterruptsThenCloses();
    void progressWindowAsksBeforeHidingAndReturnsWithTheOutcome();
    void sessionEndIsHeldBackOrRecorded();
    void profileSwitchWaitsForTheRunningRollback();
    void nextStartClosesAnUnfinishedSandboxOperation();
    void nextStartResumesWhatAKilledJobLeft();

private:
    void openWindow();
    RollbackJob *startRollbackUntil(RollbackJob::Step step);

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialCatalogue> m_catalogue;
    std::unique_ptr<ConsoleSession> m_session;
    std::unique_ptr<MainWindow> m_window;
};

void TestQuitAndResume::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestQuitAndResume::init()
{
    m_settings = std::make_unique<QSettings>(
        m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_settings->clear();
    QSettings().clear();
    m_secrets = std::make_unique<MemorySecretStore>();
    m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    // One more profile than the sandbox, to switch to.
    QProcessEnvironment env;
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI-test"));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QStringLiteral("secret"));
    m_catalogue = std::make_unique<CredentialCatalogue>(
        env, m_dir.filePath(QStringLiteral("no-aliyun-config.json")), m_profiles.get());
    QFile::remove(m_dir.filePath(QStringLiteral("journal.sqlite")));
    openWindow();
}

void TestQuitAndResume::openWindow()
{
    m_session = std::make_unique<ConsoleSession>(
        m_profiles.get(), m_catalogue.get(), m_dir.filePath(QStringLiteral("journal.sqlite")));
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->resize(1280, 760);
    m_window->show();
    QSignalSpy activated(m_session.get(), &ConsoleSession::activated);
    m_session->activate(ConsoleSession::sandboxProfileId());
    QVERIFY(activated.wait(10000));
    emulator::EcsService *service = m_session->sandbox()->service();
    emulator::ServiceTiming timing = service->timing();
    timing.stopMs = 100;
    timing.startMs = 100;
    timing.snapshotStepMs = 50;
    timing.resetMs = 2500; // long enough to act while the disks are being reset
    service->setTiming(timing);
}

void TestQuitAndResume::cleanup()
{
    m_window.reset();
    m_session.reset();
    m_catalogue.reset();
    m_profiles.reset();
    m_secrets.reset();
    m_settings.reset();
}

RollbackJob *TestQuitAndResume::startRollbackUntil(RollbackJob::Step step)
{
    RollbackPlan plan;
    plan.target = RollbackTarget { m_session->regionId(), group, instance };
    plan.diskIds = QStringList { disk };
    plan.startAfterRollback = true;
    plan.profileName = m_session->profileName();
    // As the dialog's "OK Rollback" hands it over (the dialog is tested on its own).
    m_window->rollbacks()->startJob(plan);
    auto *window = m_window->rollbacks()->progressWindowFor(instance);
    if (!window)
        return nullptr;
    RollbackJob *job = window->job();
    if (!QTest::qWaitFor([&] { return job->currentStep() >= step || !job->isRunning(); }, 20000))
        return nullptr;
    return job->isRunning() ? job : nullptr;
}

void TestQuitAndResume::closingAsksAndKeepRunningKeepsTheJob()
{
    QPointer<RollbackJob> job = startRollbackUntil(RollbackJob::Step::WaitForDisks);
    QVERIFY(job);
    QVERIFY(!m_window->close()); // refused: the question is open
    QVERIFY(m_window->isVisible());
    QWidget *question = m_window->quitGuard()->question();
    QVERIFY(question);
    const QString text = textOf(question);
    QVERIFY2(text.contains(instance) && text.contains(group), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("call was sent")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("never sends the rollback twice")), qPrintable(text));
    saveShot(question, QStringLiteral("quit-question.png"));
    // A second close while it is open does not stack a second question.
    QVERIFY(!m_window->close());
    QCOMPARE(m_window->findChildren<QMessageBox *>(QStringLiteral("quitQuestion")).size(), 1);

    buttonOf(question, QStringLiteral("Keep running"))->click();
    QTRY_VERIFY(!m_window->quitGuard()->question());
    QVERIFY(m_window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(job && !job->isRunning(), 30000);
    QCOMPARE(job->outcome(), RollbackJob::Outcome::Succeeded);
    // Nothing runs now: the window closes without a word.
    QVERIFY(m_window->close());
}

void TestQuitAndResume::stopAndQuitInterruptsThenCloses()
{
    QPointer<RollbackJob> job = startRollbackUntil(RollbackJob::Step::WaitForDisks);
    QVERIFY(job);
    const QString operationId = job->operationId();
    QVERIFY(!m_window->close());
    QWidget *question = m_window->quitGuard()->question();
    QVERIFY(question);
    buttonOf(question, QStringLiteral("Stop and quit"))->click();
    // The window closes itself once the job has recorded how it stopped.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 20000);
    QVERIFY(job);
    QCOMPARE(job->outcome(), RollbackJob::Outcome::Interrupted);
    const auto entries = m_session->journal()->entries();
    QVERIFY(entries.has_value());
    const QList<RollbackRecord> unfinished = RollbackRecord::unfinished(*entries);
    QCOMPARE(unfinished.size(), 1);
    QCOMPARE(unfinished.first().operationId, operationId);
    QCOMPARE(unfinished.first().lastJobOutcome, JournalOutcome::Interrupted);
}

void TestQuitAndResume::progressWindowAsksBeforeHidingAndReturnsWithTheOutcome()
{
    QPointer<RollbackJob> job = startRollbackUntil(RollbackJob::Step::WaitForDisks);
    QVERIFY(job);
    QPointer<RollbackProgressWindow> window = m_window->rollbacks()->progressWindowFor(instance);
    QVERIFY(window && window->isVisible());
    QVERIFY(!window->close());
    QWidget *question = window->closeQuestion();
    QVERIFY(question);
    QVERIFY2(textOf(question).contains(QStringLiteral("goes on without this window")),
        qPrintable(textOf(question)));
    saveShot(question, QStringLiteral("hide-progress-question.png"));
    buttonOf(question, QStringLiteral("Hide window"))->click();
    QTRY_VERIFY(window->isHidden());
    QVERIFY(job->isRunning());

    // Asking for the instance again shows its rollback, not a second dialog.
    m_window->rollbacks()->openRollbackDialog(
        RollbackTarget { m_session->regionId(), group, instance });
    QVERIFY(window->isVisible());
    window->hide();

    QTRY_VERIFY_WITH_TIMEOUT(job && !job->isRunning(), 30000);
    QCOMPARE(job->outcome(), RollbackJob::Outcome::Succeeded);
    QTRY_VERIFY(window && window->isVisible()); // the outcome is never missed
    // Finished: it closes at once, and goes with its job.
    QVERIFY(window->close());
    QTRY_VERIFY(!window);
    QTRY_VERIFY(!job);
}

void TestQuitAndResume::sessionEndIsHeldBackOrRecorded()
{
    QVERIFY(!m_window->quitGuard()->holdSessionEnd(true)); // nothing runs: log out
    QPointer<RollbackJob> job = startRollbackUntil(RollbackJob::Step::WaitForDisks);
    QVERIFY(job);
    // The session manager lets us ask: the logout is held back while the user decides.
    QVERIFY(m_window->quitGuard()->holdSessionEnd(true));
    QWidget *question = m_window->quitGuard()->question();
    QVERIFY(question);
    QVERIFY2(textOf(question).contains(QStringLiteral("session is ending")),
        qPrintable(textOf(question)));
    buttonOf(question, QStringLiteral("Keep running"))->click();
    QTRY_VERIFY(!m_window->quitGuard()->question());
    // It does not: the job's state is recorded now, before the session kills us.
    QVERIFY(!m_window->quitGuard()->holdSessionEnd(false));
    QTRY_VERIFY_WITH_TIMEOUT(job && !job->isRunning(), 20000);
    QCOMPARE(job->outcome(), RollbackJob::Outcome::Interrupted);
}

void TestQuitAndResume::profileSwitchWaitsForTheRunningRollback()
{
    QComboBox *profiles = m_window->profileSelector();
    const int other = profiles->findData(QStringLiteral("env"));
    QVERIFY2(other >= 0, "the environment profile is offered");
    QPointer<RollbackJob> job = startRollbackUntil(RollbackJob::Step::WaitForDisks);
    QVERIFY(job);
    profiles->setCurrentIndex(other);
    Q_EMIT profiles->activated(other);
    QCOMPARE(m_session->activeProfileId(), ConsoleSession::sandboxProfileId());
    QCOMPARE(profiles->currentData().toString(), ConsoleSession::sandboxProfileId());
    QTRY_VERIFY_WITH_TIMEOUT(job && !job->isRunning(), 30000);
    QCOMPARE(job->outcome(), RollbackJob::Outcome::Succeeded);
}

void TestQuitAndResume::nextStartClosesAnUnfinishedSandboxOperation()
{
    QPointer<RollbackJob> job = startRollbackUntil(RollbackJob::Step::WaitForDisks);
    QVERIFY(job);
    const QString operationId = job->operationId();
    // The console dies here (no outcome written), as under SIGKILL or a power cut.
    delete job.data();
    m_window.reset();
    m_session.reset();

    openWindow();
    // The sandbox's world ended with the process: nothing to read, so it is closed, with
    // the reason, and not found again.
    const auto entries = m_session->journal()->entries();
    QVERIFY(entries.has_value());
    QCOMPARE(RollbackRecord::unfinished(*entries).size(), 0);
    QVERIFY(!m_window->rollbacks()->progressWindowFor(instance));
    bool closed = false;
    for (const JournalEntry &entry : *entries) {
        closed = closed
            || (entry.operationId == operationId && entry.outcome == JournalOutcome::Unknown
                && entry.message.contains(QStringLiteral("sandbox")));
    }
    QVERIFY(closed);
}

void TestQuitAndResume::nextStartResumesWhatAKilledJobLeft()
{
    // A real loopback emulator that outlives the "process": the account's state is still
    // there at the next start, as Alibaba Cloud's is.
    JobHarness harness;
    QCOMPARE(harness.init(), QString());
    QVERIFY(harness.service()->setDiskContentMarker(disk, QStringLiteral("written today")));
    RollbackPlan plan = harness.plan(group, instance, { disk });
    plan.startAfterRollback = true;
    auto *killed = new RollbackJob(harness.api(), plan, harness.journal());
    const QString operationId = killed->operationId();
    killed->start();
    QVERIFY(QTest::qWaitFor(
        [&] { return killed->currentStep() >= RollbackJob::Step::WaitForDisks; }, 20000));
    delete killed; // writes nothing more

    ConsoleContext context;
    context.api = harness.api();
    context.journal = harness.journal();
    context.regionId = plan.target.regionId;
    context.profileName = plan.profileName;
    context.waits = plan.waits;
    QWidget parent;
    RollbackCoordinator coordinator(&parent);
    coordinator.setContext(context);
    QSignalSpy messages(&coordinator, &RollbackCoordinator::message);
    QCOMPARE(coordinator.resumeUnfinished(), 1);
    QVERIFY(coordinator.isRunningFor(instance));
    RollbackProgressWindow *window = coordinator.progressWindowFor(instance);
    QVERIFY(window && window->isVisible());
    QPointer<RollbackJob> resumed = window->job();
    QCOMPARE(resumed->operationId(), operationId);
    QVERIFY(resumed->isResumed());
    QVERIFY(messages.count() >= 1);
    // Taken up once: a second look finds it running here.
    QCOMPARE(coordinator.resumeUnfinished(), 0);

    QTRY_VERIFY_WITH_TIMEOUT(resumed && !resumed->isRunning(), 30000);
    QCOMPARE(resumed->outcome(), RollbackJob::Outcome::Succeeded);
    QCOMPARE(harness.rollbackCalls(false), 1); // never sent again
    QCOMPARE(harness.instanceStatus(instance), QStringLiteral("Running"));
    QVERIFY(harness.service()->diskContentMarker(disk) != QLatin1String("written today"));
    QCOMPARE(RollbackRecord::unfinished(*harness.journal()).size(), 0);
}

QTEST_MAIN(TestQuitAndResume)
#include "tst_quit_and_resume.moc"
