#include "StopCommand.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ConfirmationPrompt.h"
#include "ExitCodes.h"
#include "InterruptWatcher.h"
#include "JournalWarnings.h"
#include "rollback/StopInStandardModeJob.h"

#include <QJsonObject>

namespace ecs::cli {

void StopCommand::start()
{
    m_instanceId = m_options.arguments.constFirst();
    m_interrupts = new InterruptWatcher(this);
    connect(m_interrupts, &InterruptWatcher::interrupted, this, &StopCommand::onInterrupted);
    m_journal = new JournalWarnings(m_session.journal(), m_output, this);
    m_journal->open();
    withSession([this] { confirm(); });
}

void StopCommand::confirm()
{
    m_output.progress(tr("Instance %1 (region %2) will be stopped in standard mode "
                         "(StoppedMode=KeepCharging): its compute resources stay reserved and "
                         "keep being charged, so it can start again after a rollback. An "
                         "instance stopped in economical mode is started first, then stopped "
                         "in standard mode.")
                          .arg(m_instanceId, m_session.regionId()));
    if (m_options.yes) {
        runJob();
        return;
    }
    m_prompt = new ConfirmationPrompt(m_output, this);
    connect(m_prompt, &ConfirmationPrompt::answered, this, [this](bool confirmed) {
        if (confirmed)
            runJob();
        else
            end(ExitRefused, QStringLiteral("confirmation-refused"),
                tr("Confirmation refused: nothing was changed."));
    });
    m_prompt->ask(
        tr("Type the instance ID (%1) to stop it, or anything else to cancel: ").arg(m_instanceId),
        m_instanceId);
}

void StopCommand::runJob()
{
    OperationRecorder recorder(
        &m_session.journal(), m_session.profileName(), m_session.regionId(), m_instanceId);
    m_operationId = recorder.operationId();
    m_job = new StopInStandardModeJob(&m_session.api(), m_session.regionId(), m_instanceId,
        m_session.waitOptions(), recorder, this);
    connect(m_job, &StopInStandardModeJob::progressed, this, [this](const QString &description) {
        // Each poll reports the state it read; a line per change is enough.
        if (description != m_lastProgress)
            m_output.progress(description);
        m_lastProgress = description;
    });
    connect(m_job, &StopInStandardModeJob::finished, this,
        [this](StopInStandardModeJob::Outcome outcome) {
            switch (outcome) {
            case StopInStandardModeJob::Outcome::Stopped:
                end(ExitDone, QStringLiteral("stopped"),
                    tr("Instance %1 is stopped in standard mode.").arg(m_instanceId));
                return;
            case StopInStandardModeJob::Outcome::Failed:
                end(ExitError, QStringLiteral("failed"), m_job->message());
                return;
            case StopInStandardModeJob::Outcome::Cancelled:
                end(ExitRefused, QStringLiteral("cancelled"),
                    tr("Cancelled. A stop or start request already sent is carried out by the "
                       "service; check the instance's state."));
                return;
            }
        });
    m_job->start();
}

void StopCommand::onInterrupted()
{
    m_output.progress({});
    if (m_job && m_job->isRunning()) {
        m_job->cancel(); // finished(Cancelled) follows
        return;
    }
    if (m_prompt)
        m_prompt->abandon();
    end(ExitRefused, QStringLiteral("cancelled"), tr("Cancelled: nothing was changed."));
}

void StopCommand::end(int code, const QString &outcome, const QString &message)
{
    if (isFinished())
        return;
    if (m_output.isJson()) {
        QJsonObject json { { QStringLiteral("outcome"), outcome },
            { QStringLiteral("instanceId"), m_instanceId },
            { QStringLiteral("regionId"), m_session.regionId() },
            { QStringLiteral("message"), message },
            { QStringLiteral("journal"), m_journal->toJson() } };
        if (!m_operationId.isEmpty())
            json.insert(QStringLiteral("operationId"), m_operationId);
        if (m_job && m_job->error().isError())
            json.insert(QStringLiteral("error"), m_job->error().summary());
        m_output.printJson(json);
    } else if (code == ExitDone) {
        m_output.line(message);
    } else if (code == ExitError) {
        m_output.error(message);
    } else {
        m_output.progress(message);
    }
    m_journal->reportUnsaved();
    finish(code);
}

} // namespace ecs::cli
