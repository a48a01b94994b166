#include "CredentialProblem.h"

namespace ecs {

std::optional<CredentialProblem> CredentialProblem::of(const ApiError &error)
{
    if (error.kind() != ApiError::Kind::Service)
        return std::nullopt;
    const QString code = error.code();
    const auto is = [&code](const char *name) {
        return code == QLatin1String(name);
    };
    const auto startsWith = [&code](const char *prefix) {
        return code.startsWith(QLatin1String(prefix));
    };
    std::optional<Kind> kind;
    if (is("InvalidAccessKeyId.Inactive"))
        kind = Kind::DisabledAccessKey;
    else if (is("InvalidAccessKeyId") || startsWith("InvalidAccessKeyId."))
        kind = Kind::UnknownAccessKey;
    else if (is("SignatureDoesNotMatch") || is("IncompleteSignature"))
        kind = Kind::SecretMismatch;
    else if (is("MissingSecurityToken")
        || (is("MissingParameter")
            && error.message().contains(QLatin1String("SecurityToken"), Qt::CaseInsensitive)))
        kind = Kind::TokenMissing;
    else if (is("InvalidSecurityToken.Expired"))
        kind = Kind::TokenExpired;
    else if (is("InvalidSecurityToken") || startsWith("InvalidSecurityToken."))
        kind = Kind::TokenInvalid;
    else if (is("InvalidTimeStamp") || startsWith("InvalidTimeStamp."))
        kind = Kind::ClockSkew;
    if (!kind)
        return std::nullopt;
    return CredentialProblem { *kind, code };
}

QString CredentialProblem::headline(const QString &profileName) const
{
    QString text;
    switch (kind) {
    case Kind::UnknownAccessKey:
        text = tr("The AccessKey ID of profile %1 is not known to Alibaba Cloud");
        break;
    case Kind::DisabledAccessKey:
        text = tr("The AccessKey of profile %1 is disabled");
        break;
    case Kind::SecretMismatch:
        text = tr("The AccessKey secret of profile %1 does not match");
        break;
    case Kind::TokenMissing:
        text = tr("Profile %1 uses a temporary (STS) AccessKey but has no security token");
        break;
    case Kind::TokenExpired:
        text = tr("The security token of profile %1 has expired");
        break;
    case Kind::TokenInvalid:
        text = tr("The security token of profile %1 is not valid");
        break;
    case Kind::ClockSkew:
        text = tr("This computer's clock is too far from Alibaba Cloud's for profile %1");
        break;
    }
    return text.arg(profileName) + QStringLiteral(" (") + code + QLatin1Char(')');
}

QString CredentialProblem::advice() const
{
    switch (kind) {
    case Kind::UnknownAccessKey:
        return tr("Check the AccessKey ID in the profile: it may have been deleted, or belong "
                  "to another site (China / international).");
    case Kind::DisabledAccessKey:
        return tr("Enable the AccessKey in the RAM console, or use another one.");
    case Kind::SecretMismatch:
        return tr("Enter the AccessKey secret again (File › Profiles…): a character missing or "
                  "extra, or the secret of another AccessKey, gives this.");
    case Kind::TokenMissing:
        return tr("Add the STS security token that came with this AccessKey, or use a "
                  "permanent AccessKey.");
    case Kind::TokenExpired:
        return tr("Get a new token (and its temporary AccessKey) and enter them again.");
    case Kind::TokenInvalid:
        return tr("Paste the security token again, whole, as the STS service gave it.");
    case Kind::ClockSkew:
        return tr("Set the date, time and time zone of this computer (turn on network time): "
                  "the service refuses requests whose time is off by more than 15 minutes.");
    }
    return {};
}

} // namespace ecs
