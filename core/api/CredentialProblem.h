#pragma once

#include "ApiError.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ecs {

// A service refusal that is about the credentials, not the request: the AccessKey ID is
// unknown or disabled, the secret does not match (the signature the service computed
// differs), the STS token is missing, expired or malformed, or the clock is off. Every
// front end says these the same way: a headline for people naming the profile and the
// code, and the one thing to try; the service's own text (redacted) is the detail.
struct CredentialProblem
{
    Q_DECLARE_TR_FUNCTIONS(ecs::CredentialProblem)

public:
    enum class Kind {
        UnknownAccessKey, // InvalidAccessKeyId.NotFound, InvalidAccessKeyId
        DisabledAccessKey, // InvalidAccessKeyId.Inactive
        SecretMismatch, // SignatureDoesNotMatch, IncompleteSignature
        TokenMissing, // MissingSecurityToken, MissingParameter naming SecurityToken
        TokenExpired, // InvalidSecurityToken.Expired
        TokenInvalid, // InvalidSecurityToken.Malformed, InvalidSecurityToken.*
        ClockSkew, // InvalidTimeStamp.*: the request's time is too far from the service's
    };

    Kind kind;
    QString code; // the service's code, shown in brackets after the headline

    // nullopt when `error` is not about the credentials.
    static std::optional<CredentialProblem> of(const ApiError &error);

    // "The AccessKey secret of profile prod does not match (SignatureDoesNotMatch)".
    QString headline(const QString &profileName) const;
    // What to try, one or two sentences.
    QString advice() const;
};

} // namespace ecs
