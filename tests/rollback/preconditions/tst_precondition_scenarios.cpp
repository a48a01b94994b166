// Whole situations rather than single rules: what is left out when something is gone,
// what a failed read does to the rest, and how the system disk's replacement plays out.

#include "PreconditionFixtures.h"

#include <QTest>

using namespace ecs;
using namespace fixtures;

class PreconditionScenarioTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deletedGroupIsTheOnlyItem();
    void unreadableGroupMakesEverythingUnknown();
    void replacedSystemDiskBlocksOnlyItsOwnDisk();
    void releasedDiskLeavesOutItsDependentItems();
    void diskReadAfterAFailedReadIsStillUsed();
    void multiAttachDiskIsAttachedThroughItsAttachments();
};

void PreconditionScenarioTest::deletedGroupIsTheOnlyItem()
{
    RollbackFacts facts = healthyFacts();
    facts.group.reset();
    const PreconditionReport report = checkPreconditions(facts, allDisks());

    QCOMPARE(report.items.size(), 1);
    const PreconditionItem &item = report.items.first();
    QCOMPARE(preconditionKindName(item.kind),
        preconditionKindName(PreconditionKind::SnapshotGroupExists));
    QCOMPARE(preconditionOutcomeName(item.outcome),
        preconditionOutcomeName(PreconditionOutcome::Failed));
    QCOMPARE(item.title, QStringLiteral("Instance snapshot no longer exists"));
    QVERIFY(itemText(item).contains(GroupId));
    QVERIFY(report.disks.isEmpty());
    QVERIFY(report.rollbackPairs().isEmpty());
    QVERIFY(!report.allowsRollback());
}

void PreconditionScenarioTest::unreadableGroupMakesEverythingUnknown()
{
    RollbackFacts facts = healthyFacts();
    facts.group.reset();
    facts.groupError = readError();
    const PreconditionReport report = checkPreconditions(facts);

    QVERIFY(!report.allowsRollback());
    QVERIFY(report.disks.isEmpty());
    QVERIFY(report.items.size() >= 9);
    for (const PreconditionItem &item : report.items) {
        QCOMPARE(preconditionOutcomeName(item.outcome),
            preconditionOutcomeName(PreconditionOutcome::Unknown));
        QCOMPARE(remedyName(item.remedy), remedyName(Remedy::Refresh));
        QVERIFY(item.diskId.isEmpty());
        QVERIFY2(itemText(item).contains(QLatin1String("DescribeSnapshotGroups failed")),
            qPrintable(itemText(item)));
        QVERIFY(itemText(item).contains(GroupId));
    }
    QVERIFY(report.find(PreconditionKind::InstanceStopped));
    QVERIFY(report.find(PreconditionKind::SnapshotGroupExists));
    QCOMPARE(report.remedies(), QList<Remedy> { Remedy::Refresh });
}

void PreconditionScenarioTest::replacedSystemDiskBlocksOnlyItsOwnDisk()
{
    RollbackFacts facts = healthyFacts();
    replaceSystemDisk(facts);
    const PreconditionReport report = checkPreconditions(facts);

    const PreconditionItem *own = report.find(PreconditionKind::SystemDiskUnchanged, SystemDiskId);
    QVERIFY(own);
    QCOMPARE(own->diskId, SystemDiskId);
    QCOMPARE(preconditionOutcomeName(own->outcome),
        preconditionOutcomeName(PreconditionOutcome::Failed));
    QVERIFY(itemText(*own).contains(QLatin1String("d-sys-new")));

    QCOMPARE(report.disks.size(), 3);
    QCOMPARE(report.disks.at(0).diskId, SystemDiskId);
    QVERIFY(!report.disks.at(0).canRollBack);
    QVERIFY(!report.disks.at(0).selected);
    QVERIFY(report.disks.at(0).reasons.contains(QStringLiteral("System disk was replaced")));
    QVERIFY(report.disks.at(1).canRollBack);
    QVERIFY(report.disks.at(2).canRollBack);
    QCOMPARE(report.selectedDiskIds(), (QStringList { Data1DiskId, Data2DiskId }));
    QVERIFY(report.allowsRollback());

    // The new system disk is attached but not in the snapshot.
    const PreconditionItem *added
        = report.find(PreconditionKind::DiskNotInSnapshot, QStringLiteral("d-sys-new"));
    QVERIFY(added);
    QCOMPARE(preconditionOutcomeName(added->outcome),
        preconditionOutcomeName(PreconditionOutcome::Warning));
}

