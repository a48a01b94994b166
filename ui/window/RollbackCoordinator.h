#pragma once

#include "rollback/RollbackPlan.h"
#include "rollback/RollbackTarget.h"
#include "session/ConsoleContext.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QWidget;

namespace ecs {

class RollbackJob;
class RollbackProgressWindow;
struct RollbackRecord;

// The rollback flow of the console: opens the Rollback instance dialog, and when the user
// confirms, runs the RollbackJob in a non-modal progress window. One job per instance at a
// time; "Roll back the rest" starts a new job after its own confirmation.
//
// The coordinator owns the jobs and their windows, so that hiding a window never stops a
// job, and it is what the main window asks before quitting: interruptAll() stops every
// job safely (cancelled before the rollback call, Interrupted after it), and
// resumeUnfinished() takes up, at the next start, what such a quit or a crash left.
class RollbackCoordinator : public QObject
{
    Q_OBJECT

public:
    explicit RollbackCoordinator(QWidget *window, QObject *parent = nullptr);
    ~RollbackCoordinator() override;

    void setContext(const ConsoleContext &context) { m_context = context; }
    void setGuidedMode(bool guided) { m_guided = guided; }
    bool guidedMode() const { return m_guided; }

    // Opens the dialog for `target` (non-modal; returns at once). For an instance whose
    // rollback runs, shows that rollback's progress window instead.
    void openRollbackDialog(const RollbackTarget &target);
    // Runs a confirmed plan (what the dialog's "OK Rollback" hands over) in a progress
    // window; refused while that instance's rollback runs or the console is quitting.
    void startJob(const RollbackPlan &plan);
    bool isRunningFor(const QString &instanceId) const;
    int runningCount() const;
    // One line per running job: the instance, the snapshot, where it stands.
    QStringList inFlight() const;

    // For a quit: every job stops at its next safe point; allStopped() follows (at once
    // when none runs).
    void interruptAll();
    bool isStopping() const { return m_stopping; }

    // Finds the rollbacks the journal shows unfinished for the current profile — left by a
    // quit, a crash or a power cut — and finishes them in progress windows, each from the
    // service state (never sending a rollback call again). Those that another live
    // process carries are left to it; those of the sandbox, whose simulated service ended
    // with the process that ran them, are closed without an outcome. Returns how many
    // jobs it resumed.
    int resumeUnfinished();

    // The dialog or progress window opened last (tests, screenshots).
    QWidget *lastDialog() const { return m_lastDialog; }
    QWidget *lastProgressWindow() const { return m_lastProgressWindow; }
    RollbackProgressWindow *progressWindowFor(const QString &instanceId) const;

Q_SIGNALS:
    // A job ended: the list should be read again.
    void jobFinished(const QString &instanceId);
    void message(const QString &text);
    // After interruptAll(), when the last job has stopped.
    void allStopped();

private:
    struct Running
    {
        QPointer<RollbackJob> job;
        QPointer<RollbackProgressWindow> window;
    };

    void resumeJob(const RollbackRecord &record);
    void watch(RollbackJob *job, bool resumed);
    void confirmRetry(const RollbackPlan &plan);

    QWidget *m_window;
    ConsoleContext m_context;
    bool m_guided = false;
    bool m_stopping = false;
    QHash<QString, Running> m_running; // by instance ID
    QHash<QString, QPointer<QWidget>> m_dialogs; // open rollback dialogs by instance
    QPointer<QWidget> m_lastDialog;
    QPointer<QWidget> m_lastProgressWindow;
};

} // namespace ecs
