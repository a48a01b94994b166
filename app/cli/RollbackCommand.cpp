#include "RollbackCommand.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ConfirmationPrompt.h"
#include "ExitCodes.h"
#include "InterruptWatcher.h"
#include "JournalWarnings.h"
#include "ReportText.h"
#include "RollbackProgress.h"
#include "journal/OperationRecorder.h"
#include "rollback/PreconditionCheck.h"

namespace ecs::cli {

void RollbackCommand::start()
{
    m_interrupts = new InterruptWatcher(this);
    connect(m_interrupts, &InterruptWatcher::interrupted, this, &RollbackCommand::onInterrupted);
    m_journal = new JournalWarnings(m_session.journal(), m_output, this);
    m_journal->open();
    withSession([this] {
        gatherFacts(m_options.arguments.constFirst(),
            [this](const RollbackFacts &facts) { onFacts(facts); });
    });
}

void RollbackCommand::onFacts(const RollbackFacts &facts)
{
    m_facts = facts;
    m_report = checkPreconditions(facts, diskSelection(facts));
    const QString instanceId = facts.instance ? facts.instance->instanceId
                                              : (facts.group ? facts.group->instanceId : QString());
    OperationRecorder recorder(&m_session.journal(), m_session.profileName(), facts.regionId,
        instanceId, facts.snapshotGroupId);
    recorder.check(m_report);
    m_checkOperationId = recorder.operationId();

    const ReportText text(m_facts, m_report, m_session.repeatArguments());
    if (!m_report.allowsRollback()) {
        QString summary = text.verdict() + QLatin1Char(' ') + tr("Nothing was changed.");
        if (const QString hint = text.narrowerSelectionHint(); !hint.isEmpty())
            summary += QLatin1Char('\n') + hint;
        if (!m_output.isJson()) {
            m_output.line(text.heading());
            m_output.line();
            m_output.line(tr("Not met:"));
            m_output.line(text.blockers());
            if (const QString warnings = text.warnings(); !warnings.isEmpty()) {
                m_output.line(tr("Warnings:"));
                m_output.line(warnings);
            }
            m_output.line();
        }
        endEarly(ExitBlocked, QStringLiteral("blocked"), summary,
            QJsonObject { { QStringLiteral("check"), text.toJson() } });
        return;
    }

    m_plan.target.regionId = facts.regionId;
    m_plan.target.snapshotGroupId = facts.snapshotGroupId;
    m_plan.target.instanceId = instanceId;
    m_plan.diskIds = m_report.selectedDiskIds();
    m_plan.safetySnapshot = m_options.safetySnapshot;
    m_plan.startAfterRollback = m_options.start;
    m_plan.profileName = m_session.profileName();
    m_plan.waits = m_session.waitOptions();
    showPlan();
    confirm();
}

void RollbackCommand::showPlan()
{
    // On stderr, like the prompt: it must be seen even when stdout goes to a file.
    const ReportText text(m_facts, m_report, m_session.repeatArguments());
    // A report that allows the rollback was made from a group and an instance.
    const Instance instance = m_facts.instance.value_or(Instance());
    const SnapshotGroup group = m_facts.group.value_or(SnapshotGroup());
    m_output.progress(tr("Rollback plan"));
    auto field = [this](const QString &name, const QString &value) {
        m_output.progress(QLatin1String("  ") + name.leftJustified(20) + value);
    };
    field(tr("Instance:"),
        tr("%1 (%2), %3").arg(instance.instanceId, instance.instanceName, instance.status));
    field(tr("Instance snapshot:"),
        tr("%1 (%2), taken %3")
            .arg(group.snapshotGroupId, group.name, CliOutput::time(group.creationTime)));
    field(tr("Region:"), m_plan.target.regionId);
    QList<QStringList> rows;
    for (const DiskSnapshotPair &pair : m_report.rollbackPairs()) {
        const SnapshotGroupMember *member = group.memberForDisk(pair.diskId);
        rows.append({ pair.diskId, member ? member->sourceDiskType : QString(),
            tr("from %1").arg(pair.snapshotId) });
    }
    field(tr("Disks:"), tr("%n disk(s)", nullptr, int(rows.size())));
    m_output.progress(CliOutput::formatTable({}, rows, QStringLiteral("    ")));
    field(tr("Safety snapshot:"),
        m_plan.safetySnapshot ? tr("yes: an instance snapshot of the current disks is taken first")
                              : tr("no"));
    field(tr("Start afterwards:"), CliOutput::yesNo(m_plan.startAfterRollback));
    m_output.progress(tr("Data written to these disks since %1 will be lost.")
                          .arg(CliOutput::time(group.creationTime)));
    if (!m_plan.safetySnapshot)
        m_output.progress(tr("No safety snapshot is taken (--no-safety-snapshot): the current "
                             "data cannot be recovered afterwards."));
    // Data loss is the plan's last line already.
    if (const QString warnings = text.warnings({ PreconditionKind::DataLoss });
        !warnings.isEmpty()) {
        m_output.progress(tr("Warnings:"));
        m_output.progress(warnings);
    }
}

void RollbackCommand::confirm()
{
    if (m_options.yes) {
        runJob();
        return;
    }
    m_stage = Stage::Confirming;
    m_prompt = new ConfirmationPrompt(m_output, this);
    connect(m_prompt, &ConfirmationPrompt::answered, this, [this](bool confirmed) {
        if (confirmed)
            runJob();
        else
            endEarly(ExitRefused, QStringLiteral("confirmation-refused"),
                tr("Confirmation refused: nothing was changed."));
    });
    m_prompt->ask(tr("Type the instance ID (%1) to roll back its disks, or anything else to "
                     "cancel: ")
                      .arg(m_plan.target.instanceId),
        m_plan.target.instanceId);
}

void RollbackCommand::runJob()
{
    m_stage = Stage::Running;
    m_job = new RollbackJob(&m_session.api(), m_plan, &m_session.journal(), this);
    m_progress = new RollbackProgress(*m_job, m_output, this);
    QHash<QString, QString> snapshots;
    for (const DiskSnapshotPair &pair : m_report.rollbackPairs())
        snapshots.insert(pair.diskId, pair.snapshotId);
    m_progress->setSnapshots(snapshots);
    connect(m_job, &RollbackJob::finished, this, &RollbackCommand::onJobFinished);
    m_job->start();
}

QString RollbackCommand::retryCommand() const
{
    const RollbackPlan retry = m_job->retryPlan();
    if (retry.diskIds.isEmpty())
        return {};
    QStringList arguments { QStringLiteral("rollback"), m_plan.target.snapshotGroupId };
    for (const QString &diskId : retry.diskIds)
        arguments << QStringLiteral("--disk") << diskId;
    if (retry.startAfterRollback)
        arguments << QStringLiteral("--start");
    if (!retry.safetySnapshot)
        arguments << QStringLiteral("--no-safety-snapshot");
    const ReportText text(m_facts, m_report, m_session.repeatArguments());
    return text.suggestedCommand(arguments);
}

void RollbackCommand::onJobFinished(RollbackJob::Outcome outcome)
{
    int code = ExitError;
    switch (outcome) {
    case RollbackJob::Outcome::Succeeded:
        code = ExitDone;
        break;
    case RollbackJob::Outcome::Blocked:
        code = ExitBlocked;
        break;
    case RollbackJob::Outcome::Failed:
        code = ExitError;
        break;
    case RollbackJob::Outcome::Cancelled:
        code = ExitRefused;
        break;
    case RollbackJob::Outcome::Partial:
    case RollbackJob::Outcome::Unknown:
    case RollbackJob::Outcome::RolledBackStartFailed:
    case RollbackJob::Outcome::RolledBackButChanged:
    case RollbackJob::Outcome::Interrupted:
        code = ExitIncomplete;
        break;
    }
    const QString retry = code == ExitIncomplete ? retryCommand() : QString();
    if (m_output.isJson()) {
        QJsonObject json = m_progress->resultJson(retry);
        json.insert(QStringLiteral("journal"), m_journal->toJson());
        m_output.printJson(json);
    } else {
        m_output.line();
        m_progress->printResult(retry);
    }
    m_journal->reportUnsaved();
    finish(code);
}

void RollbackCommand::onInterrupted()
{
    switch (m_stage) {
    case Stage::Checking:
    case Stage::Confirming:
        if (m_prompt)
            m_prompt->abandon();
        m_output.progress({});
        endEarly(ExitRefused, QStringLiteral("cancelled"), tr("Cancelled: nothing was changed."));
        return;
    case Stage::Running:
        if (!m_job || !m_job->isRunning())
            return;
        // A job that can still stop emits finished(Cancelled) from inside cancel().
        if (!m_job->cancel())
            m_output.warning(tr("The rollback request has already been sent: it cannot be "
                                "cancelled now, and stopping here would hide its outcome. "
                                "Waiting for it to finish."));
        return;
    }
}

void RollbackCommand::endEarly(
    int code, const QString &outcome, const QString &summary, QJsonObject json)
{
    if (isFinished())
        return;
    if (m_output.isJson()) {
        json.insert(QStringLiteral("outcome"), outcome);
        json.insert(QStringLiteral("summary"), summary);
        json.insert(QStringLiteral("snapshotGroupId"), m_options.arguments.constFirst());
        if (!m_checkOperationId.isEmpty())
            json.insert(QStringLiteral("checkOperationId"), m_checkOperationId);
        json.insert(QStringLiteral("journal"), m_journal->toJson());
        m_output.printJson(json);
    } else if (code == ExitBlocked) {
        m_output.line(summary);
    } else {
        m_output.progress(summary);
    }
    m_journal->reportUnsaved();
    finish(code);
}

} // namespace ecs::cli
