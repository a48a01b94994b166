#pragma once

#include "rollback/RollbackTarget.h"
#include "session/ConsoleContext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace ecs {

class ActionLinkDelegate;
class ApiError;
class EcsApi;
class AutoRefresh;
class SnapshotGroupFilterProxy;
class SnapshotGroupLoader;
class SnapshotGroupTableModel;
class StateMessageWidget;

// The Instance Snapshots tab: the region's instance snapshots with the console's columns,
// searchable and sortable, loaded page by page, refreshed with F5 and on its own while a
// snapshot is still being created, and the "Rollback instance" action on each row.
class InstanceSnapshotsTab : public QWidget
{
    Q_OBJECT

public:
    explicit InstanceSnapshotsTab(QWidget *parent = nullptr);

    // A new generation (profile or region) drops the rows at once, then loads.
    void setContext(const ConsoleContext &context);
    // While a profile is being activated: no rows, a loading state saying so.
    void showSwitching(const QString &text);
    // Reads the list again; `refresh` keeps the rows (and selection) while it loads.
    void reload(bool refresh);
    // A problem that prevents any listing (e.g. the profile could not be used).
    void showProblem(const QString &title, const QString &text);

    QTableView *view() const { return m_view; }
    QLineEdit *searchField() const { return m_search; }
    SnapshotGroupTableModel *model() const { return m_model; }
    SnapshotGroupFilterProxy *proxy() const { return m_proxy; }
    StateMessageWidget *stateMessage() const { return m_state; }
    bool isShowingRows() const;
    // The title and text of the state shown instead of the rows (loading, empty, error).
    QString stateText() const;
    // Opens the rollback dialog for the group in proxy row `row`.
    void requestRollback(int row);

Q_SIGNALS:
    void rollbackRequested(const ecs::RollbackTarget &target);
    void loaded(int rows);

private:
    void onLoadFinished(const ApiError &error);
    void fitColumns();
    void updateCount();
    void updateActions();
    void clearRows();

    ConsoleContext m_context;
    SnapshotGroupTableModel *m_model;
    SnapshotGroupFilterProxy *m_proxy;
    SnapshotGroupLoader *m_loader = nullptr;
    EcsApi *m_loaderApi = nullptr; // the client the loader was made for
    AutoRefresh *m_autoRefresh;
    ActionLinkDelegate *m_actionDelegate = nullptr;
    QLineEdit *m_search;
    QPushButton *m_rollbackButton;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QTableView *m_view;
    StateMessageWidget *m_state;
};

} // namespace ecs
