#pragma once

#include "credentials/MemorySecretStore.h"
#include "credentials/SecretStore.h"

#include <QSet>

namespace ecs {

// The SecretStore the console's ProfileStore uses: the system keychain, plus secrets the
// user entered "for this session only" because the keychain could not store them. Those
// live in memory until the application quits; the profile's other settings are saved as
// usual, so next time its secret is simply missing and the user is asked for it again.
//
// Reads answer from memory first (the session's secret is the newest), else from the
// keychain. A write goes to the keychain, unless keepNextWriteInMemory() was called for
// that key; a successful keychain write drops the memory copy. Removal clears both.
class SessionSecretStore : public SecretStore
{
    Q_OBJECT

public:
    // `persistent` (usually a KeychainSecretStore) must outlive this object.
    explicit SessionSecretStore(SecretStore *persistent, QObject *parent = nullptr);

    // The next write of `key` (one only) is kept in memory instead of the keychain.
    // Called by the profile editor when the user picks "Use for this session only".
    void keepNextWriteInMemory(const QString &key);
    // True while the secret of `key` is held only for this session.
    bool holdsInMemory(const QString &key) const { return m_memory.contains(key); }

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &secret, QObject *context,
        DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

private:
    SecretStore *m_persistent;
    MemorySecretStore m_memory;
    QSet<QString> m_nextWriteInMemory;
};

} // namespace ecs
