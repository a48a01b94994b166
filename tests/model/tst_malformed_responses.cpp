// Every malformed success body gives a parse error naming the path of the first problem:
// never a crash, never a silently wrong value. Each row starts from a realistic sample
// body and breaks it at one place.
#include "ModelSamples.h"

#include <QJsonDocument>
#include <QTest>

using namespace ecs;

class TestMalformedResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyObjectIsNotAnAnswer_data();
    void emptyObjectIsNotAnAnswer();
    void brokenAt_data();
    void brokenAt();
};

void TestMalformedResponses::emptyObjectIsNotAnAnswer_data()
{
    QTest::addColumn<QString>("parser");
    for (const char *parser : { "regions", "instances", "disks", "snapshots", "groups", "status",
             "create", "progress", "requestId" })
        QTest::newRow(parser) << QString::fromLatin1(parser);
}

void TestMalformedResponses::emptyObjectIsNotAnAnswer()
{
    QFETCH(QString, parser);
    const ApiError error = samples::errorOf(parser, QJsonObject());
    QCOMPARE(error.kind(), ApiError::Kind::Parse);
    QCOMPARE(error.detail(), QStringLiteral("RequestId: required field is missing"));
}

void TestMalformedResponses::brokenAt_data()
{
    QTest::addColumn<QString>("parser");
    QTest::addColumn<QString>("path"); // where the sample body is broken
    QTest::addColumn<QString>("json"); // the value put there, or "<remove>"
    QTest::addColumn<QString>("detail"); // the expected first problem

    const auto row = [](const char *name, const char *parser, const char *path, const char *json,
                         const char *detail) {
        QTest::newRow(name) << QString::fromLatin1(parser) << QString::fromLatin1(path)
                            << QString::fromUtf8(json) << QString::fromUtf8(detail);
    };

    // RequestId: every parser requires it.
    row("no RequestId", "instances", "RequestId", "<remove>",
        "RequestId: required field is missing");
    row("RequestId number", "disks", "RequestId", "42",
        "RequestId: expected a string, got a number");
    row("RequestId empty", "create", "RequestId", "\"\"", "RequestId: required field is empty");
    row("RequestId null", "requestId", "RequestId", "null", "RequestId: required field is null");
    row("RequestId object", "requestId", "RequestId", "{}",
        "RequestId: expected a string, got an object");
    row("RequestId missing, rest fine", "progress", "RequestId", "<remove>",
        "RequestId: required field is missing");

    // Paging fields.
    row("TotalCount text", "instances", "TotalCount", "\"2\"",
        "TotalCount: expected an integer, got a string");
    row("TotalCount negative", "snapshots", "TotalCount", "-5",
        "TotalCount: out of range: -5 (allowed 0 to 2147483647)");
    row("PageSize fraction", "status", "PageSize", "10.5",
        "PageSize: expected an integer, got 10.5");
    row("PageNumber bool", "disks", "PageNumber", "true",
        "PageNumber: expected an integer, got a boolean");
    row("NextToken number", "groups", "NextToken", "5",
        "NextToken: expected a string, got a number");

    // List wrappers. The listing a Describe* answer is about is required: without it the
    // answer is not "none" (issue 10, item 6).
    row("regions wrapper missing", "regions", "Regions", "<remove>",
        "Regions: required list is missing");
    row("instances wrapper missing", "instances", "Instances", "<remove>",
        "Instances: required list is missing");
    row("disks wrapper null", "disks", "Disks", "null", "Disks: required list is null");
    row("snapshots wrapper missing", "snapshots", "Snapshots", "<remove>",
        "Snapshots: required list is missing");
    row("groups wrapper missing", "groups", "SnapshotGroups", "<remove>",
        "SnapshotGroups: required list is missing");
    row("status wrapper missing", "status", "InstanceStatuses", "<remove>",
        "InstanceStatuses: required list is missing");
    row("wrapper is array", "instances", "Instances", "[]",
        "Instances: expected an object, got an array");
    row("wrapper is string", "regions", "Regions", "\"cn-hangzhou\"",
        "Regions: expected an object, got a string");
    row("wrapper is number", "progress", "OperationProgressSet", "1",
        "OperationProgressSet: expected an object, got a number");
    row("items is object", "instances", "Instances.Instance", "{}",
        "Instances.Instance: expected an array, got an object");
    row("items is string", "status", "InstanceStatuses.InstanceStatus", "\"Running\"",
        "InstanceStatuses.InstanceStatus: expected an array, got a string");
    row("item is string", "instances", "Instances.Instance[1]", "\"i-123\"",
        "Instances.Instance[1]: expected an object, got a string");
    row("item is array", "regions", "Regions.Region[2]", "[1, 2]",
        "Regions.Region[2]: expected an object, got an array");
    row("item is null", "disks", "Disks.Disk[0]", "null",
        "Disks.Disk[0]: expected an object, got null");

    // Instance fields.
    row("instance status number", "instances", "Instances.Instance[1].Status", "3",
        "Instances.Instance[1].Status: expected a string, got a number");
    row("instance id missing", "instances", "Instances.Instance[0].InstanceId", "<remove>",
        "Instances.Instance[0].InstanceId: required field is missing");
    row("instance id empty", "instances", "Instances.Instance[1].InstanceId", "\"\"",
        "Instances.Instance[1].InstanceId: required field is empty");
    row("cpu fraction", "instances", "Instances.Instance[0].Cpu", "2.5",
        "Instances.Instance[0].Cpu: expected an integer, got 2.5");
    row("cpu text", "instances", "Instances.Instance[0].Cpu", "\"8\"",
        "Instances.Instance[0].Cpu: expected an integer, got a string");
    row("cpu negative", "instances", "Instances.Instance[0].Cpu", "-1",
        "Instances.Instance[0].Cpu: out of range: -1 (allowed 0 to 2147483647)");
    row("memory huge", "instances", "Instances.Instance[0].Memory", "1e20",
        "Instances.Instance[0].Memory: out of range: 1e+20 (allowed 0 to 2147483647)");
    row("memory past int", "instances", "Instances.Instance[1].Memory", "3000000000",
        "Instances.Instance[1].Memory: out of range: 3000000000 (allowed 0 to 2147483647)");
    row("protection text", "instances", "Instances.Instance[0].DeletionProtection", "\"false\"",
        "Instances.Instance[0].DeletionProtection: expected a boolean, got a string");
    row("protection number", "instances", "Instances.Instance[1].DeletionProtection", "0",
        "Instances.Instance[1].DeletionProtection: expected a boolean, got a number");
    row("vpc attributes string", "instances", "Instances.Instance[0].VpcAttributes", "\"vpc-1\"",
        "Instances.Instance[0].VpcAttributes: expected an object, got a string");
    row("vpc id nested garbage", "instances", "Instances.Instance[0].VpcAttributes.VpcId",
        "[[[[{\"a\": [[[]]]}]]]]",
        "Instances.Instance[0].VpcAttributes.VpcId: expected a string, got an array");
    row("locks array", "instances", "Instances.Instance[1].OperationLocks", "[]",
        "Instances.Instance[1].OperationLocks: expected an object, got an array");
    row("locks text", "instances", "Instances.Instance[1].OperationLocks.LockReason",
        "\"security\"",
        "Instances.Instance[1].OperationLocks.LockReason: expected an array, got a string");
    row("lock reason object", "instances",
        "Instances.Instance[1].OperationLocks.LockReason[0].LockReason", "{\"x\": 1}",
        "Instances.Instance[1].OperationLocks.LockReason[0].LockReason: expected a string, got an "
        "object");
    row("tag key bool", "instances", "Instances.Instance[0].Tags.Tag[0].TagKey", "true",
        "Instances.Instance[0].Tags.Tag[0].TagKey: expected a string, got a boolean");
    row("tags deep garbage", "instances", "Instances.Instance[0].Tags",
        "{\"Tag\": [[[[[\"deep\"]]]]]}",
        "Instances.Instance[0].Tags.Tag[0]: expected an object, got an array");
    row("time with space", "instances", "Instances.Instance[0].CreationTime",
        "\"2017-12-10 04:04\"",
        "Instances.Instance[0].CreationTime: expected a UTC time like 2025-01-15T08:30:00Z, got "
        "\"2017-12-10 04:04\"");
    row("time with millis", "instances", "Instances.Instance[0].StartTime",
        "\"2017-12-10T04:04:00.000Z\"",
        "Instances.Instance[0].StartTime: expected a UTC time like 2025-01-15T08:30:00Z, got "
        "\"2017-12-10T04:04:00.000Z\"");
    row("time impossible date", "instances", "Instances.Instance[0].ExpiredTime",
        "\"2017-02-30T04:04Z\"",
        "Instances.Instance[0].ExpiredTime: expected a UTC time like 2025-01-15T08:30:00Z, got "
        "\"2017-02-30T04:04Z\"");
    row("time with offset", "instances", "Instances.Instance[1].CreationTime",
        "\"2024-05-30T10:11+08:00\"",
        "Instances.Instance[1].CreationTime: expected a UTC time like 2025-01-15T08:30:00Z, got "
        "\"2024-05-30T10:11+08:00\"");
    row("time epoch number", "instances", "Instances.Instance[0].CreationTime", "1512878640",
        "Instances.Instance[0].CreationTime: expected a time as a string, got a number");

    // Disk fields.
    row("disk id null", "disks", "Disks.Disk[1].DiskId", "null",
        "Disks.Disk[1].DiskId: required field is null");
    row("disk size text", "disks", "Disks.Disk[0].Size", "\"40\"",
        "Disks.Disk[0].Size: expected an integer, got a string");
    row("disk portable text", "disks", "Disks.Disk[1].Portable", "\"true\"",
        "Disks.Disk[1].Portable: expected a boolean, got a string");
    row("disk locks object", "disks", "Disks.Disk[1].OperationLocks.OperationLock",
        "{\"LockReason\": \"security\"}",
        "Disks.Disk[1].OperationLocks.OperationLock: expected an array, got an object");
    row("disk attachment time", "disks", "Disks.Disk[0].Attachments.Attachment[0].AttachedTime",
        "\"yesterday\"",
        "Disks.Disk[0].Attachments.Attachment[0].AttachedTime: expected a UTC time like "
        "2025-01-15T08:30:00Z, got \"yesterday\"");
    row("disk attachments array", "disks", "Disks.Disk[0].Attachments",
        "[{\"InstanceId\": \"i-1\"}]",
        "Disks.Disk[0].Attachments: expected an object, got an array");
    row("disk tags string", "disks", "Disks.Disk[1].Tags", "\"env=prod\"",
        "Disks.Disk[1].Tags: expected an object, got a string");

    // Snapshot fields.
    row("progress word", "snapshots", "Snapshots.Snapshot[0].Progress", "\"abc\"",
        "Snapshots.Snapshot[0].Progress: expected a percentage from 0% to 100%, got \"abc\"");
    row("progress over 100", "snapshots", "Snapshots.Snapshot[1].Progress", "\"150%\"",
        "Snapshots.Snapshot[1].Progress: expected a percentage from 0% to 100%, got \"150%\"");
    row("progress fraction", "snapshots", "Snapshots.Snapshot[1].Progress", "\"50.5%\"",
        "Snapshots.Snapshot[1].Progress: expected a percentage from 0% to 100%, got \"50.5%\"");
    row("progress only sign", "snapshots", "Snapshots.Snapshot[1].Progress", "\"%\"",
        "Snapshots.Snapshot[1].Progress: expected a percentage from 0% to 100%, got \"%\"");
    row("progress bool", "snapshots", "Snapshots.Snapshot[0].Progress", "true",
        "Snapshots.Snapshot[0].Progress: expected a whole number as a string, got a boolean");
    row("size with unit", "snapshots", "Snapshots.Snapshot[0].SourceDiskSize", "\"40GiB\"",
        "Snapshots.Snapshot[0].SourceDiskSize: expected a whole number, got \"40GiB\"");
    row("size with space", "snapshots", "Snapshots.Snapshot[0].SourceDiskSize", "\" 40\"",
        "Snapshots.Snapshot[0].SourceDiskSize: expected a whole number, got \" 40\"");
    row("size negative", "snapshots", "Snapshots.Snapshot[0].SourceDiskSize", "\"-40\"",
        "Snapshots.Snapshot[0].SourceDiskSize: out of range: -40 (allowed 0 to 2147483647)");
    row("size huge", "snapshots", "Snapshots.Snapshot[1].SourceDiskSize", "\"99999999999\"",
        "Snapshots.Snapshot[1].SourceDiskSize: out of range: 99999999999 (allowed 0 to "
        "2147483647)");
    row("size absurdly long", "snapshots", "Snapshots.Snapshot[1].SourceDiskSize",
        "\"123456789012345678901234567890\"",
        "Snapshots.Snapshot[1].SourceDiskSize: out of range: 123456789012345678901234567890 "
        "(allowed 0 to 2147483647)");
    row("size fraction number", "snapshots", "Snapshots.Snapshot[1].SourceDiskSize", "40.5",
        "Snapshots.Snapshot[1].SourceDiskSize: expected an integer, got 40.5");
    row("remain time text", "snapshots", "Snapshots.Snapshot[1].RemainTime", "\"118\"",
        "Snapshots.Snapshot[1].RemainTime: expected an integer, got a string");
    row("available text", "snapshots", "Snapshots.Snapshot[0].Available", "\"true\"",
        "Snapshots.Snapshot[0].Available: expected a boolean, got a string");
    row("snapshot id missing", "snapshots", "Snapshots.Snapshot[1].SnapshotId", "<remove>",
        "Snapshots.Snapshot[1].SnapshotId: required field is missing");

    // Snapshot-group fields.
    row("group id empty", "groups", "SnapshotGroups.SnapshotGroup[1].SnapshotGroupId", "\"\"",
        "SnapshotGroups.SnapshotGroup[1].SnapshotGroupId: required field is empty");
    row("member source disk missing", "groups",
        "SnapshotGroups.SnapshotGroup[0].Snapshots.Snapshot[1].SourceDiskId", "<remove>",
        "SnapshotGroups.SnapshotGroup[0].Snapshots.Snapshot[1].SourceDiskId: required field is "
        "missing");
    row("member snapshot id number", "groups",
        "SnapshotGroups.SnapshotGroup[0].Snapshots.Snapshot[0].SnapshotId", "12",
        "SnapshotGroups.SnapshotGroup[0].Snapshots.Snapshot[0].SnapshotId: expected a string, got "
        "a number");
    row("member available text", "groups",
        "SnapshotGroups.SnapshotGroup[1].Snapshots.Snapshot[0].Available", "\"false\"",
        "SnapshotGroups.SnapshotGroup[1].Snapshots.Snapshot[0].Available: expected a boolean, got "
        "a string");
    row("member retention fraction", "groups",
        "SnapshotGroups.SnapshotGroup[0].Snapshots.Snapshot[0].InstantAccessRetentionDays", "1.5",
        "SnapshotGroups.SnapshotGroup[0].Snapshots.Snapshot[0].InstantAccessRetentionDays: "
        "expected an integer, got 1.5");
    row("members array", "groups", "SnapshotGroups.SnapshotGroup[0].Snapshots", "[]",
        "SnapshotGroups.SnapshotGroup[0].Snapshots: expected an object, got an array");
    row("group tag key number", "groups", "SnapshotGroups.SnapshotGroup[0].Tags.Tag[0].Key", "1",
        "SnapshotGroups.SnapshotGroup[0].Tags.Tag[0].Key: expected a string, got a number");
    row("group time garbage", "groups", "SnapshotGroups.SnapshotGroup[0].CreationTime",
        "\"2021-03-23T25:58:48Z\"",
        "SnapshotGroups.SnapshotGroup[0].CreationTime: expected a UTC time like "
        "2025-01-15T08:30:00Z, got \"2021-03-23T25:58:48Z\"");

    // Instance status, regions.
    row("status missing", "status", "InstanceStatuses.InstanceStatus[2].Status", "<remove>",
        "InstanceStatuses.InstanceStatus[2].Status: required field is missing");
    row("status instance id bool", "status", "InstanceStatuses.InstanceStatus[0].InstanceId",
        "false", "InstanceStatuses.InstanceStatus[0].InstanceId: expected a string, got a boolean");
    row("region id missing", "regions", "Regions.Region[1].RegionId", "<remove>",
        "Regions.Region[1].RegionId: required field is missing");
    row("region endpoint array", "regions", "Regions.Region[0].RegionEndpoint", "[\"a\"]",
        "Regions.Region[0].RegionEndpoint: expected a string, got an array");

    // CreateSnapshotGroup, OperationProgressSet.
    row("group id missing", "create", "SnapshotGroupId", "<remove>",
        "SnapshotGroupId: required field is missing");
    row("group id number", "create", "SnapshotGroupId", "7",
        "SnapshotGroupId: expected a string, got a number");
    row("group id object", "create", "SnapshotGroupId", "{\"Id\": \"ssg-1\"}",
        "SnapshotGroupId: expected a string, got an object");
    row("operation status missing", "progress",
        "OperationProgressSet.OperationProgress[0].OperationStatus", "<remove>",
        "OperationProgressSet.OperationProgress[0].OperationStatus: required field is missing");
    row("related value number", "progress",
        "OperationProgressSet.OperationProgress[0].RelatedItemSet.RelatedItem[1].Value", "5",
        "OperationProgressSet.OperationProgress[0].RelatedItemSet.RelatedItem[1].Value: expected a "
        "string, got a number");
    row("related set string", "progress",
        "OperationProgressSet.OperationProgress[0].RelatedItemSet", "\"d-1\"",
        "OperationProgressSet.OperationProgress[0].RelatedItemSet: expected an object, got a "
        "string");
    row("error code array", "progress", "OperationProgressSet.OperationProgress[0].ErrorCode", "[]",
        "OperationProgressSet.OperationProgress[0].ErrorCode: expected a string, got an array");
}

void TestMalformedResponses::brokenAt()
{
    QFETCH(QString, parser);
    QFETCH(QString, path);
    QFETCH(QString, json);
    QFETCH(QString, detail);

    const QJsonObject sample = samples::body(samples::sampleFor(parser));
    QVERIFY2(!sample.isEmpty(), "sample body missing");
    QVERIFY2(!samples::errorOf(parser, sample).isError(), "the unbroken sample must parse");
    const QJsonObject broken = samples::withValue(sample, path, json);
    QVERIFY2(broken != sample, "the row must change the body");

    const ApiError error = samples::errorOf(parser, broken);
    QCOMPARE(error.kind(), ApiError::Kind::Parse);
    QCOMPARE(error.detail(), detail);
    QVERIFY(error.message().contains(detail));
}

QTEST_GUILESS_MAIN(TestMalformedResponses)
#include "tst_malformed_responses.moc"
