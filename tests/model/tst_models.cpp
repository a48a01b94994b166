// The helpers on the model value types and their equality.
#include "ModelSamples.h"

#include <QTest>

#include <functional>

using namespace ecs;

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instanceStates();
    void instanceLocks();
    void postPaidVpc_data();
    void postPaidVpc();
    void diskStates();
    void diskAttachment();
    void snapshotUsable();
    void snapshotGroupMembers();
    void operationProgress();
    void tags();
    void equalityCoversEveryField();
};

void TestModels::instanceStates()
{
    Instance instance = samples::instance();
    instance.status = InstanceStatusName::Stopped;
    instance.stoppedMode = StoppedModeName::KeepCharging;
    QVERIFY(instance.isStopped());
    QVERIFY(!instance.isRunning());
    QVERIFY(!instance.isStoppedInEconomicalMode());
    instance.stoppedMode = StoppedModeName::StopCharging;
    QVERIFY(instance.isStoppedInEconomicalMode());
    // StoppedMode alone does not make a running instance "stopped".
    instance.status = InstanceStatusName::Running;
    QVERIFY(instance.isRunning());
    QVERIFY(!instance.isStopped());
    QVERIFY(!instance.isStoppedInEconomicalMode());
    instance.status = QStringLiteral("stopped"); // statuses are exact, as the service sends them
    QVERIFY(!instance.isStopped());
}

void TestModels::instanceLocks()
{
    Instance instance;
    QVERIFY(!instance.isLocked());
    QVERIFY(!instance.isLockedForSecurity());
    instance.lockReasons = QStringList { LockReasonName::Financial };
    QVERIFY(instance.isLocked());
    QVERIFY(!instance.isLockedForSecurity());
    instance.lockReasons.append(QStringLiteral("Security"));
    QVERIFY(instance.isLockedForSecurity());
    instance.lockReasons = QStringList { QString() }; // a lock without a stated reason
    QVERIFY(instance.isLocked());
    QVERIFY(!instance.isLockedForSecurity());
}

void TestModels::postPaidVpc_data()
{
    QTest::addColumn<QString>("chargeType");
    QTest::addColumn<QString>("networkType");
    QTest::addColumn<bool>("expected");
    QTest::newRow("postpaid vpc") << ChargeTypeName::PostPaid << NetworkTypeName::Vpc << true;
    QTest::newRow("upper VPC") << ChargeTypeName::PostPaid << QStringLiteral("VPC") << true;
    QTest::newRow("prepaid vpc") << ChargeTypeName::PrePaid << NetworkTypeName::Vpc << false;
    QTest::newRow("postpaid classic")
        << ChargeTypeName::PostPaid << NetworkTypeName::Classic << false;
    QTest::newRow("unknown") << QString() << QString() << false;
}

void TestModels::postPaidVpc()
{
    QFETCH(QString, chargeType);
    QFETCH(QString, networkType);
    QFETCH(bool, expected);
    Instance instance;
    instance.instanceChargeType = chargeType;
    instance.instanceNetworkType = networkType;
    QCOMPARE(instance.isPostPaidVpc(), expected);
}

void TestModels::diskStates()
{
    Disk disk = samples::disk();
    QVERIFY(disk.isInUse());
    QVERIFY(disk.isSettled());
    QVERIFY(!disk.isSystemDisk());
    disk.status = DiskStatusName::Available;
    QVERIFY(disk.isSettled());
    QVERIFY(!disk.isInUse());
    for (const QString &busy : { DiskStatusName::ReIniting, DiskStatusName::Attaching,
             DiskStatusName::Detaching, DiskStatusName::Creating, QStringLiteral("Resetting") }) {
        disk.status = busy;
        QVERIFY2(!disk.isSettled(), qPrintable(busy));
    }
    disk.type = DiskTypeName::System;
    QVERIFY(disk.isSystemDisk());

    QVERIFY(!disk.isMultiAttach());
    disk.multiAttach = MultiAttachName::Enabled;
    QVERIFY(disk.isMultiAttach());
    disk.multiAttach = QString();
    QVERIFY(!disk.isMultiAttach());

    QVERIFY(!disk.isLockedForSecurity()); // the sample is locked for recycling only
    disk.lockReasons.append(LockReasonName::Security);
    QVERIFY(disk.isLockedForSecurity());
}

