#pragma once

#include "ActionHandler.h"
#include "DecodedRequest.h"
#include "NonceCache.h"
#include "credentials/Credential.h"

#include <QDateTime>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace ecs::emulator {

// What the gateway learned from one request: who signed it, which action, and the API
// parameters (common and signature parameters removed), or why it is refused.
struct AuthenticationResult
{
    std::optional<ServiceError> error;
    QString scheme; // "V1", "V3", or empty when the request was refused before telling
    QString action;
    QString accessKeyId;
    ApiParameters apiParameters;
};

// The gateway's checks, in the order a refusal is reported: Action and Version present,
// Version known, signature parameters complete, timestamp well formed and within ±15 min,
// AccessKey known, STS token present, well formed, matching and not expired, signature
// matching (V3: body hash too), nonce not used before. Reuses core's signing functions, so the
// emulator and the client share one definition of both schemes.
class RequestAuthenticator
{
public:
    static constexpr qint64 maxSkewMs = 15 * 60 * 1000;

    // Returns an empty string, or why the key cannot be configured. An STS key's token is
    // accepted until `tokenExpiresAt` (invalid: for ever), then InvalidSecurityToken.Expired.
    QString addAccessKey(const Credential &credential, const QDateTime &tokenExpiresAt = {});
    void clearAccessKeys()
    {
        m_keys.clear();
        m_tokenExpiry.clear();
    }
    QList<Credential> accessKeys() const { return m_keys.values(); }

    // Tests pin the clock to check the skew window without waiting.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // The gateway's time: what the timestamp window, token expiry and the Date header use.
    QDateTime now() const { return m_clock(); }

    AuthenticationResult authenticate(const DecodedRequest &request);

    // Common and signature parameters: never handed to the service, never logged.
    static bool isCommonParameter(const QString &name);
    static ApiParameters withoutCommonParameters(const ApiParameters &parameters);

private:
    AuthenticationResult authenticateV1(const DecodedRequest &request);
    AuthenticationResult authenticateV3(const DecodedRequest &request);
    std::optional<ServiceError> checkTimestamp(const QString &value, const QString &name) const;
    std::optional<ServiceError> checkKeyAndToken(const QString &accessKeyId,
        const QString &securityToken, const Credential **credential) const;

    QHash<QString, Credential> m_keys;
    QHash<QString, QDateTime> m_tokenExpiry;
    NonceCache m_nonces { 2 * maxSkewMs };
    std::function<QDateTime()> m_clock = [] {
        return QDateTime::currentDateTimeUtc();
    };
};

} // namespace ecs::emulator
