#include "ModelSamples.h"

#include "api/responses/ResponseParsers.h"
#include "api/responses/ResponseWriters.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace samples {

using namespace ecs;

QDateTime utc(int year, int month, int day, int hour, int minute, int second)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second), Qt::UTC);
}

Region region()
{
    return Region { QStringLiteral("cn-hangzhou"), QStringLiteral("华东 1（杭州）"),
        QStringLiteral("ecs.cn-hangzhou.aliyuncs.com"), RegionStatusName::Available };
}

Instance instance()
{
    Instance i;
    i.instanceId = QStringLiteral("i-bp67acfmxazb4p****");
    i.instanceName = QStringLiteral("web-01");
    i.description = QStringLiteral("front end");
    i.hostName = QStringLiteral("web01");
    i.regionId = QStringLiteral("cn-hangzhou");
    i.zoneId = QStringLiteral("cn-hangzhou-g");
    i.status = InstanceStatusName::Stopped;
    i.stoppedMode = StoppedModeName::KeepCharging;
    i.instanceChargeType = ChargeTypeName::PostPaid;
    i.instanceNetworkType = NetworkTypeName::Vpc;
    i.vpcId = QStringLiteral("vpc-2zeu9ncs7l1qj4l7w****");
    i.instanceType = QStringLiteral("ecs.g7.large");
    i.imageId = QStringLiteral("m-bp67acfmxazb4p****");
    i.osName = QStringLiteral("Alibaba Cloud Linux 3");
    i.osType = OsTypeName::Linux;
    i.cpu = 2;
    i.memory = 8192;
    // Instance times travel with minute precision.
    i.creationTime = utc(2024, 3, 1, 9, 15);
    i.startTime = utc(2024, 3, 2, 10, 0);
    i.expiredTime = utc(2099, 12, 31, 15, 59);
    i.lockReasons = QStringList { LockReasonName::Financial, LockReasonName::Security };
    i.deletionProtection = true;
    i.tags = { { QStringLiteral("env"), QStringLiteral("prod") },
        { QStringLiteral("owner"), QString() } };
    return i;
}

Disk disk()
{
    Disk d;
    d.diskId = QStringLiteral("d-bp18um4r4f2fve24****");
    d.diskName = QStringLiteral("data-disk");
    d.description = QStringLiteral("database files");
    d.status = DiskStatusName::InUse;
    d.type = DiskTypeName::Data;
    d.category = DiskCategoryName::CloudEssd;
    d.size = 2000;
    d.instanceId = QStringLiteral("i-bp67acfmxazb4p****");
    d.device = QStringLiteral("/dev/xvdb");
    d.attachments = { { QStringLiteral("i-bp67acfmxazb4p****"), QStringLiteral("/dev/xvdb"),
        utc(2024, 3, 1, 9, 16, 7) } };
    d.sourceSnapshotId = QStringLiteral("s-bp67acfmxazb4p****");
    d.imageId = QStringLiteral("m-bp13aqm171qynt3u****");
    d.regionId = QStringLiteral("cn-hangzhou");
    d.zoneId = QStringLiteral("cn-hangzhou-g");
    d.portable = true;
    d.deleteWithInstance = true;
    d.encrypted = true;
    d.multiAttach = MultiAttachName::Disabled;
    d.lockReasons = QStringList { LockReasonName::Recycling };
    d.creationTime = utc(2024, 3, 1, 9, 15, 42);
    d.attachedTime = utc(2024, 3, 1, 9, 16, 7);
    d.detachedTime = utc(2024, 2, 29, 23, 59, 59);
    d.tags = { { QStringLiteral("app"), QStringLiteral("db") } };
    return d;
}

