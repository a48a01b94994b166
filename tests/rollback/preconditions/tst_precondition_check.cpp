// Every rule of checkPreconditions() (ROLLBACK-SEMANTICS §2), one changed fact per row:
// the item's outcome and remedy, whether the rollback is still allowed, and that the
// explanation and facts name what they are about.

#include "PreconditionFixtures.h"

#include <QTest>

using namespace ecs;
using namespace fixtures;

class PreconditionCheckTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void healthyFactsPass();
    void rule_data();
    void rule();
};

namespace {

QString kindName(PreconditionKind kind)
{
    return preconditionKindName(kind);
}

QString outcomeName(PreconditionOutcome outcome)
{
    return preconditionOutcomeName(outcome);
}

} // namespace

void PreconditionCheckTest::healthyFactsPass()
{
    const PreconditionReport report = checkPreconditions(healthyFacts());

    QVERIFY(report.allowsRollback());
    QVERIFY(report.blockingItems().isEmpty());
    QVERIFY(report.remedies().isEmpty());
    QCOMPARE(report.selectedDiskIds(), allDisks());

    // Everything Passed except the one data-loss warning.
    const QList<PreconditionItem> warnings = report.warnings();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(kindName(warnings.first().kind), kindName(PreconditionKind::DataLoss));
    for (const PreconditionItem &item : report.items) {
        if (item.kind == PreconditionKind::DataLoss)
            continue;
        QVERIFY2(item.outcome == PreconditionOutcome::Passed,
            qPrintable(kindName(item.kind) + QLatin1Char(' ') + item.diskId + QLatin1String(": ")
                + item.title));
        QVERIFY2(!item.title.isEmpty(), qPrintable(kindName(item.kind)));
        QVERIFY2(!item.explanation.isEmpty(), qPrintable(kindName(item.kind)));
        QVERIFY2(!item.facts.isEmpty(), qPrintable(kindName(item.kind)));
    }

    // Every instance-wide rule was looked at, once.
    for (PreconditionKind kind :
        { PreconditionKind::SnapshotGroupExists, PreconditionKind::SnapshotGroupAccomplished,
            PreconditionKind::SnapshotGroupSingleInstance, PreconditionKind::InstanceExists,
            PreconditionKind::InstanceNotLocked, PreconditionKind::InstanceNotExpired,
            PreconditionKind::InstanceStopped, PreconditionKind::StoppedInStandardMode,
            PreconditionKind::SystemDiskUnchanged, PreconditionKind::DiskSelection,
            PreconditionKind::DataLoss }) {
        const PreconditionItem *item = report.find(kind);
        QVERIFY2(item, qPrintable(kindName(kind)));
        QVERIFY2(item->diskId.isEmpty(), qPrintable(kindName(kind)));
    }
    // And every per-disk rule for every member; the system disk also has its own item.
    const QList<PreconditionKind> diskKinds { PreconditionKind::DiskExists,
        PreconditionKind::DiskAttached, PreconditionKind::DiskStatusAllowsReset,
        PreconditionKind::DiskCategorySupportsReset, PreconditionKind::DiskNotLocked,
        PreconditionKind::SnapshotExists, PreconditionKind::SnapshotReady,
        PreconditionKind::SnapshotBelongsToDisk, PreconditionKind::SnapshotEncryptionMatchesDisk,
        PreconditionKind::NoUnfinishedSnapshot };
    for (const QString &diskId : allDisks()) {
        QList<PreconditionKind> kinds;
        for (const PreconditionItem &item : report.itemsForDisk(diskId))
            kinds.append(item.kind);
        QList<PreconditionKind> expected = diskKinds;
        if (diskId == SystemDiskId)
            expected.append(PreconditionKind::SystemDiskUnchanged);
        QCOMPARE(kinds, expected);
    }
    QCOMPARE(report.items.size(), 11 + 3 * diskKinds.size() + 1);
}

