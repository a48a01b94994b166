// Realistic ECS success bodies (tests/model/data, after the REFERENCE.md examples) → typed values.
#include "ModelSamples.h"
#include "api/responses/ResponseParsers.h"

#include <QTest>

using namespace ecs;
using samples::utc;

class TestResponseParsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regions();
    void instances();
    void disks();
    void snapshots();
    void snapshotGroups();
    void instanceStatus();
    void createSnapshotGroup();
    void resetDisks();
    void deleteSnapshotGroup();
    void requestIdOnly();

    void errorNamesActionAndKeepsRequestId();
};

void TestResponseParsers::regions()
{
    const auto result
        = parseDescribeRegions(samples::body(QStringLiteral("describe_regions.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    const QList<Region> &regions = result.value();
    QCOMPARE(regions.size(), 3);
    QCOMPARE(regions.at(0),
        (Region { QStringLiteral("cn-qingdao"), QStringLiteral("华北 1"),
            QStringLiteral("ecs.cn-qingdao.aliyuncs.com"), RegionStatusName::Available }));
    QCOMPARE(regions.at(2).status, RegionStatusName::SoldOut);
    QVERIFY(!regions.at(2).isAvailable());
}

void TestResponseParsers::instances()
{
    const auto result
        = parseDescribeInstances(samples::body(QStringLiteral("describe_instances.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    const Page<Instance> &page = result.value();
    QCOMPARE(page.nextToken, QStringLiteral("caeba0bbb2be03f84eb48b699f0a4883"));
    QCOMPARE(page.totalCount, 2);
    QCOMPARE(page.pageNumber, 1);
    QCOMPARE(page.pageSize, 10);
    QCOMPARE(page.items.size(), 2);

    const Instance &running = page.items.at(0);
    QCOMPARE(running.instanceId, QStringLiteral("i-bp67acfmxazb4p****"));
    QCOMPARE(running.instanceName, QStringLiteral("InstanceNameTest"));
    QCOMPARE(running.description, QStringLiteral("testDescription"));
    QCOMPARE(running.hostName, QStringLiteral("testHostName"));
    QCOMPARE(running.regionId, QStringLiteral("cn-hangzhou"));
    QCOMPARE(running.zoneId, QStringLiteral("cn-hangzhou-g"));
    QCOMPARE(running.status, InstanceStatusName::Running);
    QCOMPARE(running.stoppedMode, StoppedModeName::NotApplicable);
    QCOMPARE(running.instanceChargeType, ChargeTypeName::PostPaid);
    QCOMPARE(running.instanceNetworkType, NetworkTypeName::Vpc);
    QCOMPARE(running.vpcId, QStringLiteral("vpc-2zeu9ncs7l1qj4l7w****"));
    QCOMPARE(running.instanceType, QStringLiteral("ecs.g5.large"));
    QCOMPARE(running.imageId, QStringLiteral("m-bp67acfmxazb4p****"));
    QCOMPARE(running.osName, QStringLiteral("CentOS  7.4 64 位"));
    QCOMPARE(running.osType, OsTypeName::Linux);
    QCOMPARE(running.cpu, 8);
    QCOMPARE(running.memory, 16384);
    QCOMPARE(running.creationTime, utc(2017, 12, 10, 4, 4));
    QCOMPARE(running.creationTime.timeSpec(), Qt::UTC);
    QCOMPARE(running.startTime, utc(2017, 12, 10, 4, 4));
    QCOMPARE(running.expiredTime, utc(2099, 12, 31, 15, 59));
    QVERIFY(running.lockReasons.isEmpty());
    QCOMPARE(running.deletionProtection, false);
    QCOMPARE(
        running.tags, (QList<Tag> { { QStringLiteral("TestKey"), QStringLiteral("TestValue") } }));

    const Instance &locked = page.items.at(1);
    QCOMPARE(locked.status, InstanceStatusName::Stopped);
    QCOMPARE(locked.stoppedMode, StoppedModeName::StopCharging);
    QCOMPARE(locked.lockReasons, QStringList { LockReasonName::Security });
    QVERIFY(locked.isLockedForSecurity());
    QVERIFY(locked.isStoppedInEconomicalMode());
    QCOMPARE(locked.deletionProtection, true);
    QCOMPARE(locked.tags.size(), 2);
    QCOMPARE(tagValue(locked.tags, QStringLiteral("env")), QStringLiteral("prod"));
}

void TestResponseParsers::disks()
{
    const auto result = parseDescribeDisks(samples::body(QStringLiteral("describe_disks.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    const Page<Disk> &page = result.value();
    QVERIFY(!page.hasMore());
    QCOMPARE(page.totalCount, 2);
    QCOMPARE(page.items.size(), 2);

    const Disk &system = page.items.at(0);
    QCOMPARE(system.diskId, QStringLiteral("d-bp18um4r4f2fve24****"));
    QCOMPARE(system.diskName, QStringLiteral("MyDiskName"));
    QCOMPARE(system.status, DiskStatusName::InUse);
    QCOMPARE(system.type, DiskTypeName::System);
    QCOMPARE(system.category, DiskCategoryName::CloudEssd);
    QCOMPARE(system.size, 40);
    QCOMPARE(system.instanceId, QStringLiteral("i-bp67acfmxazb4p****"));
    QCOMPARE(system.device, QStringLiteral("/dev/xvda"));
    QCOMPARE(system.attachments,
        (QList<DiskAttachment> { { QStringLiteral("i-bp67acfmxazb4p****"),
            QStringLiteral("/dev/xvda"), utc(2021, 6, 7, 6, 8, 56) } }));
    QCOMPARE(system.sourceSnapshotId, QString());
    QCOMPARE(system.imageId, QStringLiteral("m-bp13aqm171qynt3u***"));
    QCOMPARE(system.deleteWithInstance, true);
    QCOMPARE(system.portable, false);
    QCOMPARE(system.multiAttach, MultiAttachName::Disabled);
    QVERIFY(system.lockReasons.isEmpty());
    QCOMPARE(system.creationTime, utc(2021, 6, 7, 6, 8, 54));
    QCOMPARE(system.attachedTime, utc(2021, 6, 7, 6, 8, 56));
    QVERIFY(system.detachedTime.isNull()); // "" on the wire
    QCOMPARE(system.tags.size(), 1);

    const Disk &shared = page.items.at(1);
    QCOMPARE(shared.status, DiskStatusName::Available);
    QCOMPARE(shared.category, QStringLiteral("cloud_future_tier")); // unknown, kept
    QCOMPARE(shared.sourceSnapshotId, QStringLiteral("s-bp1source000****"));
    QCOMPARE(shared.encrypted, true);
    QCOMPARE(shared.portable, true);
    QCOMPARE(shared.multiAttach, MultiAttachName::Enabled);
    QCOMPARE(shared.lockReasons, QStringList { LockReasonName::Financial });
    QVERIFY(shared.attachments.isEmpty());
    QVERIFY(shared.tags.isEmpty()); // "Tags": {} has no "Tag" key
    QCOMPARE(shared.detachedTime, utc(2024, 2, 3, 4, 5, 6));
}

void TestResponseParsers::snapshots()
{
    const auto result
        = parseDescribeSnapshots(samples::body(QStringLiteral("describe_snapshots.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    const Page<Snapshot> &page = result.value();
    QCOMPARE(page.nextToken, QStringLiteral("e71d8a535bd9cc11"));
    QCOMPARE(page.totalCount, 7);
    QCOMPARE(page.pageSize, 2);
    QCOMPARE(page.items.size(), 2);

    const Snapshot &done = page.items.at(0);
    QCOMPARE(done.snapshotId, QStringLiteral("s-bp67acfmxazb4p****"));
    QCOMPARE(done.snapshotName, QStringLiteral("testSnapshotName"));
    QCOMPARE(done.status, SnapshotStatusName::Accomplished);
    QCOMPARE(done.progress, 100);
    QCOMPARE(done.remainTime, 0);
    QCOMPARE(done.available, true);
    QCOMPARE(done.sourceDiskId, QStringLiteral("d-bp67acfmxazb4p****"));
    QCOMPARE(done.sourceDiskType, QStringLiteral("Data")); // case kept as sent
    QCOMPARE(done.sourceDiskSize, 2000);
    QCOMPARE(done.snapshotType, SnapshotTypeName::User);
    QCOMPARE(done.usage, SnapshotUsageName::Image);
    QCOMPARE(done.retentionDays, 30);
    QCOMPARE(done.creationTime, utc(2020, 8, 20, 14, 52, 28));
    QCOMPARE(done.lastModifiedTime, utc(2020, 8, 25, 14, 18, 9));
    QVERIFY(done.isUsableForRollback());

    const Snapshot &running = page.items.at(1);
    QCOMPARE(running.status, SnapshotStatusName::Progressing);
    QCOMPARE(running.progress, 37);
    QCOMPARE(running.remainTime, 118);
    QCOMPARE(running.snapshotType, SnapshotTypeName::Timer);
    QCOMPARE(running.instantAccess, true);
    QCOMPARE(running.sourceDiskSize, 40);
    QVERIFY(running.lastModifiedTime.isNull());
    QVERIFY(!running.isUsableForRollback());
}

void TestResponseParsers::snapshotGroups()
{
    const auto result = parseDescribeSnapshotGroups(
        samples::body(QStringLiteral("describe_snapshot_groups.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    const Page<SnapshotGroup> &page = result.value();
    QCOMPARE(page.nextToken, QStringLiteral("caeba0bbb2be03f84eb48b699f0a****"));
    QCOMPARE(page.totalCount, -1); // this action sends none
    QCOMPARE(page.pageNumber, 0);
    QCOMPARE(page.items.size(), 2);

    const SnapshotGroup &group = page.items.at(0);
    QCOMPARE(group.snapshotGroupId, QStringLiteral("ssg-j6c9lpuyxo2uxxny****"));
    QCOMPARE(group.name, QStringLiteral("testName"));
    QCOMPARE(group.description, QStringLiteral("This is description."));
    QCOMPARE(group.instanceId, QStringLiteral("i-j6ca469urv8ei629****"));
    QCOMPARE(group.status, SnapshotGroupStatusName::Accomplished);
    QCOMPARE(group.progressStatus, QStringLiteral("Success"));
    QCOMPARE(group.creationTime, utc(2021, 3, 23, 10, 58, 48));
    QCOMPARE(group.resourceGroupId, QStringLiteral("rg-bp67acfmxazb4p****"));
    // Key/Value in groups, not TagKey/TagValue.
    QCOMPARE(
        group.tags, (QList<Tag> { { QStringLiteral("TestKey"), QStringLiteral("TestValue") } }));
    QCOMPARE(group.snapshots.size(), 2);
    const SnapshotGroupMember &system = group.snapshots.at(0);
    QCOMPARE(system.snapshotId, QStringLiteral("s-j6c9lpuyxo2uxxnx****"));
    QCOMPARE(system.sourceDiskId, QStringLiteral("d-j6c0gf6rmxbv9ktw****"));
    QCOMPARE(system.sourceDiskType, DiskTypeName::System);
    QCOMPARE(system.progress, 100);
    QCOMPARE(system.available, true);
    QCOMPARE(system.instantAccess, true);
    QCOMPARE(system.instantAccessRetentionDays, 1);
    QCOMPARE(tagValue(system.tags, QStringLiteral("acs:ecs:createFrom")),
        QStringLiteral("i-j6ca469urv8ei629****"));
    QVERIFY(group.isFullyUsable());

    const SnapshotGroup &progressing = page.items.at(1);
    QCOMPARE(progressing.status, SnapshotGroupStatusName::Progressing);
    QVERIFY(progressing.tags.isEmpty()); // no Tags at all
    QCOMPARE(progressing.snapshots.size(), 1);
    QCOMPARE(progressing.snapshots.at(0).progress, 12);
    QCOMPARE(progressing.snapshots.at(0).instantAccessRetentionDays, 0);
    QVERIFY(progressing.snapshots.at(0).tags.isEmpty());
    QVERIFY(!progressing.isFullyUsable());
}

void TestResponseParsers::instanceStatus()
{
    const auto result = parseDescribeInstanceStatus(
        samples::body(QStringLiteral("describe_instance_status.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    const Page<InstanceStatus> &page = result.value();
    QCOMPARE(page.totalCount, 3);
    QCOMPARE(page.pageNumber, 1);
    QCOMPARE(page.pageSize, 10);
    QVERIFY(page.nextToken.isEmpty());
    QCOMPARE(page.items,
        (QList<InstanceStatus> {
            { QStringLiteral("i-bp1j4i2jdf3owlhe****"), InstanceStatusName::Running },
            { QStringLiteral("i-bp1j4i2jdf3owlhe0002"), InstanceStatusName::Stopping },
            // A status this app does not know is kept, not dropped or mapped.
            { QStringLiteral("i-bp1j4i2jdf3owlhe0003"), QStringLiteral("Hibernating") } }));
}

void TestResponseParsers::createSnapshotGroup()
{
    const auto result
        = parseCreateSnapshotGroup(samples::body(QStringLiteral("create_snapshot_group.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    QCOMPARE(result.value(), QStringLiteral("ssg-j6ciyh3k52qp7ovm****"));
}

void TestResponseParsers::resetDisks()
{
    const auto result
        = parseOperationProgressSet(samples::body(QStringLiteral("reset_disks.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    QCOMPARE(result.value().size(), 1);
    const OperationProgress &progress = result.value().at(0);
    QVERIFY(progress.isSuccess());
    QCOMPARE(progress.errorCode, QString());
    QCOMPARE(
        progress.relatedValue(RelatedItemName::DiskId), QStringLiteral("d-j6cf7l0ewidb78lq****"));
    QCOMPARE(progress.relatedValue(RelatedItemName::SnapshotId),
        QStringLiteral("s-j6cdofbycydvg7ey****"));
}

void TestResponseParsers::deleteSnapshotGroup()
{
    const auto result
        = parseOperationProgressSet(samples::body(QStringLiteral("delete_snapshot_group.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    QCOMPARE(result.value().size(), 2);
    QVERIFY(result.value().at(0).isSuccess());
    const OperationProgress &kept = result.value().at(1);
    QVERIFY(!kept.isSuccess());
    QCOMPARE(kept.operationStatus, QStringLiteral("Failed"));
    QCOMPARE(kept.errorCode, QStringLiteral("SnapshotCreatedImage"));
    QVERIFY(kept.errorMsg.startsWith(QLatin1String("The specified snapshot")));
    QCOMPARE(
        kept.relatedValue(RelatedItemName::SnapshotId), QStringLiteral("s-j6c9lpuyxo2uxxdata1"));
}

void TestResponseParsers::requestIdOnly()
{
    const auto result = parseRequestIdOnly(samples::body(QStringLiteral("stop_instance.json")));
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    QCOMPARE(result.value(), QStringLiteral("C8B26B44-0189-443E-9816-D951F596****"));
}

void TestResponseParsers::errorNamesActionAndKeepsRequestId()
{
    const QJsonObject body
        = samples::withValue(samples::body(QStringLiteral("describe_instances.json")),
            QStringLiteral("Instances.Instance[1].Status"), QStringLiteral("3"));
    const auto result = parseDescribeInstances(body);
    QVERIFY(!result.ok());
    const ApiError &error = result.error();
    QCOMPARE(error.kind(), ApiError::Kind::Parse);
    QCOMPARE(error.detail(),
        QStringLiteral("Instances.Instance[1].Status: expected a string, got a number"));
    QVERIFY(error.message().contains(QLatin1String("DescribeInstances")));
    QVERIFY(error.message().contains(error.detail()));
    // Support needs the RequestId even when the body could not be read.
    QCOMPARE(error.requestId(), QStringLiteral("473469C7-AA6F-4DC5-B3DB-A3DC0DE3****"));
}

QTEST_GUILESS_MAIN(TestResponseParsers)
#include "tst_response_parsers.moc"
