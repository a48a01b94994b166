#include "ResumeCommand.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ExitCodes.h"
#include "InterruptWatcher.h"
#include "JournalWarnings.h"
#include "RollbackProgress.h"
#include "journal/Journal.h"
#include "rollback/RollbackRecord.h"

namespace ecs::cli {

void ResumeCommand::start()
{
    m_interrupts = new InterruptWatcher(this);
    connect(m_interrupts, &InterruptWatcher::interrupted, this, &ResumeCommand::onInterrupted);
    m_journal = new JournalWarnings(m_session.journal(), m_output, this);
    m_journal->open();
    if (!m_session.journal().isOpen()) {
        m_output.error(tr("The journal cannot be read, so there is nothing to resume from."));
        finish(ExitError);
        return;
    }
    withSession([this] { resume(); });
}

void ResumeCommand::resume()
{
    const QString operationId = m_options.arguments.constFirst();
    const std::optional<QList<JournalEntry>> entries
        = m_session.journal().entries(JournalQuery { {}, operationId, {}, {}, 0 });
    const std::optional<RollbackRecord> record
        = entries ? RollbackRecord::fromEntries(*entries) : std::nullopt;
    if (!record) {
        m_output.error(tr("The journal has no rollback with operation ID %1.").arg(operationId));
        finish(ExitUsage);
        return;
    }
    if (!record->isUnfinished()) {
        m_output.line(tr("Operation %1 is finished already (%2): nothing to resume.")
                          .arg(operationId, record->lastJobOutcome));
        finish(ExitDone);
        return;
    }
    if (record->plan.profileName == QLatin1String("sandbox")) {
        // The sandbox's world lives in the process that ran it; what it held is gone, so
        // reading "the service" now would describe a new world, not the rollback's.
        const QString summary = RollbackJob::closeSandboxOperation(&m_session.journal(), *record);
        m_output.line(summary);
        finish(ExitIncomplete);
        return;
    }
    if (record->plan.profileName != m_session.profileName()) {
        m_output.error(tr("Operation %1 was recorded with the credentials \"%2\", not \"%3\": "
                          "run resume with --profile %2.")
                           .arg(operationId, record->plan.profileName, m_session.profileName()));
        finish(ExitUsage);
        return;
    }
    RollbackRecord taken = *record;
    taken.plan.waits = m_session.waitOptions();
    m_job = new RollbackJob(&m_session.api(), taken, &m_session.journal(), this);
    m_progress = new RollbackProgress(*m_job, m_output, this);
    connect(m_job, &RollbackJob::finished, this, &ResumeCommand::onJobFinished);
    m_output.progress(
        tr("Resuming operation %1: rollback of %2 from %3")
            .arg(operationId, taken.plan.target.instanceId, taken.plan.target.snapshotGroupId));
    m_job->resume();
}

void ResumeCommand::onJobFinished(RollbackJob::Outcome outcome)
{
    const int code = RollbackProgress::exitCode(outcome);
    if (m_output.isJson()) {
        QJsonObject json = m_progress->resultJson({});
        json.insert(QStringLiteral("resumed"), true);
        json.insert(QStringLiteral("journal"), m_journal->toJson());
        m_output.printJson(json);
    } else {
        m_output.line();
        m_progress->printResult({});
    }
    m_journal->reportUnsaved();
    finish(code);
}

void ResumeCommand::onInterrupted()
{
    if (!m_job || !m_job->isRunning()) {
        finish(ExitRefused);
        return;
    }
    if (++m_interruptCount == 1) {
        m_output.warning(tr("Stopping after the step in flight; run resume again to finish. "
                            "Press Ctrl+C again to stop at once."));
        m_job->interrupt();
        return;
    }
    m_output.warning(tr("Stopped. Resume with: %1")
                         .arg(RollbackProgress::resumeCommand(
                             m_session.repeatArguments(), m_job->operationId())));
    finish(ExitIncomplete);
}

} // namespace ecs::cli
