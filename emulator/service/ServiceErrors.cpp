#include "ServiceErrors.h"

namespace ecs::emulator::serviceErrors {

ServiceError error(int httpStatus, const QString &code, const QString &message)
{
    return ServiceError { httpStatus, code, message };
}

ActionResult fail(const ServiceError &error)
{
    return ActionResult { {}, error };
}

ServiceError missingParameter(const QString &name)
{
    return error(400, QStringLiteral("MissingParameter"),
        QStringLiteral("The input parameter \"%1\" that is mandatory for processing this "
                       "request is not supplied.")
            .arg(name));
}

ServiceError invalidParameter(const QString &name, const QString &why)
{
    return error(400, QStringLiteral("InvalidParameter"),
        QStringLiteral("The specified parameter \"%1\" is not valid: %2").arg(name, why));
}

ServiceError regionNotFound(const QString &regionId)
{
    return error(404, QStringLiteral("InvalidRegionId.NotFound"),
        QStringLiteral("The specified RegionId \"%1\" does not exist.").arg(regionId));
}

ServiceError instanceNotFound(const QString &instanceId)
{
    return error(404, QStringLiteral("InvalidInstanceId.NotFound"),
        QStringLiteral("The specified InstanceId \"%1\" does not exist.").arg(instanceId));
}

ServiceError diskNotFound(const QString &diskId)
{
    return error(404, QStringLiteral("InvalidDiskId.NotFound"),
        QStringLiteral("The specified disk \"%1\" does not exist.").arg(diskId));
}

ServiceError snapshotNotFound(const QString &snapshotId)
{
    return error(404, QStringLiteral("InvalidSnapshotId.NotFound"),
        QStringLiteral("The specified snapshot \"%1\" does not exist.").arg(snapshotId));
}

ServiceError snapshotGroupNotFound(const QString &groupId)
{
    // DeleteSnapshotGroup's documented code (ERROR-CODES.md); the message is the
    // service's once EcsService passes it through the ErrorCatalog.
    return error(404, QStringLiteral("InvalidSnapshotGroup.NotFound"),
        QStringLiteral("The SnapshotGroupId \"%1\" provided does not exist in our records.")
            .arg(groupId));
}

ServiceError incorrectInstanceStatus(int httpStatus)
{
    return error(httpStatus, QStringLiteral("IncorrectInstanceStatus"),
        QStringLiteral("The current status of the resource does not support this operation."));
}

ServiceError lockedForSecurity()
{
    return error(403, QStringLiteral("InstanceLockedForSecurity"),
        QStringLiteral("The specified operation is denied as your instance is locked for "
                       "security reasons."));
}

ServiceError dryRunPassed()
{
    return error(400, QStringLiteral("DryRunOperation"),
        QStringLiteral("Request validation has been passed with DryRun flag set."));
}

} // namespace ecs::emulator::serviceErrors
