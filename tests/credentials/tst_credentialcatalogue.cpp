#include "LogCapture.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/MemorySecretStore.h"
#include "credentials/ProfileStore.h"

#include <QFile>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using ecs::ApiError;
using ecs::AppProfile;
using ecs::Credential;
using ecs::CredentialCatalogue;
using ecs::CredentialSource;
using ecs::MemorySecretStore;
using ecs::ProfileError;
using ecs::ProfileSecret;
using ecs::ProfileStore;
using ecs::Result;
using ecs::SecretStoreError;
using Kind = ecs::CredentialSource::Kind;

namespace {

const QString envSecret = QStringLiteral("catalogueEnvSecret11");
const QString cliSecret = QStringLiteral("catalogueCliSecret22");
const QString appSecret = QStringLiteral("catalogueAppSecret33");

QProcessEnvironment fullEnvironment()
{
    QProcessEnvironment environment;
    environment.insert(
        QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI5tEnvKey0001"));
    environment.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), envSecret);
    return environment;
}

QByteArray cliConfig()
{
    return "{\"current\": \"work\", \"profiles\": ["
           "{\"name\": \"default\", \"mode\": \"RamRoleArn\", \"access_key_id\": \"LTAI5tRole\", "
           "\"access_key_secret\": \"x\", \"ram_role_arn\": \"acs:ram::1:role/r\", "
           "\"ram_session_name\": \"s\", \"region_id\": \"cn-beijing\"},"
           "{\"name\": \"sts\", \"mode\": \"StsToken\", \"access_key_id\": \"STS.Key\", "
           "\"access_key_secret\": \"stsSecret\", \"sts_token\": \"CAIStok\"},"
           "{\"name\": \"work\", \"mode\": \"AK\", \"access_key_id\": \"LTAI5tCliKey0002\", "
           "\"access_key_secret\": \""
        + cliSecret.toUtf8() + "\", \"region_id\": \"cn-shenzhen\"}]}";
}

} // namespace