void TestModels::diskAttachment()
{
    Disk disk;
    QVERIFY(!disk.isAttachedTo(QStringLiteral("i-1")));
    QVERIFY(!disk.isAttachedTo(QString())); // an empty id never matches an unattached disk
    disk.instanceId = QStringLiteral("i-1");
    QVERIFY(disk.isAttachedTo(QStringLiteral("i-1")));
    QVERIFY(!disk.isAttachedTo(QStringLiteral("i-2")));
    // Multi-attach disks leave InstanceId empty and list their instances.
    disk.instanceId.clear();
    disk.attachments = { { QStringLiteral("i-2"), QStringLiteral("/dev/vdc"), {} },
        { QStringLiteral("i-3"), QString(), {} } };
    QVERIFY(disk.isAttachedTo(QStringLiteral("i-3")));
    QVERIFY(!disk.isAttachedTo(QStringLiteral("i-1")));
}

void TestModels::snapshotUsable()
{
    Snapshot snapshot = samples::snapshot();
    snapshot.status = SnapshotStatusName::Accomplished;
    snapshot.available = true;
    QVERIFY(snapshot.isAccomplished());
    QVERIFY(snapshot.isUsableForRollback());
    snapshot.available = false;
    QVERIFY(!snapshot.isUsableForRollback());
    snapshot.available = true;
    snapshot.status = SnapshotStatusName::Progressing;
    snapshot.instantAccess = false;
    QVERIFY(!snapshot.isUsableForRollback());
    // ESSD instant access: usable while still progressing, once the service says Available.
    snapshot.instantAccess = true;
    QVERIFY(snapshot.isUsableForRollback());
    snapshot.available = false;
    QVERIFY(!snapshot.isUsableForRollback());
    snapshot.available = true;
    snapshot.status = SnapshotStatusName::Failed;
    QVERIFY(!snapshot.isUsableForRollback());
}

void TestModels::snapshotGroupMembers()
{
    SnapshotGroup group = samples::snapshotGroup();
    QCOMPARE(group.sourceDiskIds(),
        (QStringList { QStringLiteral("d-system"), QStringLiteral("d-j6c0gf6rmxbv9ktw****") }));
    const SnapshotGroupMember *system = group.memberForDisk(QStringLiteral("d-system"));
    QVERIFY(system);
    QCOMPARE(system->snapshotId, QStringLiteral("s-system"));
    QVERIFY(system->isSystemDisk());
    QVERIFY(!group.memberForDisk(QStringLiteral("d-gone")));
    QVERIFY(!group.memberForDisk(QString()));

    QVERIFY(group.isAccomplished());
    QVERIFY(group.isFullyUsable());
    group.snapshots[1].available = false;
    QVERIFY(!group.isFullyUsable());
    group.snapshots[1].available = true;
    group.status = SnapshotGroupStatusName::Failed;
    QVERIFY(!group.isFullyUsable());
    group.status = SnapshotGroupStatusName::Accomplished;
    group.snapshots.clear();
    QVERIFY(!group.isFullyUsable()); // nothing to roll back from
}

void TestModels::operationProgress()
{
    OperationProgress progress = samples::operationProgress();
    QVERIFY(!progress.isSuccess());
    QCOMPARE(progress.relatedValue(RelatedItemName::DiskId), QStringLiteral("d-1"));
    QCOMPARE(progress.relatedValue(QStringLiteral("InstanceId")), QString());
    progress.relatedItems.append({ RelatedItemName::DiskId, QStringLiteral("d-2") });
    QCOMPARE(progress.relatedValues(RelatedItemName::DiskId),
        (QStringList { QStringLiteral("d-1"), QStringLiteral("d-2") }));
    progress.operationStatus = OperationStatusName::Success;
    QVERIFY(progress.isSuccess());
}

void TestModels::tags()
{
    const QList<Tag> tags { { QStringLiteral("a"), QStringLiteral("1") },
        { QStringLiteral("a"), QStringLiteral("2") }, { QStringLiteral("b"), QString() } };
    QCOMPARE(tagValue(tags, QStringLiteral("a")), QStringLiteral("1"));
    QCOMPARE(tagValue(tags, QStringLiteral("b"), QStringLiteral("x")), QString());
    QCOMPARE(tagValue(tags, QStringLiteral("c"), QStringLiteral("x")), QStringLiteral("x"));
}

