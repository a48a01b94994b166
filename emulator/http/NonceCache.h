#pragma once

#include <QDateTime>
#include <QHash>
#include <QQueue>
#include <QString>

namespace ecs::emulator {

// Remembers the signature nonces seen within the replay window, so a replayed request is
// refused (SignatureNonceUsed). Bounded: entries leave when their window has passed, and
// beyond `capacity` the oldest go first — a request older than the window is refused for
// its timestamp anyway, so only a flood could let a nonce through twice.
class NonceCache
{
public:
    explicit NonceCache(qint64 windowMs = 15 * 60 * 1000, int capacity = 100000);

    // True if `nonce` (scoped to the key that signed it) was not seen within the window;
    // it is remembered from now on. False if it was seen.
    bool useOnce(const QString &accessKeyId, const QString &nonce, const QDateTime &now);

    int size() const { return static_cast<int>(m_seen.size()); }

private:
    void evict(qint64 nowMs);

    qint64 m_windowMs;
    int m_capacity;
    QHash<QString, qint64> m_seen; // key → time first seen (ms since epoch)
    QQueue<QPair<QString, qint64>> m_order; // insertion order, for eviction
};

} // namespace ecs::emulator
