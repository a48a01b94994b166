#include "LoadStateMessage.h"

#include "api/CredentialProblem.h"

namespace ecs {

namespace {

bool isNoPermission(const QString &code)
{
    return code == QLatin1String("Forbidden") || code.startsWith(QLatin1String("Forbidden."))
        || code == QLatin1String("NoPermission");
}

} // namespace

LoadStateMessage LoadStateMessage::forError(
    const ApiError &error, const QString &action, const QString &profileName)
{
    LoadStateMessage message;
    message.details = error.summary();
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
    if (const std::optional<CredentialProblem> problem = CredentialProblem::of(error)) {
        message.kind = Kind::AccessKeyRefused;
        message.title = problem->headline(profileName.isEmpty()
                ? tr("this profile", "a profile with no name given")
                : profileName);
        message.advice = problem->advice();
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