Snapshot snapshot()
{
    Snapshot s;
    s.snapshotId = QStringLiteral("s-bp67acfmxazb4p****");
    s.snapshotName = QStringLiteral("before-upgrade");
    s.description = QStringLiteral("taken by the console");
    s.status = SnapshotStatusName::Progressing;
    s.progress = 42;
    s.remainTime = 38;
    s.available = true;
    s.sourceDiskId = QStringLiteral("d-bp18um4r4f2fve24****");
    s.sourceDiskType = DiskTypeName::System;
    s.sourceDiskSize = 40;
    s.snapshotType = SnapshotTypeName::User;
    s.usage = SnapshotUsageName::ImageDisk;
    s.encrypted = true;
    s.instantAccess = true;
    s.retentionDays = 30;
    s.creationTime = utc(2024, 3, 3, 12, 0, 1);
    s.lastModifiedTime = utc(2024, 3, 3, 12, 5, 59);
    s.tags = { { QStringLiteral("acs:ecs:createFrom"), QStringLiteral("i-bp67acfmxazb4p****") } };
    return s;
}

SnapshotGroupMember member()
{
    SnapshotGroupMember m;
    m.snapshotId = QStringLiteral("s-j6c9lpuyxo2uxxnx****");
    m.sourceDiskId = QStringLiteral("d-j6c0gf6rmxbv9ktw****");
    m.sourceDiskType = DiskTypeName::Data;
    m.progress = 100;
    m.available = true;
    m.instantAccess = true;
    m.instantAccessRetentionDays = 1;
    m.tags = { { QStringLiteral("acs:ecs:createFrom"), QStringLiteral("i-j6ca469urv8ei629****") } };
    return m;
}

SnapshotGroup snapshotGroup()
{
    SnapshotGroup g;
    g.snapshotGroupId = QStringLiteral("ssg-j6c9lpuyxo2uxxny****");
    g.name = QStringLiteral("nightly");
    g.description = QStringLiteral("before patch day");
    g.instanceId = QStringLiteral("i-j6ca469urv8ei629****");
    g.status = SnapshotGroupStatusName::Accomplished;
    g.progressStatus = QStringLiteral("Success");
    g.creationTime = utc(2021, 3, 23, 10, 58, 48);
    g.resourceGroupId = QStringLiteral("rg-bp67acfmxazb4p****");
    g.tags = { { QStringLiteral("team"), QStringLiteral("ops") } };
    SnapshotGroupMember system = member();
    system.snapshotId = QStringLiteral("s-system");
    system.sourceDiskId = QStringLiteral("d-system");
    system.sourceDiskType = DiskTypeName::System;
    g.snapshots = { system, member() };
    return g;
}

InstanceStatus instanceStatus()
{
    return InstanceStatus { QStringLiteral("i-bp67acfmxazb4p****"), InstanceStatusName::Stopping };
}

OperationProgress operationProgress()
{
    OperationProgress p;
    p.operationStatus = QStringLiteral("Failed");
    p.errorCode = QStringLiteral("IncorrectDiskStatus");
    p.errorMsg = QStringLiteral("The current disk status does not support this operation.");
    p.relatedItems = { { RelatedItemName::SnapshotId, QStringLiteral("s-1") },
        { RelatedItemName::DiskId, QStringLiteral("d-1") } };
    return p;
}

