#pragma once

#include "rollback/RollbackPlan.h"
#include "rollback/RollbackTarget.h"
#include "session/ConsoleContext.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

class QWidget;

namespace ecs {

class RollbackJob;

// The rollback flow of the console: opens the Rollback instance dialog, and when the user
// confirms, runs the RollbackJob in a non-modal progress window. One job per instance at a
// time; "Roll back the rest" starts a new job after its own confirmation.
class RollbackCoordinator : public QObject
{
    Q_OBJECT

public:
    explicit RollbackCoordinator(QWidget *window, QObject *parent = nullptr);

    void setContext(const ConsoleContext &context) { m_context = context; }
    void setGuidedMode(bool guided) { m_guided = guided; }
    bool guidedMode() const { return m_guided; }

    // Opens the dialog for `target` (non-modal; returns at once).
    void openRollbackDialog(const RollbackTarget &target);
    bool isRunningFor(const QString &instanceId) const { return m_running.contains(instanceId); }
    // The dialog or progress window opened last (tests, screenshots).
    QWidget *lastDialog() const { return m_lastDialog; }
    QWidget *lastProgressWindow() const { return m_lastProgressWindow; }

Q_SIGNALS:
    // A job ended: the list should be read again.
    void jobFinished(const QString &instanceId);
    void message(const QString &text);

private:
    void startJob(const RollbackPlan &plan);
    void confirmRetry(const RollbackPlan &plan);

    QWidget *m_window;
    ConsoleContext m_context;
    bool m_guided = false;
    QSet<QString> m_running;
    QHash<QString, QPointer<QWidget>> m_dialogs; // open rollback dialogs by instance
    QPointer<QWidget> m_lastDialog;
    QPointer<QWidget> m_lastProgressWindow;
};

} // namespace ecs
