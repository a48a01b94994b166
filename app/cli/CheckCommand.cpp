#include "CheckCommand.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ExitCodes.h"
#include "JournalWarnings.h"
#include "ReportText.h"
#include "journal/OperationRecorder.h"
#include "rollback/PreconditionCheck.h"

namespace ecs::cli {

void CheckCommand::start()
{
    m_journal = new JournalWarnings(m_session.journal(), m_output, this);
    m_journal->open();
    withSession([this] {
        gatherFacts(m_options.arguments.constFirst(),
            [this](const RollbackFacts &facts) { report(facts); });
    });
}

void CheckCommand::report(const RollbackFacts &facts)
{
    const PreconditionReport report = checkPreconditions(facts, diskSelection());
    const QString instanceId = facts.instance ? facts.instance->instanceId
                                              : (facts.group ? facts.group->instanceId : QString());
    OperationRecorder recorder(&m_session.journal(), m_session.profileName(), facts.regionId,
        instanceId, facts.snapshotGroupId);
    recorder.check(report);

    const ReportText text(facts, report, m_session.repeatArguments());
    if (m_output.isJson()) {
        QJsonObject json = text.toJson();
        json.insert(QStringLiteral("operationId"), recorder.operationId());
        json.insert(QStringLiteral("journal"), m_journal->toJson());
        m_output.printJson(json);
    } else {
        m_output.line(text.heading());
        m_output.line();
        m_output.line(tr("Preconditions:"));
        m_output.line(text.allItems());
        m_output.line();
        if (!report.disks.isEmpty()) {
            m_output.line(tr("Disks of the instance snapshot:"));
            m_output.line(text.disks());
            m_output.line();
        }
        m_output.line(text.verdict());
        if (const QString hint = text.narrowerSelectionHint(); !hint.isEmpty())
            m_output.line(hint);
        if (report.allowsRollback()) {
            QStringList rollback { QStringLiteral("rollback"), facts.snapshotGroupId };
            for (const QString &diskId : m_options.diskIds)
                rollback << QStringLiteral("--disk") << diskId;
            m_output.line(tr("To roll back: %1").arg(text.suggestedCommand(rollback)));
        }
    }
    m_journal->reportUnsaved();
    // A read that failed is not a precondition that failed: an error, not a block.
    finish(report.allowsRollback() ? ExitDone : report.couldNotCheck() ? ExitError : ExitBlocked);
}

} // namespace ecs::cli
