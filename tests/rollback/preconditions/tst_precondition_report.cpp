// What PreconditionReport makes of the items: which disks are selected, what blocks, the
// pairs ResetDisks gets, the remedies offered; plus the facts' helpers and the machine names.

#include "PreconditionFixtures.h"

#include <QSet>
#include <QTest>

using namespace ecs;
using namespace fixtures;

class PreconditionReportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultSelectionIsExactlyTheEligibleDisks();
    void explicitSelectionIsTakenAsGiven();
    void unselectedBlockedDiskDoesNotBlock();
    void readErrorOfASelectedDiskBlocks();
    void rollbackPairsFollowTheGroupOrder();
    void eligibilityDescribesTheDiskNow();
    void remediesComeFromBlockingItemsOnce();
    void warningsAndFind();
    void emptyReportDoesNotAllowRollback();
    void factsHelpers();
    void firstErrorFollowsReadOrder();
    void machineNames();
};

void PreconditionReportTest::defaultSelectionIsExactlyTheEligibleDisks()
{
    RollbackFacts facts = healthyFacts();
    removeSnapshot(facts, Data1SnapshotId);
    const PreconditionReport report = checkPreconditions(facts);

    QCOMPARE(report.disks.size(), 3);
    for (const DiskEligibility &disk : report.disks)
        QCOMPARE(disk.selected, disk.canRollBack);
    QVERIFY(!report.disks.at(1).canRollBack);
    QCOMPARE(
        report.disks.at(1).reasons, QStringList { QStringLiteral("Disk snapshot was deleted") });
    QCOMPARE(report.selectedDiskIds(), (QStringList { SystemDiskId, Data2DiskId }));
    QVERIFY(report.allowsRollback());
    // The deleted snapshot is still reported, just not blocking.
    const PreconditionItem *deleted = report.find(PreconditionKind::SnapshotExists, Data1DiskId);
    QVERIFY(deleted);
    QVERIFY(deleted->blocks());
    QVERIFY(report.blockingItems().isEmpty());
}

void PreconditionReportTest::explicitSelectionIsTakenAsGiven()
{
    RollbackFacts facts = healthyFacts();
    removeSnapshot(facts, Data1SnapshotId);

    const PreconditionReport onlyData2 = checkPreconditions(facts, QStringList { Data2DiskId });
    QCOMPARE(onlyData2.selectedDiskIds(), QStringList { Data2DiskId });
    QVERIFY(onlyData2.allowsRollback());

    // A blocked disk the user insists on is selected, and blocks.
    const PreconditionReport withBlocked
        = checkPreconditions(facts, QStringList { Data1DiskId, Data2DiskId });
    QCOMPARE(withBlocked.selectedDiskIds(), (QStringList { Data1DiskId, Data2DiskId }));
    QVERIFY(withBlocked.disks.at(1).selected);
    QVERIFY(!withBlocked.disks.at(1).canRollBack);
    QVERIFY(!withBlocked.allowsRollback());
    QCOMPARE(withBlocked.blockingItems().size(), 1);
    QCOMPARE(withBlocked.blockingItems().first().diskId, Data1DiskId);
}

void PreconditionReportTest::unselectedBlockedDiskDoesNotBlock()
{
    RollbackFacts facts = healthyFacts();
    Disk &disk = diskIn(facts, Data2DiskId);
    disk.status = DiskStatusName::Available;
    disk.instanceId.clear();
    disk.device.clear();

    const PreconditionReport report
        = checkPreconditions(facts, QStringList { SystemDiskId, Data1DiskId });
    QVERIFY(report.allowsRollback());
    QVERIFY(report.blockingItems().isEmpty());
    const DiskEligibility &data2 = report.disks.at(2);
    QCOMPARE(data2.diskId, Data2DiskId);
    QVERIFY(!data2.selected);
    QVERIFY(!data2.canRollBack);
    // One cause, one reason: detached, not also "not in use".
    QCOMPARE(data2.reasons, QStringList { QStringLiteral("Disk was detached") });

    const PreconditionReport all = checkPreconditions(facts, allDisks());
    QVERIFY(!all.allowsRollback());
    const QList<PreconditionItem> blocking = all.blockingItems();
    QCOMPARE(blocking.size(), 1);
    QCOMPARE(blocking.first().diskId, Data2DiskId);
    QCOMPARE(preconditionKindName(blocking.first().kind),
        preconditionKindName(PreconditionKind::DiskAttached));
    // The failures are not warnings: those are only the items that do not block.
    const QList<PreconditionItem> warnings = all.warnings();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(preconditionKindName(warnings.first().kind),
        preconditionKindName(PreconditionKind::DataLoss));
}

