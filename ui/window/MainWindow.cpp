#include "MainWindow.h"

#include "AccountBadge.h"
#include "DiskSnapshotsTab.h"
#include "InstanceSnapshotsTab.h"
#include "QuitGuard.h"
#include "RollbackCoordinator.h"
#include "UiResources.h"
#include "api/EcsApi.h"
#include "journal/JournalView.h"
#include "model/Region.h"
#include "models/LoadStateMessage.h"
#include "profiles/ProfilesDialog.h"
#include "session/ConsoleSession.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSessionManager>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ecs {

namespace {

const QString geometryKey = QStringLiteral("window/geometry");
const QString stateKey = QStringLiteral("window/state");
const QString guidedKey = QStringLiteral("rollback/guidedMode");

} // namespace

MainWindow::MainWindow(ConsoleSession *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_rollbacks(new RollbackCoordinator(this, this))
    , m_quitGuard(new QuitGuard(this, m_rollbacks))
{
    initUiResources();
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    // Before the menus: the Guided mode entry's check mark shows what was saved.
    m_rollbacks->setGuidedMode(QSettings().value(guidedKey, false).toBool());
    buildTopBar();
    setCentralWidget(buildCentralArea());
    buildMenus();
    statusBar()->setAccessibleName(tr("Status"));

    connect(m_session, &ConsoleSession::activated, this, &MainWindow::onSessionActivated);
    connect(m_session, &ConsoleSession::activationFailed, this,
        [this](const QString &profileId, const QString &message) {
            // A start-up profile that no longer works (its secret is gone, say) must not
            // leave an empty window: open the sandbox and say why.
            if (m_session->activeProfileId().isEmpty()
                && profileId != ConsoleSession::sandboxProfileId()) {
                setHint(tr("Profile %1 could not be used: %2 The sandbox was opened instead.")
                            .arg(profileId, message));
                m_session->activate(
                    ConsoleSession::sandboxProfileId(), ConsoleSession::Origin::Startup);
                return;
            }
            statusBar()->showMessage(
                tr("Profile %1 could not be used: %2").arg(profileId, message));
            // The previous profile is still the active one: say so everywhere, but leave
            // its rows off the screen until asked for (F5), so nothing looks like the
            // account that was chosen.
            fillProfiles();
            m_account->showAccount(
                m_profiles->currentText(), m_session->endpointHost(), m_session->isSandbox());
            m_rollbacks->setContext(m_session->context());
            const QString title = tr("Profile %1 could not be used").arg(profileId);
            const QString still = tr("Still using %1: press F5 to show its data again.")
                                      .arg(m_profiles->currentText());
            m_instanceSnapshots->showProblem(title, message + QStringLiteral("\n\n") + still);
            m_diskSnapshots->showProblem(title, message + QStringLiteral("\n\n") + still);
        });
    connect(m_session, &ConsoleSession::regionChanged, this, [this] { applyContext(); });
    connect(m_session, &ConsoleSession::profileChoicesChanged, this, &MainWindow::fillProfiles);
    connect(m_rollbacks, &RollbackCoordinator::jobFinished, this, [this] {
        m_instanceSnapshots->reload(true);
        m_journal->refresh();
    });
    // Logout while a rollback runs: ask (holding the logout back) when the session manager
    // lets us, else record the jobs as interrupted. Never a nested event loop here.
    connect(qApp, &QGuiApplication::commitDataRequest, this, [this](QSessionManager &manager) {
        const bool running = m_rollbacks->runningCount() > 0;
        const bool mayAsk = running && manager.allowsInteraction();
        if (m_quitGuard->holdSessionEnd(mayAsk))
            manager.cancel();
        if (mayAsk)
            manager.release();
    });
    connect(m_rollbacks, &RollbackCoordinator::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_instanceSnapshots, &InstanceSnapshotsTab::rollbackRequested, m_rollbacks,
        &RollbackCoordinator::openRollbackDialog);

    QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1200, 720);
    restoreState(settings.value(stateKey).toByteArray());
    fillProfiles();
    if (!m_session->activeProfileId().isEmpty())
        onSessionActivated();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_profilesAction = file->addAction(QIcon(QStringLiteral(":/icons/profile.svg")),
        tr("&Profiles…"), this, &MainWindow::openProfiles);
    m_profilesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_profilesAction->setEnabled(false);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(
        QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh"), this, &MainWindow::refresh);
    refresh->setShortcut(QKeySequence::Refresh); // F5
    refresh->setShortcutContext(Qt::ApplicationShortcut);
    view->addAction(QIcon(QStringLiteral(":/icons/snapshot.svg")), tr("&Snapshots"), this,
        &MainWindow::showSnapshots);
    view->addAction(QIcon(QStringLiteral(":/icons/journal.svg")), tr("&Journal"), this,
        &MainWindow::showJournal);

    QMenu *rollback = menuBar()->addMenu(tr("&Rollback"));
    QAction *guided = rollback->addAction(tr("&Guided mode (type the instance ID to confirm)"));
    guided->setObjectName(QStringLiteral("guidedModeAction"));
    guided->setCheckable(true);
    guided->setChecked(m_rollbacks->guidedMode()); // read from the settings before the menus
    connect(guided, &QAction::toggled, this, [this](bool on) {
        m_rollbacks->setGuidedMode(on);
        QSettings().setValue(guidedKey, on);
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About ECS Rollback Console"), this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About ECS Rollback Console"),
            tr("<b>ECS Rollback Console</b> %1<br>Roll back Alibaba Cloud ECS disks from an "
               "instance snapshot, with every precondition checked and explained.")
                .arg(QApplication::applicationVersion()),
            QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
}

void MainWindow::buildTopBar()
{
    auto *bar = addToolBar(tr("Account and region"));
    bar->setObjectName(QStringLiteral("topBar"));
    bar->setMovable(false);
    auto *title = new QLabel(tr("<b>ECS Rollback Console</b>"), bar);
    title->setContentsMargins(6, 0, 18, 0);
    bar->addWidget(title);

    auto *profileLabel = new QLabel(tr("&Profile:"), bar);
    m_profiles = new QComboBox(bar);
    m_profiles->setAccessibleName(tr("Profile"));
    m_profiles->setMinimumContentsLength(16);
    m_profiles->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    profileLabel->setBuddy(m_profiles);
    bar->addWidget(profileLabel);
    bar->addWidget(m_profiles);
    connect(m_profiles, qOverload<int>(&QComboBox::activated), this, &MainWindow::onProfileChosen);

    m_account = new AccountBadge(bar);
    bar->addWidget(m_account);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    auto *regionLabel = new QLabel(tr("R&egion:"), bar);
    m_regions = new QComboBox(bar);
    m_regions->setAccessibleName(tr("Region"));
    m_regions->setMinimumContentsLength(24);
    m_regions->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    regionLabel->setBuddy(m_regions);
    bar->addWidget(regionLabel);
    bar->addWidget(m_regions);
    connect(m_regions, qOverload<int>(&QComboBox::activated), this, &MainWindow::onRegionChosen);

    QAction *refresh = bar->addAction(
        QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"), this, &MainWindow::refresh);
    refresh->setToolTip(tr("Refresh (F5)"));
}

QWidget *MainWindow::buildCentralArea()
{
    auto *splitter = new QSplitter(this);
    m_navigation = new QTreeWidget(splitter);
    m_navigation->setHeaderHidden(true);
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setMaximumWidth(260);
    auto *storage = new QTreeWidgetItem(m_navigation, { tr("Storage & Snapshots") });
    storage->setFlags(Qt::ItemIsEnabled);
    m_snapshotsItem = new QTreeWidgetItem(storage, { tr("Snapshots") });
    m_snapshotsItem->setIcon(0, QIcon(QStringLiteral(":/icons/snapshot.svg")));
    auto *operations = new QTreeWidgetItem(m_navigation, { tr("Operations") });
    operations->setFlags(Qt::ItemIsEnabled);
    m_journalItem = new QTreeWidgetItem(operations, { tr("Journal") });
    m_journalItem->setIcon(0, QIcon(QStringLiteral(":/icons/journal.svg")));
    m_navigation->expandAll();
    connect(m_navigation, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item == m_snapshotsItem)
            m_pages->setCurrentIndex(0);
        else if (item == m_journalItem)
            m_pages->setCurrentIndex(1);
    });

    auto *right = new QWidget(splitter);
    auto *layout = new QVBoxLayout(right);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel(right);
    m_hint->setWordWrap(true);
    m_hint->setFrameShape(QFrame::StyledPanel);
    m_hint->setContentsMargins(8, 6, 8, 6);
    m_hint->setAccessibleName(tr("Hint"));
    m_hint->hide();
    layout->addWidget(m_hint);

    m_pages = new QStackedWidget(right);
    auto *snapshots = new QWidget(m_pages);
    auto *snapshotsLayout = new QVBoxLayout(snapshots);
    auto *heading = new QLabel(tr("<h2>Snapshots</h2>"), snapshots);
    snapshotsLayout->addWidget(heading);
    auto *tabs = new QTabWidget(snapshots);
    tabs->setAccessibleName(tr("Snapshot kinds"));
    m_diskSnapshots = new DiskSnapshotsTab(tabs);
    m_instanceSnapshots = new InstanceSnapshotsTab(tabs);
    tabs->addTab(m_diskSnapshots, tr("&Disk Snapshots"));
    tabs->addTab(m_instanceSnapshots, tr("&Instance Snapshots"));
    tabs->setCurrentWidget(m_instanceSnapshots);
    connect(tabs, &QTabWidget::currentChanged, this, [this, tabs] {
        if (tabs->currentWidget() == m_diskSnapshots)
            m_diskSnapshots->ensureLoaded();
    });
    snapshotsLayout->addWidget(tabs);
    m_pages->addWidget(snapshots);

    m_journal = new JournalView(m_pages);
    m_pages->addWidget(m_journal);
    layout->addWidget(m_pages);

    splitter->addWidget(m_navigation);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 1);
    m_navigation->setCurrentItem(m_snapshotsItem);
    return splitter;
}

