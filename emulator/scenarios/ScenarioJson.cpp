#include "Scenario.h"
#include "api/responses/ModelReaders.h"
#include "api/responses/ResponseWriters.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace ecs::emulator {

// Resources are written with core's wire writers and read with core's wire readers, so
// a scenario file looks like what DescribeInstances/DescribeDisks/... answer, and every
// field the client reads can be seeded. Emulator-only fields sit beside the wire ones.

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ecs::emulator::Scenario", text);
}

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

void putIfSet(QJsonObject &object, const char *key, const QString &value)
{
    if (!value.isEmpty())
        object.insert(QLatin1String(key), value);
}

// Reads each object of json[key] with `read`; the first problem goes to *error with
// "<key>[<index>]." in front of the reader's path.
template<typename T, typename Read>
QList<T> readAll(const QJsonObject &json, const char *key, Read read, QString *error)
{
    QList<T> records;
    const QJsonValue value = json.value(QLatin1String(key));
    if (!value.isUndefined() && !value.isNull() && !value.isArray()) {
        *error = QLatin1String(key) + tr(": expected an array");
        return records;
    }
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size() && error->isEmpty(); ++i) {
        const QString where = QStringLiteral("%1[%2]").arg(QLatin1String(key)).arg(i);
        if (!array.at(i).isObject()) {
            *error = where + tr(": expected an object");
            break;
        }
        JsonReader reader(array.at(i).toObject());
        T record = read(reader);
        if (reader.hasError())
            *error = where + QLatin1Char('.') + reader.error();
        else
            records.append(std::move(record));
    }
    return records;
}

ScenarioRegion readRegionRecord(JsonReader &reader)
{
    ScenarioRegion record;
    record.region = readRegion(reader);
    if (record.region.status.isEmpty())
        record.region.status = RegionStatusName::Available;
    const QJsonObject names = reader.object().value(QStringLiteral("LocalNames")).toObject();
    for (auto it = names.begin(); it != names.end(); ++it)
        record.localNames.insert(it.key(), it.value().toString());
    record.zoneIds = stringList(reader.object().value(QStringLiteral("Zones")));
    return record;
}

EmulatedInstance readInstanceRecord(JsonReader &reader)
{
    EmulatedInstance record;
    record.instance = readInstance(reader);
    record.pendingStoppedMode = reader.string("PendingStoppedMode");
    return record;
}

EmulatedDisk readDiskRecord(JsonReader &reader)
{
    EmulatedDisk record;
    record.disk = readDisk(reader);
    record.contentMarker = reader.string("ContentMarker");
    record.pendingContentMarker = reader.string("PendingContentMarker");
    return record;
}

EmulatedSnapshot readSnapshotRecord(JsonReader &reader)
{
    EmulatedSnapshot record;
    record.snapshot = readSnapshot(reader);
    record.regionId = reader.requiredString("RegionId");
    record.sourceInstanceId = reader.string("SourceInstanceId");
    record.contentMarker = reader.string("ContentMarker");
    // A progressing snapshot advances unless the scenario freezes it.
    record.advancing = record.snapshot.status == SnapshotStatusName::Progressing
        && (!reader.object().contains(QLatin1String("Advancing")) || reader.boolean("Advancing"));
    return record;
}

EmulatedSnapshotGroup readGroupRecord(JsonReader &reader)
{
    EmulatedSnapshotGroup record;
    record.group = readSnapshotGroup(reader);
    record.group.snapshots.clear(); // membership is SnapshotIds
    record.regionId = reader.requiredString("RegionId");
    record.snapshotIds = stringList(reader.object().value(QStringLiteral("SnapshotIds")));
    return record;
}

QJsonObject toJson(const ScenarioRegion &record)
{
    QJsonObject json = ecs::toJson(record.region);
    json.remove(QStringLiteral("LocalName"));
    QJsonObject names;
    for (auto it = record.localNames.begin(); it != record.localNames.end(); ++it)
        names.insert(it.key(), it.value());
    json.insert(QStringLiteral("LocalNames"), names);
    json.insert(QStringLiteral("Zones"), QJsonArray::fromStringList(record.zoneIds));
    return json;
}

QJsonObject toJson(const EmulatedInstance &record)
{
    QJsonObject json = ecs::toJson(record.instance);
    putIfSet(json, "PendingStoppedMode", record.pendingStoppedMode);
    return json;
}

QJsonObject toJson(const EmulatedDisk &record)
{
    QJsonObject json = ecs::toJson(record.disk);
    json.insert(QStringLiteral("ContentMarker"), record.contentMarker);
    putIfSet(json, "PendingContentMarker", record.pendingContentMarker);
    return json;
}

QJsonObject toJson(const EmulatedSnapshot &record)
{
    QJsonObject json = ecs::toJson(record.snapshot);
    json.insert(QStringLiteral("RegionId"), record.regionId);
    putIfSet(json, "SourceInstanceId", record.sourceInstanceId);
    json.insert(QStringLiteral("ContentMarker"), record.contentMarker);
    if (record.snapshot.status == SnapshotStatusName::Progressing && !record.advancing)
        json.insert(QStringLiteral("Advancing"), false);
    return json;
}

QJsonObject toJson(const EmulatedSnapshotGroup &record)
{
    QJsonObject json = ecs::toJson(record.group);
    json.remove(QStringLiteral("Snapshots"));
    json.insert(QStringLiteral("RegionId"), record.regionId);
    json.insert(QStringLiteral("SnapshotIds"), QJsonArray::fromStringList(record.snapshotIds));
    return json;
}

template<typename T>
QJsonArray arrayOf(const QList<T> &records)
{
    QJsonArray array;
    for (const T &record : records)
        array.append(toJson(record));
    return array;
}

} // namespace

Scenario Scenario::fromJson(const QJsonObject &json, QString *error)
{
    QString problem;
    Scenario scenario;
    scenario.name = str(json, "Name");
    scenario.description = str(json, "Description");
    scenario.regions = readAll<ScenarioRegion>(json, "Regions", readRegionRecord, &problem);
    scenario.instances = readAll<EmulatedInstance>(json, "Instances", readInstanceRecord, &problem);
    scenario.disks = readAll<EmulatedDisk>(json, "Disks", readDiskRecord, &problem);
    scenario.snapshots = readAll<EmulatedSnapshot>(json, "Snapshots", readSnapshotRecord, &problem);
    scenario.snapshotGroups
        = readAll<EmulatedSnapshotGroup>(json, "SnapshotGroups", readGroupRecord, &problem);
    if (problem.isEmpty())
        problem = scenario.problem();
    if (error)
        *error = problem;
    return problem.isEmpty() ? scenario : Scenario {};
}

QJsonObject Scenario::toJson() const
{
    return {
        { QStringLiteral("Name"), name },
        { QStringLiteral("Description"), description },
        { QStringLiteral("Regions"), arrayOf(regions) },
        { QStringLiteral("Instances"), arrayOf(instances) },
        { QStringLiteral("Disks"), arrayOf(disks) },
        { QStringLiteral("Snapshots"), arrayOf(snapshots) },
        { QStringLiteral("SnapshotGroups"), arrayOf(snapshotGroups) },
    };
}

} // namespace ecs::emulator