QJsonObject body(const QString &name)
{
    QFile file(QStringLiteral(ECS_MODEL_TEST_DATA "/") + name);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString sampleFor(const QString &parser)
{
    static const QHash<QString, QString> files {
        { QStringLiteral("regions"), QStringLiteral("describe_regions.json") },
        { QStringLiteral("instances"), QStringLiteral("describe_instances.json") },
        { QStringLiteral("disks"), QStringLiteral("describe_disks.json") },
        { QStringLiteral("snapshots"), QStringLiteral("describe_snapshots.json") },
        { QStringLiteral("groups"), QStringLiteral("describe_snapshot_groups.json") },
        { QStringLiteral("status"), QStringLiteral("describe_instance_status.json") },
        { QStringLiteral("create"), QStringLiteral("create_snapshot_group.json") },
        { QStringLiteral("progress"), QStringLiteral("reset_disks.json") },
        { QStringLiteral("requestId"), QStringLiteral("stop_instance.json") },
    };
    return files.value(parser);
}

ApiError errorOf(const QString &parser, const QJsonObject &body)
{
    if (parser == QLatin1String("regions"))
        return parseDescribeRegions(body).error();
    if (parser == QLatin1String("instances"))
        return parseDescribeInstances(body).error();
    if (parser == QLatin1String("disks"))
        return parseDescribeDisks(body).error();
    if (parser == QLatin1String("snapshots"))
        return parseDescribeSnapshots(body).error();
    if (parser == QLatin1String("groups"))
        return parseDescribeSnapshotGroups(body).error();
    if (parser == QLatin1String("status"))
        return parseDescribeInstanceStatus(body).error();
    if (parser == QLatin1String("create"))
        return parseCreateSnapshotGroup(body).error();
    if (parser == QLatin1String("progress"))
        return parseOperationProgressSet(body).error();
    if (parser == QLatin1String("requestId"))
        return parseRequestIdOnly(body).error();
    return ApiError(ApiError::Kind::Configuration, QStringLiteral("unknown parser ") + parser);
}

namespace {

struct Step
{
    QString key; // object member, or empty for an array index
    qsizetype index = -1;
};

QList<Step> steps(const QString &path)
{
    static const QRegularExpression part(QStringLiteral("([^.\\[]+)|\\[(\\d+)\\]"));
    QList<Step> result;
    auto it = part.globalMatch(path);
    while (it.hasNext()) {
        const auto match = it.next();
        if (match.hasCaptured(1))
            result.append(Step { match.captured(1), -1 });
        else
            result.append(Step { QString(), match.captured(2).toLongLong() });
    }
    return result;
}

QJsonValue parseValue(const QString &json)
{
    return QJsonDocument::fromJson(QStringLiteral("[%1]").arg(json).toUtf8()).array().at(0);
}

// Rebuilds the containers along `path` with the change at the end (QJson values are
// copies, so the change has to be written back level by level).
QJsonValue replaced(
    const QJsonValue &current, const QList<Step> &path, qsizetype at, const QString &json)
{
    const Step &step = path.at(at);
    const bool last = at == path.size() - 1;
    const bool remove = json == QLatin1String("<remove>");
    if (step.index < 0) {
        QJsonObject object = current.toObject();
        if (last && remove)
            object.remove(step.key);
        else
            object.insert(step.key,
                last ? parseValue(json) : replaced(object.value(step.key), path, at + 1, json));
        return object;
    }
    QJsonArray array = current.toArray();
    if (step.index >= array.size())
        return array;
    if (last && remove)
        array.removeAt(step.index);
    else
        array.replace(step.index,
            last ? parseValue(json) : replaced(array.at(step.index), path, at + 1, json));
    return array;
}

} // namespace

QJsonObject withValue(const QJsonObject &body, const QString &path, const QString &json)
{
    const QList<Step> parts = steps(path);
    if (parts.isEmpty())
        return body;
    return replaced(body, parts, 0, json).toObject();
}

} // namespace samples

namespace ecs {

char *jsonText(const QJsonObject &object)
{
    return qstrdup(QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
}

char *toString(const Region &value)
{
    return jsonText(toJson(value));
}
char *toString(const Instance &value)
{
    return jsonText(toJson(value));
}
char *toString(const Disk &value)
{
    return jsonText(toJson(value));
}
char *toString(const DiskAttachment &value)
{
    return jsonText(toJson(value));
}
char *toString(const Snapshot &value)
{
    return jsonText(toJson(value));
}
char *toString(const SnapshotGroupMember &value)
{
    return jsonText(toJson(value));
}
char *toString(const SnapshotGroup &value)
{
    return jsonText(toJson(value));
}
char *toString(const InstanceStatus &value)
{
    return jsonText(toJson(value));
}
char *toString(const OperationProgress &value)
{
    return jsonText(toJson(value));
}
char *toString(const Tag &value)
{
    return jsonText(toJson(value, TagStyle::TagKeyValue));
}

} // namespace ecs
