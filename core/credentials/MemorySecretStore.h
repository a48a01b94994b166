#pragma once

#include "SecretStore.h"

#include <QHash>

namespace ecs {

// Secrets kept in memory only: for tests, and for secrets the user entered "for this
// session only" because the keychain is unavailable. Answers are queued like a real
// keychain's, so callers cannot come to depend on synchronous answers; the change
// itself is applied at once, so a read issued after a write sees it.
class MemorySecretStore : public SecretStore
{
    Q_OBJECT

public:
    using SecretStore::SecretStore;

    void read(const QString &key, QObject *context, ReadCallback callback) override;
    void write(const QString &key, const QString &secret, QObject *context,
        DoneCallback callback) override;
    void remove(const QString &key, QObject *context, DoneCallback callback) override;

    // Makes every later call fail with `error` (an unavailable keychain, for tests)
    // until called again with a default-constructed error.
    void setFailure(const SecretStoreError &error) { m_failure = error; }

    bool contains(const QString &key) const { return m_secrets.contains(key); }
    int size() const { return static_cast<int>(m_secrets.size()); }

private:
    QHash<QString, QString> m_secrets;
    SecretStoreError m_failure;
};

} // namespace ecs
