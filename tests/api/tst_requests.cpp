// How each request encodes itself on the wire, and what it refuses before sending.
#include "api/Requests.h"

#include <QTest>

using namespace ecs;

class TestRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonArrayParametersAreCompactJson();
    void describeInstances();
    void describeDisksDistinguishesAbsentFromEmptyIds();
    void describeSnapshotGroupsUsesRepeatLists();
    void describeInstanceStatusUsesRepeatListNotJson();
    void createSnapshotGroup();
    void resetDisksFlattensPairsInOrder();
    void resetDisksLimits();
    void stopInstance();
    void singleDiskAndStartHaveNoRegionParameter();
};

void TestRequests::jsonArrayParametersAreCompactJson()
{
    QCOMPARE(jsonArrayParameter({ QStringLiteral("i-1"), QStringLiteral("i-2") }),
        QStringLiteral("[\"i-1\",\"i-2\"]"));
    QCOMPARE(jsonArrayParameter({}), QStringLiteral("[]"));
    QCOMPARE(jsonArrayParameter({ QStringLiteral("a\"b") }), QStringLiteral("[\"a\\\"b\"]"));
}

void TestRequests::describeInstances()
{
    DescribeInstancesRequest request;
    request.regionId = QStringLiteral("cn-hangzhou");
    request.instanceIds = QStringList { QStringLiteral("i-1"), QStringLiteral("i-2") };
    request.dryRun = true;
    const ApiParameters p = request.toParameters();
    QCOMPARE(p.value(QStringLiteral("RegionId")), QStringLiteral("cn-hangzhou"));
    QCOMPARE(p.value(QStringLiteral("InstanceIds")), QStringLiteral("[\"i-1\",\"i-2\"]"));
    QCOMPARE(p.value(QStringLiteral("DryRun")), QStringLiteral("true"));
    QCOMPARE(p.value(QStringLiteral("MaxResults")), QStringLiteral("100"));
    QVERIFY(!p.contains(QStringLiteral("NextToken")));
    QVERIFY(request.problem().isEmpty());
    request.regionId.clear();
    QVERIFY(!request.problem().isEmpty());
    request.regionId = QStringLiteral("cn-hangzhou");
    for (int i = 0; i < 101; ++i)
        request.instanceIds << QStringLiteral("i-x%1").arg(i);
    QVERIFY(request.problem().contains(QLatin1String("100")));
}

void TestRequests::describeDisksDistinguishesAbsentFromEmptyIds()
{
    DescribeDisksRequest request;
    request.regionId = QStringLiteral("cn-beijing");
    QVERIFY(!request.toParameters().contains(QStringLiteral("DiskIds")));
    request.diskIds = QStringList();
    QCOMPARE(request.toParameters().value(QStringLiteral("DiskIds")), QStringLiteral("[]"));
}

void TestRequests::describeSnapshotGroupsUsesRepeatLists()
{
    DescribeSnapshotGroupsRequest request;
    request.regionId = QStringLiteral("cn-beijing");
    request.snapshotGroupIds = QStringList { QStringLiteral("ssg-a"), QStringLiteral("ssg-b") };
    request.statuses = QStringList { QStringLiteral("accomplished") };
    const ApiParameters p = request.toParameters();
    QCOMPARE(p.value(QStringLiteral("SnapshotGroupId.1")), QStringLiteral("ssg-a"));
    QCOMPARE(p.value(QStringLiteral("SnapshotGroupId.2")), QStringLiteral("ssg-b"));
    QCOMPARE(p.value(QStringLiteral("Status.1")), QStringLiteral("accomplished"));
    for (int i = 0; i < 9; ++i)
        request.snapshotGroupIds << QStringLiteral("ssg-%1").arg(i);
    QVERIFY(!request.problem().isEmpty());
}

void TestRequests::describeInstanceStatusUsesRepeatListNotJson()
{
    DescribeInstanceStatusRequest request;
    request.regionId = QStringLiteral("cn-beijing");
    request.instanceIds = QStringList { QStringLiteral("i-1"), QStringLiteral("i-2") };
    const ApiParameters p = request.toParameters();
    QCOMPARE(p.value(QStringLiteral("InstanceId.1")), QStringLiteral("i-1"));
    QCOMPARE(p.value(QStringLiteral("InstanceId.2")), QStringLiteral("i-2"));
    QVERIFY(!p.contains(QStringLiteral("InstanceIds")));
    QCOMPARE(p.value(QStringLiteral("PageSize")), QStringLiteral("50"));
}