void PreconditionCheckTest::rule_data()
{
    QTest::addColumn<Mutation>("mutate");
    QTest::addColumn<Selection>("selection");
    QTest::addColumn<PreconditionKind>("kind");
    QTest::addColumn<QString>("diskId"); // of the item
    QTest::addColumn<PreconditionOutcome>("outcome");
    QTest::addColumn<Remedy>("remedy");
    QTest::addColumn<bool>("allows");
    QTest::addColumn<QStringList>("mentions"); // in the explanation or the facts

    const Selection defaultSelection;
    const Selection everyDisk = allDisks();
    const auto F = PreconditionOutcome::Failed;
    const auto W = PreconditionOutcome::Warning;
    const auto P = PreconditionOutcome::Passed;
    const auto U = PreconditionOutcome::Unknown;
    const QString i1 = InstanceId;
    const QString g1 = GroupId;
    const QString d1 = Data1DiskId;

    // Instance-wide.
    // The group's status alone does not block: each member snapshot's Available does.
    QTest::newRow("group progressing, no snapshot usable yet")
        << Mutation([](RollbackFacts &f) {
               f.group->status = SnapshotGroupStatusName::Progressing;
               f.group->snapshots[1].progress = 40;
               for (Snapshot &snapshot : f.memberSnapshots) {
                   snapshot.status = SnapshotStatusName::Progressing;
                   snapshot.available = false;
               }
               snapshotIn(f, f.group->snapshots[1].snapshotId).progress = 40;
           })
        << defaultSelection << PreconditionKind::SnapshotGroupAccomplished << QString() << F
        << Remedy::Refresh << false
        << QStringList { g1, QStringLiteral("progressing"), QStringLiteral("40%"), d1 };
    QTest::newRow("group progressing, instant-access snapshots usable")
        << Mutation([](RollbackFacts &f) {
               f.group->status = SnapshotGroupStatusName::Progressing;
               for (Snapshot &snapshot : f.memberSnapshots) {
                   snapshot.status = SnapshotStatusName::Progressing;
                   snapshot.instantAccess = true;
                   snapshot.available = true;
               }
           })
        << defaultSelection << PreconditionKind::SnapshotGroupAccomplished << QString() << W
        << Remedy::None << true << QStringList { g1, QStringLiteral("instant access") };
    QTest::newRow("group progressing, one snapshot not usable yet")
        << Mutation([](RollbackFacts &f) {
               f.group->status = SnapshotGroupStatusName::Progressing;
               for (Snapshot &snapshot : f.memberSnapshots) {
                   snapshot.status = SnapshotStatusName::Progressing;
                   snapshot.instantAccess = true;
                   snapshot.available = true;
               }
               snapshotIn(f, f.group->snapshots[1].snapshotId).available = false;
           })
        << Selection(allDisks()) << PreconditionKind::SnapshotReady << d1 << F << Remedy::Refresh
        << false << QStringList { QStringLiteral("still being created") };
    QTest::newRow("group failed") << Mutation([](RollbackFacts &f) {
        f.group->status = SnapshotGroupStatusName::Failed;
        for (Snapshot &snapshot : f.memberSnapshots) {
            snapshot.status = SnapshotStatusName::Failed;
            snapshot.available = false;
        }
    }) << defaultSelection << PreconditionKind::SnapshotGroupAccomplished
                                  << QString() << F << Remedy::None << false
                                  << QStringList { g1, QStringLiteral("failed") };
    QTest::newRow("group of several instances")
        << Mutation([](RollbackFacts &f) { f.group->instanceId.clear(); }) << defaultSelection
        << PreconditionKind::SnapshotGroupSingleInstance << QString() << F << Remedy::None << false
        << QStringList { g1 };
    QTest::newRow("instance released")
        << Mutation([](RollbackFacts &f) { f.instance.reset(); }) << defaultSelection
        << PreconditionKind::InstanceExists << QString() << F << Remedy::None << false
        << QStringList { i1, QStringLiteral("released") };
    QTest::newRow("another instance read")
        << Mutation([](RollbackFacts &f) { f.instance->instanceId = QStringLiteral("i-other"); })
        << defaultSelection << PreconditionKind::InstanceExists << QString() << F << Remedy::None
        << false << QStringList { i1, QStringLiteral("i-other"), g1 };
    QTest::newRow("instance locked for security") << Mutation([](RollbackFacts &f) {
        f.instance->lockReasons = { LockReasonName::Security };
    }) << defaultSelection << PreconditionKind::InstanceNotLocked
                                                  << QString() << F << Remedy::None << false
                                                  << QStringList { i1, QStringLiteral("security") };
    // The financial lock is the arrears: one item, InstanceNotExpired, not also a lock.
    QTest::newRow("instance locked for arrears") << Mutation([](RollbackFacts &f) {
        f.instance->lockReasons = { LockReasonName::Financial };
    }) << defaultSelection << PreconditionKind::InstanceNotExpired
                                                 << QString() << F << Remedy::None << false
                                                 << QStringList { i1, QStringLiteral("financial") };
    QTest::newRow("subscription expired")
        << Mutation([](RollbackFacts &f) {
               f.instance->instanceChargeType = ChargeTypeName::PrePaid;
               f.instance->expiredTime = f.gatheredAt.addSecs(-3600);
           })
        << defaultSelection << PreconditionKind::InstanceNotExpired << QString() << F
        << Remedy::None << false
        << QStringList { i1, QStringLiteral("InstanceExpiredOrInArrears") };
    QTest::newRow("subscription not expired yet") << Mutation([](RollbackFacts &f) {
        f.instance->instanceChargeType = ChargeTypeName::PrePaid;
        f.instance->expiredTime = f.gatheredAt.addSecs(3600);
    }) << defaultSelection << PreconditionKind::InstanceNotExpired
                                                  << QString() << P << Remedy::None << true
                                                  << QStringList { i1 };
    QTest::newRow("pay-as-you-go ExpiredTime does not apply") << Mutation([](RollbackFacts &f) {
        f.instance->instanceChargeType = ChargeTypeName::PostPaid;
        f.instance->expiredTime = f.gatheredAt.addSecs(-3600);
    }) << defaultSelection << PreconditionKind::InstanceNotExpired
                                                              << QString() << P << Remedy::None
                                                              << true << QStringList { i1 };
    for (const QString &status : { InstanceStatusName::Running, InstanceStatusName::Starting,
             InstanceStatusName::Stopping }) {
        QTest::addRow("instance %s", qPrintable(status))
            << Mutation([status](RollbackFacts &f) {
                   f.instance->status = status;
                   f.instance->stoppedMode.clear();
               })
            << defaultSelection << PreconditionKind::InstanceStopped << QString() << F
            << Remedy::StopInStandardMode << false
            << QStringList { QStringLiteral("Instance i-1 status: %1").arg(status) };
    }
    QTest::newRow("instance pending")
        << Mutation([](RollbackFacts &f) { f.instance->status = InstanceStatusName::Pending; })
        << defaultSelection << PreconditionKind::InstanceStopped << QString() << F
        << Remedy::Refresh << false
        << QStringList { QStringLiteral("Instance i-1 status: Pending") };
    QTest::newRow("stopped in economical mode")
        << Mutation(
               [](RollbackFacts &f) { f.instance->stoppedMode = StoppedModeName::StopCharging; })
        << defaultSelection << PreconditionKind::StoppedInStandardMode << QString() << F
        << Remedy::StopInStandardMode << false
        << QStringList { i1, QStringLiteral("StopCharging"), QStringLiteral("may not start again"),
               QStringLiteral("released its compute resources") };
    QTest::newRow("running PostPaid VPC will be stopped in standard mode")
        << Mutation([](RollbackFacts &f) {
               f.instance->status = InstanceStatusName::Running;
               f.instance->stoppedMode.clear();
           })
        << defaultSelection << PreconditionKind::StoppedInStandardMode << QString() << P
        << Remedy::None << false << QStringList { i1, QStringLiteral("standard mode") };
    QTest::newRow("economical mode does not apply to subscriptions")
        << Mutation([](RollbackFacts &f) {
               f.instance->instanceChargeType = ChargeTypeName::PrePaid;
               f.instance->stoppedMode = StoppedModeName::StopCharging;
           })
        << defaultSelection << PreconditionKind::StoppedInStandardMode << QString() << P
        << Remedy::None << true << QStringList { i1, QStringLiteral("PrePaid") };
    QTest::newRow("system disk replaced, default selection")
        << Mutation(replaceSystemDisk) << defaultSelection << PreconditionKind::SystemDiskUnchanged
        << QString() << W << Remedy::None << true
        << QStringList { i1, SystemDiskId, QStringLiteral("d-sys-new"), SystemSnapshotId,
               QStringLiteral("data disks can still be rolled back") };
    QTest::newRow("system disk replaced, system disk selected")
        << Mutation(replaceSystemDisk) << Selection(QStringList { SystemDiskId, d1 })
        << PreconditionKind::SystemDiskUnchanged << SystemDiskId << F << Remedy::None << false
        << QStringList { i1, SystemDiskId, QStringLiteral("d-sys-new") };
    QTest::newRow("system disk replaced, data disk selected")
        << Mutation(replaceSystemDisk) << Selection(QStringList { d1 })
        << PreconditionKind::SystemDiskUnchanged << QString() << W << Remedy::None << true
        << QStringList { SystemDiskId, QStringLiteral("d-sys-new") };
    QTest::newRow("no system disk attached")
        << Mutation([](RollbackFacts &f) { removeDisk(f, SystemDiskId); })
        << Selection(QStringList { d1 }) << PreconditionKind::SystemDiskUnchanged << QString() << W
        << Remedy::None << true
        << QStringList { QStringLiteral("Instance i-1 has no system disk attached") };
    QTest::newRow("nothing selected")
        << Mutation([](RollbackFacts &) {}) << Selection(QStringList {})
        << PreconditionKind::DiskSelection << QString() << F << Remedy::None << false
        << QStringList { g1, SystemDiskId, d1 };
    QTest::newRow("selected disk not in the group")
        << Mutation([](RollbackFacts &) {}) << Selection(QStringList { d1, QStringLiteral("d-x") })
        << PreconditionKind::DiskSelection << QStringLiteral("d-x") << F << Remedy::None << false
        << QStringList { QStringLiteral("d-x"), g1 };
    QTest::newRow("no disk eligible")
        << Mutation([](RollbackFacts &f) { f.memberSnapshots.clear(); }) << defaultSelection
        << PreconditionKind::DiskSelection << QString() << F << Remedy::None << false
        << QStringList { g1, QStringLiteral("Disk d-data1: Disk snapshot was deleted") };
    QTest::newRow("data loss") << Mutation([](RollbackFacts &) {}) << Selection(QStringList { d1 })
                               << PreconditionKind::DataLoss << QString() << W
                               << Remedy::CreateSafetySnapshot << true
                               << QStringList { g1, QStringLiteral("2024-05-01 08:30:00 UTC"), d1 };
    QTest::newRow("instance read failed")
        << Mutation([](RollbackFacts &f) {
               f.instance.reset();
               f.instanceError = readError();
           })
        << defaultSelection << PreconditionKind::InstanceStopped << QString() << U
        << Remedy::Refresh << false
        << QStringList { i1, QStringLiteral("DescribeInstances"), QStringLiteral("REQ-42") };

    // Per disk: every disk selected, so the disk's failure blocks.
    QTest::newRow("disk released")
        << Mutation([](RollbackFacts &f) { removeDisk(f, Data1DiskId); }) << everyDisk
        << PreconditionKind::DiskExists << d1 << F << Remedy::None << false
        << QStringList { d1, QStringLiteral("released") };
    QTest::newRow("disk detached") << Mutation([](RollbackFacts &f) {
        Disk &disk = diskIn(f, Data1DiskId);
        disk.status = DiskStatusName::Available;
        disk.instanceId.clear();
        disk.device.clear();
    }) << everyDisk << PreconditionKind::DiskAttached
                                   << d1 << F << Remedy::None << false
                                   << QStringList { d1, i1, QStringLiteral("detached") };
    QTest::newRow("disk attached to another instance")
        << Mutation([](RollbackFacts &f) {
               diskIn(f, Data1DiskId).instanceId = QStringLiteral("i-other");
           })
        << everyDisk << PreconditionKind::DiskAttached << d1 << F << Remedy::None << false
        << QStringList { QStringLiteral("Disk d-data1 is attached to instance i-other"), i1 };
    QTest::newRow("disk being rolled back")
        << Mutation(
               [](RollbackFacts &f) { diskIn(f, Data1DiskId).status = DiskStatusName::ReIniting; })
        << everyDisk << PreconditionKind::DiskStatusAllowsReset << d1 << F << Remedy::Refresh
        << false << QStringList { d1, QStringLiteral("rollback is already running") };
    for (const QString &status :
        { DiskStatusName::Attaching, DiskStatusName::Detaching, DiskStatusName::Creating }) {
        QTest::addRow("disk %s", qPrintable(status))
            << Mutation([status](RollbackFacts &f) { diskIn(f, Data1DiskId).status = status; })
            << everyDisk << PreconditionKind::DiskStatusAllowsReset << d1 << F << Remedy::Refresh
            << false << QStringList { QStringLiteral("Disk d-data1 status: %1").arg(status) };
    }
    for (const QString &category : { QStringLiteral("ephemeral_ssd"),
             QStringLiteral("local_ssd_pro"), QStringLiteral("elastic_ephemeral_disk_standard") }) {
        QTest::addRow("disk category %s", qPrintable(category))
            << Mutation(
                   [category](RollbackFacts &f) { diskIn(f, Data1DiskId).category = category; })
            << everyDisk << PreconditionKind::DiskCategorySupportsReset << d1 << F << Remedy::None
            << false
            << QStringList { category, QStringLiteral("DiskCategory.OperationNotSupported") };
    }
    QTest::newRow("basic cloud disk can be rolled back") << Mutation([](RollbackFacts &f) {
        diskIn(f, Data1DiskId).category = QStringLiteral("cloud");
    }) << everyDisk << PreconditionKind::DiskCategorySupportsReset
                                                         << d1 << P << Remedy::None << true
                                                         << QStringList { QStringLiteral("cloud") };
    QTest::newRow("multi-attach disk")
        << Mutation([](RollbackFacts &f) {
               diskIn(f, Data1DiskId).multiAttach = QStringLiteral("Enabled");
           })
        << everyDisk << PreconditionKind::DiskCategorySupportsReset << d1 << F << Remedy::None
        << false << QStringList { QStringLiteral("InvalidOperation.MultiAttachDisk") };
    QTest::newRow("encrypted snapshot onto a plain disk")
        << Mutation([](RollbackFacts &f) {
               Snapshot &snapshot = snapshotIn(f, Data1SnapshotId);
               snapshot.encrypted = true;
               snapshot.kmsKeyId = QStringLiteral("key-1");
           })
        << everyDisk << PreconditionKind::SnapshotEncryptionMatchesDisk << d1 << F << Remedy::None
        << false << QStringList { QStringLiteral("key-1"), QStringLiteral("not encrypted") };
    QTest::newRow("encrypted snapshot, disk under another key")
        << Mutation([](RollbackFacts &f) {
               Snapshot &snapshot = snapshotIn(f, Data1SnapshotId);
               snapshot.encrypted = true;
               snapshot.kmsKeyId = QStringLiteral("key-1");
               Disk &disk = diskIn(f, Data1DiskId);
               disk.encrypted = true;
               disk.kmsKeyId = QStringLiteral("key-2");
           })
        << everyDisk << PreconditionKind::SnapshotEncryptionMatchesDisk << d1 << F << Remedy::None
        << false << QStringList { QStringLiteral("key-1"), QStringLiteral("key-2") };
    QTest::newRow("encrypted snapshot, disk under the same key")
        << Mutation([](RollbackFacts &f) {
               Snapshot &snapshot = snapshotIn(f, Data1SnapshotId);
               snapshot.encrypted = true;
               snapshot.kmsKeyId = QStringLiteral("key-1");
               Disk &disk = diskIn(f, Data1DiskId);
               disk.encrypted = true;
               disk.kmsKeyId = QStringLiteral("key-1");
           })
        << everyDisk << PreconditionKind::SnapshotEncryptionMatchesDisk << d1 << P << Remedy::None
        << true << QStringList { QStringLiteral("key-1") };
    QTest::newRow("plain snapshot onto an encrypted disk")
        << Mutation([](RollbackFacts &f) { diskIn(f, Data1DiskId).encrypted = true; }) << everyDisk
        << PreconditionKind::SnapshotEncryptionMatchesDisk << d1 << P << Remedy::None << true
        << QStringList { d1 };
    QTest::newRow("disk locked") << Mutation([](RollbackFacts &f) {
        diskIn(f, Data1DiskId).lockReasons = { LockReasonName::Security };
    }) << everyDisk << PreconditionKind::DiskNotLocked
                                 << d1 << F << Remedy::None << false
                                 << QStringList { d1, QStringLiteral("security") };
    QTest::newRow("snapshot deleted")
        << Mutation([](RollbackFacts &f) { removeSnapshot(f, Data1SnapshotId); }) << everyDisk
        << PreconditionKind::SnapshotExists << d1 << F << Remedy::None << false
        << QStringList { Data1SnapshotId, d1, QStringLiteral("deleted") };
    QTest::newRow("snapshot progressing") << Mutation([](RollbackFacts &f) {
        Snapshot &snapshot = snapshotIn(f, Data1SnapshotId);
        snapshot.status = SnapshotStatusName::Progressing;
        snapshot.progress = 60;
        snapshot.available = false;
    }) << everyDisk << PreconditionKind::SnapshotReady
                                          << d1 << F << Remedy::Refresh << false
                                          << QStringList { Data1SnapshotId, QStringLiteral("60%"),
                                                 QStringLiteral("still being created") };
    QTest::newRow("snapshot failed") << Mutation([](RollbackFacts &f) {
        snapshotIn(f, Data1SnapshotId).status = SnapshotStatusName::Failed;
    }) << everyDisk << PreconditionKind::SnapshotReady
                                     << d1 << F << Remedy::None << false
                                     << QStringList { Data1SnapshotId, d1 };
    QTest::newRow("snapshot not available")
        << Mutation([](RollbackFacts &f) { snapshotIn(f, Data1SnapshotId).available = false; })
        << everyDisk << PreconditionKind::SnapshotReady << d1 << F << Remedy::Refresh << false
        << QStringList { Data1SnapshotId, QStringLiteral("available: no") };
    QTest::newRow("snapshot of another disk") << Mutation([](RollbackFacts &f) {
        snapshotIn(f, Data1SnapshotId).sourceDiskId = Data2DiskId;
    }) << everyDisk << PreconditionKind::SnapshotBelongsToDisk
                                              << d1 << F << Remedy::None << false
                                              << QStringList { Data1SnapshotId, Data2DiskId, d1 };
    QTest::newRow("snapshot being created of the disk")
        << Mutation([](RollbackFacts &f) {
               Snapshot unfinished
                   = snapshot(QStringLiteral("s-new"), Data1DiskId, DiskTypeName::Data, 100);
               unfinished.status = SnapshotStatusName::Progressing;
               unfinished.progress = 30;
               unfinished.available = false;
               f.unfinishedSnapshots = { unfinished };
           })
        << everyDisk << PreconditionKind::NoUnfinishedSnapshot << d1 << F << Remedy::Refresh
        << false << QStringList { QStringLiteral("s-new"), d1, QStringLiteral("30%") };
    QTest::newRow("snapshot being created of another disk") << Mutation([](RollbackFacts &f) {
        Snapshot unfinished
            = snapshot(QStringLiteral("s-new"), QStringLiteral("d-other"), DiskTypeName::Data, 100);
        unfinished.status = SnapshotStatusName::Progressing;
        f.unfinishedSnapshots = { unfinished };
    }) << everyDisk << PreconditionKind::NoUnfinishedSnapshot
                                                            << d1 << P << Remedy::None << true
                                                            << QStringList { d1 };
    QTest::newRow("disk added after the snapshot")
        << Mutation([](RollbackFacts &f) {
               f.disks.append(attachedDisk(QStringLiteral("d-data3"), DiskTypeName::Data,
                   QStringLiteral("/dev/xvdd"), DiskCategoryName::CloudEssd, 50));
           })
        << everyDisk << PreconditionKind::DiskNotInSnapshot << QStringLiteral("d-data3") << W
        << Remedy::None << true
        << QStringList { QStringLiteral("d-data3"), i1, g1, QStringLiteral("not be rolled back") };

    // Read errors: Unknown, Refresh, and blocking.
    QTest::newRow("disks read failed")
        << Mutation([](RollbackFacts &f) {
               f.disks.clear();
               f.disksError = readError();
           })
        << everyDisk << PreconditionKind::DiskExists << d1 << U << Remedy::Refresh << false
        << QStringList { d1, QStringLiteral("DescribeDisks"), QStringLiteral("InternalError") };
    QTest::newRow("member snapshots read failed")
        << Mutation([](RollbackFacts &f) {
               f.memberSnapshots.clear();
               f.memberSnapshotsError = readError();
           })
        << everyDisk << PreconditionKind::SnapshotExists << d1 << U << Remedy::Refresh << false
        << QStringList { Data1SnapshotId, d1, QStringLiteral("DescribeSnapshots") };
    QTest::newRow("unfinished snapshots read failed")
        << Mutation([](RollbackFacts &f) { f.unfinishedSnapshotsError = readError(); }) << everyDisk
        << PreconditionKind::NoUnfinishedSnapshot << d1 << U << Remedy::Refresh << false
        << QStringList { d1, QStringLiteral("DescribeSnapshots") };
}