class TestCredentialCatalogue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;

    QString cliPath() const { return m_dir->filePath(QStringLiteral("config.json")); }

    bool writeCliConfig(const QByteArray &contents) const
    {
        QFile file(cliPath());
        return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
    }

    std::shared_ptr<std::optional<ProfileError>> saveAppProfile(
        const QString &name, const QString &region)
    {
        AppProfile profile;
        profile.name = name;
        profile.accessKeyId = QStringLiteral("LTAI5tAppKey0003");
        profile.defaultRegion = region;
        auto answer = std::make_shared<std::optional<ProfileError>>();
        m_profiles->save(profile, ProfileSecret { appSecret, {} }, this,
            [answer](const ProfileError &e) { *answer = e; });
        return answer;
    }

    std::shared_ptr<std::optional<Result<Credential>>> resolve(
        CredentialCatalogue &catalogue, const QString &id)
    {
        auto answer = std::make_shared<std::optional<Result<Credential>>>();
        catalogue.resolve(id, this, [answer](const Result<Credential> &r) { *answer = r; });
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Log everything of ours, so the leak checks see what a debugging user would.
        m_log = std::make_unique<LogCapture>();
    }

    void init()
    {
        m_log->clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_settings = std::make_unique<QSettings>(
            m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        m_secrets = std::make_unique<MemorySecretStore>();
        m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    }

    void cleanup()
    {
        m_profiles.reset();
        m_secrets.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void orderIsEnvironmentThenCliThenApp()
    {
        QVERIFY(writeCliConfig(cliConfig()));
        for (const QString &name : { QStringLiteral("zz-app"), QStringLiteral("aa-app") }) {
            const auto saved = saveAppProfile(name, QStringLiteral("eu-west-1"));
            QTRY_VERIFY(*saved);
        }
        const CredentialCatalogue catalogue(fullEnvironment(), cliPath(), m_profiles.get());
        const QList<CredentialSource> sources = catalogue.sources();

        QStringList ids;
        for (const CredentialSource &source : sources)
            ids << source.id;
        QCOMPARE(ids,
            QStringList({ QStringLiteral("env"), QStringLiteral("cli:work"),
                QStringLiteral("cli:default"), QStringLiteral("cli:sts"),
                QStringLiteral("app:aa-app"), QStringLiteral("app:zz-app") }));

        QCOMPARE(sources.at(0).kind, Kind::Environment);
        QVERIFY(sources.at(0).supported);
        QCOMPARE(sources.at(0).displayName, QStringLiteral("Environment variables (LTAI****0001)"));

        QCOMPARE(sources.at(1).kind, Kind::AliyunCli);
        QVERIFY(sources.at(1).isCurrent);
        QVERIFY(sources.at(1).supported);
        QCOMPARE(sources.at(1).regionId, QStringLiteral("cn-shenzhen"));
        QCOMPARE(sources.at(1).displayName, QStringLiteral("aliyun CLI: work (current)"));

        QVERIFY(!sources.at(2).supported);
        QVERIFY(sources.at(2).reason.contains(QLatin1String("RamRoleArn is not supported yet")));
        QVERIFY(sources.at(3).supported);

        QCOMPARE(sources.at(4).kind, Kind::AppProfile);
        QVERIFY(sources.at(4).supported);
        QCOMPARE(sources.at(4).displayName, QStringLiteral("aa-app"));
        QCOMPARE(sources.at(4).regionId, QStringLiteral("eu-west-1"));

        for (const CredentialSource &source : sources) {
            QVERIFY(!source.displayName.contains(envSecret));
            QVERIFY(!source.reason.contains(cliSecret));
        }
    }

    void unusableEnvironmentAndNoCliFile()
    {
        QProcessEnvironment environment;
        environment.insert(
            QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), QStringLiteral("LTAI5tOnlyId"));
        CredentialCatalogue catalogue(environment, cliPath(), m_profiles.get());
        const QList<CredentialSource> sources = catalogue.sources();
        QCOMPARE(sources.size(), 1); // no CLI file: no CLI entries, no error entry
        QCOMPARE(sources.constFirst().id, CredentialCatalogue::environmentId());
        QVERIFY(!sources.constFirst().supported);
        QVERIFY(sources.constFirst().reason.contains(
            QLatin1String("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not")));

        const auto resolved = resolve(catalogue, CredentialCatalogue::environmentId());
        QVERIFY(!*resolved);
        QTRY_VERIFY(*resolved);
        QVERIFY(!(*resolved)->ok());
        QCOMPARE((*resolved)->error().kind(), ApiError::Kind::Configuration);
        QVERIFY((*resolved)->error().message().contains(
            QLatin1String("ALIBABA_CLOUD_ACCESS_KEY_SECRET")));
    }

    void brokenCliConfigIsListedWithItsError()
    {
        QVERIFY(writeCliConfig("{\"current\": \"a\", \"profiles\": [ {\"name\": "));
        CredentialCatalogue catalogue(QProcessEnvironment(), cliPath(), m_profiles.get());
        const auto broken = catalogue.source(CredentialCatalogue::cliConfigId());
        QVERIFY(broken);
        QCOMPARE(broken->kind, Kind::AliyunCli);
        QVERIFY(!broken->supported);
        QVERIFY2(
            broken->reason.contains(QLatin1String("not valid JSON")), qPrintable(broken->reason));

        const auto resolved = resolve(catalogue, CredentialCatalogue::cliConfigId());
        QTRY_VERIFY(*resolved);
        QVERIFY((*resolved)->error().message().contains(QLatin1String("not valid JSON")));

        // Fixed on disk: reload() picks it up and says so.
        QVERIFY(writeCliConfig(cliConfig()));
        QSignalSpy changed(&catalogue, &CredentialCatalogue::sourcesChanged);
        catalogue.reload(QProcessEnvironment());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!catalogue.source(CredentialCatalogue::cliConfigId()));
        QVERIFY(catalogue.source(CredentialCatalogue::cliProfileId(QStringLiteral("work"))));
    }

    void resolveEachKind()
    {
        QVERIFY(writeCliConfig(cliConfig()));
        const auto saved = saveAppProfile(QStringLiteral("mine"), QString());
        QTRY_VERIFY(*saved);
        CredentialCatalogue catalogue(fullEnvironment(), cliPath(), m_profiles.get());

        const auto env = resolve(catalogue, CredentialCatalogue::environmentId());
        const auto cli
            = resolve(catalogue, CredentialCatalogue::cliProfileId(QStringLiteral("work")));
        const auto sts
            = resolve(catalogue, CredentialCatalogue::cliProfileId(QStringLiteral("sts")));
        const auto app
            = resolve(catalogue, CredentialCatalogue::appProfileId(QStringLiteral("mine")));
        QVERIFY(!*env && !*cli && !*sts && !*app); // never synchronous
        QTRY_VERIFY(*env && *cli && *sts && *app);

        QVERIFY((*env)->ok());
        QCOMPARE(
            (*env)->value(), (Credential { QStringLiteral("LTAI5tEnvKey0001"), envSecret, {} }));
        QVERIFY((*cli)->ok());
        QCOMPARE(
            (*cli)->value(), (Credential { QStringLiteral("LTAI5tCliKey0002"), cliSecret, {} }));
        QVERIFY((*sts)->ok());
        QCOMPARE((*sts)->value().securityToken, QStringLiteral("CAIStok"));
        QVERIFY2((*app)->ok(), qPrintable((*app)->error().message()));
        QCOMPARE(
            (*app)->value(), (Credential { QStringLiteral("LTAI5tAppKey0003"), appSecret, {} }));

        QVERIFY(!m_log->messages().isEmpty());
        for (const QString &message : m_log->messages()) {
            QVERIFY2(!message.contains(envSecret), qPrintable(message));
            QVERIFY2(!message.contains(cliSecret), qPrintable(message));
            QVERIFY2(!message.contains(appSecret), qPrintable(message));
        }
    }

    void resolveFailures_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unsupported cli mode") << QStringLiteral(
            "cli:default") << QStringLiteral("Mode RamRoleArn is not supported yet");
        QTest::newRow("unknown cli profile") << QStringLiteral(
            "cli:nope") << QStringLiteral("The aliyun CLI has no profile \"nope\"");
        QTest::newRow("unknown app profile")
            << QStringLiteral("app:nope") << QStringLiteral("There is no profile \"nope\"");
        QTest::newRow("app profile without secret") << QStringLiteral(
            "app:lost") << QStringLiteral("No secret is stored for profile \"lost\".");
        QTest::newRow("unknown source")
            << QStringLiteral("ssh:x") << QStringLiteral("Unknown credential source");
    }

    void resolveFailures()
    {
        QFETCH(QString, id);
        QFETCH(QString, expected);
        QVERIFY(writeCliConfig(cliConfig()));
        const auto saved = saveAppProfile(QStringLiteral("lost"), QString());
        QTRY_VERIFY(*saved);
        bool removed = false;
        m_secrets->remove(ProfileStore::secretKey(QStringLiteral("lost")), this,
            [&](const SecretStoreError &) { removed = true; });
        QTRY_VERIFY(removed);

        CredentialCatalogue catalogue(QProcessEnvironment(), cliPath(), m_profiles.get());
        const auto resolved = resolve(catalogue, id);
        QTRY_VERIFY(*resolved);
        QVERIFY(!(*resolved)->ok());
        QCOMPARE((*resolved)->error().kind(), ApiError::Kind::Configuration);
        QVERIFY2((*resolved)->error().message().contains(expected),
            qPrintable((*resolved)->error().message()));
    }

    void unavailableKeychainSaysSessionOnly()
    {
        const auto saved = saveAppProfile(QStringLiteral("p"), QString());
        QTRY_VERIFY(*saved);
        m_secrets->setFailure(
            SecretStoreError(SecretStoreError::Kind::NoBackend, QStringLiteral("D-Bus says no")));
        CredentialCatalogue catalogue(QProcessEnvironment(), cliPath(), m_profiles.get());
        const auto resolved
            = resolve(catalogue, CredentialCatalogue::appProfileId(QStringLiteral("p")));
        QTRY_VERIFY(*resolved);
        QVERIFY(!(*resolved)->ok());
        QVERIFY((*resolved)->error().message().contains(QLatin1String("keychain is unavailable")));
        QVERIFY((*resolved)->error().message().contains(QLatin1String("for this session only")));
        QCOMPARE((*resolved)->error().detail(), QStringLiteral("D-Bus says no"));
    }

    void appProfileChangesAreAnnounced()
    {
        CredentialCatalogue catalogue(QProcessEnvironment(), cliPath(), m_profiles.get());
        QSignalSpy changed(&catalogue, &CredentialCatalogue::sourcesChanged);
        const auto saved = saveAppProfile(QStringLiteral("p"), QString());
        QTRY_VERIFY(*saved);
        QCOMPARE(changed.count(), 1);
        QVERIFY(catalogue.source(CredentialCatalogue::appProfileId(QStringLiteral("p"))));
    }

    void answersToADestroyedContextAreDropped()
    {
        CredentialCatalogue catalogue(fullEnvironment(), cliPath(), m_profiles.get());
        auto context = std::make_unique<QObject>();
        bool called = false;
        catalogue.resolve(CredentialCatalogue::environmentId(), context.get(),
            [&](const Result<Credential> &) { called = true; });
        context.reset();
        const auto later = resolve(catalogue, CredentialCatalogue::environmentId());
        QTRY_VERIFY(*later);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestCredentialCatalogue)
#include "tst_credentialcatalogue.moc"