void PreconditionReportTest::readErrorOfASelectedDiskBlocks()
{
    RollbackFacts facts = healthyFacts();
    removeSnapshot(facts, Data2SnapshotId);
    facts.memberSnapshotsError = readError();

    // Proposed selection leaves out the disk that could not be checked...
    const PreconditionReport proposed = checkPreconditions(facts);
    QCOMPARE(proposed.selectedDiskIds(), (QStringList { SystemDiskId, Data1DiskId }));
    QVERIFY(proposed.allowsRollback());
    // ...and choosing it anyway blocks, like a failure.
    const PreconditionReport chosen = checkPreconditions(facts, allDisks());
    QVERIFY(!chosen.allowsRollback());
    QCOMPARE(chosen.blockingItems().size(), 1);
    QCOMPARE(preconditionOutcomeName(chosen.blockingItems().first().outcome),
        preconditionOutcomeName(PreconditionOutcome::Unknown));
    QCOMPARE(chosen.remedies(), QList<Remedy> { Remedy::Refresh });
}

void PreconditionReportTest::rollbackPairsFollowTheGroupOrder()
{
    const PreconditionReport report
        = checkPreconditions(healthyFacts(), QStringList { Data2DiskId, SystemDiskId });
    const QList<DiskSnapshotPair> pairs = report.rollbackPairs();
    QCOMPARE(pairs.size(), 2);
    QCOMPARE(pairs.at(0).diskId, SystemDiskId);
    QCOMPARE(pairs.at(0).snapshotId, SystemSnapshotId);
    QCOMPARE(pairs.at(1).diskId, Data2DiskId);
    QCOMPARE(pairs.at(1).snapshotId, Data2SnapshotId);

    // The group's order, whatever it is: the dialog and ResetDisks agree with the service.
    RollbackFacts reordered = healthyFacts();
    std::swap(reordered.group->snapshots[0], reordered.group->snapshots[2]);
    const PreconditionReport second = checkPreconditions(reordered);
    QCOMPARE(second.selectedDiskIds(), (QStringList { Data2DiskId, Data1DiskId, SystemDiskId }));
    const QList<DiskSnapshotPair> all = second.rollbackPairs();
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).diskId, Data2DiskId);
    QCOMPARE(all.at(0).snapshotId, Data2SnapshotId);
    QCOMPARE(all.at(2).diskId, SystemDiskId);
    QCOMPARE(all.at(2).snapshotId, SystemSnapshotId);
}

void PreconditionReportTest::eligibilityDescribesTheDiskNow()
{
    RollbackFacts facts = healthyFacts();
    diskIn(facts, Data1DiskId).size = 150; // grown since the snapshot
    removeDisk(facts, Data2DiskId);
    const PreconditionReport report = checkPreconditions(facts);

    const DiskEligibility &system = report.disks.at(0);
    QCOMPARE(system.diskId, SystemDiskId);
    QCOMPARE(system.snapshotId, SystemSnapshotId);
    QCOMPARE(system.diskType, DiskTypeName::System);
    QCOMPARE(system.category, DiskCategoryName::CloudEssd);
    QCOMPARE(system.sizeGiB, 40);
    QCOMPARE(system.device, QStringLiteral("/dev/xvda"));
    QVERIFY(system.canRollBack);
    QVERIFY(system.reasons.isEmpty());

    QCOMPARE(report.disks.at(1).sizeGiB, 150);
    QCOMPARE(report.disks.at(1).diskType, DiskTypeName::Data);

    // Released: what the snapshot remembers.
    const DiskEligibility &released = report.disks.at(2);
    QCOMPARE(released.diskId, Data2DiskId);
    QCOMPARE(released.sizeGiB, 200);
    QVERIFY(released.category.isEmpty());
    QVERIFY(released.device.isEmpty());
    QVERIFY(!released.canRollBack);
    QVERIFY(!released.selected);
}

