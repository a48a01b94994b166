#pragma once

#include "credentials/Credential.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace ecs::emulator {

// One accepted AccessKey as configured (`ecs-emulator --access-key`): the pair, the STS
// token for an `STS.` key, and when that token stops being accepted (invalid: never).
struct AccessKeyOption
{
    Credential credential;
    QDateTime tokenExpiresAt;

    // "ID:SECRET", "ID:SECRET:STS_TOKEN" or "ID:SECRET:STS_TOKEN:expires=yyyy-MM-ddTHH:mm:ssZ"
    // (the time contains colons, so everything after the third colon is the expiry field).
    // Returns nullopt and `*error` for anything else.
    static std::optional<AccessKeyOption> parse(const QString &text, QString *error);
};

namespace securityTokens {

// The longest token accepted; real STS tokens are around a thousand characters.
constexpr int maxLength = 4096;

// An STS token as the STS service hands it out: base64 (either alphabet) of bounded
// length. Anything else is InvalidSecurityToken.Malformed before it is compared.
bool isWellFormed(const QString &token);

} // namespace securityTokens

} // namespace ecs::emulator
