#pragma once

#include "SecretStore.h"

namespace ecs {

// Secrets in the system keychain through QtKeychain: on Linux the Secret Service over
// D-Bus (gnome-keyring, KeePassXC, ...) through libsecret, or KWallet on KDE; the
// macOS Keychain and the Windows Credential Store elsewhere. QtKeychain's insecure
// plaintext fallback is never enabled: when no keychain answers, callers get a
// SecretStoreError and ask for the secret for this session only (MemorySecretStore).
class KeychainSecretStore : public SecretStore
{
    Q_OBJECT

public:
    // The service name entries are filed under. Tests pass their own name so they can
    // never read or overwrite the application's entries.
    static QString defaultServiceName() { return QStringLiteral("ecs-rollback-console"); }

    explicit KeychainSecretStore(QObject *parent = nullptr);
    explicit KeychainSecretStore(QString serviceName, QObject *parent = nullptr);

    QString serviceName() const { return m_serviceName; }

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &secret, QObject *context,
        DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

private:
    QString m_serviceName;
};

} // namespace ecs
