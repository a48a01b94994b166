#pragma once

// The exit status of ecs-rollback-cli, documented in --help. Scripts branch on these, so
// a value never changes meaning; new ones are only added.
namespace ecs::cli {

enum ExitCode : int {
    ExitDone = 0, // the command did what was asked
    ExitError = 1, // an error: network, credentials, service refusal, journal unreadable
    ExitUsage = 2, // bad command line
    ExitBlocked = 3, // a rollback precondition is not met: nothing was changed
    ExitRefused = 4, // confirmation refused, or cancelled before anything was changed
    ExitIncomplete = 5, // rollback partial, outcome unknown, or rolled back but not started
};

} // namespace ecs::cli
