#include "EcsService.h"

#include "ErrorCatalog.h"
#include "ParameterReader.h"
#include "ServiceErrors.h"

#include <QRandomGenerator>
#include <QTimer>

namespace ecs::emulator {

EcsService::EcsService(QObject *parent)
    : QObject(parent)
{ }

EcsService::EcsService(const Scenario &scenario, QObject *parent)
    : QObject(parent)
{
    loadScenario(scenario);
}

const QHash<QString, EcsService::Action> &EcsService::actions()
{
    static const QHash<QString, Action> table {
        { QStringLiteral("DescribeRegions"), &EcsService::describeRegions },
        { QStringLiteral("DescribeInstances"), &EcsService::describeInstances },
        { QStringLiteral("DescribeDisks"), &EcsService::describeDisks },
        { QStringLiteral("DescribeSnapshots"), &EcsService::describeSnapshots },
        { QStringLiteral("DescribeSnapshotGroups"), &EcsService::describeSnapshotGroups },
        { QStringLiteral("DescribeInstanceStatus"), &EcsService::describeInstanceStatus },
        { QStringLiteral("CreateSnapshotGroup"), &EcsService::createSnapshotGroup },
        { QStringLiteral("DeleteSnapshotGroup"), &EcsService::deleteSnapshotGroup },
        { QStringLiteral("ResetDisks"), &EcsService::resetDisks },
        { QStringLiteral("ResetDisk"), &EcsService::resetDisk },
        { QStringLiteral("StopInstance"), &EcsService::stopInstance },
        { QStringLiteral("StartInstance"), &EcsService::startInstance },
    };
    return table;
}

QStringList EcsService::actionNames()
{
    QStringList names = actions().keys();
    names.sort();
    return names;
}

bool EcsService::hasAction(const QString &action) const
{
    return actions().contains(action);
}

ActionResult EcsService::handle(const ActionRequest &request)
{
    const Action action = actions().value(request.action);
    if (!action) {
        return serviceErrors::fail(
            serviceErrors::error(404, QStringLiteral("InvalidAction.NotFound"),
                QStringLiteral("Specified api is not found, please check your url and method.")));
    }
    ParameterReader reader(request.parameters);
    ActionResult result = (this->*action)(reader);
    // The writers put a RequestId in every body; the front adds the real one.
    result.body.remove(QStringLiteral("RequestId"));
    if (result.error)
        result.error = ErrorCatalog::builtIn().asDocumented(request.action, *result.error);
    return result;
}

bool EcsService::checkRegion(ParameterReader &reader, QString *regionId) const
{
    *regionId = reader.required(QStringLiteral("RegionId"));
    if (!reader.failed() && !m_world.regions.contains(*regionId))
        reader.fail(serviceErrors::regionNotFound(*regionId));
    return !reader.failed();
}

// --- admin ---

QJsonObject EcsService::saveState() const
{
    return m_world.toScenario().toJson();
}

QString EcsService::loadState(const QJsonObject &state)
{
    QString problem;
    const Scenario scenario = Scenario::fromJson(state, &problem);
    if (problem.isEmpty())
        loadScenario(scenario);
    return problem;
}

void EcsService::loadScenario(const Scenario &scenario)
{
    m_loaded = scenario;
    reset();
}

void EcsService::reset()
{
    ++m_generation;
    m_clientTokens.clear();
    m_world = World::fromScenario(m_loaded);
    resumeTransitions();
    changed();
}

QString EcsService::diskContentMarker(const QString &diskId) const
{
    return m_world.disks.value(diskId).contentMarker;
}

bool EcsService::setDiskContentMarker(const QString &diskId, const QString &marker)
{
    const auto disk = m_world.disks.find(diskId);
    if (disk == m_world.disks.end())
        return false;
    disk->contentMarker = marker;
    changed();
    return true;
}

QJsonObject EcsService::describeWorld() const
{
    QJsonObject world = saveState();
    world.insert(QStringLiteral("Timing"), m_timing.toJson());
    return world;
}

// --- time ---

void EcsService::later(int ms, std::function<void()> work)
{
    const quint64 generation = m_generation;
    QTimer::singleShot(ms, this, [this, generation, work = std::move(work)] {
        if (generation != m_generation)
            return;
        work();
        changed();
    });
}

double EcsService::drawRandom() const
{
    return m_timing.random ? m_timing.random() : QRandomGenerator::global()->generateDouble();
}

void EcsService::resumeTransitions()
{
    for (const EmulatedInstance &record : std::as_const(m_world.instances)) {
        const QString id = record.instance.instanceId;
        if (record.instance.status == InstanceStatusName::Stopping)
            later(m_timing.stopMs, [this, id] { finishStop(id); });
        else if (record.instance.status == InstanceStatusName::Starting)
            later(m_timing.startMs, [this, id] { finishStart(id); });
    }
    for (const EmulatedDisk &record : std::as_const(m_world.disks)) {
        const QString id = record.disk.diskId;
        if (record.disk.status == DiskStatusName::ReIniting)
            later(m_timing.resetMs, [this, id] { finishReset(id); });
    }
    QSet<QString> groups;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (EmulatedSnapshot &record : m_world.snapshots) {
        if (!record.advancing)
            continue;
        groups.insert(m_world.groupOfSnapshot.value(record.snapshot.snapshotId));
        if (record.snapshot.remainTime > 0 && !record.paceEnd.isValid()) {
            record.paceStart = now;
            record.paceEnd = now.addSecs(record.snapshot.remainTime);
            record.paceStartProgress = record.snapshot.progress;
        }
    }
    for (const QString &groupId : std::as_const(groups))
        later(m_timing.snapshotStepMs, [this, groupId] { advanceSnapshots(groupId); });
}

} // namespace ecs::emulator
