#include "RollbackCoordinator.h"

#include "progress/RollbackProgressWindow.h"
#include "rollback/RollbackDialog.h"
#include "rollback/RollbackJob.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace ecs {

RollbackCoordinator::RollbackCoordinator(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{ }

void RollbackCoordinator::openRollbackDialog(const RollbackTarget &target)
{
    if (m_running.contains(target.instanceId)) {
        Q_EMIT message(tr("A rollback of %1 is already running; see its progress window.")
                           .arg(target.instanceId));
        return;
    }
    // Enter on a row and a click on its action may both ask: one dialog per instance.
    if (QWidget *open = m_dialogs.value(target.instanceId)) {
        open->raise();
        open->activateWindow();
        return;
    }
    auto *dialog = new RollbackDialog(m_context, target, m_window);
    m_dialogs.insert(target.instanceId, dialog);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setGuidedMode(m_guided);
    connect(dialog, &RollbackDialog::rollbackConfirmed, this, &RollbackCoordinator::startJob);
    m_lastDialog = dialog;
    dialog->open();
}

void RollbackCoordinator::startJob(const RollbackPlan &plan)
{
    const QString instanceId = plan.target.instanceId;
    if (m_running.contains(instanceId)) {
        Q_EMIT message(tr("A rollback of %1 is already running.").arg(instanceId));
        return;
    }
    m_running.insert(instanceId);
    // The job lives as long as the coordinator; the window only watches it, so closing the
    // window never stops a rollback that has passed the point of no return.
    auto *job = new RollbackJob(m_context.api, plan, m_context.journal, this);
    QPointer<RollbackProgressWindow> window = new RollbackProgressWindow(job, m_window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    m_lastProgressWindow = window;
    connect(
        window, &RollbackProgressWindow::retryRequested, this, &RollbackCoordinator::confirmRetry);
    // A finished job is kept (it is small) so that its window can still show the outcome
    // and offer its retry plan; it is freed when the job's window is closed.
    connect(job, &RollbackJob::finished, this, [this, job, window, instanceId] {
        m_running.remove(instanceId);
        Q_EMIT jobFinished(instanceId);
        if (!window)
            job->deleteLater();
    });
    connect(window, &QObject::destroyed, job, [job] {
        if (!job->isRunning())
            job->deleteLater();
    });
    window->show();
    job->start();
}

void RollbackCoordinator::confirmRetry(const RollbackPlan &plan)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Roll back the rest"),
        tr("Roll back %n more disk(s) of %1 from %2?", nullptr, int(plan.diskIds.size()))
            .arg(plan.target.instanceId, plan.target.snapshotGroupId),
        QMessageBox::NoButton, m_window);
    box->setInformativeText(plan.diskIds.join(QStringLiteral(", ")));
    QPushButton *rollBack = box->addButton(tr("Roll back"), QMessageBox::AcceptRole);
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        box, &QMessageBox::buttonClicked, this, [this, rollBack, plan](QAbstractButton *button) {
            if (button == rollBack)
                startJob(plan);
        });
    box->open();
}

} // namespace ecs
