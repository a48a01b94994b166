#pragma once

#include "CliOptions.h"
#include "rollback/RollbackFacts.h"

#include <QObject>

#include <functional>
#include <optional>

namespace ecs::cli {

class CliOutput;
class CliSession;

// One command of the CLI: started once the event loop runs, it ends by emitting
// finished() with the process's exit code (ExitCodes.h). Nothing in a command blocks: it
// waits for answers through signals and handlers tied to itself.
class Command : public QObject
{
    Q_OBJECT

public:
    Command(const CliOptions &options, CliSession &session, CliOutput &output,
        QObject *parent = nullptr);

    virtual void start() = 0;

Q_SIGNALS:
    void finished(int exitCode);

protected:
    // Emits finished() the first time only: late answers cannot change the exit code.
    void finish(int exitCode);
    bool isFinished() const { return m_finished; }
    // Opens the session (sandbox or credentials), then runs `then`; a problem is printed
    // and ends the command with ExitError.
    void withSession(std::function<void()> then);
    // Reads everything about instance snapshot `snapshotGroupId` in the session's region
    // (FactsGatherer), then runs `then`. If the group itself could not be read, the error
    // is printed and the command ends with ExitError; a group that no longer exists is
    // left to `then` (facts.group is empty).
    void gatherFacts(
        const QString &snapshotGroupId, std::function<void(const RollbackFacts &)> then);
    // The disks to check or roll back: those named with --disk, else (nullopt) the disks
    // that can be rolled back, as the console's dialog proposes them; the plan then lists
    // the disks left out and why (--help says the same).
    std::optional<QStringList> diskSelection() const;
    // Prints a failed call: a credential refusal as a headline naming the profile, what to
    // try and the service's (redacted) words; anything else as `context: summary`.
    void printError(const ApiError &error, const QString &context = {});

    const CliOptions &m_options;
    CliSession &m_session;
    CliOutput &m_output;

private:
    bool m_finished = false;
};

} // namespace ecs::cli
