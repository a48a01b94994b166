#pragma once

#include "session/ConsoleContext.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace ecs {

class ApiError;
class EcsApi;
class DiskSnapshotLoader;
class DiskSnapshotTableModel;
class SnapshotGroupFilterProxy;
class StateMessageWidget;

// The Disk Snapshots tab: the region's disk snapshots, loaded the first time the tab is
// shown (most visits are for instance snapshots).
class DiskSnapshotsTab : public QWidget
{
    Q_OBJECT

public:
    explicit DiskSnapshotsTab(QWidget *parent = nullptr);

    // A new generation (profile or region) drops the rows at once; loads when visible.
    void setContext(const ConsoleContext &context);
    void showSwitching(const QString &text);
    // A problem that prevents any listing (e.g. the profile could not be used).
    void showProblem(const QString &title, const QString &text);
    void ensureLoaded();
    void reload(bool refresh);
    QTableView *view() const { return m_view; }

private:
    void onLoadFinished(const ApiError &error);
    void updateCount();

    ConsoleContext m_context;
    bool m_stale = true;
    DiskSnapshotTableModel *m_model;
    SnapshotGroupFilterProxy *m_proxy;
    DiskSnapshotLoader *m_loader = nullptr;
    EcsApi *m_loaderApi = nullptr; // the client the loader was made for
    QLineEdit *m_search;
    QLabel *m_count;
    QStackedWidget *m_stack;
    QTableView *m_view;
    StateMessageWidget *m_state;
};

} // namespace ecs
