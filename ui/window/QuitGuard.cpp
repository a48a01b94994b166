#include "QuitGuard.h"

#include "RollbackCoordinator.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace ecs {

QuitGuard::QuitGuard(QWidget *window, RollbackCoordinator *rollbacks)
    : QObject(window)
    , m_window(window)
    , m_rollbacks(rollbacks)
{
    connect(m_rollbacks, &RollbackCoordinator::allStopped, this, [this] {
        if (!m_stopping)
            return;
        m_closeNow = true;
        m_window->close();
    });
}

bool QuitGuard::mayClose()
{
    if (m_closeNow || m_rollbacks->runningCount() == 0)
        return true;
    if (m_stopping) {
        // Asked again while the jobs stop: the user wants out now. The journal has each
        // step before it happens, so the next start still finds and finishes them.
        return true;
    }
    ask(false);
    return false;
}

bool QuitGuard::holdSessionEnd(bool mayAsk)
{
    if (m_rollbacks->runningCount() == 0 || m_stopping)
        return false;
    if (!mayAsk) {
        m_rollbacks->interruptAll();
        return false;
    }
    ask(true);
    return true;
}

void QuitGuard::ask(bool sessionEnding)
{
    if (m_question) {
        m_question->raise();
        m_question->activateWindow();
        return;
    }
    const int count = m_rollbacks->runningCount();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Rollback in progress"),
        sessionEnding
            ? tr("The session is ending, but %n rollback(s) are running. The logout was held "
                 "back.",
                nullptr, count)
            : tr("%n rollback(s) are running.", nullptr, count),
        QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("quitQuestion"));
    QString details = m_rollbacks->inFlight().join(QLatin1Char('\n'));
    details += QStringLiteral("\n\n");
    details += tr("If you quit now, a rollback whose call has not been sent is cancelled and "
                  "nothing changes. A rollback already sent goes on at the service: the "
                  "console stops watching it, records it as interrupted, and finishes it — "
                  "waiting for the disks, starting the instance if you asked, verifying — the "
                  "next time it opens with this profile. It never sends the rollback twice.");
    box->setInformativeText(details);
    QPushButton *quit = box->addButton(tr("&Stop and quit"), QMessageBox::DestructiveRole);
    QPushButton *keep = box->addButton(tr("&Keep running"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_question = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *button) {
        if (button == quit)
            stopAndQuit();
    });
    box->open();
}

void QuitGuard::stopAndQuit()
{
    m_stopping = true;
    // allStopped() closes the window; it may come at once (nothing left in flight).
    m_rollbacks->interruptAll();
}

} // namespace ecs
