#include "EcsService.h"
#include "Paging.h"
#include "ParameterReader.h"
#include "ServiceErrors.h"
#include "api/responses/ResponseWriters.h"

// StopInstance, StartInstance and DescribeInstanceStatus (REFERENCE §10–12).

namespace ecs::emulator {

namespace {

ServiceError noStock()
{
    return serviceErrors::error(403, QStringLiteral("OperationDenied.NoStock"),
        QStringLiteral("The resource is out of stock in the specified zone. Please try "
                       "other types, or choose other regions and zones."));
}

} // namespace

ActionResult EcsService::stopInstance(ParameterReader &reader)
{
    const QString instanceId = reader.required(QStringLiteral("InstanceId"));
    const QString stoppedMode = reader.text(QStringLiteral("StoppedMode"));
    if (!stoppedMode.isEmpty() && stoppedMode != StoppedModeName::KeepCharging
        && stoppedMode != StoppedModeName::StopCharging)
        reader.fail(serviceErrors::invalidParameter(QStringLiteral("StoppedMode"),
            QStringLiteral("expected KeepCharging or StopCharging")));
    reader.boolean(QStringLiteral("ForceStop"));
    const bool dryRun = reader.boolean(QStringLiteral("DryRun"));
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    const auto found = m_world.instances.find(instanceId);
    if (found == m_world.instances.end())
        return serviceErrors::fail(serviceErrors::instanceNotFound(instanceId));
    Instance &instance = found->instance;
    if (instance.isLockedForSecurity())
        return serviceErrors::fail(serviceErrors::lockedForSecurity());
    if (!instance.isRunning())
        return serviceErrors::fail(serviceErrors::incorrectInstanceStatus());
    if (dryRun)
        return serviceErrors::fail(serviceErrors::dryRunPassed());

    // Economical mode only exists for pay-as-you-go VPC instances; the others stop in
    // standard mode without an error (REFERENCE §10). No account-wide default here.
    const bool economical
        = stoppedMode == StoppedModeName::StopCharging && instance.isPostPaidVpc();
    instance.status = InstanceStatusName::Stopping;
    found->pendingStoppedMode
        = economical ? StoppedModeName::StopCharging : StoppedModeName::KeepCharging;
    later(m_timing.stopMs, [this, instanceId] { finishStop(instanceId); });
    changed();
    return ActionResult::success(requestIdOnlyBody({}));
}

void EcsService::finishStop(const QString &instanceId)
{
    const auto found = m_world.instances.find(instanceId);
    if (found == m_world.instances.end() || found->instance.status != InstanceStatusName::Stopping)
        return; // another actor moved it meanwhile
    found->instance.status = InstanceStatusName::Stopped;
    found->instance.stoppedMode = found->pendingStoppedMode.isEmpty()
        ? StoppedModeName::KeepCharging
        : found->pendingStoppedMode;
    found->pendingStoppedMode.clear();
}

ActionResult EcsService::startInstance(ParameterReader &reader)
{
    const QString instanceId = reader.required(QStringLiteral("InstanceId"));
    reader.boolean(QStringLiteral("InitLocalDisk"));
    const bool dryRun = reader.boolean(QStringLiteral("DryRun"));
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    const auto found = m_world.instances.find(instanceId);
    if (found == m_world.instances.end())
        return serviceErrors::fail(serviceErrors::instanceNotFound(instanceId));
    Instance &instance = found->instance;
    if (instance.isLockedForSecurity())
        return serviceErrors::fail(serviceErrors::lockedForSecurity());
    if (!instance.isStopped())
        return serviceErrors::fail(serviceErrors::incorrectInstanceStatus());
    if (dryRun)
        return serviceErrors::fail(serviceErrors::dryRunPassed());
    // The compute resources of an economical-mode stop were released: getting them back
    // can fail, and the instance then stays Stopped.
    if (instance.isStoppedInEconomicalMode() && drawRandom() < m_timing.economicalStartFailureRate)
        return serviceErrors::fail(noStock());

    instance.status = InstanceStatusName::Starting;
    later(m_timing.startMs, [this, instanceId] { finishStart(instanceId); });
    changed();
    return ActionResult::success(requestIdOnlyBody({}));
}

void EcsService::finishStart(const QString &instanceId)
{
    const auto found = m_world.instances.find(instanceId);
    if (found == m_world.instances.end() || found->instance.status != InstanceStatusName::Starting)
        return;
    found->instance.status = InstanceStatusName::Running;
    found->instance.stoppedMode = StoppedModeName::NotApplicable;
    found->instance.startTime = QDateTime::currentDateTimeUtc();
}

ActionResult EcsService::describeInstanceStatus(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    const QStringList ids = reader.repeatList(QStringLiteral("InstanceId"));
    if (ids.size() > 100)
        reader.fail(serviceErrors::error(403, QStringLiteral("InvalidParameter.TooManyInstanceIds"),
            QStringLiteral("Instance ids cannot be more than 100.")));
    const QString zoneId = reader.text(QStringLiteral("ZoneId"));
    const PageWindow window = readNumberWindow(reader, 50, 10);
    if (reader.failed())
        return serviceErrors::fail(reader.error());

    QList<const Instance *> matching;
    for (const EmulatedInstance &record : std::as_const(m_world.instances)) {
        const Instance &instance = record.instance;
        if (instance.regionId == regionId && (ids.isEmpty() || ids.contains(instance.instanceId))
            && (zoneId.isEmpty() || instance.zoneId == zoneId))
            matching.append(&instance);
    }
    const auto page = pageOf(matching, window, [](const Instance *instance) {
        return InstanceStatus { instance->instanceId, instance->status };
    });
    return ActionResult::success(describeInstanceStatusBody({}, page));
}

} // namespace ecs::emulator
