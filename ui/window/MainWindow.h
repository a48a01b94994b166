#pragma once

#include <QMainWindow>

class QComboBox;
class QLabel;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace ecs {

class AccountBadge;
class ConsoleSession;
class CredentialCatalogue;
class ProfileStore;
class SessionSecretStore;
class InstanceSnapshotsTab;
class DiskSnapshotsTab;
class JournalView;
class QuitGuard;
class RollbackCoordinator;
struct Region;
template<typename T>
class Result;

// The console's main window, laid out like the ECS web console: a top bar with the
// profile (account) and the region, a left navigation (Storage & Snapshots › Snapshots;
// Operations › Journal) and the Snapshots page with its Disk Snapshots and Instance
// Snapshots tabs.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(ConsoleSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // What the Profiles… dialog edits; without it the menu entry is disabled.
    void setProfileManagement(
        ProfileStore *profiles, CredentialCatalogue *catalogue, SessionSecretStore *sessionSecrets);
    // A hint shown above the lists, e.g. the first-run note about the sandbox.
    void setHint(const QString &text);

    InstanceSnapshotsTab *instanceSnapshotsTab() const { return m_instanceSnapshots; }
    DiskSnapshotsTab *diskSnapshotsTab() const { return m_diskSnapshots; }
    JournalView *journalView() const { return m_journal; }
    RollbackCoordinator *rollbacks() const { return m_rollbacks; }
    QuitGuard *quitGuard() const { return m_quitGuard; }
    QComboBox *regionSelector() const { return m_regions; }
    QComboBox *profileSelector() const { return m_profiles; }
    AccountBadge *accountBadge() const { return m_account; }

public Q_SLOTS:
    void refresh();
    void showSnapshots();
    void showJournal();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildTopBar();
    QWidget *buildCentralArea();
    void fillProfiles();
    void onProfileChosen(int index);
    void onSessionActivated();
    void loadRegions();
    void onRegionsLoaded(const Result<QList<Region>> &regions);
    void onRegionChosen(int index);
    void applyContext();
    void updateTitle();
    void openProfiles();

    ConsoleSession *m_session;
    ProfileStore *m_profileStore = nullptr;
    CredentialCatalogue *m_catalogue = nullptr;
    SessionSecretStore *m_sessionSecrets = nullptr;
    QAction *m_profilesAction = nullptr;
    RollbackCoordinator *m_rollbacks;
    QuitGuard *m_quitGuard;
    QComboBox *m_profiles = nullptr;
    QComboBox *m_regions = nullptr;
    AccountBadge *m_account = nullptr;
    QLabel *m_hint = nullptr;
    QTreeWidget *m_navigation = nullptr;
    QTreeWidgetItem *m_snapshotsItem = nullptr;
    QTreeWidgetItem *m_journalItem = nullptr;
    QStackedWidget *m_pages = nullptr;
    InstanceSnapshotsTab *m_instanceSnapshots = nullptr;
    DiskSnapshotsTab *m_diskSnapshots = nullptr;
    JournalView *m_journal = nullptr;
    QObject *m_regionRequest = nullptr; // context of the DescribeRegions in flight
};

} // namespace ecs
