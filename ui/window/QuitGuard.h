#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace ecs {

class RollbackCoordinator;

// Asks before the console quits while rollbacks run, and says what is in flight. The
// question is non-modal for the application (window-modal, QMessageBox::open()): no
// nested event loop. "Stop and quit" interrupts every job (cancelled before the rollback
// call, Interrupted after it: the next start finishes it from the journal) and closes the
// window once the last has stopped; a second close while they stop quits at once, which
// the write-ahead journal makes safe too.
class QuitGuard : public QObject
{
    Q_OBJECT

public:
    QuitGuard(QWidget *window, RollbackCoordinator *rollbacks);

    // From the window's closeEvent: true when it may close now; otherwise the question is
    // open (or the jobs are stopping) and the window closes itself later.
    bool mayClose();
    // The session is ending (logout). With `mayAsk` (the session manager lets us), asks
    // as for a close and returns true: the shutdown is to be cancelled while the user
    // decides. Without it, interrupts the jobs so that their state is recorded.
    bool holdSessionEnd(bool mayAsk);

    QWidget *question() const { return m_question; } // tests, screenshots

private:
    void ask(bool sessionEnding);
    void stopAndQuit();

    QWidget *m_window;
    RollbackCoordinator *m_rollbacks;
    QPointer<QWidget> m_question;
    bool m_stopping = false;
    bool m_closeNow = false;
};

} // namespace ecs
