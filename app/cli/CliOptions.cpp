#include "CliOptions.h"

#include "CliOutput.h"
#include "credentials/AppProfile.h"
#include "journal/Journal.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QTimeZone>

namespace ecs::cli {

namespace {

// Positional arguments each command takes after its name.
const QHash<QString, int> &argumentCounts()
{
    static const QHash<QString, int> counts {
        { QStringLiteral("profiles"), 0 },
        { QStringLiteral("regions"), 0 },
        { QStringLiteral("instance-snapshots"), 0 },
        { QStringLiteral("show"), 1 },
        { QStringLiteral("check"), 1 },
        { QStringLiteral("rollback"), 1 },
        { QStringLiteral("stop"), 1 },
        { QStringLiteral("journal"), 0 },
        { QStringLiteral("resume"), 1 },
    };
    return counts;
}

// The options that belong to some commands only; the rest are global.
const QHash<QString, QStringList> &commandOptions()
{
    static const QHash<QString, QStringList> options {
        { QStringLiteral("instance"),
            { QStringLiteral("instance-snapshots"), QStringLiteral("journal") } },
        { QStringLiteral("status"), { QStringLiteral("instance-snapshots") } },
        { QStringLiteral("name"), { QStringLiteral("instance-snapshots") } },
        { QStringLiteral("disk"), { QStringLiteral("check"), QStringLiteral("rollback") } },
        { QStringLiteral("start"), { QStringLiteral("rollback") } },
        { QStringLiteral("no-safety-snapshot"), { QStringLiteral("rollback") } },
        { QStringLiteral("skip-changed-disks"), { QStringLiteral("rollback") } },
        { QStringLiteral("since"), { QStringLiteral("journal") } },
        { QStringLiteral("until"), { QStringLiteral("journal") } },
        { QStringLiteral("format"), { QStringLiteral("journal") } },
        { QStringLiteral("output"), { QStringLiteral("journal") } },
    };
    return options;
}

QString description()
{
    return CliText::tr(
        "Roll back Alibaba Cloud ECS disks from an instance snapshot, safely.\n"
        "\n"
        "Commands:\n"
        "  profiles                      list the credential sources, in lookup order\n"
        "  regions                       list the regions\n"
        "  instance-snapshots            list the instance snapshots of the region\n"
        "      [--instance ID] [--status progressing|accomplished|failed] [--name NAME]\n"
        "  show SSG_ID                   an instance snapshot, its instance and disks\n"
        "  check SSG_ID [--disk ID]...   check every rollback precondition\n"
        "  rollback SSG_ID [--disk ID]... [--start] [--no-safety-snapshot]\n"
        "      [--skip-changed-disks]    check, confirm, then roll the disks back\n"
        "  stop INSTANCE_ID              stop an instance in standard mode (KeepCharging)\n"
        "  resume OPERATION_ID           finish a rollback that was interrupted (quit, crash):\n"
        "                                reads the disks, never sends the rollback again\n"
        "  journal [--instance ID] [--since DATE] [--until DATE]\n"
        "      [--format text|csv|json] [--output FILE]\n"
        "                                what this tool did, from the audit journal\n"
        "\n"
        "rollback and stop ask you to type the instance ID unless --yes is given.");
}

QString exitCodesText()
{
    return CliText::tr(
        "Exit codes:\n"
        "  0  done\n"
        "  1  error (network, credentials, service, journal)\n"
        "  2  usage error\n"
        "  3  rollback preconditions not met: nothing was changed\n"
        "  4  confirmation refused, or cancelled before anything was changed\n"
        "  5  rollback incomplete: partial, outcome unknown, interrupted (resume it), "
        "or rolled back but not started\n");
}

// An ISO 8601 date or date-time; UTC unless it carries an offset. A date alone as the end
// of a range takes in that whole day.
QDateTime parseTime(const QString &text, bool endOfRange, bool *ok)
{
    // A format, not Qt::ISODate: that one also reads the date part of a date-time.
    const QDate date = QDate::fromString(text, QStringLiteral("yyyy-MM-dd"));
    if (date.isValid()) {
        *ok = true;
        return QDateTime(endOfRange ? date.addDays(1) : date, QTime(0, 0), Qt::UTC);
    }
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    *ok = time.isValid();
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time.setTimeZone(QTimeZone::utc()); // no offset given: read it as UTC
    return time.toUTC();
}

ParsedCommandLine usageError(const QString &message)
{
    ParsedCommandLine parsed;
    parsed.action = ParsedCommandLine::Action::UsageError;
    parsed.text = message;
    return parsed;
}

} // namespace

ParsedCommandLine parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description());
    const QCommandLineOption help({ QStringLiteral("h"), QStringLiteral("help") },
        CliText::tr("Show this help and the exit codes."));
    const QCommandLineOption version(QStringLiteral("version"), CliText::tr("Show the version."));
    const QCommandLineOption profile(QStringLiteral("profile"),
        CliText::tr("Credential source id (see 'profiles'); default: the first usable one."),
        QStringLiteral("id"));
    const QCommandLineOption region(QStringLiteral("region"),
        CliText::tr("Region ID, e.g. cn-hangzhou."), QStringLiteral("region"));
    const QCommandLineOption endpoint(QStringLiteral("endpoint"),
        CliText::tr("Custom endpoint URL (https://, or http:// on loopback)."),
        QStringLiteral("url"));
    const QCommandLineOption caFile(QStringLiteral("ca-file"),
        CliText::tr("PEM file of extra certificate authorities to trust besides the system's "
                    "(a corporate proxy's CA); default: $SSL_CERT_FILE if set. Certificates "
                    "are always verified."),
        QStringLiteral("path"));
    const QCommandLineOption signature(QStringLiteral("signature"),
        CliText::tr("Signature version: v3 (default) or v1."), QStringLiteral("version"),
        QStringLiteral("v3"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
        CliText::tr("Use the built-in sandbox: an in-process ECS emulator on the demo scenario, "
                    "fresh for every run."));
    const QCommandLineOption json(QStringLiteral("json"),
        CliText::tr("Print the result as JSON on stdout (progress stays on stderr)."));
    const QCommandLineOption journalFile(QStringLiteral("journal-file"),
        CliText::tr("The audit journal (SQLite); default: %1.").arg(Journal::defaultPath()),
        QStringLiteral("path"));
    const QCommandLineOption yes(QStringLiteral("yes"),
        CliText::tr("rollback, stop: do not ask for the instance ID to be typed as confirmation."));
    const QCommandLineOption instance(QStringLiteral("instance"),
        CliText::tr("instance-snapshots, journal: only this instance."), QStringLiteral("id"));
    const QCommandLineOption status(QStringLiteral("status"),
        CliText::tr("instance-snapshots: only this status (progressing, accomplished, failed)."),
        QStringLiteral("status"));
    const QCommandLineOption name(QStringLiteral("name"),
        CliText::tr("instance-snapshots: only instance snapshots with this name."),
        QStringLiteral("name"));
    const QCommandLineOption disk(QStringLiteral("disk"),
        CliText::tr(
            "check, rollback: a disk to roll back (repeat for more); default: every disk that "
            "can be rolled back."),
        QStringLiteral("id"));
    const QCommandLineOption start(
        QStringLiteral("start"), CliText::tr("rollback: start the instance after the rollback."));
    const QCommandLineOption noSafetySnapshot(QStringLiteral("no-safety-snapshot"),
        CliText::tr("rollback: do not take an instance snapshot of the current disks first."));
    const QCommandLineOption skipChangedDisks(QStringLiteral("skip-changed-disks"),
        CliText::tr("rollback: when the last check before the rollback call finds a disk "
                    "changed (detached, snapshot deleted), leave that disk out instead of "
                    "stopping the whole rollback."));
    const QCommandLineOption since(QStringLiteral("since"),
        CliText::tr("journal: entries from this ISO 8601 date or time on (UTC unless an offset is "
                    "given)."),
        QStringLiteral("date"));
    const QCommandLineOption until(QStringLiteral("until"),
        CliText::tr("journal: entries before this date or time (a date includes that whole day)."),
        QStringLiteral("date"));
    const QCommandLineOption format(QStringLiteral("format"),
        CliText::tr("journal: text (default), csv or json."), QStringLiteral("format"));
    const QCommandLineOption output(QStringLiteral("output"),
        CliText::tr("journal: write to this file instead of stdout."), QStringLiteral("file"));
    parser.addOptions({ help, version, profile, region, endpoint, caFile, signature, sandbox, json,
        journalFile, yes, instance, status, name, disk, start, noSafetySnapshot, skipChangedDisks,
        since, until, format, output });
    parser.addPositionalArgument(QStringLiteral("command"), CliText::tr("See the list above."));
    parser.addPositionalArgument(QStringLiteral("arguments"),
        CliText::tr("The command's arguments."), QStringLiteral("[ID]"));

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        ParsedCommandLine parsed;
        parsed.action = ParsedCommandLine::Action::ShowHelp;
        parsed.text = parser.helpText() + QLatin1Char('\n') + exitCodesText();
        return parsed;
    }
    if (parser.isSet(version)) {
        ParsedCommandLine parsed;
        parsed.action = ParsedCommandLine::Action::ShowVersion;
        parsed.text = QCoreApplication::applicationName() + QLatin1Char(' ')
            + QCoreApplication::applicationVersion();
        return parsed;
    }

    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return usageError(CliText::tr("Give a command; see --help."));
    CliOptions options;
    options.command = positional.takeFirst();
    options.arguments = positional;
    const auto count = argumentCounts().constFind(options.command);
    if (count == argumentCounts().cend())
        return usageError(CliText::tr("Unknown command: %1; see --help.").arg(options.command));
    if (options.arguments.size() != *count) {
        return usageError(*count == 0
                ? CliText::tr("'%1' takes no arguments.").arg(options.command)
                : CliText::tr("'%1' takes exactly one ID; see --help.").arg(options.command));
    }
    for (auto it = commandOptions().cbegin(); it != commandOptions().cend(); ++it) {
        if (parser.isSet(it.key()) && !it.value().contains(options.command))
            return usageError(
                CliText::tr("--%1 does not apply to '%2'.").arg(it.key(), options.command));
    }

    SessionOptions &session = options.session;
    session.profileId = parser.value(profile);
    session.regionId = parser.value(region);
    session.sandbox = parser.isSet(sandbox);
    if (session.sandbox && (parser.isSet(profile) || parser.isSet(endpoint)))
        return usageError(
            CliText::tr("--sandbox cannot be combined with --profile or --endpoint."));
    if (parser.isSet(endpoint)) {
        session.endpoint = QUrl(parser.value(endpoint), QUrl::StrictMode);
        const QString scheme = session.endpoint.scheme();
        if (!session.endpoint.isValid() || session.endpoint.host().isEmpty()
            || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
            return usageError(CliText::tr("--endpoint must be an http:// or https:// URL."));
    }
    const auto signatureVersion = AppProfile::signatureVersionFromName(parser.value(signature));
    if (!signatureVersion)
        return usageError(CliText::tr("--signature must be v3 or v1."));
    session.signatureVersion = *signatureVersion;
    if (parser.isSet(caFile)) {
        session.caFile = parser.value(caFile);
        if (session.caFile.isEmpty())
            return usageError(CliText::tr("--ca-file needs a path."));
    }
    session.journalFile
        = parser.isSet(journalFile) ? parser.value(journalFile) : Journal::defaultPath();
    if (session.journalFile.isEmpty())
        return usageError(CliText::tr("--journal-file needs a path."));

    options.json = parser.isSet(json);
    options.yes = parser.isSet(yes);
    options.instanceId = parser.value(instance);
    options.status = parser.value(status);
    if (parser.isSet(status)
        && !QStringList { QStringLiteral("progressing"), QStringLiteral("accomplished"),
            QStringLiteral("failed") }
                .contains(options.status))
        return usageError(CliText::tr("--status must be progressing, accomplished or failed."));
    options.name = parser.value(name);
    for (const QString &diskId : parser.values(disk)) {
        if (diskId.isEmpty())
            return usageError(CliText::tr("--disk needs a disk ID."));
        if (!options.diskIds.contains(diskId))
            options.diskIds.append(diskId);
    }
    options.start = parser.isSet(start);
    options.safetySnapshot = !parser.isSet(noSafetySnapshot);
    options.skipChangedDisks = parser.isSet(skipChangedDisks);

    bool ok = true;
    if (parser.isSet(since)) {
        options.since = parseTime(parser.value(since), false, &ok);
        if (!ok)
            return usageError(CliText::tr("--since must be an ISO 8601 date or date-time."));
    }
    if (parser.isSet(until)) {
        options.until = parseTime(parser.value(until), true, &ok);
        if (!ok)
            return usageError(CliText::tr("--until must be an ISO 8601 date or date-time."));
    }
    options.format = parser.isSet(format)
        ? parser.value(format)
        : (options.json ? QStringLiteral("json") : QStringLiteral("text"));
    if (!QStringList { QStringLiteral("text"), QStringLiteral("csv"), QStringLiteral("json") }
             .contains(options.format))
        return usageError(CliText::tr("--format must be text, csv or json."));
    options.outputFile = parser.value(output);

    ParsedCommandLine parsed;
    parsed.action = ParsedCommandLine::Action::Run;
    parsed.options = options;
    return parsed;
}

} // namespace ecs::cli
