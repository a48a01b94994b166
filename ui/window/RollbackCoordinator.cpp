#include "RollbackCoordinator.h"

#include "journal/Journal.h"
#include "journal/OperationLock.h"
#include "progress/RollbackProgressWindow.h"
#include "rollback/RollbackDialog.h"
#include "rollback/RollbackJob.h"
#include "rollback/RollbackRecord.h"
#include "session/ConsoleSession.h"

#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace ecs {

RollbackCoordinator::RollbackCoordinator(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{ }

// The windows are the main window's children and go with it; the jobs are ours.
RollbackCoordinator::~RollbackCoordinator() = default;

bool RollbackCoordinator::isRunningFor(const QString &instanceId) const
{
    return m_running.contains(instanceId);
}

int RollbackCoordinator::runningCount() const
{
    return int(m_running.size());
}

QStringList RollbackCoordinator::inFlight() const
{
    QStringList lines;
    for (const Running &running : m_running) {
        if (!running.job)
            continue;
        const RollbackPlan &plan = running.job->plan();
        lines.append(tr("%1 from %2: %3")
                         .arg(plan.target.instanceId, plan.target.snapshotGroupId,
                             RollbackProgressWindow::inFlightText(*running.job)));
    }
    lines.sort();
    return lines;
}

RollbackProgressWindow *RollbackCoordinator::progressWindowFor(const QString &instanceId) const
{
    return m_running.value(instanceId).window;
}

void RollbackCoordinator::openRollbackDialog(const RollbackTarget &target)
{
    if (RollbackProgressWindow *window = progressWindowFor(target.instanceId)) {
        // One rollback per instance at a time: its window is where it can be followed.
        window->show();
        window->raise();
        window->activateWindow();
        Q_EMIT message(tr("A rollback of %1 is already running.").arg(target.instanceId));
        return;
    }
    // A row of another profile or region (a click that raced a switch) never acts under
    // the new credentials.
    if (!m_context.api || (!target.regionId.isEmpty() && target.regionId != m_context.regionId)) {
        Q_EMIT message(tr("The list is being read again for another profile or region: try "
                          "again once it shows."));
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
    if (m_running.contains(plan.target.instanceId) || m_stopping) {
        Q_EMIT message(m_stopping
                ? tr("The console is quitting: no new rollback starts.")
                : tr("A rollback of %1 is already running.").arg(plan.target.instanceId));
        return;
    }
    watch(new RollbackJob(m_context.api, plan, m_context.journal, this), false);
}

void RollbackCoordinator::resumeJob(const RollbackRecord &record)
{
    RollbackRecord taken = record;
    taken.plan.waits = m_context.waits; // polling is the session's, not the record's
    watch(new RollbackJob(m_context.api, taken, m_context.journal, this), true);
}

void RollbackCoordinator::watch(RollbackJob *job, bool resumed)
{
    const QString instanceId = job->plan().target.instanceId;
    auto *window = new RollbackProgressWindow(job, m_window);
    m_running.insert(instanceId, Running { job, window });
    m_lastProgressWindow = window;
    connect(
        window, &RollbackProgressWindow::retryRequested, this, &RollbackCoordinator::confirmRetry);
    connect(job, &RollbackJob::finished, this, [this, job, window, instanceId] {
        m_running.remove(instanceId);
        Q_EMIT jobFinished(instanceId);
        if (window) {
            // A finished job is kept (it is small) so that its window can show the outcome
            // and offer its retry plan; both go when the window is closed. A window hidden
            // while the job ran comes back: an outcome is never missed.
            window->setAttribute(Qt::WA_DeleteOnClose);
            connect(window, &QObject::destroyed, job, &QObject::deleteLater);
            if (!m_stopping && window->isHidden()) {
                window->setAttribute(Qt::WA_ShowWithoutActivating);
                window->show();
            }
        } else {
            job->deleteLater();
        }
        if (m_stopping && m_running.isEmpty())
            Q_EMIT allStopped();
    });
    window->show();
    if (resumed)
        job->resume();
    else
        job->start();
}

void RollbackCoordinator::interruptAll()
{
    m_stopping = true;
    if (m_running.isEmpty()) {
        Q_EMIT allStopped();
        return;
    }
    Q_EMIT message(
        tr("Stopping %n rollback(s) after the step in flight…", nullptr, int(m_running.size())));
    // A copy: an interrupt may finish a job (and change m_running) before it returns.
    const QList<Running> running = m_running.values();
    for (const Running &each : running) {
        if (each.job)
            each.job->interrupt();
    }
}

int RollbackCoordinator::resumeUnfinished()
{
    if (!m_context.journal || !m_context.api || m_stopping)
        return 0;
    int resumed = 0;
    QStringList notes; // what was left alone or closed, and why
    for (const RollbackRecord &record :
        RollbackRecord::unfinished(*m_context.journal, m_context.profileName)) {
        if (m_running.contains(record.plan.target.instanceId))
            continue; // ours, running now
        if (const auto holder
            = OperationLock::holder(m_context.journal->filePath(), record.operationId)) {
            notes.append(tr("The rollback of %1 (operation %2) is being carried on by %3.")
                             .arg(record.plan.target.instanceId, record.operationId, *holder));
            continue;
        }
        if (record.plan.profileName == ConsoleSession::sandboxProfileId()) {
            notes.append(RollbackJob::closeSandboxOperation(m_context.journal, record));
            continue;
        }
        resumeJob(record);
        ++resumed;
    }
    if (resumed > 0)
        notes.prepend(tr("Finishing %n rollback(s) that did not end when the console last ran.",
            nullptr, resumed));
    if (!notes.isEmpty())
        Q_EMIT message(notes.join(QLatin1Char(' ')));
    return resumed;
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
