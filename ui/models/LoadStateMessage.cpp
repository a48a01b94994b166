#include "LoadStateMessage.h"

namespace ecs {

namespace {

bool isAccessKeyRefused(const QString &code)
{
    return code == QLatin1String("InvalidAccessKeyId.NotFound")
        || code == QLatin1String("InvalidAccessKeyId.Inactive")
        || code == QLatin1String("InvalidAccessKeyId")
        || code == QLatin1String("SignatureDoesNotMatch")
        || code == QLatin1String("IncompleteSignature")
        || code == QLatin1String("InvalidSecurityToken.Expired")
        || code == QLatin1String("InvalidSecurityToken.Malformed");
}

bool isNoPermission(const QString &code)
{
    return code == QLatin1String("Forbidden") || code.startsWith(QLatin1String("Forbidden."))
        || code == QLatin1String("NoPermission");
}

} // namespace

LoadStateMessage LoadStateMessage::forError(const ApiError &error, const QString &action)
{
    LoadStateMessage message;
    switch (error.kind()) {
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
    case ApiError::Kind::Tls:
        message.kind = Kind::Offline;
        message.title = tr("Cannot reach the ECS endpoint");
        // What the network said (e.g. "Connection refused"), then what to look at.
        message.advice
            = (error.message().isEmpty() ? QString() : error.message() + QStringLiteral("\n"))
            + tr("Check the network, the proxy and the profile's endpoint; F5 tries again.");
        return message;
    case ApiError::Kind::Service:
        break;
    default:
        message.kind = Kind::Other;
        message.title = error.summary();
        return message;
    }

    const QString code = error.code();
    if (isAccessKeyRefused(code)) {
        message.kind = Kind::AccessKeyRefused;
        message.title = tr("The AccessKey was refused");
        message.advice = tr("Check the AccessKey ID and secret of this profile (Profiles…).");
    } else if (isNoPermission(code)) {
        message.kind = Kind::NoPermission;
        message.title = action == QLatin1String("DescribeSnapshots")
            ? tr("This account may not list disk snapshots")
            : tr("This account may not list instance snapshots");
        message.advice
            = tr("Ask the account administrator for the RAM permission ecs:%1.").arg(action);
    } else if (error.isThrottling()) {
        message.kind = Kind::Busy;
        message.title = tr("The service is busy");
        message.advice = tr("Too many requests right now; wait a moment, then press F5.");
    } else {
        message.kind = Kind::Other;
        message.title = error.summary();
        message.advice = tr("F5 tries again.");
    }
    return message;
}

LoadStateMessage LoadStateMessage::forEmpty(const QString &regionName)
{
    LoadStateMessage message;
    message.kind = Kind::Empty;
    message.title = tr("No instance snapshots in %1").arg(regionName);
    message.advice = tr("Create one in the ECS console, or pick another region.");
    return message;
}

LoadStateMessage LoadStateMessage::forEmptyDiskSnapshots(const QString &regionName)
{
    LoadStateMessage message;
    message.kind = Kind::Empty;
    message.title = tr("No disk snapshots in %1").arg(regionName);
    message.advice = tr("Create one in the ECS console, or pick another region.");
    return message;
}

} // namespace ecs
