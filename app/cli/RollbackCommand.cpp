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
#include "rollback/RollbackRecord.h"

#include <QJsonArray>

namespace ecs::cli {

void RollbackCommand::start()
{
    m_interrupts = new InterruptWatcher(this);
    connect(m_interrupts, &InterruptWatcher::interrupted, this, &RollbackCommand::onInterrupted);
    m_journal = new JournalWarnings(m_session.journal(), m_output, this);
    m_journal->open();
    withSession([this] {
        warnAboutUnfinished();
        gatherFacts(m_options.arguments.constFirst(),
            [this](const RollbackFacts &facts) { onFacts(facts); });
    });
}

void RollbackCommand::warnAboutUnfinished()
{
    for (const RollbackRecord &record :
        RollbackRecord::unfinished(m_session.journal(), m_session.profileName())) {
        m_output.warning(tr("An earlier rollback of %1 from %2 did not finish (operation %3). "
                            "Finish it with: %4")
                             .arg(record.plan.target.instanceId, record.plan.target.snapshotGroupId,
                                 record.operationId,
                                 RollbackProgress::resumeCommand(
                                     m_session.repeatArguments(), record.operationId)));
    }
}

QJsonArray RollbackCommand::leftOutJson() const
{
    QJsonArray leftOut;
    for (const DiskEligibility &disk : m_report.disks) {
        if (!disk.selected)
            leftOut.append(QJsonObject { { QStringLiteral("diskId"), disk.diskId },
                { QStringLiteral("reasons"), QJsonArray::fromStringList(disk.reasons) } });
    }
    return leftOut;
}

void RollbackCommand::onFacts(const RollbackFacts &facts)
{
    m_facts = facts;
    m_report = checkPreconditions(facts, diskSelection());
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
    m_plan.onChangeBeforeCall = m_options.skipChangedDisks
        ? RollbackPlan::ChangePolicy::SkipChangedDisks
        : RollbackPlan::ChangePolicy::StopJob;
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
    QList<QStringList> leftOut;
    for (const DiskEligibility &disk : m_report.disks) {
        if (!disk.selected)
            leftOut.append({ disk.diskId,
                disk.reasons.isEmpty() ? tr("not named with --disk")
                                       : disk.reasons.join(QStringLiteral("; ")) });
    }
    if (!leftOut.isEmpty()) {
        field(tr("Left out:"),
            m_options.diskIds.isEmpty()
                ? tr("%n disk(s) that cannot be rolled back (without --disk, the disks that can "
                     "are selected, as in the console)",
                    nullptr, int(leftOut.size()))
                : tr("%n disk(s) not named with --disk", nullptr, int(leftOut.size())));
        m_output.progress(CliOutput::formatTable({}, leftOut, QStringLiteral("    ")));
    }
    field(tr("Safety snapshot:"),
        m_plan.safetySnapshot ? tr("yes: an instance snapshot of the current disks is taken first")
                              : tr("no"));
    field(tr("Start afterwards:"), CliOutput::yesNo(m_plan.startAfterRollback));
    field(tr("If a disk changes before the call:"),
        m_options.skipChangedDisks ? tr("leave it out (--skip-changed-disks)")
                                   : tr("stop: nothing is rolled back"));
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
    if (retry.onChangeBeforeCall == RollbackPlan::ChangePolicy::SkipChangedDisks)
        arguments << QStringLiteral("--skip-changed-disks");
    const ReportText text(m_facts, m_report, m_session.repeatArguments());
    return text.suggestedCommand(arguments);
}

void RollbackCommand::onJobFinished(RollbackJob::Outcome outcome)
{
    const int code = RollbackProgress::exitCode(outcome);
    const QString retry = outcome == RollbackJob::Outcome::Interrupted
        ? RollbackProgress::resumeCommand(m_session.repeatArguments(), m_job->operationId())
        : code == ExitIncomplete ? retryCommand()
                                 : QString();
    if (m_output.isJson()) {
        QJsonObject json = m_progress->resultJson(retry);
        json.insert(QStringLiteral("leftOut"), leftOutJson());
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
        // A job that can still stop emits finished(Cancelled) from inside interrupt().
        if (m_job->isCancellable()) {
            m_job->interrupt();
            return;
        }
        const QString resume
            = RollbackProgress::resumeCommand(m_session.repeatArguments(), m_job->operationId());
        if (!m_job->isInterruptRequested()) {
            // The journal holds every step, so stopping loses nothing; the answer of the
            // call in flight is still worth having.
            m_output.warning(tr("The rollback request has been sent and cannot be undone. "
                                "Stopping after the step in flight; the service carries on. "
                                "Finish it later with: %1\nPress Ctrl+C again to stop at once.")
                                 .arg(resume));
            m_job->interrupt();
            return;
        }
        m_output.warning(tr("Stopped at once. Finish it with: %1").arg(resume));
        m_journal->reportUnsaved();
        finish(ExitIncomplete);
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
