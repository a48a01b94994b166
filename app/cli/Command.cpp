#include "Command.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ExitCodes.h"
#include "api/CredentialProblem.h"
#include "rollback/FactsGatherer.h"

namespace ecs::cli {

Command::Command(const CliOptions &options, CliSession &session, CliOutput &output, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_session(session)
    , m_output(output)
{ }

void Command::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_output.flush();
    Q_EMIT finished(exitCode);
}

void Command::withSession(std::function<void()> then)
{
    m_session.open([this, then = std::move(then)](const QString &problem) {
        if (!problem.isEmpty()) {
            m_output.error(problem);
            finish(ExitError);
            return;
        }
        then();
    });
}

void Command::gatherFacts(
    const QString &snapshotGroupId, std::function<void(const RollbackFacts &)> then)
{
    RollbackTarget target;
    target.regionId = m_session.regionId();
    target.snapshotGroupId = snapshotGroupId;
    auto *gatherer = new FactsGatherer(&m_session.api(), target, this);
    connect(gatherer, &FactsGatherer::finished, this,
        [this, gatherer, then = std::move(then)](const RollbackFacts &facts) {
            gatherer->deleteLater();
            if (facts.groupError.isError()) {
                printError(facts.groupError,
                    tr("Could not read instance snapshot %1").arg(facts.snapshotGroupId));
                finish(ExitError);
                return;
            }
            then(facts);
        });
    gatherer->start();
}

std::optional<QStringList> Command::diskSelection() const
{
    if (!m_options.diskIds.isEmpty())
        return m_options.diskIds;
    return std::nullopt; // checkPreconditions() proposes the disks that can be rolled back
}

void Command::printError(const ApiError &error, const QString &context)
{
    if (const std::optional<CredentialProblem> problem = CredentialProblem::of(error)) {
        m_output.error(problem->headline(m_session.profileName()));
        m_output.error(QStringLiteral("  ") + problem->advice());
        m_output.error(tr("  The service said: %1").arg(error.summary()));
        return;
    }
    m_output.error(
        context.isEmpty() ? error.summary() : tr("%1: %2").arg(context, error.summary()));
}

} // namespace ecs::cli