void MainWindow::setHint(const QString &text)
{
    m_hint->setText(text);
    m_hint->setVisible(!text.isEmpty());
}

void MainWindow::fillProfiles()
{
    m_profiles->clear();
    for (const ProfileChoice &choice : m_session->profileChoices()) {
        const QIcon icon(choice.id == ConsoleSession::sandboxProfileId()
                ? QStringLiteral(":/icons/sandbox.svg")
                : QStringLiteral(":/icons/profile.svg"));
        m_profiles->addItem(icon, choice.displayName, choice.id);
        const int row = m_profiles->count() - 1;
        if (!choice.usable) {
            m_profiles->setItemData(row, choice.reason, Qt::ToolTipRole);
            m_profiles->setItemData(row, false, Qt::UserRole - 1); // disabled item
        }
    }
    const int active = m_profiles->findData(m_session->activeProfileId());
    if (active >= 0)
        m_profiles->setCurrentIndex(active);
}

void MainWindow::onProfileChosen(int index)
{
    const QString id = m_profiles->itemData(index).toString();
    if (id == m_session->activeProfileId())
        return;
    if (m_rollbacks->runningCount() > 0) {
        // A running job signs its calls with the session's credentials: switching them
        // under it would send its next reads to another account.
        const QSignalBlocker blocker(m_profiles);
        m_profiles->setCurrentIndex(m_profiles->findData(m_session->activeProfileId()));
        statusBar()->showMessage(
            tr("A rollback is running with %1: switch profiles when it has ended.")
                .arg(m_profiles->currentText()),
            10000);
        return;
    }
    const QString name = m_profiles->itemText(index);
    statusBar()->showMessage(tr("Switching to %1…").arg(name));
    // Nothing of the old account stays on screen or can be acted on while the new one loads.
    m_account->showSwitching(name);
    m_instanceSnapshots->showSwitching(tr("Switching to %1…").arg(name));
    m_diskSnapshots->showSwitching(tr("Switching to %1…").arg(name));
    m_rollbacks->setContext({});
    m_session->activate(id);
}

