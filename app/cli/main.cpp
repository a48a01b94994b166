// ecs-rollback-cli: the headless front end on ecs_core. For now it lists credential
// sources, regions and instance snapshots; the rollback commands come with the engine.
#include "EmbeddedEmulator.h"
#include "api/ApiCall.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "api/ProxyFactory.h"
#include "credentials/AliyunCliConfig.h"
#include "credentials/AppProfile.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/KeychainSecretStore.h"
#include "credentials/ProfileStore.h"
#include "scenarios/Scenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

using namespace ecs;

namespace {

enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QString sourceKindName(CredentialSource::Kind kind)
{
    switch (kind) {
    case CredentialSource::Kind::Environment:
        return QCoreApplication::translate("cli", "environment");
    case CredentialSource::Kind::AliyunCli:
        return QCoreApplication::translate("cli", "aliyun CLI");
    case CredentialSource::Kind::AppProfile:
        return QCoreApplication::translate("cli", "saved profile");
    }
    return {};
}

void printProfiles(const CredentialCatalogue &catalogue, bool json)
{
    const QList<CredentialSource> sources = catalogue.sources();
    if (json) {
        QJsonArray array;
        for (const CredentialSource &source : sources) {
            array.append(QJsonObject { { QStringLiteral("id"), source.id },
                { QStringLiteral("name"), source.displayName },
                { QStringLiteral("kind"), sourceKindName(source.kind) },
                { QStringLiteral("supported"), source.supported },
                { QStringLiteral("reason"), source.reason },
                { QStringLiteral("region"), source.regionId } });
        }
        out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    if (sources.isEmpty()) {
        out() << QCoreApplication::translate("cli",
            "No credentials found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and "
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure the aliyun CLI, or add a profile in the "
            "app.\n");
        return;
    }
    for (const CredentialSource &source : sources) {
        out() << source.id << "\t" << sourceKindName(source.kind) << "\t" << source.displayName;
        if (!source.supported)
            out() << "\t"
                  << QCoreApplication::translate("cli", "(unusable: %1)").arg(source.reason);
        out() << "\n";
    }
}

void fail(const ApiError &error)
{
    err() << error.summary() << "\n";
    QCoreApplication::exit(Failure);
}

// Runs a network command; ends the event loop with its exit code.
void runCommand(EcsApi &api, const QString &command, const QString &region, bool json)
{
    QObject *context = QCoreApplication::instance();
    if (command == QLatin1String("regions")) {
        api.describeRegions({}, context, [json](const Result<QList<Region>> &regions) {
            if (!regions.ok()) {
                fail(regions.error());
                return;
            }
            QJsonArray array;
            for (const Region &r : regions.value()) {
                if (json)
                    array.append(QJsonObject { { QStringLiteral("id"), r.regionId },
                        { QStringLiteral("name"), r.localName },
                        { QStringLiteral("status"), r.status } });
                else
                    out() << r.regionId << "\t" << r.localName << "\t" << r.status << "\n";
            }
            if (json)
                out() << QJsonDocument(array).toJson(QJsonDocument::Indented);
            QCoreApplication::exit(Success);
        });
        return;
    }
    DescribeSnapshotGroupsRequest request;
    request.regionId = region;
    auto groups = std::make_shared<QJsonArray>();
    api.listSnapshotGroups(
        request, context,
        [json, groups](const Page<SnapshotGroup> &page) {
            for (const SnapshotGroup &group : page.items) {
                if (json) {
                    groups->append(QJsonObject { { QStringLiteral("id"), group.snapshotGroupId },
                        { QStringLiteral("name"), group.name },
                        { QStringLiteral("instance"), group.instanceId },
                        { QStringLiteral("status"), group.status },
                        { QStringLiteral("disks"), int(group.snapshots.size()) } });
                } else {
                    out() << group.snapshotGroupId << "\t" << group.name << "\t" << group.instanceId
                          << "\t" << group.status << "\t" << group.snapshots.size() << "\n";
                }
            }
            out().flush();
        },
        [json, groups](const ApiError &error) {
            if (error.isError()) {
                fail(error);
                return;
            }
            if (json)
                out() << QJsonDocument(*groups).toJson(QJsonDocument::Indented);
            QCoreApplication::exit(Success);
        });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ecs-rollback-console"));
    QCoreApplication::setApplicationName(QStringLiteral("ecs-rollback-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ECS_VERSION_STRING));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("cli",
        "Roll back Alibaba Cloud ECS disks from an instance snapshot, safely.\n\n"
        "Commands:\n"
        "  profiles             list the credential sources found, in lookup order\n"
        "  regions              list the regions (DescribeRegions)\n"
        "  instance-snapshots   list the instance snapshots of a region"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
        QCoreApplication::translate(
            "cli", "Credential source id (see 'profiles'); default: the first usable one."),
        QStringLiteral("id"));
    const QCommandLineOption regionOption(QStringLiteral("region"),
        QCoreApplication::translate("cli", "Region ID, e.g. cn-hangzhou."),
        QStringLiteral("region"));
    const QCommandLineOption endpointOption(QStringLiteral("endpoint"),
        QCoreApplication::translate(
            "cli", "Custom endpoint URL (https://, or http:// on loopback)."),
        QStringLiteral("url"));
    const QCommandLineOption signatureOption(QStringLiteral("signature"),
        QCoreApplication::translate("cli", "Signature version: v3 (default) or v1."),
        QStringLiteral("version"), QStringLiteral("v3"));
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
        QCoreApplication::translate(
            "cli", "Use the built-in sandbox: an in-process ECS emulator on the demo scenario."));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON instead of text."));
    parser.addOptions({ profileOption, regionOption, endpointOption, signatureOption, sandboxOption,
        jsonOption });
    parser.addPositionalArgument(QStringLiteral("command"),
        QCoreApplication::translate("cli", "profiles | regions | instance-snapshots"));
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1) {
        err() << QCoreApplication::translate("cli", "Give exactly one command; see --help.\n");
        return UsageError;
    }
    const QString command = positional.first();
    const bool json = parser.isSet(jsonOption);

    QSettings settings;
    KeychainSecretStore secrets(KeychainSecretStore::defaultServiceName());
    ProfileStore profiles(&settings, &secrets);
    CredentialCatalogue catalogue(
        QProcessEnvironment::systemEnvironment(), AliyunCliConfig::defaultPath(), &profiles);

    if (command == QLatin1String("profiles")) {
        printProfiles(catalogue, json);
        return Success;
    }
    if (command != QLatin1String("regions") && command != QLatin1String("instance-snapshots")) {
        err() << QCoreApplication::translate("cli", "Unknown command: %1\n").arg(command);
        return UsageError;
    }

    const std::optional<signing::SignatureVersion> signatureVersion
        = AppProfile::signatureVersionFromName(parser.value(signatureOption));
    if (!signatureVersion) {
        err() << QCoreApplication::translate("cli", "--signature must be v3 or v1.\n");
        return UsageError;
    }

    QString region = parser.value(regionOption);
    QNetworkAccessManager network;
    ProxyFactory::install(&network);
    EcsClient client(&network);
    ClientSettings clientSettings;
    clientSettings.endpointOverride = QUrl(parser.value(endpointOption));
    clientSettings.signatureVersion = *signatureVersion;
    EcsApi api(&client);

    // The sandbox: the emulator in this process, on loopback, with a key made for it.
    std::unique_ptr<emulator::EmbeddedEmulator> sandbox;
    QString sourceId;
    if (parser.isSet(sandboxOption)) {
        sandbox = std::make_unique<emulator::EmbeddedEmulator>(
            emulator::Scenario::builtIn(QStringLiteral("demo")));
        if (const QString problem = sandbox->start(); !problem.isEmpty()) {
            err() << QCoreApplication::translate("cli", "The sandbox could not start: %1\n")
                         .arg(problem);
            return Failure;
        }
        clientSettings.endpointOverride = sandbox->url();
        client.setCredential(sandbox->credential());
    } else {
        sourceId = parser.value(profileOption);
        for (const CredentialSource &source : catalogue.sources()) {
            if (source.supported && (sourceId.isEmpty() || source.id == sourceId)) {
                sourceId = source.id;
                if (region.isEmpty())
                    region = source.regionId;
                break;
            }
        }
        if (sourceId.isEmpty()) {
            err() << QCoreApplication::translate(
                "cli", "No usable credentials: run 'profiles' to see why, or use --sandbox.\n");
            return Failure;
        }
    }
    if (region.isEmpty())
        region = QStringLiteral("cn-hangzhou");
    clientSettings.defaultRegionId = region;
    client.setSettings(clientSettings);

    auto run = [&] {
        runCommand(api, command, region, json);
    };
    if (sandbox) {
        QTimer::singleShot(0, &app, run);
    } else {
        catalogue.resolve(sourceId, &app, [&](const Result<Credential> &credential) {
            if (!credential.ok()) {
                fail(credential.error());
                return;
            }
            client.setCredential(credential.value());
            run();
        });
    }
    return app.exec();
}
