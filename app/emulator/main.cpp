// ecs-emulator: the emulated ECS service behind its HTTP front, for the sandbox, the
// interop tests and manual poking. Options are listed in docs/EMULATOR.md.
#include "AccessKeyOption.h"
#include "EcsEmulatorServer.h"
#include "ServiceAdminTarget.h"
#include "io/BoundedFile.h"
#include "scenarios/Scenario.h"
#include "service/EcsService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace ecs;
using namespace ecs::emulator;

namespace {

int signalPipe[2] = { -1, -1 };

// Async-signal-safe: only write(2). The event loop reads the byte and quits.
void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return false;
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0
        && ::sigaction(SIGINT, &action, nullptr) == 0;
}

int fail(const QString &message)
{
    std::fprintf(stderr, "ecs-emulator: %s\n", qPrintable(message));
    return 2;
}

// Scenario and state files: the largest generated account saves to about 47 MB.
constexpr qint64 maxScenarioBytes = 64 * 1024 * 1024;
// Fault plans are written by hand or by tests: a few KiB.
constexpr qint64 maxFaultPlanBytes = 1024 * 1024;

// Only regular files within the cap: `--scenario /dev/zero` once read 1.7 GB, and a FIFO
// would block before the server ever listened.
std::optional<QJsonObject> readJsonFile(const QString &path, qint64 maxBytes, QString *error)
{
    const BoundedFile::Result file = BoundedFile::read(path, maxBytes);
    if (!file.ok()) {
        *error = file.error;
        return std::nullopt;
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.data, &parseError);
    if (!document.isObject()) {
        *error = path + QLatin1String(": not a JSON object (") + parseError.errorString()
            + QLatin1Char(')');
        return std::nullopt;
    }
    return document.object();
}

// "127.0.0.1:0", "[::1]:8080".
bool parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = text.mid(colon + 1).toUInt(&ok);
    if (!ok || number > 65535 || !address->setAddress(host))
        return false;
    *port = static_cast<quint16>(number);
    return true;
}

