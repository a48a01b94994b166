#pragma once

#include <QDebug>
#include <QString>

namespace ecs {

// An AccessKey pair, optionally with an STS security token (then the key ID is the
// temporary `STS.` key). The secret and the token must never reach logs, settings or
// files of ours: QDebug output is redacted on purpose.
struct Credential
{
    QString accessKeyId;
    QString accessKeySecret;
    QString securityToken; // empty unless STS

    bool isComplete() const { return !accessKeyId.isEmpty() && !accessKeySecret.isEmpty(); }
    bool isSts() const { return !securityToken.isEmpty(); }

    // "LTAI****wxyz": enough to tell keys apart in a list, never the whole ID.
    static QString maskedKeyId(const QString &accessKeyId)
    {
        if (accessKeyId.size() <= 8)
            return QStringLiteral("****");
        return accessKeyId.left(4) + QLatin1String("****") + accessKeyId.right(4);
    }

    friend bool operator==(const Credential &a, const Credential &b)
    {
        return a.accessKeyId == b.accessKeyId && a.accessKeySecret == b.accessKeySecret
            && a.securityToken == b.securityToken;
    }
    friend bool operator!=(const Credential &a, const Credential &b) { return !(a == b); }
};

inline QDebug operator<<(QDebug debug, const Credential &credential)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Credential(" << Credential::maskedKeyId(credential.accessKeyId)
                    << (credential.isSts() ? ", sts" : "") << ", secret redacted)";
    return debug;
}

} // namespace ecs