void MainWindow::onSessionActivated()
{
    fillProfiles();
    m_account->showAccount(
        m_profiles->currentText(), m_session->endpointHost(), m_session->isSandbox());
    // The first-run note is about the sandbox; it is not true of a real account.
    if (!m_session->isSandbox())
        setHint({});
    statusBar()->showMessage(tr("Using %1").arg(m_profiles->currentText()), 5000);
    m_journal->setJournal(m_session->journal());
    loadRegions();
    applyContext();
    // What a quit or a crash left unfinished with this profile is taken up now.
    m_rollbacks->resumeUnfinished();
}

void MainWindow::loadRegions()
{
    delete m_regionRequest; // a profile switch abandons the previous answer
    m_regionRequest = new QObject(this);
    m_session->api()->describeRegions({}, m_regionRequest,
        [this](const Result<QList<Region>> &regions) { onRegionsLoaded(regions); });
}

void MainWindow::onRegionsLoaded(const Result<QList<Region>> &regions)
{
    m_regionRequest->deleteLater();
    m_regionRequest = nullptr;
    m_regions->clear();
    if (!regions.ok()) {
        // The region list is a convenience: the current region still works.
        m_regions->addItem(m_session->regionId(), m_session->regionId());
        // A credential refusal is said as the lists say it; anything else in the service's words.
        const LoadStateMessage said = LoadStateMessage::forError(regions.error(),
            QStringLiteral("DescribeRegions"), m_session->context().profileDisplayName);
        statusBar()->showMessage(tr("The region list could not be read: %1")
                                     .arg(said.kind == LoadStateMessage::Kind::AccessKeyRefused
                                             ? said.title
                                             : regions.error().summary()));
        return;
    }
    for (const Region &region : regions.value()) {
        const QString name = region.localName.isEmpty()
            ? region.regionId
            : tr("%1 (%2)").arg(region.localName, region.regionId);
        m_regions->addItem(name, region.regionId);
    }
    const int current = m_regions->findData(m_session->regionId());
    if (current >= 0)
        m_regions->setCurrentIndex(current);
}