std::optional<Scenario> loadScenario(
    const QCommandLineParser &options, quint32 seed, QString *error)
{
    if (options.isSet(QStringLiteral("generate"))) {
        const QStringList counts
            = options.value(QStringLiteral("generate")).split(QLatin1Char(','));
        qint64 numbers[3] = {};
        bool ok = counts.size() == 3;
        for (qsizetype i = 0; ok && i < 3; ++i)
            numbers[i] = counts.at(i).trimmed().toLongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("--generate expects regions,instances,groups");
            return std::nullopt;
        }
        if (const QString problem = Scenario::generatedProblem(numbers[0], numbers[1], numbers[2]);
            !problem.isEmpty()) {
            *error = QStringLiteral("--generate %1: %2")
                         .arg(options.value(QStringLiteral("generate")), problem);
            return std::nullopt;
        }
        return Scenario::generated(int(numbers[0]), int(numbers[1]), int(numbers[2]), seed);
    }
    const QString name = options.value(QStringLiteral("scenario"));
    if (!name.endsWith(QLatin1String(".json")) && !QFile::exists(name)) {
        Scenario scenario = Scenario::builtIn(name, error);
        return error->isEmpty() ? std::optional<Scenario>(scenario) : std::nullopt;
    }
    const auto json = readJsonFile(name, maxScenarioBytes, error);
    if (!json)
        return std::nullopt;
    Scenario scenario = Scenario::fromJson(*json, error);
    return error->isEmpty() ? std::optional<Scenario>(scenario) : std::nullopt;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ecs-emulator"));

    QCommandLineParser options;
    options.setApplicationDescription(
        QStringLiteral("A local emulated Alibaba Cloud ECS service."));
    options.addHelpOption();
    options.addOptions({
        { QStringLiteral("listen"), QStringLiteral("Address and port (0: any free port)."),
            QStringLiteral("host:port"), QStringLiteral("127.0.0.1:0") },
        { QStringLiteral("allow-remote"),
            QStringLiteral("Allow listening on a non-loopback address.") },
        { QStringLiteral("scenario"),
            QStringLiteral("Built-in scenario name or a scenario JSON file (at most 64 MiB)."),
            QStringLiteral("name|file"), QStringLiteral("demo") },
        { QStringLiteral("generate"),
            QStringLiteral("A generated scenario instead: at most %1 regions, %2 instances "
                           "and %3 instance snapshots in all.")
                .arg(Scenario::MaxGeneratedRegions)
                .arg(Scenario::MaxGeneratedInstances)
                .arg(Scenario::MaxGeneratedInstanceSnapshots),
            QStringLiteral("regions,instances,groups") },
        { QStringLiteral("access-key"),
            QStringLiteral("An accepted AccessKey (repeatable); an STS token may expire."),
            QStringLiteral("ID:SECRET[:STS_TOKEN[:expires=yyyy-MM-ddTHH:mm:ssZ]]") },
        { QStringLiteral("faults"), QStringLiteral("A fault plan JSON file (at most 1 MiB)."),
            QStringLiteral("file") },
        { QStringLiteral("state-file"),
            QStringLiteral("Load state from it if it exists; save to it on exit."),
            QStringLiteral("path") },
        { QStringLiteral("seed"), QStringLiteral("Seed for faults and generated scenarios."),
            QStringLiteral("N"), QStringLiteral("1") },
    });
    options.process(app);

    bool seedOk = false;
    const quint64 seed = options.value(QStringLiteral("seed")).toULongLong(&seedOk);
    if (!seedOk)
        return fail(QStringLiteral("--seed expects a whole number"));
    QString error;
    const std::optional<Scenario> scenario
        = loadScenario(options, static_cast<quint32>(seed), &error);
    if (!scenario)
        return fail(error);

    EcsService service(*scenario);
    ServiceAdminTarget admin(service);
    const QString stateFile = options.value(QStringLiteral("state-file"));
    if (!stateFile.isEmpty() && QFile::exists(stateFile)) {
        const auto state = readJsonFile(stateFile, maxScenarioBytes, &error);
        if (!state)
            return fail(error);
        error = service.loadState(*state);
        if (!error.isEmpty())
            return fail(stateFile + QLatin1String(": ") + error);
    }

    EcsEmulatorServer server(service);
    server.setActorMoves(&service);
    server.setAdminTarget(&admin);
    server.setAllowRemote(options.isSet(QStringLiteral("allow-remote")));
    server.faults().setDefaultSeed(seed);
    if (options.isSet(QStringLiteral("faults"))) {
        const auto plan
            = readJsonFile(options.value(QStringLiteral("faults")), maxFaultPlanBytes, &error);
        if (!plan)
            return fail(error);
        error = server.faults().setPlan(*plan);
    } else {
        error = server.faults().setPlan(QJsonObject());
    }
    if (!error.isEmpty())
        return fail(QStringLiteral("--faults: ") + error);
    const QStringList keys = options.values(QStringLiteral("access-key"));
    if (keys.isEmpty())
        return fail(QStringLiteral("give at least one --access-key ID:SECRET[:STS_TOKEN]"));
    for (const QString &text : keys) {
        const std::optional<AccessKeyOption> key = AccessKeyOption::parse(text, &error);
        if (!key)
            return fail(error);
        error = server.addAccessKey(key->credential, key->tokenExpiresAt);
        if (!error.isEmpty())
            return fail(QStringLiteral("--access-key: ") + error);
    }

    QHostAddress address;
    quint16 port = 0;
    if (!parseListen(options.value(QStringLiteral("listen")), &address, &port))
        return fail(QStringLiteral("--listen expects host:port"));
    if (!installSignalHandlers())
        return fail(QStringLiteral("cannot install signal handlers"));
    QSocketNotifier signalNotifier(signalPipe[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(signalPipe[1], &byte, 1);
        QCoreApplication::quit();
    });
    if (server.listen(address, port) == 0)
        return fail(server.errorString());

    // The one line a parent process waits for; everything else goes to stderr.
    QUrl url = server.url();
    url.setPath(QString());
    std::printf("ecs-emulator listening on %s\n", url.toString().toUtf8().constData());
    std::fflush(stdout);

    const int status = QCoreApplication::exec();
    if (!stateFile.isEmpty()) {
        QSaveFile file(stateFile);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(QJsonDocument(service.saveState()).toJson()) < 0 || !file.commit()) {
            return fail(stateFile + QLatin1String(": ") + file.errorString());
        }
    }
    return status;
}
