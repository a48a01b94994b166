// Model values → the service's JSON: exact wire shapes, and parse(toJson(x)) == x.
#include "ModelSamples.h"
#include "api/responses/ModelReaders.h"
#include "api/responses/ResponseParsers.h"
#include "api/responses/ResponseWriters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ecs;
using samples::utc;

namespace {

QJsonValue at(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key));
}

QJsonObject parseJson(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// readX(JsonReader) over toJson(x); the reader's error, if any, goes to `error`.
template<typename T, typename Read>
T reread(const T &value, Read read, QString *error)
{
    JsonReader reader(toJson(value));
    T copy = read(reader);
    *error = reader.error();
    return copy;
}

} // namespace

class TestResponseWriters : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wrapListShape();
    void instanceShape();
    void diskShape();
    void snapshotShape();
    void snapshotGroupShape();
    void operationProgressShape();
    void emptyTimesAreEmptyStrings();
    void instanceTimesDropSeconds();

    void modelRoundTrips();
    void defaultValuesRoundTrip();
    void unknownEnumValuesRoundTrip();
    void bodyRoundTrips();
    void pagingFieldsPerAction();
    void samplesSurviveRewriting();
};

void TestResponseWriters::wrapListShape()
{
    const QJsonObject wrapped = wrapList(QStringLiteral("Instances"), QStringLiteral("Instance"),
        QJsonArray { QJsonObject { { QStringLiteral("InstanceId"), QStringLiteral("i-1") } } });
    QCOMPARE(wrapped, parseJson(R"({"Instances": {"Instance": [{"InstanceId": "i-1"}]}})"));
    QCOMPARE(wrapList(QStringLiteral("Disks"), QStringLiteral("Disk"), {}),
        parseJson(R"({"Disks": {"Disk": []}})"));
}

void TestResponseWriters::instanceShape()
{
    const QJsonObject json = toJson(samples::instance());
    QCOMPARE(at(json, "InstanceId").toString(), QStringLiteral("i-bp67acfmxazb4p****"));
    QCOMPARE(at(json, "VpcAttributes").toObject(),
        parseJson(R"({"VpcId": "vpc-2zeu9ncs7l1qj4l7w****"})"));
    // Instances nest LockReason objects inside a LockReason array.
    QCOMPARE(at(json, "OperationLocks").toObject(),
        parseJson(R"({"LockReason": [{"LockReason": "financial"}, {"LockReason": "security"}]})"));
    QCOMPARE(at(json, "Tags").toObject(),
        parseJson(
            R"({"Tag": [{"TagKey": "env", "TagValue": "prod"}, {"TagKey": "owner", "TagValue": ""}]})"));
    QCOMPARE(at(json, "CreationTime").toString(), QStringLiteral("2024-03-01T09:15Z"));
    QCOMPARE(at(json, "Cpu").toInt(), 2);
    QCOMPARE(at(json, "Memory").toInt(), 8192);
    QCOMPARE(at(json, "DeletionProtection"), QJsonValue(true));
    QCOMPARE(at(json, "OSName").toString(), QStringLiteral("Alibaba Cloud Linux 3"));
    QCOMPARE(at(json, "OSType").toString(), QStringLiteral("linux"));
}

void TestResponseWriters::diskShape()
{
    const QJsonObject json = toJson(samples::disk());
    // Disks say OperationLock, not LockReason, for the array.
    QCOMPARE(at(json, "OperationLocks").toObject(),
        parseJson(R"({"OperationLock": [{"LockReason": "recycling"}]})"));
    QCOMPARE(at(json, "Attachments").toObject(),
        parseJson(R"({"Attachment": [{"InstanceId": "i-bp67acfmxazb4p****",
            "Device": "/dev/xvdb", "AttachedTime": "2024-03-01T09:16:07Z"}]})"));
    QCOMPARE(at(json, "Size"), QJsonValue(2000));
    QCOMPARE(at(json, "Status").toString(), QStringLiteral("In_use"));
    QCOMPARE(at(json, "CreationTime").toString(), QStringLiteral("2024-03-01T09:15:42Z"));
    QCOMPARE(at(json, "Portable"), QJsonValue(true));
    QCOMPARE(at(json, "Tags").toObject(),
        parseJson(R"({"Tag": [{"TagKey": "app", "TagValue": "db"}]})"));
}

