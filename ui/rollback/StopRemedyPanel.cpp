#include "StopRemedyPanel.h"

#include "journal/OperationRecorder.h"
#include "rollback/StopInStandardModeJob.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>

namespace ecs {

StopRemedyPanel::StopRemedyPanel(const ConsoleContext &context, QWidget *parent)
    : QWidget(parent)
    , m_context(context)
    , m_status(new QLabel(this))
    , m_busy(new QProgressBar(this))
{
    setObjectName(QStringLiteral("stopRemedyPanel"));
    m_status->setObjectName(QStringLiteral("stopRemedyStatus"));
    m_status->setAccessibleName(tr("Stop in standard mode: status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setRange(0, 0); // busy indicator: how long a stop takes is not known
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Stopping the instance"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_status, 1);
    m_busy->hide();
    hide();
}

StopRemedyPanel::~StopRemedyPanel()
{
    // Stops waiting only: a StopInstance already sent finishes and is still journalled.
    if (m_job && m_job->isRunning()) {
        m_job->disconnect(this); // no signals into a half-destroyed panel
        m_job->cancel();
    }
}

bool StopRemedyPanel::isBusy() const
{
    return m_confirmation || (m_job && m_job->isRunning());
}

void StopRemedyPanel::request(const QString &regionId, const QString &instanceId,
    const QString &instanceName, const QString &snapshotGroupId, bool economical)
{
    if (isBusy())
        return;
    m_regionId = regionId;
    m_instanceId = instanceId;
    m_snapshotGroupId = snapshotGroupId;

    const QString who
        = instanceName.isEmpty() ? instanceId : tr("%1 (%2)").arg(instanceName, instanceId);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Stop instance"),
        tr("Stop instance %1 in standard mode?").arg(who), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("stopConfirmation"));
    box->setInformativeText(economical
            ? tr("The instance is stopped in economical mode. It is started first, then stopped "
                 "in standard mode so that its resources are kept. Programs on it are shut down.")
            : tr("Programs running on the instance are shut down. In standard mode the instance "
                 "keeps its resources (and its charges), so it can be started again."));
    QPushButton *stop = box->addButton(tr("&Stop instance"), QMessageBox::AcceptRole);
    stop->setObjectName(QStringLiteral("confirmStopButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, stop] {
        const bool confirmed = box->clickedButton() == stop;
        m_confirmation = nullptr;
        if (confirmed)
            startJob();
        else
            Q_EMIT busyChanged(isBusy());
    });
    m_confirmation = box;
    Q_EMIT busyChanged(true);
    box->open();
}

void StopRemedyPanel::startJob()
{
    OperationRecorder recorder(
        m_context.journal, m_context.profileName, m_regionId, m_instanceId, m_snapshotGroupId);
    m_job = new StopInStandardModeJob(
        m_context.api, m_regionId, m_instanceId, m_context.waits, recorder, this);
    connect(m_job, &StopInStandardModeJob::progressed, this, [this](const QString &description) {
        setStatus(tr("Stopping… %1").arg(description), true);
    });
    connect(m_job, &StopInStandardModeJob::finished, this, &StopRemedyPanel::jobFinished);
    show();
    setStatus(tr("Stopping instance %1…").arg(m_instanceId), true);
    Q_EMIT busyChanged(true);
    m_job->start();
}

void StopRemedyPanel::jobFinished()
{
    const bool stopped = m_job->outcome() == StopInStandardModeJob::Outcome::Stopped;
    if (stopped)
        setStatus(tr("Stopped: instance %1 is stopped in standard mode.").arg(m_instanceId), false);
    else if (m_job->outcome() == StopInStandardModeJob::Outcome::Failed)
        setStatus(tr("Could not stop instance %1: %2").arg(m_instanceId, m_job->message()), false);
    else
        setStatus(tr("Stopping instance %1 was cancelled.").arg(m_instanceId), false);
    m_job->deleteLater();
    m_job = nullptr;
    Q_EMIT busyChanged(false);
    Q_EMIT finished(stopped);
}

void StopRemedyPanel::setStatus(const QString &text, bool busy)
{
    m_status->setText(text);
    m_busy->setVisible(busy);
}

} // namespace ecs