void TestModels::equalityCoversEveryField()
{
    // One change per field must make the values differ; a forgotten field in operator==
    // would let a changed resource look unchanged.
    const Instance instance = samples::instance();
    QCOMPARE(instance, samples::instance());
    const QList<std::function<void(Instance &)>> instanceChanges {
        [](Instance &i) { i.instanceId += QLatin1Char('x'); },
        [](Instance &i) { i.instanceName += QLatin1Char('x'); },
        [](Instance &i) { i.description += QLatin1Char('x'); },
        [](Instance &i) { i.hostName += QLatin1Char('x'); },
        [](Instance &i) { i.regionId += QLatin1Char('x'); },
        [](Instance &i) { i.zoneId += QLatin1Char('x'); },
        [](Instance &i) { i.status += QLatin1Char('x'); },
        [](Instance &i) { i.stoppedMode += QLatin1Char('x'); },
        [](Instance &i) { i.instanceChargeType += QLatin1Char('x'); },
        [](Instance &i) { i.instanceNetworkType += QLatin1Char('x'); },
        [](Instance &i) { i.vpcId += QLatin1Char('x'); },
        [](Instance &i) { i.instanceType += QLatin1Char('x'); },
        [](Instance &i) { i.imageId += QLatin1Char('x'); },
        [](Instance &i) { i.osName += QLatin1Char('x'); },
        [](Instance &i) { i.osType += QLatin1Char('x'); },
        [](Instance &i) { ++i.cpu; },
        [](Instance &i) { ++i.memory; },
        [](Instance &i) { i.creationTime = i.creationTime.addSecs(60); },
        [](Instance &i) { i.startTime = i.startTime.addSecs(60); },
        [](Instance &i) { i.expiredTime = {}; },
        [](Instance &i) { i.lockReasons.removeLast(); },
        [](Instance &i) { i.deletionProtection = !i.deletionProtection; },
        [](Instance &i) { i.tags[1].value = QStringLiteral("x"); },
    };
    for (qsizetype n = 0; n < instanceChanges.size(); ++n) {
        Instance changed = instance;
        instanceChanges.at(n)(changed);
        QVERIFY2(changed != instance, qPrintable(QStringLiteral("instance change %1").arg(n)));
    }

    const QList<std::function<void(Disk &)>> diskChanges {
        [](Disk &d) { d.size += 1; },
        [](Disk &d) { d.attachments[0].device = QStringLiteral("/dev/vdz"); },
        [](Disk &d) { d.attachments[0].attachedTime = {}; },
        [](Disk &d) { d.sourceSnapshotId.clear(); },
        [](Disk &d) { d.portable = false; },
        [](Disk &d) { d.deleteWithInstance = false; },
        [](Disk &d) { d.encrypted = false; },
        [](Disk &d) { d.multiAttach.clear(); },
        [](Disk &d) { d.lockReasons.clear(); },
        [](Disk &d) { d.detachedTime = {}; },
        [](Disk &d) { d.tags.clear(); },
    };
    for (qsizetype n = 0; n < diskChanges.size(); ++n) {
        Disk changed = samples::disk();
        diskChanges.at(n)(changed);
        QVERIFY2(changed != samples::disk(), qPrintable(QStringLiteral("disk change %1").arg(n)));
    }

    Snapshot snapshot = samples::snapshot();
    snapshot.sourceDiskSize += 1;
    QVERIFY(snapshot != samples::snapshot());
    snapshot = samples::snapshot();
    snapshot.progress = 100;
    QVERIFY(snapshot != samples::snapshot());
    SnapshotGroup group = samples::snapshotGroup();
    group.snapshots[0].instantAccessRetentionDays += 1;
    QVERIFY(group != samples::snapshotGroup());
    group = samples::snapshotGroup();
    group.progressStatus.clear();
    QVERIFY(group != samples::snapshotGroup());
    OperationProgress progress = samples::operationProgress();
    progress.relatedItems[0].value = QStringLiteral("s-2");
    QVERIFY(progress != samples::operationProgress());
    QVERIFY((Region {}) != samples::region());
    QVERIFY((InstanceStatus { QStringLiteral("i-1"), QStringLiteral("Running") })
        != (InstanceStatus { QStringLiteral("i-1"), QStringLiteral("Stopped") }));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