void TestResponseWriters::snapshotShape()
{
    const QJsonObject json = toJson(samples::snapshot());
    QCOMPARE(at(json, "Progress"), QJsonValue(QStringLiteral("42%")));
    QCOMPARE(at(json, "SourceDiskSize"), QJsonValue(QStringLiteral("40"))); // a String on the wire
    QCOMPARE(at(json, "RemainTime"), QJsonValue(38));
    QCOMPARE(at(json, "RetentionDays"), QJsonValue(30));
    QCOMPARE(at(json, "LastModifiedTime").toString(), QStringLiteral("2024-03-03T12:05:59Z"));
    QCOMPARE(at(json, "Tags").toObject().value(QLatin1String("Tag")).toArray().at(0).toObject(),
        parseJson(R"({"TagKey": "acs:ecs:createFrom", "TagValue": "i-bp67acfmxazb4p****"})"));
}

void TestResponseWriters::snapshotGroupShape()
{
    const QJsonObject json = toJson(samples::snapshotGroup());
    // Key/Value in snapshot groups and their members.
    QCOMPARE(
        at(json, "Tags").toObject(), parseJson(R"({"Tag": [{"Key": "team", "Value": "ops"}]})"));
    const QJsonArray members
        = at(json, "Snapshots").toObject().value(QLatin1String("Snapshot")).toArray();
    QCOMPARE(members.size(), 2);
    QCOMPARE(members.at(1).toObject(), parseJson(R"({
        "SnapshotId": "s-j6c9lpuyxo2uxxnx****", "SourceDiskId": "d-j6c0gf6rmxbv9ktw****",
        "SourceDiskType": "data", "Progress": "100%", "Available": true, "InstantAccess": true,
        "InstantAccessRetentionDays": 1,
        "Tags": {"Tag": [{"Key": "acs:ecs:createFrom", "Value": "i-j6ca469urv8ei629****"}]}})"));
    QCOMPARE(at(json, "CreationTime").toString(), QStringLiteral("2021-03-23T10:58:48Z"));
    QVERIFY(!json.contains(QLatin1String("TotalCount")));
}

void TestResponseWriters::operationProgressShape()
{
    QCOMPARE(toJson(samples::operationProgress()), parseJson(R"({
        "OperationStatus": "Failed", "ErrorCode": "IncorrectDiskStatus",
        "ErrorMsg": "The current disk status does not support this operation.",
        "RelatedItemSet": {"RelatedItem": [{"Name": "SnapshotId", "Value": "s-1"},
                                           {"Name": "DiskId", "Value": "d-1"}]}})"));
    QCOMPARE(toJson(InstanceStatus { QStringLiteral("i-1"), QStringLiteral("Running") }),
        parseJson(R"({"InstanceId": "i-1", "Status": "Running"})"));
    QCOMPARE(toJson(samples::region()), parseJson(R"({"RegionId": "cn-hangzhou",
        "LocalName": "华东 1（杭州）", "RegionEndpoint": "ecs.cn-hangzhou.aliyuncs.com",
        "Status": "available"})"));
}

void TestResponseWriters::emptyTimesAreEmptyStrings()
{
    const QJsonObject disk = toJson(Disk {});
    QCOMPARE(at(disk, "DetachedTime"), QJsonValue(QString()));
    QCOMPARE(at(disk, "Attachments").toObject(), parseJson(R"({"Attachment": []})"));
    QCOMPARE(at(disk, "OperationLocks").toObject(), parseJson(R"({"OperationLock": []})"));
    QCOMPARE(at(toJson(Instance {}), "StartTime"), QJsonValue(QString()));
}