void MainWindow::onRegionChosen(int index)
{
    const QString regionId = m_regions->itemData(index).toString();
    if (!regionId.isEmpty() && regionId != m_session->regionId())
        m_session->setRegionId(regionId); // regionChanged → applyContext()
}

void MainWindow::applyContext()
{
    const ConsoleContext context = m_session->context();
    m_rollbacks->setContext(context);
    m_instanceSnapshots->setContext(context);
    m_diskSnapshots->setContext(context);
    updateTitle();
}

void MainWindow::updateTitle()
{
    setWindowTitle(
        tr("%1 — %2 — ECS Rollback Console").arg(m_profiles->currentText(), m_session->regionId()));
}

void MainWindow::refresh()
{
    if (m_pages->currentWidget() == m_journal) {
        m_journal->refresh();
        return;
    }
    m_instanceSnapshots->reload(true);
    m_diskSnapshots->reload(true);
}

void MainWindow::showSnapshots()
{
    m_navigation->setCurrentItem(m_snapshotsItem);
}

void MainWindow::showJournal()
{
    m_navigation->setCurrentItem(m_journalItem);
}

void MainWindow::setProfileManagement(
    ProfileStore *profiles, CredentialCatalogue *catalogue, SessionSecretStore *sessionSecrets)
{
    m_profileStore = profiles;
    m_catalogue = catalogue;
    m_sessionSecrets = sessionSecrets;
    m_profilesAction->setEnabled(m_profileStore && m_catalogue);
}

void MainWindow::openProfiles()
{
    if (!m_profileStore || !m_catalogue)
        return;
    auto *dialog = new ProfilesDialog(m_profileStore, m_catalogue, m_sessionSecrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->selectProfile(m_session->activeProfileId());
    connect(dialog, &ProfilesDialog::profilesChanged, this, &MainWindow::fillProfiles);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitGuard->mayClose()) {
        event->ignore(); // the guard asks; it closes the window once the jobs have stopped
        return;
    }
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    QMainWindow::closeEvent(event);
}

} // namespace ecs
