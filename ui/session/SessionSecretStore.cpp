#include "SessionSecretStore.h"

#include <QPointer>

#include <utility>

namespace ecs {

SessionSecretStore::SessionSecretStore(SecretStore *persistent, QObject *parent)
    : SecretStore(parent)
    , m_persistent(persistent)
{
    Q_ASSERT(m_persistent);
}

void SessionSecretStore::keepNextWriteInMemory(const QString &key)
{
    m_nextWriteInMemory.insert(key);
}

void SessionSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    if (m_memory.contains(key))
        return m_memory.read(key, context, std::move(callback));
    m_persistent->read(key, context, std::move(callback));
}

void SessionSecretStore::write(
    const QString &key, const QString &secret, QObject *context, DoneCallback callback)
{
    if (m_nextWriteInMemory.remove(key))
        return m_memory.write(key, secret, context, std::move(callback));
    // The memory copy is dropped only once the keychain holds the new secret, so a failed
    // write leaves the session's secret usable. `this` guards a store gone meanwhile.
    m_persistent->write(key, secret, context,
        [self = QPointer<SessionSecretStore>(this), key, callback = std::move(callback)](
            const SecretStoreError &error) {
            if (!error.isError() && self && self->m_memory.contains(key))
                self->m_memory.remove(key, self, [](const SecretStoreError &) {});
            callback(error);
        });
}

void SessionSecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    m_nextWriteInMemory.remove(key);
    // Applied at once (MemorySecretStore changes synchronously, answers later).
    m_memory.remove(key, this, [](const SecretStoreError &) {});
    m_persistent->remove(key, context, std::move(callback));
}

} // namespace ecs