void TestResponseWriters::instanceTimesDropSeconds()
{
    Instance instance = samples::instance();
    instance.startTime = utc(2024, 3, 2, 10, 0, 59);
    // A time given in another zone is written as UTC.
    instance.creationTime
        = QDateTime(QDate(2024, 3, 1), QTime(17, 15), Qt::OffsetFromUTC, 8 * 3600);
    const QJsonObject json = toJson(instance);
    QCOMPARE(at(json, "StartTime").toString(), QStringLiteral("2024-03-02T10:00Z"));
    QCOMPARE(at(json, "CreationTime").toString(), QStringLiteral("2024-03-01T09:15Z"));
}

void TestResponseWriters::modelRoundTrips()
{
    QString error;
    QCOMPARE(reread(samples::region(), readRegion, &error), samples::region());
    QCOMPARE(error, QString());
    QCOMPARE(reread(samples::instance(), readInstance, &error), samples::instance());
    QCOMPARE(error, QString());
    QCOMPARE(reread(samples::disk(), readDisk, &error), samples::disk());
    QCOMPARE(error, QString());
    QCOMPARE(reread(samples::snapshot(), readSnapshot, &error), samples::snapshot());
    QCOMPARE(error, QString());
    QCOMPARE(reread(samples::member(), readSnapshotGroupMember, &error), samples::member());
    QCOMPARE(error, QString());
    QCOMPARE(reread(samples::snapshotGroup(), readSnapshotGroup, &error), samples::snapshotGroup());
    QCOMPARE(error, QString());
    QCOMPARE(
        reread(samples::instanceStatus(), readInstanceStatus, &error), samples::instanceStatus());
    QCOMPARE(error, QString());
    QCOMPARE(reread(samples::operationProgress(), readOperationProgress, &error),
        samples::operationProgress());
    QCOMPARE(error, QString());
}

void TestResponseWriters::defaultValuesRoundTrip()
{
    // Only the ids are required; everything else at its default survives as is.
    Instance instance;
    instance.instanceId = QStringLiteral("i-1");
    Disk disk;
    disk.diskId = QStringLiteral("d-1");
    Snapshot snapshot;
    snapshot.snapshotId = QStringLiteral("s-1");
    QString error;
    QCOMPARE(reread(instance, readInstance, &error), instance);
    QCOMPARE(error, QString());
    QCOMPARE(reread(disk, readDisk, &error), disk);
    QCOMPARE(error, QString());
    QCOMPARE(reread(snapshot, readSnapshot, &error), snapshot);
    QCOMPARE(error, QString());
}

void TestResponseWriters::unknownEnumValuesRoundTrip()
{
    Instance instance = samples::instance();
    instance.status = QStringLiteral("Hibernated");
    instance.stoppedMode = QStringLiteral("SomeFutureMode");
    instance.lockReasons = QStringList { QStringLiteral("Recycling"), QString() };
    Disk disk = samples::disk();
    disk.category = QStringLiteral("cloud_regional_disk_auto");
    disk.multiAttach = QStringLiteral("LegacyShared");
    QString error;
    QCOMPARE(reread(instance, readInstance, &error), instance);
    QCOMPARE(error, QString());
    QCOMPARE(reread(disk, readDisk, &error), disk);
    QCOMPARE(error, QString());
}

