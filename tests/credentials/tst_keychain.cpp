// Round trip through a real Secret Service with KeychainSecretStore (QtKeychain ->
// libsecret -> D-Bus -> gnome-keyring). Registered to run inside
// scripts/with-private-keyring.sh: a private D-Bus session with a throwaway, unlocked
// keyring. It refuses to run anywhere else, so it never touches a real keychain.
#include "credentials/KeychainSecretStore.h"
#include "credentials/ProfileStore.h"

#include <QDirIterator>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using ecs::AppProfile;
using ecs::Credential;
using ecs::KeychainSecretStore;
using ecs::ProfileError;
using ecs::ProfileSecret;
using ecs::ProfileStore;
using ecs::SecretReadResult;
using ecs::SecretStoreError;
using Status = ecs::SecretReadResult::Status;

namespace {

constexpr int keychainTimeoutMs = 15000;
const QString testService = QStringLiteral("ecs-rollback-console-tests");
const QString firstSecret = QStringLiteral("keychainFirstSecretValue-1");
const QString secondSecret = QStringLiteral("keychainSecondSecretValue-2");

// Files under `root` whose bytes contain `needle`: a plaintext copy of a secret.
QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(
        root, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            found << file.fileName();
    }
    return found;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KeychainSecretStore> m_store;

    std::shared_ptr<std::optional<SecretReadResult>> read(
        KeychainSecretStore &store, const QString &key)
    {
        auto answer = std::make_shared<std::optional<SecretReadResult>>();
        store.read(key, this, [answer](const SecretReadResult &r) { *answer = r; });
        return answer;
    }

    std::shared_ptr<std::optional<SecretStoreError>> write(
        const QString &key, const QString &secret)
    {
        auto answer = std::make_shared<std::optional<SecretStoreError>>();
        m_store->write(key, secret, this, [answer](const SecretStoreError &e) { *answer = e; });
        return answer;
    }

    std::shared_ptr<std::optional<SecretStoreError>> remove(const QString &key)
    {
        auto answer = std::make_shared<std::optional<SecretStoreError>>();
        m_store->remove(key, this, [answer](const SecretStoreError &e) { *answer = e; });
        return answer;
    }

    static QString describe(const SecretStoreError &error)
    {
        return error.message() + QLatin1String(" [") + error.detail() + QLatin1Char(']');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        const QByteArray privateBus = qgetenv("ECS_PRIVATE_KEYRING_BUS");
        QVERIFY2(!privateBus.isEmpty() && privateBus == qgetenv("DBUS_SESSION_BUS_ADDRESS"),
            "Not inside a private keyring session: run this test through "
            "scripts/with-private-keyring.sh (ctest does), never against a real keychain.");
        m_store = std::make_unique<KeychainSecretStore>(testService);
        QCOMPARE(m_store->serviceName(), testService);
        QVERIFY(testService != KeychainSecretStore::defaultServiceName());
    }

    void cleanupTestCase() { m_store.reset(); }

    void roundTrip()
    {
        const QString key = QStringLiteral("profile:round-trip");

        auto written = write(key, firstSecret);
        QVERIFY(!*written);
        QTRY_VERIFY_WITH_TIMEOUT(*written, keychainTimeoutMs);
        QVERIFY2(!(*written)->isError(),
            qPrintable(QLatin1String("No usable Secret Service: ") + describe(**written)));

        auto readBack = read(*m_store, key);
        QTRY_VERIFY_WITH_TIMEOUT(*readBack, keychainTimeoutMs);
        QCOMPARE((*readBack)->status, Status::Found);
        QCOMPARE((*readBack)->secret, firstSecret);

        written = write(key, secondSecret); // overwrite, not a second entry
        QTRY_VERIFY_WITH_TIMEOUT(*written, keychainTimeoutMs);
        QVERIFY2(!(*written)->isError(), qPrintable(describe(**written)));
        readBack = read(*m_store, key);
        QTRY_VERIFY_WITH_TIMEOUT(*readBack, keychainTimeoutMs);
        QCOMPARE((*readBack)->status, Status::Found);
        QCOMPARE((*readBack)->secret, secondSecret);

        // The entry belongs to our test service only.
        KeychainSecretStore appService;
        auto otherService = read(appService, key);
        QTRY_VERIFY_WITH_TIMEOUT(*otherService, keychainTimeoutMs);
        QCOMPARE((*otherService)->status, Status::NotFound);

        auto removed = remove(key);
        QTRY_VERIFY_WITH_TIMEOUT(*removed, keychainTimeoutMs);
        QVERIFY2(!(*removed)->isError(), qPrintable(describe(**removed)));

        readBack = read(*m_store, key);
        QTRY_VERIFY_WITH_TIMEOUT(*readBack, keychainTimeoutMs);
        QCOMPARE((*readBack)->status, Status::NotFound); // not an error
        QVERIFY(!(*readBack)->error.isError());
        QVERIFY((*readBack)->secret.isEmpty());

        removed = remove(key); // removing nothing succeeds
        QTRY_VERIFY_WITH_TIMEOUT(*removed, keychainTimeoutMs);
        QVERIFY2(!(*removed)->isError(), qPrintable(describe(**removed)));
    }

