// ecs-rollback: the desktop console. Wires the credential sources, the session and the
// main window together; everything else lives in the libraries.
#include "credentials/AliyunCliConfig.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/KeychainSecretStore.h"
#include "credentials/ProfileStore.h"
#include "journal/Journal.h"
#include "session/ConsoleSession.h"
#include "session/FirstRun.h"
#include "session/SessionSecretStore.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QProcessEnvironment>
#include <QSettings>

using namespace ecs;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The same names as ecs-rollback-cli: both share settings, profiles and the journal.
    QApplication::setOrganizationName(QStringLiteral("ecs-rollback-console"));
    QApplication::setApplicationName(QStringLiteral("ecs-rollback-console"));
    QApplication::setApplicationDisplayName(
        QApplication::translate("main", "ECS Rollback Console"));
    QApplication::setApplicationVersion(QStringLiteral(ECS_VERSION_STRING));
    QApplication::setDesktopFileName(QStringLiteral("ecs-rollback-console"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Roll back Alibaba Cloud ECS disks from an instance snapshot, safely."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandboxOption(QStringLiteral("sandbox"),
        QApplication::translate(
            "main", "Open the built-in sandbox: a simulated account in a local ECS emulator."));
    const QCommandLineOption journalOption(QStringLiteral("journal-file"),
        QApplication::translate(
            "main", "The audit journal to use (default: in the app's data folder)."),
        QStringLiteral("path"), Journal::defaultPath());
    parser.addOptions({ sandboxOption, journalOption });
    parser.process(app);

    QSettings settings;
    KeychainSecretStore keychain(KeychainSecretStore::defaultServiceName());
    SessionSecretStore secrets(&keychain);
    ProfileStore profiles(&settings, &secrets);
    CredentialCatalogue catalogue(
        QProcessEnvironment::systemEnvironment(), AliyunCliConfig::defaultPath(), &profiles);
    ConsoleSession session(&profiles, &catalogue, parser.value(journalOption));

    MainWindow window(&session);
    window.setProfileManagement(&profiles, &catalogue, &secrets);
    const StartProfile start = FirstRun::decide(
        parser.isSet(sandboxOption), FirstRun::lastProfileId(), session.profileChoices());
    window.setHint(start.hint);
    session.activate(start.profileId, ConsoleSession::Origin::Startup);
    window.show();
    return app.exec();
}