void TestResponseWriters::bodyRoundTrips()
{
    const QString id = QStringLiteral("5D4B7C32-9AE1-4F3C-9D3A-7E9C20A1B0C4");
    QCOMPARE(parseDescribeRegions(describeRegionsBody(id, { samples::region() })).value(),
        QList<Region> { samples::region() });

    Page<Instance> instances { { samples::instance(), samples::instance() }, QStringLiteral("tok"),
        7, 1, 2 };
    instances.items[1].instanceId = QStringLiteral("i-2");
    QCOMPARE(parseDescribeInstances(describeInstancesBody(id, instances)).value(), instances);

    const Page<Disk> disks { { samples::disk() }, QString(), 1, 1, 10 };
    QCOMPARE(parseDescribeDisks(describeDisksBody(id, disks)).value(), disks);

    const Page<Snapshot> snapshots { { samples::snapshot() }, QStringLiteral("n"), 0, 3, 100 };
    QCOMPARE(parseDescribeSnapshots(describeSnapshotsBody(id, snapshots)).value(), snapshots);

    Page<SnapshotGroup> groups;
    groups.items = { samples::snapshotGroup() };
    groups.nextToken = QStringLiteral("next");
    QCOMPARE(parseDescribeSnapshotGroups(describeSnapshotGroupsBody(id, groups)).value(), groups);

    const Page<InstanceStatus> statuses { { samples::instanceStatus() }, QString(), 1, 1, 50 };
    QCOMPARE(
        parseDescribeInstanceStatus(describeInstanceStatusBody(id, statuses)).value(), statuses);

    QCOMPARE(parseCreateSnapshotGroup(createSnapshotGroupBody(id, QStringLiteral("ssg-1"))).value(),
        QStringLiteral("ssg-1"));
    const QList<OperationProgress> results { samples::operationProgress() };
    QCOMPARE(parseOperationProgressSet(operationProgressSetBody(id, results)).value(), results);
    QCOMPARE(parseRequestIdOnly(requestIdOnlyBody(id)).value(), id);
    QCOMPARE(requestIdOnlyBody(id), QJsonObject({ { QStringLiteral("RequestId"), id } }));
}

void TestResponseWriters::pagingFieldsPerAction()
{
    const QString id = QStringLiteral("R");
    const QJsonObject groups = describeSnapshotGroupsBody(id, Page<SnapshotGroup> {});
    QCOMPARE(groups, parseJson(R"({"RequestId": "R", "NextToken": "",
        "SnapshotGroups": {"SnapshotGroup": []}})"));

    const QJsonObject statuses
        = describeInstanceStatusBody(id, Page<InstanceStatus> { {}, QString(), 0, 1, 10 });
    QCOMPARE(statuses, parseJson(R"({"RequestId": "R", "TotalCount": 0, "PageNumber": 1,
        "PageSize": 10, "InstanceStatuses": {"InstanceStatus": []}})"));

    // An unknown total (-1) is left out rather than sent as an impossible count.
    const QJsonObject instances = describeInstancesBody(id, Page<Instance> {});
    QVERIFY(!instances.contains(QLatin1String("TotalCount")));
    QCOMPARE(at(instances, "Instances").toObject(), parseJson(R"({"Instance": []})"));
    QCOMPARE(parseDescribeInstances(instances).value(), Page<Instance> {});
}

void TestResponseWriters::samplesSurviveRewriting()
{
    // parse → write → parse gives the same values for the realistic bodies too.
    const QString id = QStringLiteral("R");
    const auto disks = parseDescribeDisks(samples::body(QStringLiteral("describe_disks.json")));
    QVERIFY(disks.ok());
    QCOMPARE(parseDescribeDisks(describeDisksBody(id, disks.value())).value(), disks.value());

    const auto snapshots
        = parseDescribeSnapshots(samples::body(QStringLiteral("describe_snapshots.json")));
    QVERIFY(snapshots.ok());
    QCOMPARE(parseDescribeSnapshots(describeSnapshotsBody(id, snapshots.value())).value(),
        snapshots.value());

    const auto instances
        = parseDescribeInstances(samples::body(QStringLiteral("describe_instances.json")));
    QVERIFY(instances.ok());
    QCOMPARE(parseDescribeInstances(describeInstancesBody(id, instances.value())).value(),
        instances.value());

    const auto groups = parseDescribeSnapshotGroups(
        samples::body(QStringLiteral("describe_snapshot_groups.json")));
    QVERIFY(groups.ok());
    QCOMPARE(parseDescribeSnapshotGroups(describeSnapshotGroupsBody(id, groups.value())).value(),
        groups.value());
}

QTEST_GUILESS_MAIN(TestResponseWriters)
#include "tst_response_writers.moc"
