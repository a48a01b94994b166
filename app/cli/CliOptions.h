#pragma once

#include "api/signing/RequestSigner.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace ecs::cli {

// What CliSession needs to reach the service and the journal.
struct SessionOptions
{
    QString profileId; // credential source id; empty: the first usable one
    QString regionId; // empty: the profile's region, else cn-hangzhou
    QUrl endpoint; // empty: the region's public endpoint
    signing::SignatureVersion signatureVersion = signing::SignatureVersion::V3;
    bool sandbox = false;
    QString journalFile;
    // Extra CAs (PEM) added to the system's, for a TLS-inspecting proxy; empty: the
    // SSL_CERT_FILE environment variable, if set (CaBundle).
    QString caFile;
};

// The command line, checked: every value here is valid for `command`.
struct CliOptions
{
    QString command;
    QStringList arguments; // the command's positional arguments (count checked)
    SessionOptions session;
    bool json = false;
    bool yes = false;

    QString instanceId; // instance-snapshots, journal
    QString status; // instance-snapshots
    QString name; // instance-snapshots
    QStringList diskIds; // check, rollback (each once, in the order given)
    bool start = false; // rollback
    bool safetySnapshot = true; // rollback
    bool skipChangedDisks = false; // rollback: RollbackPlan::ChangePolicy::SkipChangedDisks
    QDateTime since; // journal, UTC, inclusive; invalid: open
    QDateTime until; // journal, UTC, exclusive; invalid: open
    QString format; // journal: text, csv or json
    QString outputFile; // journal
};

struct ParsedCommandLine
{
    enum class Action { Run, ShowHelp, ShowVersion, UsageError };
    Action action = Action::UsageError;
    CliOptions options;
    QString text; // the help text, or what is wrong with the command line
};

// Parses and checks `arguments` (argv, program name first). Never exits the process, so
// that a usage error gets exit code 2 rather than QCommandLineParser's 1.
ParsedCommandLine parseCommandLine(const QStringList &arguments);

} // namespace ecs::cli
