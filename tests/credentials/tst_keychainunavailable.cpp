// KeychainSecretStore when no keychain service can be reached: typed errors that tell
// the user to enter the secret for this session only, and no plaintext fallback.
#include "credentials/KeychainSecretStore.h"

#include <QDirIterator>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using ecs::KeychainSecretStore;
using ecs::SecretReadResult;
using ecs::SecretStoreError;

namespace {

constexpr int timeoutMs = 15000;
const QString secret = QStringLiteral("unavailableKeychainSecret-5");

} // namespace

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_home.isValid());
        // Before QtKeychain or libsecret first look: a session bus that does not exist,
        // no desktop hints, and a HOME of our own where a plaintext copy would show up.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/ecs-tests-no-bus");
        qunsetenv("ECS_PRIVATE_KEYRING_BUS");
        for (const char *name : { "XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "KDE_FULL_SESSION",
                 "GNOME_DESKTOP_SESSION_ID", "DISPLAY" })
            qunsetenv(name);
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
    }

    void everyOperationFailsWithATypedError()
    {
        KeychainSecretStore store(QStringLiteral("ecs-rollback-console-tests"));

        std::optional<SecretStoreError> written;
        store.write(QStringLiteral("profile:p"), secret, this,
            [&](const SecretStoreError &e) { written = e; });
        QVERIFY(!written);
        QTRY_VERIFY_WITH_TIMEOUT(written, timeoutMs);
        QVERIFY(written->isError());
        QVERIFY2(written->message().contains(QLatin1String("keychain is unavailable")),
            qPrintable(written->message()));
        QVERIFY(written->message().contains(QLatin1String("for this session only")));
        QVERIFY(!written->detail().contains(secret));

        std::optional<SecretReadResult> read;
        store.read(QStringLiteral("profile:p"), this, [&](const SecretReadResult &r) { read = r; });
        QTRY_VERIFY_WITH_TIMEOUT(read, timeoutMs);
        // "Cannot ask" must not look like "nothing stored": the UI reacts differently.
        QCOMPARE(read->status, SecretReadResult::Status::Error);
        QVERIFY(read->error.isError());
        QVERIFY(read->secret.isEmpty());

        std::optional<SecretStoreError> removed;
        store.remove(
            QStringLiteral("profile:p"), this, [&](const SecretStoreError &e) { removed = e; });
        QTRY_VERIFY_WITH_TIMEOUT(removed, timeoutMs);
        QVERIFY(removed->isError());
    }

    void noPlaintextFallback()
    {
        KeychainSecretStore store(QStringLiteral("ecs-rollback-console-tests"));
        std::optional<SecretStoreError> written;
        store.write(QStringLiteral("profile:q"), secret, this,
            [&](const SecretStoreError &e) { written = e; });
        QTRY_VERIFY_WITH_TIMEOUT(written, timeoutMs);
        QVERIFY(written->isError());

        const QStringList roots { m_home.path(),
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) };
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
