#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace ecs {

class SnapshotGroupTableModel;

// Asks for a refresh every interval while the model holds a progressing instance snapshot,
// so "Progressing (40%)" moves on by itself; quiet otherwise. Watches the model's own
// signals, so it starts when a progressing group appears and stops when the last one
// finishes. The page connects refreshDue() to SnapshotGroupLoader::load(..., true).
class AutoRefresh : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 5000;

    explicit AutoRefresh(SnapshotGroupTableModel *model, QObject *parent = nullptr);

    void setIntervalMs(int ms);
    int intervalMs() const { return m_timer.interval(); }
    // Off: never fires (e.g. while the page is hidden). On by default.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // Whether refreshDue() will come.
    bool isActive() const { return m_timer.isActive(); }

Q_SIGNALS:
    void refreshDue();

private:
    void scheduleUpdate();
    void update();

    QPointer<SnapshotGroupTableModel> m_model;
    QTimer m_timer;
    bool m_enabled = true;
    bool m_updatePending = false;
};

} // namespace ecs