void PreconditionReportTest::remediesComeFromBlockingItemsOnce()
{
    RollbackFacts facts = healthyFacts();
    facts.instance->status = InstanceStatusName::Running;
    facts.instance->stoppedMode.clear();
    for (const QString &diskId : { Data1DiskId, Data2DiskId }) {
        Snapshot unfinished
            = snapshot(QStringLiteral("s-new-") + diskId, diskId, DiskTypeName::Data, 100);
        unfinished.status = SnapshotStatusName::Progressing;
        facts.unfinishedSnapshots.append(unfinished);
    }
    const PreconditionReport report = checkPreconditions(facts, allDisks());

    // Two disks want a refresh, the instance a stop; the data-loss warning's safety
    // snapshot is not a remedy for anything blocking.
    QCOMPARE(report.remedies(), (QList<Remedy> { Remedy::StopInStandardMode, Remedy::Refresh }));
    QVERIFY(!report.allowsRollback());

    // Without the data disks selected, only the instance's remedy is left.
    const PreconditionReport systemOnly = checkPreconditions(facts, QStringList { SystemDiskId });
    QCOMPARE(systemOnly.remedies(), QList<Remedy> { Remedy::StopInStandardMode });
}

void PreconditionReportTest::warningsAndFind()
{
    RollbackFacts facts = healthyFacts();
    facts.disks.append(attachedDisk(QStringLiteral("d-data3"), DiskTypeName::Data,
        QStringLiteral("/dev/xvdd"), DiskCategoryName::CloudEssd, 50));
    const PreconditionReport report = checkPreconditions(facts);

    QStringList warned;
    for (const PreconditionItem &item : report.warnings())
        warned << preconditionKindName(item.kind) + QLatin1Char('/') + item.diskId;
    QCOMPARE(warned,
        (QStringList {
            QStringLiteral("data-loss/"), QStringLiteral("disk-not-in-snapshot/d-data3") }));
    QVERIFY(report.allowsRollback());
    // The added disk is no candidate for a rollback.
    QCOMPARE(report.disks.size(), 3);
    QVERIFY(report.itemsForDisk(QStringLiteral("d-data3")).size() == 1);

    // find(): the disk's own item when asked for one, else the first of the kind.
    const PreconditionItem *exists = report.find(PreconditionKind::DiskExists, Data2DiskId);
    QVERIFY(exists);
    QCOMPARE(exists->diskId, Data2DiskId);
    QCOMPARE(report.find(PreconditionKind::DiskExists)->diskId, SystemDiskId);
    QVERIFY(report.find(PreconditionKind::SystemDiskUnchanged)->diskId.isEmpty());
    QVERIFY(!report.find(PreconditionKind::DiskExists, QStringLiteral("d-nowhere")));
    QVERIFY(report.itemsForDisk(QString()).isEmpty());
}

void PreconditionReportTest::emptyReportDoesNotAllowRollback()
{
    const PreconditionReport empty;
    QVERIFY(!empty.allowsRollback());
    QVERIFY(empty.selectedDiskIds().isEmpty());
    QVERIFY(empty.rollbackPairs().isEmpty());
    QVERIFY(empty.remedies().isEmpty());
}

