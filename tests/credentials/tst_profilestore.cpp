#include "LogCapture.h"
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

using ecs::AppProfile;
using ecs::Credential;
using ecs::MemorySecretStore;
using ecs::ProfileError;
using ecs::ProfileSecret;
using ecs::ProfileStore;
using ecs::SecretStoreError;

namespace {

const QString secretValue = QStringLiteral("profileSecretValueNeverStored77");
const QString tokenValue = QStringLiteral("CAISprofileTokenNeverStored88");

AppProfile makeProfile(const QString &name)
{
    AppProfile profile;
    profile.name = name;
    profile.accessKeyId = QStringLiteral("LTAI5tProfileKeyId01");
    profile.defaultRegion = QStringLiteral("cn-hangzhou");
    profile.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:8080/"));
    profile.signatureVersion = AppProfile::SignatureVersion::V1;
    return profile;
}

} // namespace

class TestProfileStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LogCapture> m_log;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_store;

    QString settingsPath() const { return m_dir->filePath(QStringLiteral("settings.ini")); }

    // Starts an operation and returns a slot the answer lands in (helpers return values;
    // the test slots wait and assert).
    std::shared_ptr<std::optional<ProfileError>> save(
        const AppProfile &profile, const std::optional<ProfileSecret> &secret)
    {
        auto answer = std::make_shared<std::optional<ProfileError>>();
        m_store->save(profile, secret, this, [answer](const ProfileError &e) { *answer = e; });
        return answer;
    }

    std::shared_ptr<std::optional<std::pair<ProfileError, Credential>>> readCredential(
        const QString &name)
    {
        auto answer = std::make_shared<std::optional<std::pair<ProfileError, Credential>>>();
        m_store->readCredential(name, this, [answer](const ProfileError &e, const Credential &c) {
            *answer = std::make_pair(e, c);
        });
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
        m_settings = std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
        m_secrets = std::make_unique<MemorySecretStore>();
        m_store = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
    }

    void cleanup()
    {
        m_store.reset();
        m_secrets.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void roundTrip()
    {
        QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
        const auto saved
            = save(makeProfile(QStringLiteral("prod")), ProfileSecret { secretValue, {} });
        QVERIFY(!*saved); // asynchronous
        QTRY_VERIFY(*saved);
        QVERIFY2(!(*saved)->isError(), qPrintable((*saved)->message()));
        QCOMPARE(changed.count(), 1);

        QCOMPARE(m_store->profiles().size(), 1);
        const AppProfile loaded = m_store->profiles().constFirst();
        QCOMPARE(loaded, makeProfile(QStringLiteral("prod")));

        // A fresh QSettings on the same file sees the same profile.
        QSettings reopened(settingsPath(), QSettings::IniFormat);
        ProfileStore other(&reopened, m_secrets.get());
        QCOMPARE(other.profile(QStringLiteral("prod")), std::optional<AppProfile>(loaded));

        const auto read = readCredential(QStringLiteral("prod"));
        QTRY_VERIFY(*read);
        QVERIFY2(!(*read)->first.isError(), qPrintable((*read)->first.message()));
        QCOMPARE((*read)->second,
            (Credential { QStringLiteral("LTAI5tProfileKeyId01"), secretValue, {} }));
    }

    void stsTokenRoundTrip()
    {
        const auto saved
            = save(makeProfile(QStringLiteral("sts")), ProfileSecret { secretValue, tokenValue });
        QTRY_VERIFY(*saved);
        QVERIFY(!(*saved)->isError());
        QVERIFY(m_store->profile(QStringLiteral("sts"))->hasSecurityToken);
        const auto read = readCredential(QStringLiteral("sts"));
        QTRY_VERIFY(*read);
        QCOMPARE((*read)->second.securityToken, tokenValue);
    }

    void secretsNeverReachSettingsOrLogs()
    {
        const auto saved = save(
            makeProfile(QStringLiteral("leak check")), ProfileSecret { secretValue, tokenValue });
        QTRY_VERIFY(*saved);
        QVERIFY(!(*saved)->isError());
        const auto read = readCredential(QStringLiteral("leak check"));
        QTRY_VERIFY(*read);
        QCOMPARE((*read)->second.accessKeySecret, secretValue);
        m_settings->sync();

        QFile file(settingsPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains("LTAI5tProfileKeyId01")); // the file is the right one
        QVERIFY(!contents.contains(secretValue.toUtf8()));
        QVERIFY(!contents.contains(tokenValue.toUtf8()));
        QVERIFY(!contents.toLower().contains("secret"));

        QVERIFY(!m_log->messages().isEmpty()); // logging was on and used
        for (const QString &message : m_log->messages()) {
            QVERIFY2(!message.contains(secretValue), qPrintable(message));
            QVERIFY2(!message.contains(tokenValue), qPrintable(message));
            QVERIFY2(!message.contains(QLatin1String("LTAI5tProfileKeyId01")), qPrintable(message));
        }
    }

    void profilesAreSortedAndNamesRoundTrip()
    {
        for (const QString &name : { QStringLiteral("zeta"), QStringLiteral("Alpha prod"),
                 QStringLiteral("杭州"), QStringLiteral("a=b;c%d") }) {
            const auto saved = save(makeProfile(name), ProfileSecret { secretValue, {} });
            QTRY_VERIFY(*saved);
            QVERIFY2(!(*saved)->isError(), qPrintable((*saved)->message()));
        }
        QStringList names;
        for (const AppProfile &profile : m_store->profiles())
            names << profile.name;
        QCOMPARE(names,
            QStringList({ QStringLiteral("Alpha prod"), QStringLiteral("a=b;c%d"),
                QStringLiteral("zeta"), QStringLiteral("杭州") }));
    }

    void updateWithoutSecretKeepsIt()
    {
        auto saved
            = save(makeProfile(QStringLiteral("p")), ProfileSecret { secretValue, tokenValue });
        QTRY_VERIFY(*saved);
        AppProfile changed = makeProfile(QStringLiteral("p"));
        changed.defaultRegion = QStringLiteral("ap-southeast-1");
        changed.endpointOverride.clear();
        changed.signatureVersion = AppProfile::SignatureVersion::V3;
        saved = save(changed, std::nullopt);
        QVERIFY(!*saved);
        QTRY_VERIFY(*saved);
        QVERIFY(!(*saved)->isError());

        const AppProfile loaded = *m_store->profile(QStringLiteral("p"));
        QCOMPARE(loaded.defaultRegion, QStringLiteral("ap-southeast-1"));
        QVERIFY(loaded.endpointOverride.isEmpty());
        QCOMPARE(loaded.signatureVersion, AppProfile::SignatureVersion::V3);
        QVERIFY(loaded.hasSecurityToken); // follows the stored secret, not the argument
        const auto read = readCredential(QStringLiteral("p"));
        QTRY_VERIFY(*read);
        QCOMPARE((*read)->second.accessKeySecret, secretValue);
    }

    void newProfileNeedsASecret()
    {
        const auto saved = save(makeProfile(QStringLiteral("new")), std::nullopt);
        QTRY_VERIFY(*saved);
        QCOMPARE((*saved)->kind(), ProfileError::Kind::NoSecret);
        QVERIFY(m_store->profiles().isEmpty());
    }

    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("accessKeyId");
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");
        const QString id = QStringLiteral("LTAI5tOk");
        const QString ok = QStringLiteral("s3cret");
        // AppProfile's checks in detail: tst_appprofile. Here: the store applies them.
        QTest::newRow("bad name") << QStringLiteral("a/b") << id << QString() << ok
                                  << QStringLiteral("'/'");
        QTest::newRow("id with a newline inside")
            << QStringLiteral("p") << QStringLiteral("LTAI5t\nOk") << QString() << ok
            << QStringLiteral("ID contains a space or line break inside");
        QTest::newRow("bad endpoint") << QStringLiteral("p") << id << QStringLiteral("ftp://host/")
                                      << ok << QStringLiteral("must use https://");
        QTest::newRow("plain http to a remote host")
            << QStringLiteral("p") << id << QStringLiteral("http://ecs.cn-hangzhou.aliyuncs.com")
            << ok << QStringLiteral("only allowed to this computer");
        QTest::newRow("empty secret") << QStringLiteral("p") << id << QString() << QString()
                                      << QStringLiteral("secret is empty");
        QTest::newRow("space inside the secret")
            << QStringLiteral("p") << id << QString() << QStringLiteral("s3c ret")
            << QStringLiteral("secret contains a space or line break inside");
        QTest::newRow("only whitespace")
            << QStringLiteral("p") << id << QString() << QStringLiteral(" \n")
            << QStringLiteral("secret is empty");
    }

    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, accessKeyId);
        QFETCH(QString, endpoint);
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        AppProfile profile = makeProfile(name);
        profile.accessKeyId = accessKeyId;
        profile.endpointOverride = QUrl(endpoint);
        const auto saved = save(profile, ProfileSecret { secret, {} });
        QVERIFY(!*saved);
        QTRY_VERIFY(*saved);
        QCOMPARE((*saved)->kind(), ProfileError::Kind::Invalid);
        QVERIFY2((*saved)->message().contains(expected), qPrintable((*saved)->message()));
        QVERIFY(!(*saved)->message().contains(QLatin1String("s3cret")));
        QVERIFY(m_store->profiles().isEmpty());
        QCOMPARE(m_secrets->size(), 0);
    }

    // Issue 10 item 10a: a pasted secret kept its newline and every signature failed.
    void pastedWhitespaceIsTrimmed()
    {
        AppProfile profile = makeProfile(QStringLiteral("p"));
        profile.accessKeyId = QStringLiteral(" LTAI5tPasted\n");
        const auto saved = save(profile,
            ProfileSecret { QStringLiteral("\t") + secretValue + QStringLiteral("\r\n"),
                QStringLiteral("  token-value \n") });
        QTRY_VERIFY(*saved);
        QVERIFY2(!(*saved)->isError(), qPrintable((*saved)->message()));
        QCOMPARE(
            m_store->profile(QStringLiteral("p"))->accessKeyId, QStringLiteral("LTAI5tPasted"));
        std::optional<Credential> read;
        m_store->readCredential(QStringLiteral("p"), this,
            [&](const ProfileError &, const Credential &credential) { read = credential; });
        QTRY_VERIFY(read);
        QCOMPARE(read->accessKeyId, QStringLiteral("LTAI5tPasted"));
        QCOMPARE(read->accessKeySecret, secretValue);
        QCOMPARE(read->securityToken, QStringLiteral("token-value"));
    }

    void keychainFailureOnSaveWritesNothing()
    {
        m_secrets->setFailure(
            SecretStoreError(SecretStoreError::Kind::NoBackend, QStringLiteral("no bus")));
        const auto saved
            = save(makeProfile(QStringLiteral("p")), ProfileSecret { secretValue, {} });
        QTRY_VERIFY(*saved);
        QCOMPARE((*saved)->kind(), ProfileError::Kind::SecretStore);
        QCOMPARE((*saved)->secretStoreError().kind(), SecretStoreError::Kind::NoBackend);
        QVERIFY((*saved)->message().contains(QLatin1String("for this session only")));
        QVERIFY(m_store->profiles().isEmpty());
    }

    void removeRemovesTheSecret()
    {
        auto saved = save(makeProfile(QStringLiteral("p")), ProfileSecret { secretValue, {} });
        QTRY_VERIFY(*saved);
        QVERIFY(m_secrets->contains(ProfileStore::secretKey(QStringLiteral("p"))));

        QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
        std::optional<ProfileError> removed;
        m_store->remove(QStringLiteral("p"), this, [&](const ProfileError &e) { removed = e; });
        QTRY_VERIFY(removed);
        QVERIFY(!removed->isError());
        QCOMPARE(changed.count(), 1);
        QVERIFY(!m_store->contains(QStringLiteral("p")));
        QCOMPARE(m_secrets->size(), 0);

        removed.reset();
        m_store->remove(QStringLiteral("p"), this, [&](const ProfileError &e) { removed = e; });
        QTRY_VERIFY(removed);
        QCOMPARE(removed->kind(), ProfileError::Kind::NotFound);
    }

    void removeKeepsProfileWhenSecretCannotBeRemoved()
    {
        auto saved = save(makeProfile(QStringLiteral("p")), ProfileSecret { secretValue, {} });
        QTRY_VERIFY(*saved);
        m_secrets->setFailure(
            SecretStoreError(SecretStoreError::Kind::AccessDenied, QStringLiteral("locked")));
        std::optional<ProfileError> removed;
        m_store->remove(QStringLiteral("p"), this, [&](const ProfileError &e) { removed = e; });
        QTRY_VERIFY(removed);
        QCOMPARE(removed->kind(), ProfileError::Kind::SecretStore);
        QVERIFY(m_store->contains(QStringLiteral("p")));
    }

    void renameMovesSettingsAndSecret()
    {
        auto saved
            = save(makeProfile(QStringLiteral("old")), ProfileSecret { secretValue, tokenValue });
        QTRY_VERIFY(*saved);
        QSignalSpy changed(m_store.get(), &ProfileStore::profilesChanged);
        std::optional<ProfileError> renamed;
        m_store->rename(QStringLiteral("old"), QStringLiteral("new"), this,
            [&](const ProfileError &e) { renamed = e; });
        QTRY_VERIFY(renamed);
        QVERIFY2(!renamed->isError(), qPrintable(renamed->message()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!m_store->contains(QStringLiteral("old")));
        AppProfile expected = makeProfile(QStringLiteral("new"));
        expected.hasSecurityToken = true;
        QCOMPARE(m_store->profile(QStringLiteral("new")), std::optional<AppProfile>(expected));
        QVERIFY(!m_secrets->contains(ProfileStore::secretKey(QStringLiteral("old"))));
        QCOMPARE(m_secrets->size(), 1);

        const auto read = readCredential(QStringLiteral("new"));
        QTRY_VERIFY(*read);
        QCOMPARE((*read)->second, (Credential { expected.accessKeyId, secretValue, tokenValue }));
    }

    void renameRefusals()
    {
        for (const QString &name : { QStringLiteral("a"), QStringLiteral("b") }) {
            auto saved = save(makeProfile(name), ProfileSecret { secretValue, {} });
            QTRY_VERIFY(*saved);
        }
        std::optional<ProfileError> renamed;
        const auto rename = [&](const QString &from, const QString &to) {
            renamed.reset();
            m_store->rename(from, to, this, [&](const ProfileError &e) { renamed = e; });
        };
        rename(QStringLiteral("a"), QStringLiteral("b"));
        QTRY_VERIFY(renamed);
        QCOMPARE(renamed->kind(), ProfileError::Kind::AlreadyExists);
        rename(QStringLiteral("missing"), QStringLiteral("c"));
        QTRY_VERIFY(renamed);
        QCOMPARE(renamed->kind(), ProfileError::Kind::NotFound);
        rename(QStringLiteral("a"), QStringLiteral("x/y"));
        QTRY_VERIFY(renamed);
        QCOMPARE(renamed->kind(), ProfileError::Kind::Invalid);
        QCOMPARE(m_store->profiles().size(), 2);
        QCOMPARE(m_secrets->size(), 2);
    }

    void missingSecretIsAClearError()
    {
        auto saved = save(makeProfile(QStringLiteral("prod")), ProfileSecret { secretValue, {} });
        QTRY_VERIFY(*saved);
        // The keychain lost the entry (another machine, the user cleaned up).
        bool gone = false;
        m_secrets->remove(ProfileStore::secretKey(QStringLiteral("prod")), this,
            [&](const SecretStoreError &) { gone = true; });
        QTRY_VERIFY(gone);

        const auto read = readCredential(QStringLiteral("prod"));
        QTRY_VERIFY(*read);
        QCOMPARE((*read)->first.kind(), ProfileError::Kind::NoSecret);
        QCOMPARE(
            (*read)->first.message(), QStringLiteral("No secret is stored for profile \"prod\"."));
        QCOMPARE((*read)->second, Credential());

        const auto unknown = readCredential(QStringLiteral("nope"));
        QTRY_VERIFY(*unknown);
        QCOMPARE((*unknown)->first.kind(), ProfileError::Kind::NotFound);
    }

    void answersToADestroyedContextAreDropped()
    {
        auto context = std::make_unique<QObject>();
        bool called = false;
        m_store->save(makeProfile(QStringLiteral("p")), ProfileSecret { secretValue, {} },
            context.get(), [&](const ProfileError &) { called = true; });
        context.reset();
        // The operation itself still completes.
        QTRY_VERIFY(m_store->contains(QStringLiteral("p")));
        const auto read = readCredential(QStringLiteral("p"));
        QTRY_VERIFY(*read);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