    void neverReadEntryIsNotFound()
    {
        const auto readBack = read(*m_store, QStringLiteral("profile:never-written"));
        QTRY_VERIFY_WITH_TIMEOUT(*readBack, keychainTimeoutMs);
        QCOMPARE((*readBack)->status, Status::NotFound);
    }

    void noPlaintextCopyOnDisk()
    {
        // Insecure fallback is off: the secret may only exist inside the (encrypted)
        // keyring, never as plain text in a settings file under the throwaway HOME.
        const QString key = QStringLiteral("profile:plaintext-check");
        const QString secret
            = QStringLiteral("plaintextProbeSecret-%1").arg(QDateTime::currentMSecsSinceEpoch());
        const auto written = write(key, secret);
        QTRY_VERIFY_WITH_TIMEOUT(*written, keychainTimeoutMs);
        QVERIFY2(!(*written)->isError(), qPrintable(describe(**written)));

        const QStringList roots { QDir::homePath(), qEnvironmentVariable("XDG_CONFIG_HOME"),
            qEnvironmentVariable("XDG_DATA_HOME"),
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) };
        for (const QString &root : roots) {
            if (root.isEmpty())
                continue;
            const QStringList leaks = filesContaining(root, secret.toUtf8());
            QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1String(", "))));
        }
        const auto removed = remove(key);
        QTRY_VERIFY_WITH_TIMEOUT(*removed, keychainTimeoutMs);
    }

    void profileStoreOverTheRealKeychain()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        ProfileStore profiles(&settings, m_store.get());
        AppProfile profile;
        profile.name = QStringLiteral("keychain profile");
        profile.accessKeyId = QStringLiteral("STS.KeychainKeyId");

        std::optional<ProfileError> saved;
        profiles.save(profile, ProfileSecret { firstSecret, QStringLiteral("CAISkeychainToken") },
            this, [&](const ProfileError &e) { saved = e; });
        QTRY_VERIFY_WITH_TIMEOUT(saved, keychainTimeoutMs);
        QVERIFY2(!saved->isError(), qPrintable(saved->message()));

        std::optional<std::pair<ProfileError, Credential>> loaded;
        profiles.readCredential(profile.name, this,
            [&](const ProfileError &e, const Credential &c) { loaded = std::make_pair(e, c); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, keychainTimeoutMs);
        QVERIFY2(!loaded->first.isError(), qPrintable(loaded->first.message()));
        QCOMPARE(loaded->second,
            (Credential { profile.accessKeyId, firstSecret, QStringLiteral("CAISkeychainToken") }));

        std::optional<ProfileError> removed;
        profiles.remove(profile.name, this, [&](const ProfileError &e) { removed = e; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, keychainTimeoutMs);
        QVERIFY2(!removed->isError(), qPrintable(removed->message()));
        const auto gone = read(*m_store, ProfileStore::secretKey(profile.name));
        QTRY_VERIFY_WITH_TIMEOUT(*gone, keychainTimeoutMs);
        QCOMPARE((*gone)->status, Status::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
