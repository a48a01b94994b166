#include "Scenario.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSet>

namespace ecs::emulator {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ecs::emulator::Scenario", text);
}

// Records the first ID seen twice into *problem.
void checkUnique(const QString &kind, const QString &id, QSet<QString> &seen, QString *problem)
{
    if (problem->isEmpty() && seen.contains(id))
        *problem = tr("%1 %2 appears twice").arg(kind, id);
    seen.insert(id);
}

} // namespace

QString Scenario::problem() const
{
    QString problem;
    QSet<QString> regionIds, instanceIds, diskIds, snapshotIds, groupIds;
    for (const ScenarioRegion &record : regions)
        checkUnique(tr("Region"), record.region.regionId, regionIds, &problem);
    const auto needRegion = [&](const QString &what, const QString &regionId) {
        if (problem.isEmpty() && !regionIds.contains(regionId))
            problem = tr("%1: unknown region \"%2\"").arg(what, regionId);
    };
    for (const EmulatedInstance &record : instances) {
        checkUnique(tr("Instance"), record.instance.instanceId, instanceIds, &problem);
        needRegion(record.instance.instanceId, record.instance.regionId);
        if (problem.isEmpty() && record.instance.status.isEmpty())
            problem = tr("%1: Status is required").arg(record.instance.instanceId);
    }
    for (const EmulatedDisk &record : disks) {
        checkUnique(tr("Disk"), record.disk.diskId, diskIds, &problem);
        needRegion(record.disk.diskId, record.disk.regionId);
        if (problem.isEmpty() && !record.disk.instanceId.isEmpty()
            && !instanceIds.contains(record.disk.instanceId))
            problem = tr("%1: attached to unknown instance %2")
                          .arg(record.disk.diskId, record.disk.instanceId);
    }
    for (const EmulatedSnapshot &record : snapshots) {
        checkUnique(tr("Snapshot"), record.snapshot.snapshotId, snapshotIds, &problem);
        needRegion(record.snapshot.snapshotId, record.regionId);
    }
    for (const EmulatedSnapshotGroup &record : snapshotGroups) {
        checkUnique(tr("Snapshot group"), record.group.snapshotGroupId, groupIds, &problem);
        needRegion(record.group.snapshotGroupId, record.regionId);
        for (const QString &snapshotId : record.snapshotIds) {
            if (problem.isEmpty() && !snapshotIds.contains(snapshotId))
                problem
                    = tr("%1: unknown snapshot %2").arg(record.group.snapshotGroupId, snapshotId);
        }
    }
    return problem;
}

QStringList Scenario::builtInNames()
{
    QStringList names;
    const QStringList files
        = QDir(QStringLiteral(":/scenarios")).entryList({ QStringLiteral("*.json") }, QDir::Files);
    for (const QString &file : files)
        names.append(file.chopped(5));
    return names;
}

Scenario Scenario::builtIn(const QString &name, QString *error)
{
    QString problem;
    Scenario scenario;
    QFile file(QStringLiteral(":/scenarios/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly)) {
        problem = tr("No built-in scenario called \"%1\"").arg(name);
    } else {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (!document.isObject())
            problem = tr("%1.json: %2").arg(name, parseError.errorString());
        else
            scenario = fromJson(document.object(), &problem);
    }
    if (error)
        *error = problem;
    return scenario;
}

} // namespace ecs::emulator