void TestRequests::createSnapshotGroup()
{
    CreateSnapshotGroupRequest request;
    request.regionId = QStringLiteral("cn-beijing");
    request.instanceId = QStringLiteral("i-1");
    request.name = QStringLiteral("before-rollback");
    request.clientToken = QStringLiteral("token-1");
    request.tags = { { QStringLiteral("created-by"), QStringLiteral("ecs-rollback-console") } };
    const ApiParameters p = request.toParameters();
    QCOMPARE(p.value(QStringLiteral("InstanceId")), QStringLiteral("i-1"));
    QCOMPARE(p.value(QStringLiteral("ClientToken")), QStringLiteral("token-1"));
    QCOMPARE(p.value(QStringLiteral("Tag.1.Key")), QStringLiteral("created-by"));
    QCOMPARE(p.value(QStringLiteral("Tag.1.Value")), QStringLiteral("ecs-rollback-console"));
    QVERIFY(request.problem().isEmpty());

    request.diskIds = QStringList { QStringLiteral("d-1") };
    request.excludeDiskIds = QStringList { QStringLiteral("d-2") };
    QVERIFY(!request.problem().isEmpty());
    request.excludeDiskIds.clear();
    request.clientToken = QString(65, QLatin1Char('x'));
    QVERIFY(!request.problem().isEmpty());
}

void TestRequests::resetDisksFlattensPairsInOrder()
{
    ResetDisksRequest request;
    request.regionId = QStringLiteral("cn-hangzhou");
    for (int i = 1; i <= 10; ++i)
        request.disks.append({ QStringLiteral("d-%1").arg(i), QStringLiteral("s-%1").arg(i) });
    const ApiParameters p = request.toParameters();
    QCOMPARE(p.value(QStringLiteral("Disk.1.DiskId")), QStringLiteral("d-1"));
    QCOMPARE(p.value(QStringLiteral("Disk.1.SnapshotId")), QStringLiteral("s-1"));
    QCOMPARE(p.value(QStringLiteral("Disk.10.DiskId")), QStringLiteral("d-10"));
    QCOMPARE(p.value(QStringLiteral("Disk.10.SnapshotId")), QStringLiteral("s-10"));
    QVERIFY(!p.contains(QStringLiteral("DryRun")));
    QVERIFY(request.problem().isEmpty());
}

void TestRequests::resetDisksLimits()
{
    ResetDisksRequest request;
    request.regionId = QStringLiteral("cn-hangzhou");
    QVERIFY(!request.problem().isEmpty()); // no disk
    for (int i = 1; i <= 11; ++i)
        request.disks.append({ QStringLiteral("d-%1").arg(i), QStringLiteral("s-%1").arg(i) });
    QVERIFY(request.problem().contains(QLatin1String("10")));
    request.disks = { { QStringLiteral("d-1"), QString() } };
    QVERIFY(!request.problem().isEmpty());
}

void TestRequests::stopInstance()
{
    StopInstanceRequest request;
    request.instanceId = QStringLiteral("i-1");
    request.stoppedMode = QStringLiteral("KeepCharging");
    const ApiParameters p = request.toParameters();
    QCOMPARE(p.value(QStringLiteral("StoppedMode")), QStringLiteral("KeepCharging"));
    QVERIFY(!p.contains(QStringLiteral("ForceStop")));
    QVERIFY(!p.contains(QStringLiteral("RegionId")));
    QVERIFY(request.problem().isEmpty());
    request.stoppedMode = QStringLiteral("Cheap");
    QVERIFY(!request.problem().isEmpty());
}

void TestRequests::singleDiskAndStartHaveNoRegionParameter()
{
    ResetDiskRequest reset { QStringLiteral("cn-hangzhou"), QStringLiteral("d-1"),
        QStringLiteral("s-1"), true };
    QCOMPARE(reset.toParameters(),
        (ApiParameters { { QStringLiteral("DiskId"), QStringLiteral("d-1") },
            { QStringLiteral("SnapshotId"), QStringLiteral("s-1") },
            { QStringLiteral("DryRun"), QStringLiteral("true") } }));
    StartInstanceRequest start { QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"), false };
    QCOMPARE(start.toParameters(),
        (ApiParameters { { QStringLiteral("InstanceId"), QStringLiteral("i-1") } }));
}

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"
