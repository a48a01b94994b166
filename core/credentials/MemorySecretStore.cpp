#include "MemorySecretStore.h"

#include <QMetaObject>

#include <utility>

namespace ecs {

namespace {

// Posted to `context`: Qt discards the event if `context` is destroyed first.
template<typename Callback, typename Value>
void answerLater(QObject *context, Callback callback, Value value)
{
    Q_ASSERT(context);
    QMetaObject::invokeMethod(
        context, [callback = std::move(callback), value = std::move(value)]() { callback(value); },
        Qt::QueuedConnection);
}

} // namespace

void MemorySecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    SecretReadResult result;
    if (m_failure.isError()) {
        result.status = SecretReadResult::Status::Error;
        result.error = m_failure;
    } else if (const auto it = m_secrets.constFind(key); it != m_secrets.cend()) {
        result.status = SecretReadResult::Status::Found;
        result.secret = it.value();
    } else {
        result.status = SecretReadResult::Status::NotFound;
    }
    answerLater(context, std::move(callback), std::move(result));
}

void MemorySecretStore::write(
    const QString &key, const QString &secret, QObject *context, DoneCallback callback)
{
    if (!m_failure.isError())
        m_secrets.insert(key, secret);
    answerLater(context, std::move(callback), m_failure);
}

void MemorySecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    if (!m_failure.isError())
        m_secrets.remove(key);
    answerLater(context, std::move(callback), m_failure);
}

} // namespace ecs
