// ecs-rollback-cli: the headless front end on ecs_core's rollback engine. This file only
// wires the parts together; each command lives in its own file.
#include "CheckCommand.h"
#include "CliOptions.h"
#include "CliOutput.h"
#include "CliSession.h"
#include "ExitCodes.h"
#include "JournalCommand.h"
#include "ListCommands.h"
#include "ResumeCommand.h"
#include "RollbackCommand.h"
#include "ShowCommand.h"
#include "StopCommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTimer>

#include <fcntl.h>
#include <memory>
#include <unistd.h>

using namespace ecs::cli;

namespace {

std::unique_ptr<Command> createCommand(
    const CliOptions &options, CliSession &session, CliOutput &output)
{
    const QString &name = options.command;
    if (name == QLatin1String("profiles"))
        return std::make_unique<ProfilesCommand>(options, session, output);
    if (name == QLatin1String("regions"))
        return std::make_unique<RegionsCommand>(options, session, output);
    if (name == QLatin1String("instance-snapshots"))
        return std::make_unique<InstanceSnapshotsCommand>(options, session, output);
    if (name == QLatin1String("show"))
        return std::make_unique<ShowCommand>(options, session, output);
    if (name == QLatin1String("check"))
        return std::make_unique<CheckCommand>(options, session, output);
    if (name == QLatin1String("rollback"))
        return std::make_unique<RollbackCommand>(options, session, output);
    if (name == QLatin1String("stop"))
        return std::make_unique<StopCommand>(options, session, output);
    if (name == QLatin1String("journal"))
        return std::make_unique<JournalCommand>(options, session, output);
    if (name == QLatin1String("resume"))
        return std::make_unique<ResumeCommand>(options, session, output);
    return nullptr; // parseCommandLine() accepts only the names above
}

// A standard descriptor the parent closed is given /dev/null, before anything else can
// be opened in its place: otherwise the confirmation prompt would read from whatever file
// or socket got descriptor 0, and results could be written into it.
void openClosedStandardDescriptors()
{
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; ++fd) {
        if (::fcntl(fd, F_GETFD) == -1)
            ::open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY); // takes `fd`
    }
}

} // namespace

int main(int argc, char *argv[])
{
    openClosedStandardDescriptors();
    QCoreApplication app(argc, argv);
    // Before parsing: the default journal path depends on the application's name.
    QCoreApplication::setOrganizationName(QStringLiteral("ecs-rollback-console"));
    QCoreApplication::setApplicationName(QStringLiteral("ecs-rollback-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ECS_VERSION_STRING));

    // The core's log lines repeat, for log files, what the CLI already tells the user in
    // its own words. QT_LOGGING_RULES still takes precedence, to see them when debugging.
    QLoggingCategory::setFilterRules(QStringLiteral("ecs.*.info=false\necs.*.warning=false"));

    const ParsedCommandLine parsed = parseCommandLine(QCoreApplication::arguments());
    CliOutput output(parsed.options.json);
    switch (parsed.action) {
    case ParsedCommandLine::Action::ShowHelp:
    case ParsedCommandLine::Action::ShowVersion:
        output.line(parsed.text);
        output.flush();
        return ExitDone;
    case ParsedCommandLine::Action::UsageError:
        output.error(parsed.text);
        output.flush();
        return ExitUsage;
    case ParsedCommandLine::Action::Run:
        break;
    }

    CliSession session(parsed.options.session);
    // Declared after the session, so destroyed before it: the command uses its API.
    const std::unique_ptr<Command> command = createCommand(parsed.options, session, output);
    if (!command)
        return ExitUsage;
    QObject::connect(command.get(), &Command::finished, &app,
        [](int exitCode) { QCoreApplication::exit(exitCode); });
    // Started from the event loop, so that a command finishing at once still ends it.
    QTimer::singleShot(0, command.get(), &Command::start);
    const int exitCode = QCoreApplication::exec();
    output.flush();
    return exitCode;
}
