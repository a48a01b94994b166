#include "NonceCache.h"

namespace ecs::emulator {

NonceCache::NonceCache(qint64 windowMs, int capacity)
    : m_windowMs(windowMs)
    , m_capacity(capacity)
{ }

bool NonceCache::useOnce(const QString &accessKeyId, const QString &nonce, const QDateTime &now)
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    evict(nowMs);
    const QString key = accessKeyId + QLatin1Char('\n') + nonce;
    if (m_seen.contains(key))
        return false;
    m_seen.insert(key, nowMs);
    m_order.enqueue({ key, nowMs });
    return true;
}

void NonceCache::evict(qint64 nowMs)
{
    while (!m_order.isEmpty()
        && (m_order.head().second + m_windowMs < nowMs || m_order.size() >= m_capacity)) {
        m_seen.remove(m_order.dequeue().first);
    }
}

} // namespace ecs::emulator