void PreconditionReportTest::factsHelpers()
{
    RollbackFacts facts = healthyFacts();
    Disk elsewhere = attachedDisk(QStringLiteral("d-far"), DiskTypeName::Data,
        QStringLiteral("/dev/xvdb"), DiskCategoryName::CloudEssd, 10);
    elsewhere.instanceId = QStringLiteral("i-other");
    facts.disks.append(elsewhere);

    QCOMPARE(facts.diskById(Data1DiskId)->size, 100);
    QVERIFY(!facts.diskById(QStringLiteral("d-none")));
    QVERIFY(!facts.diskById(QString()));
    QCOMPARE(facts.memberSnapshotById(Data2SnapshotId)->sourceDiskId, Data2DiskId);
    QVERIFY(!facts.memberSnapshotById(QStringLiteral("s-none")));

    QStringList attached;
    for (const Disk &disk : facts.attachedDisks())
        attached << disk.diskId;
    QCOMPARE(attached, allDisks());
    QCOMPARE(facts.currentSystemDisk()->diskId, SystemDiskId);

    replaceSystemDisk(facts);
    QCOMPARE(facts.currentSystemDisk()->diskId, QStringLiteral("d-sys-new"));

    facts.instance.reset();
    QVERIFY(facts.attachedDisks().isEmpty());
    QVERIFY(!facts.currentSystemDisk());
}

void PreconditionReportTest::firstErrorFollowsReadOrder()
{
    RollbackFacts facts = healthyFacts();
    QVERIFY(!facts.firstError().isError());

    facts.unfinishedSnapshotsError = ApiError(ApiError::Kind::Timeout, QStringLiteral("late"));
    QCOMPARE(facts.firstError().message(), QStringLiteral("late"));
    facts.disksError = ApiError(ApiError::Kind::Network, QStringLiteral("disks"));
    QCOMPARE(facts.firstError().message(), QStringLiteral("disks"));
    facts.instanceError = ApiError(ApiError::Kind::Network, QStringLiteral("instance"));
    QCOMPARE(facts.firstError().message(), QStringLiteral("instance"));
    facts.groupError = ApiError(ApiError::Kind::Network, QStringLiteral("group"));
    QCOMPARE(facts.firstError().message(), QStringLiteral("group"));
}

void PreconditionReportTest::machineNames()
{
    QCOMPARE(preconditionKindName(PreconditionKind::InstanceStopped),
        QStringLiteral("instance-stopped"));
    QCOMPARE(preconditionKindName(PreconditionKind::StoppedInStandardMode),
        QStringLiteral("stopped-in-standard-mode"));
    QCOMPARE(preconditionKindName(PreconditionKind::DiskNotInSnapshot),
        QStringLiteral("disk-not-in-snapshot"));
    QCOMPARE(preconditionOutcomeName(PreconditionOutcome::Passed), QStringLiteral("passed"));
    QCOMPARE(preconditionOutcomeName(PreconditionOutcome::Warning), QStringLiteral("warning"));
    QCOMPARE(preconditionOutcomeName(PreconditionOutcome::Failed), QStringLiteral("failed"));
    QCOMPARE(preconditionOutcomeName(PreconditionOutcome::Unknown), QStringLiteral("unknown"));
    QCOMPARE(remedyName(Remedy::None), QStringLiteral("none"));
    QCOMPARE(remedyName(Remedy::StopInStandardMode), QStringLiteral("stop-in-standard-mode"));
    QCOMPARE(remedyName(Remedy::CreateSafetySnapshot), QStringLiteral("create-safety-snapshot"));
    QCOMPARE(remedyName(Remedy::Refresh), QStringLiteral("refresh"));

    // Every kind has its own kebab-case name.
    const QRegularExpression kebab(QStringLiteral("^[a-z]+(-[a-z]+)*$"));
    QSet<QString> names;
    const int last = int(PreconditionKind::DiskNotInSnapshot);
    for (int i = 0; i <= last; ++i) {
        const QString name = preconditionKindName(PreconditionKind(i));
        QVERIFY2(kebab.match(name).hasMatch(), qPrintable(name));
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
    }
    QCOMPARE(names.size(), last + 1);
}

QTEST_GUILESS_MAIN(PreconditionReportTest)
#include "tst_precondition_report.moc"
