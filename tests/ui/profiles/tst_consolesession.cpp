// ConsoleSession: the sandbox, credential sources through the catalogue (secrets from a
// SecretStore), failures that name their cause, regions remembered per profile.
#include "EmbeddedEmulator.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/MemorySecretStore.h"
#include "credentials/ProfileStore.h"
#include "journal/Journal.h"
#include "session/ConsoleSession.h"
#include "session/FirstRun.h"
#include "session/SessionSecretStore.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace ecs;

namespace {

const QString appSecret = QStringLiteral("consoleSessionSecret42");

QProcessEnvironment environmentWithKey()
{
    QProcessEnvironment environment;
    environment.insert(
        QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI5tEnvKey0001"));
    environment.insert(
        QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), QStringLiteral("envSecret"));
    return environment;
}

} // namespace

class TestConsoleSession : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_profileSettings;
    std::unique_ptr<MemorySecretStore> m_memory;
    std::unique_ptr<SessionSecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<CredentialCatalogue> m_catalogue;
    std::unique_ptr<ConsoleSession> m_session;

    void makeSession(const QProcessEnvironment &environment = {})
    {
        m_session.reset();
        m_catalogue = std::make_unique<CredentialCatalogue>(
            environment, m_dir->filePath(QStringLiteral("aliyun/config.json")), m_store.get());
        m_session = std::make_unique<ConsoleSession>(
            m_store.get(), m_catalogue.get(), m_dir->filePath(QStringLiteral("journal.sqlite")));
    }

    ProfileError saveProfile(const QString &name, const QString &region)
    {
        AppProfile profile;
        profile.name = name;
        profile.accessKeyId = QStringLiteral("LTAI5tAppKey") + name;
        profile.defaultRegion = region;
        std::optional<ProfileError> result;
        m_store->save(profile, ProfileSecret { appSecret, {} }, this,
            [&](const ProfileError &error) { result = error; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 5000))
            return ProfileError(ProfileError::Kind::Settings, QStringLiteral("timed out"));
        return *result;
    }

    // Waits for one answer; returns "" when activated, else the failure message.
    QString activate(
        const QString &id, ConsoleSession::Origin origin = ConsoleSession::Origin::User)
    {
        QSignalSpy activated(m_session.get(), &ConsoleSession::activated);
        QSignalSpy failed(m_session.get(), &ConsoleSession::activationFailed);
        m_session->activate(id, origin);
        if (!activated.isEmpty() || !failed.isEmpty())
            return QStringLiteral("answered inside activate()");
        if (!QTest::qWaitFor([&] { return !activated.isEmpty() || !failed.isEmpty(); }, 10000))
            return QStringLiteral("no answer");
        if (!failed.isEmpty()) {
            if (failed.first().at(0).toString() != id)
                return QStringLiteral("failed for another id");
            return failed.first().at(1).toString();
        }
        return activated.first().at(0).toString() == id ? QString()
                                                        : QStringLiteral("activated another id");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        m_profileSettings = std::make_unique<QSettings>(
            m_dir->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
        m_memory = std::make_unique<MemorySecretStore>();
        m_secrets = std::make_unique<SessionSecretStore>(m_memory.get());
        m_store = std::make_unique<ProfileStore>(m_profileSettings.get(), m_secrets.get());
        makeSession();
    }

    void cleanup()
    {
        m_session.reset();
        m_catalogue.reset();
        m_store.reset();
        m_secrets.reset();
        m_memory.reset();
    }

    void sandboxAnswersThroughTheContext()
    {
        QVERIFY(m_session->journal()->isOpen());
        QVERIFY(!m_session->sandbox());
        QCOMPARE(activate(ConsoleSession::sandboxProfileId()), QString());
        QVERIFY(m_session->isSandbox());
        QVERIFY(m_session->sandbox());
        QCOMPARE(m_session->activeProfileId(), QStringLiteral("sandbox"));
        QCOMPARE(m_session->profileName(), QStringLiteral("sandbox"));
        QCOMPARE(m_session->regionId(), QStringLiteral("cn-hangzhou"));

        const ConsoleContext context = m_session->context();
        QCOMPARE(context.api, m_session->api());
        QCOMPARE(context.journal, m_session->journal());
        QVERIFY(context.sandbox);
        QCOMPARE(context.profileName, QStringLiteral("sandbox"));
        QCOMPARE(context.regionId, QStringLiteral("cn-hangzhou"));
        QCOMPARE(context.waits.intervalMs, 500);
        QCOMPARE(
            m_session->api()->client()->settings().endpointOverride, m_session->sandbox()->url());

        std::optional<Result<QList<Region>>> regions;
        context.api->describeRegions(
            {}, this, [&](const Result<QList<Region>> &result) { regions = result; });
        QTRY_VERIFY_WITH_TIMEOUT(regions.has_value(), 10000);
        QVERIFY2(regions->ok(), qPrintable(regions->error().summary()));
        QVERIFY(!regions->value().isEmpty());
    }

    void appProfileUsesItsSecretEndpointAndSignature()
    {
        AppProfile profile;
        profile.name = QStringLiteral("local");
        profile.accessKeyId = QStringLiteral("LTAI5tLocal");
        profile.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        profile.signatureVersion = AppProfile::SignatureVersion::V1;
        std::optional<ProfileError> saved;
        m_store->save(profile, ProfileSecret { appSecret, {} }, this,
            [&](const ProfileError &e) { saved = e; });
        QTRY_VERIFY(saved.has_value());
        QVERIFY(!saved->isError());

        QCOMPARE(activate(QStringLiteral("app:local")), QString());
        QVERIFY(!m_session->isSandbox());
        QVERIFY(!m_session->sandbox());
        QCOMPARE(m_session->profileName(), QStringLiteral("app:local"));
        const EcsClient *client = m_session->api()->client();
        QCOMPARE(client->credential().accessKeySecret, appSecret);
        QCOMPARE(client->settings().endpointOverride, profile.endpointOverride);
        QCOMPARE(client->settings().signatureVersion, AppProfile::SignatureVersion::V1);
        const ConsoleContext context = m_session->context();
        QVERIFY(!context.sandbox);
        QCOMPARE(context.waits.intervalMs, WaitOptions().intervalMs);
    }

    // Issue 10 item 11: a profile's CA bundle is trusted besides the system's; a bad one
    // fails the activation with its reason.
    void appProfileCaBundleIsLoadedOrRefused()
    {
        AppProfile profile;
        profile.name = QStringLiteral("proxied");
        profile.accessKeyId = QStringLiteral("LTAI5tProxied");
        profile.caFile = QStringLiteral(ECS_TEST_CA_FILE);
        std::optional<ProfileError> saved;
        m_store->save(profile, ProfileSecret { appSecret, {} }, this,
            [&](const ProfileError &e) { saved = e; });
        QTRY_VERIFY(saved.has_value());
        QVERIFY(!saved->isError());
        QCOMPARE(m_store->profile(QStringLiteral("proxied"))->caFile, profile.caFile);

        QCOMPARE(activate(QStringLiteral("app:proxied")), QString());
        const QList<QSslCertificate> trusted
            = m_session->api()->client()->settings().caCertificates;
        QVERIFY(trusted.contains(QSslCertificate::fromPath(profile.caFile).value(0)));

        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.pem"));
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        profile.caFile = empty;
        saved.reset();
        m_store->save(profile, std::nullopt, this, [&](const ProfileError &e) { saved = e; });
        QTRY_VERIFY(saved.has_value());
        const QString message = activate(QStringLiteral("app:proxied"));
        QVERIFY2(message.contains(empty + QStringLiteral(" holds no PEM certificate")),
            qPrintable(message));
    }

    void missingSecretFailsClearly()
    {
        QCOMPARE(activate(ConsoleSession::sandboxProfileId()), QString());
        QVERIFY(!saveProfile(QStringLiteral("prod"), {}).isError());
        // The keychain lost the entry (removed by hand, another machine's settings).
        std::optional<SecretStoreError> removed;
        m_memory->remove(ProfileStore::secretKey(QStringLiteral("prod")), this,
            [&](const SecretStoreError &e) { removed = e; });
        QTRY_VERIFY(removed.has_value());

        const QString message = activate(QStringLiteral("app:prod"));
        QVERIFY2(message.contains(QLatin1String("No secret is stored for profile \"prod\"")),
            qPrintable(message));
        // The previous profile stays active.
        QCOMPARE(m_session->activeProfileId(), QStringLiteral("sandbox"));
        QVERIFY(m_session->sandbox());
    }

    void unavailableKeychainFailsClearly()
    {
        QVERIFY(!saveProfile(QStringLiteral("prod"), {}).isError());
        m_memory->setFailure(
            SecretStoreError(SecretStoreError::Kind::NoBackend, QStringLiteral("no D-Bus")));
        const QString message = activate(QStringLiteral("app:prod"));
        QVERIFY2(message.contains(QLatin1String("keychain is unavailable")), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("prod")));
        QVERIFY(!message.contains(appSecret));
        QVERIFY(m_session->activeProfileId().isEmpty());
    }

    void sessionOnlySecretIsUsedWhileTheKeychainIsDown()
    {
        m_memory->setFailure(
            SecretStoreError(SecretStoreError::Kind::NoBackend, QStringLiteral("no D-Bus")));
        QVERIFY(saveProfile(QStringLiteral("prod"), {}).isError()); // the keychain refuses
        m_secrets->keepNextWriteInMemory(ProfileStore::secretKey(QStringLiteral("prod")));
        QVERIFY(!saveProfile(QStringLiteral("prod"), {}).isError());
        QVERIFY(m_secrets->holdsInMemory(ProfileStore::secretKey(QStringLiteral("prod"))));
        QCOMPARE(activate(QStringLiteral("app:prod")), QString());
        QCOMPARE(m_session->api()->client()->credential().accessKeySecret, appSecret);
    }

    void unknownAndUnusableProfilesFail()
    {
        QVERIFY(activate(QStringLiteral("app:nobody")).contains(QLatin1String("app:nobody")));
        // The environment is empty here: the catalogue says which variables are missing.
        const QString message = activate(QStringLiteral("env"));
        QVERIFY2(
            message.contains(QLatin1String("ALIBABA_CLOUD_ACCESS_KEY_ID")), qPrintable(message));
    }

    void newerActivationSupersedesAnOlderOne()
    {
        QVERIFY(!saveProfile(QStringLiteral("prod"), {}).isError());
        QSignalSpy activated(m_session.get(), &ConsoleSession::activated);
        QSignalSpy failed(m_session.get(), &ConsoleSession::activationFailed);
        m_session->activate(QStringLiteral("app:prod"));
        QVERIFY(m_session->isActivating());
        m_session->activate(ConsoleSession::sandboxProfileId());
        QTRY_COMPARE(activated.count(), 1);
        QTest::qWait(100); // a late answer for app:prod would arrive now
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().at(0).toString(), QStringLiteral("sandbox"));
        QVERIFY(failed.isEmpty());
        QVERIFY(!m_session->isActivating());
    }

    void regionRememberedPerProfile()
    {
        QVERIFY(!saveProfile(QStringLiteral("eu"), QStringLiteral("eu-central-1")).isError());
        QCOMPARE(activate(ConsoleSession::sandboxProfileId()), QString());
        QCOMPARE(m_session->regionId(), QStringLiteral("cn-hangzhou"));
        QSignalSpy changed(m_session.get(), &ConsoleSession::regionChanged);
        m_session->setRegionId(QStringLiteral("cn-shanghai"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toString(), QStringLiteral("cn-shanghai"));
        QCOMPARE(m_session->context().regionId, QStringLiteral("cn-shanghai"));
        QCOMPARE(
            m_session->api()->client()->settings().defaultRegionId, QStringLiteral("cn-shanghai"));
        QCOMPARE(QSettings().value(QStringLiteral("session/lastRegion/sandbox")).toString(),
            QStringLiteral("cn-shanghai"));

        // The profile's own default region, then its own remembered one.
        QCOMPARE(activate(QStringLiteral("app:eu")), QString());
        QCOMPARE(m_session->regionId(), QStringLiteral("eu-central-1"));
        m_session->setRegionId(QStringLiteral("eu-west-1"));
        QCOMPARE(activate(ConsoleSession::sandboxProfileId()), QString());
        QCOMPARE(m_session->regionId(), QStringLiteral("cn-shanghai"));

        // A new session (the next start) remembers it too.
        makeSession();
        QCOMPARE(activate(QStringLiteral("app:eu")), QString());
        QCOMPARE(m_session->regionId(), QStringLiteral("eu-west-1"));
    }

    void onlyUserChoicesAreRemembered()
    {
        QCOMPARE(activate(ConsoleSession::sandboxProfileId(), ConsoleSession::Origin::Startup),
            QString());
        QCOMPARE(FirstRun::lastProfileId(), QString());
        QVERIFY(!saveProfile(QStringLiteral("prod"), {}).isError());
        QCOMPARE(activate(QStringLiteral("app:prod")), QString());
        QCOMPARE(FirstRun::lastProfileId(), QStringLiteral("app:prod"));
        // A failed activation changes nothing.
        activate(QStringLiteral("app:nobody"));
        QCOMPARE(FirstRun::lastProfileId(), QStringLiteral("app:prod"));
    }

    void choicesListTheSandboxFirstThenTheCatalogue()
    {
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("aliyun"))));
        QFile config(m_dir->filePath(QStringLiteral("aliyun/config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"current\": \"work\", \"profiles\": ["
                     "{\"name\": \"role\", \"mode\": \"RamRoleArn\", \"access_key_id\": \"a\", "
                     "\"access_key_secret\": \"b\", \"ram_role_arn\": \"r\"},"
                     "{\"name\": \"work\", \"mode\": \"AK\", \"access_key_id\": \"LTAI5tCli\", "
                     "\"access_key_secret\": \"cliSecret\"}]}");
        config.close();
        QVERIFY(!saveProfile(QStringLiteral("b-prod"), {}).isError());
        QVERIFY(!saveProfile(QStringLiteral("a-test"), {}).isError());
        makeSession(environmentWithKey());

        QStringList ids;
        QList<bool> usable;
        for (const ProfileChoice &choice : m_session->profileChoices()) {
            ids << choice.id;
            usable << choice.usable;
            QVERIFY(!choice.displayName.isEmpty());
            QCOMPARE(choice.reason.isEmpty(), choice.usable);
        }
        QCOMPARE(ids,
            QStringList({ QStringLiteral("sandbox"), QStringLiteral("env"),
                QStringLiteral("cli:work"), QStringLiteral("cli:role"),
                QStringLiteral("app:a-test"), QStringLiteral("app:b-prod") }));
        QCOMPARE(usable, QList<bool>({ true, true, true, false, true, true }));

        QSignalSpy changed(m_session.get(), &ConsoleSession::profileChoicesChanged);
        QVERIFY(!saveProfile(QStringLiteral("c"), {}).isError());
        QVERIFY(changed.count() >= 1);
        QCOMPARE(m_session->profileChoices().last().id, QStringLiteral("app:c"));
    }

    void journalProblemIsNotFatal()
    {
        m_session.reset();
        QFile notADatabase(m_dir->filePath(QStringLiteral("broken.sqlite")));
        QVERIFY(notADatabase.open(QIODevice::WriteOnly));
        notADatabase.write("this is not a journal, but some other file");
        notADatabase.close();
        m_session = std::make_unique<ConsoleSession>(
            m_store.get(), m_catalogue.get(), notADatabase.fileName());
        QVERIFY(!m_session->journal()->isOpen());
        QVERIFY(!m_session->journal()->problem().isEmpty());
        QCOMPARE(activate(ConsoleSession::sandboxProfileId()), QString());
        QCOMPARE(m_session->context().journal, m_session->journal());
    }
};

QTEST_MAIN(TestConsoleSession)
#include "tst_consolesession.moc"