void PreconditionScenarioTest::releasedDiskLeavesOutItsDependentItems()
{
    RollbackFacts facts = healthyFacts();
    removeDisk(facts, Data2DiskId);
    const PreconditionReport report = checkPreconditions(facts);

    QVERIFY(report.find(PreconditionKind::DiskExists, Data2DiskId));
    QVERIFY(!report.find(PreconditionKind::DiskAttached, Data2DiskId));
    QVERIFY(!report.find(PreconditionKind::DiskStatusAllowsReset, Data2DiskId));
    QVERIFY(!report.find(PreconditionKind::DiskNotLocked, Data2DiskId));
    // The snapshot side is still checked.
    QVERIFY(report.find(PreconditionKind::SnapshotReady, Data2DiskId));
    QCOMPARE(report.disks.at(2).reasons, QStringList { QStringLiteral("Disk was released") });
}

void PreconditionScenarioTest::diskReadAfterAFailedReadIsStillUsed()
{
    // One DescribeDisks call failed, the other listed the data disks: those are known.
    RollbackFacts facts = healthyFacts();
    removeDisk(facts, SystemDiskId);
    facts.disksError = readError();
    const PreconditionReport report = checkPreconditions(facts);

    QCOMPARE(
        preconditionOutcomeName(report.find(PreconditionKind::DiskExists, Data1DiskId)->outcome),
        preconditionOutcomeName(PreconditionOutcome::Passed));
    QCOMPARE(
        preconditionOutcomeName(report.find(PreconditionKind::DiskExists, SystemDiskId)->outcome),
        preconditionOutcomeName(PreconditionOutcome::Unknown));
    // Whether the OS was replaced is not known: the system disk is not proposed.
    QCOMPARE(preconditionOutcomeName(
                 report.find(PreconditionKind::SystemDiskUnchanged, SystemDiskId)->outcome),
        preconditionOutcomeName(PreconditionOutcome::Unknown));
    QCOMPARE(preconditionOutcomeName(report.find(PreconditionKind::SystemDiskUnchanged)->outcome),
        preconditionOutcomeName(PreconditionOutcome::Warning));
    QCOMPARE(report.selectedDiskIds(), (QStringList { Data1DiskId, Data2DiskId }));
    QVERIFY(report.allowsRollback());

    const PreconditionReport withSystem = checkPreconditions(facts, allDisks());
    // The system member's own item blocks; the instance-wide one stays a warning.
    QCOMPARE(preconditionOutcomeName(
                 withSystem.find(PreconditionKind::SystemDiskUnchanged, SystemDiskId)->outcome),
        preconditionOutcomeName(PreconditionOutcome::Unknown));
    QCOMPARE(
        preconditionOutcomeName(withSystem.find(PreconditionKind::SystemDiskUnchanged)->outcome),
        preconditionOutcomeName(PreconditionOutcome::Warning));
    QVERIFY(!withSystem.allowsRollback());
}

void PreconditionScenarioTest::multiAttachDiskIsAttachedThroughItsAttachments()
{
    RollbackFacts facts = healthyFacts();
    Disk &disk = diskIn(facts, Data2DiskId);
    disk.multiAttach = MultiAttachName::Enabled;
    disk.instanceId.clear();
    disk.device.clear();
    disk.attachments = { { QStringLiteral("i-peer"), QStringLiteral("/dev/vdb"), {} },
        { InstanceId, QStringLiteral("/dev/vdc"), {} } };
    const PreconditionReport report = checkPreconditions(facts);

    const PreconditionItem *attached = report.find(PreconditionKind::DiskAttached, Data2DiskId);
    QVERIFY(attached);
    QCOMPARE(preconditionOutcomeName(attached->outcome),
        preconditionOutcomeName(PreconditionOutcome::Passed));
    QVERIFY(itemText(*attached).contains(QLatin1String("/dev/vdc")));
    QCOMPARE(report.disks.at(2).device, QStringLiteral("/dev/vdc"));
    QVERIFY(report.allowsRollback());
}

QTEST_GUILESS_MAIN(PreconditionScenarioTest)
#include "tst_precondition_scenarios.moc"