void PreconditionCheckTest::rule()
{
    QFETCH(Mutation, mutate);
    QFETCH(Selection, selection);
    QFETCH(PreconditionKind, kind);
    QFETCH(QString, diskId);
    QFETCH(PreconditionOutcome, outcome);
    QFETCH(Remedy, remedy);
    QFETCH(bool, allows);
    QFETCH(QStringList, mentions);

    RollbackFacts facts = healthyFacts();
    mutate(facts);
    const PreconditionReport report = checkPreconditions(facts, selection);

    const PreconditionItem *item = nullptr;
    for (const PreconditionItem &candidate : report.items) {
        if (candidate.kind == kind && candidate.diskId == diskId)
            item = &candidate;
    }
    QVERIFY2(item, qPrintable(kindName(kind) + QLatin1Char(' ') + diskId));
    QCOMPARE(outcomeName(item->outcome), outcomeName(outcome));
    QCOMPARE(remedyName(item->remedy), remedyName(remedy));
    QCOMPARE(report.allowsRollback(), allows);
    QVERIFY(!item->title.isEmpty());
    const QString text = itemText(*item);
    for (const QString &mention : mentions)
        QVERIFY2(text.contains(mention), qPrintable(mention + QLatin1String(" not in:\n") + text));

    // A blocking item is what stops the rollback, and offers its remedy. A disk asked for
    // by name that the group does not hold is never selected, and stops it all the same.
    const bool blocking = item->blocks()
        && (diskId.isEmpty() || report.selectedDiskIds().contains(diskId)
            || kind == PreconditionKind::DiskSelection);
    bool listed = false;
    for (const PreconditionItem &other : report.blockingItems())
        listed = listed || (other.kind == kind && other.diskId == diskId);
    QCOMPARE(listed, blocking);
    if (blocking && remedy != Remedy::None)
        QVERIFY(report.remedies().contains(remedy));
    // The per-disk view agrees.
    if (!diskId.isEmpty() && item->blocks()) {
        for (const DiskEligibility &disk : report.disks) {
            if (disk.diskId == diskId) {
                QVERIFY(!disk.canRollBack);
                QVERIFY(disk.reasons.contains(item->title));
            }
        }
    }
}

QTEST_GUILESS_MAIN(PreconditionCheckTest)
#include "tst_precondition_check.moc"
