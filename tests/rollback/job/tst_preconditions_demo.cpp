// Every precondition case of the demo scenario, read by FactsGatherer from the emulator
// and judged by checkPreconditions(): the right item fails (or warns) with the right
// remedy, and the rollback is allowed only where it should be.
#include "JobHarness.h"
#include "rollback/FactsGatherer.h"
#include "rollback/PreconditionCheck.h"

#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace ecs;

Q_DECLARE_METATYPE(std::optional<QStringList>)

class TestPreconditionsDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoCase_data();
    void demoCase();
    void oneBlockingItemPerCause_data();
    void oneBlockingItemPerCause();

private:
    // The facts of one demo case, read from a fresh emulator.
    static std::optional<RollbackFacts> gather(
        JobHarness &harness, const QString &group, const QString &instance);
};

void TestPreconditionsDemo::demoCase_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<std::optional<QStringList>>("selection");
    QTest::addColumn<PreconditionKind>("kind");
    QTest::addColumn<QString>("diskId");
    QTest::addColumn<PreconditionOutcome>("outcome");
    QTest::addColumn<Remedy>("remedy");
    QTest::addColumn<bool>("allowed");

    const std::optional<QStringList> proposed;
    using K = PreconditionKind;
    using O = PreconditionOutcome;
    QTest::newRow("healthy") << QStringLiteral("ssg-demo-healthy")
                             << QStringLiteral("i-demo-healthy") << proposed << K::InstanceStopped
                             << QString() << O::Passed << Remedy::None << true;
    QTest::newRow("healthy: data loss warned")
        << QStringLiteral("ssg-demo-healthy") << QStringLiteral("i-demo-healthy") << proposed
        << K::DataLoss << QString() << O::Warning << Remedy::CreateSafetySnapshot << true;
    QTest::newRow("running") << QStringLiteral("ssg-demo-running")
                             << QStringLiteral("i-demo-running") << proposed << K::InstanceStopped
                             << QString() << O::Failed << Remedy::StopInStandardMode << false;
    QTest::newRow("economical mode")
        << QStringLiteral("ssg-demo-economical") << QStringLiteral("i-demo-economical") << proposed
        << K::StoppedInStandardMode << QString() << O::Failed << Remedy::StopInStandardMode
        << false;
    QTest::newRow("detached disk, proposed selection leaves it out")
        << QStringLiteral("ssg-demo-detached") << QStringLiteral("i-demo-detached") << proposed
        << K::DiskAttached << QStringLiteral("d-demo-detached-data2") << O::Failed << Remedy::None
        << true;
    QTest::newRow("detached disk, selected")
        << QStringLiteral("ssg-demo-detached") << QStringLiteral("i-demo-detached")
        << std::optional<QStringList>(QStringList { QStringLiteral("d-demo-detached-data2") })
        << K::DiskAttached << QStringLiteral("d-demo-detached-data2") << O::Failed << Remedy::None
        << false;
    QTest::newRow("released disk, selected")
        << QStringLiteral("ssg-demo-released") << QStringLiteral("i-demo-released")
        << std::optional<QStringList>(QStringList { QStringLiteral("d-demo-released-data2") })
        << K::DiskExists << QStringLiteral("d-demo-released-data2") << O::Failed << Remedy::None
        << false;
    QTest::newRow("system disk replaced, selected")
        << QStringLiteral("ssg-demo-replaced") << QStringLiteral("i-demo-replaced")
        << std::optional<QStringList>(QStringList { QStringLiteral("d-demo-replaced-system-old") })
        << K::SystemDiskUnchanged << QStringLiteral("d-demo-replaced-system-old") << O::Failed
        << Remedy::None << false;
    QTest::newRow("system disk replaced, data disk still allowed")
        << QStringLiteral("ssg-demo-replaced") << QStringLiteral("i-demo-replaced")
        << std::optional<QStringList>(QStringList { QStringLiteral("d-demo-replaced-data1") })
        << K::SystemDiskUnchanged << QString() << O::Warning << Remedy::None << true;
    QTest::newRow("member snapshot deleted")
        << QStringLiteral("ssg-demo-lostmember") << QStringLiteral("i-demo-lostmember") << proposed
        << K::DiskNotInSnapshot << QStringLiteral("d-demo-lostmember-data2") << O::Warning
        << Remedy::None << true;
    QTest::newRow("instance snapshot still progressing")
        << QStringLiteral("ssg-demo-progressing") << QStringLiteral("i-demo-progressing")
        << proposed << K::SnapshotGroupAccomplished << QString() << O::Failed << Remedy::Refresh
        << false;
    QTest::newRow("another snapshot still being created")
        << QStringLiteral("ssg-demo-progressing-old") << QStringLiteral("i-demo-progressing")
        << proposed << K::NoUnfinishedSnapshot << QStringLiteral("d-demo-progressing-data1")
        << O::Failed << Remedy::Refresh << false;
    QTest::newRow("security lock")
        << QStringLiteral("ssg-demo-locked") << QStringLiteral("i-demo-locked") << proposed
        << K::InstanceNotLocked << QString() << O::Failed << Remedy::None << false;
    const auto only = [](const char *diskId) {
        return std::optional<QStringList>(QStringList { QString::fromLatin1(diskId) });
    };
    QTest::newRow("subscription expired")
        << QStringLiteral("ssg-demo-expired") << QStringLiteral("i-demo-expired") << proposed
        << K::InstanceNotExpired << QString() << O::Failed << Remedy::None << false;
    QTest::newRow("in arrears") << QStringLiteral("ssg-demo-arrears")
                                << QStringLiteral("i-demo-arrears") << proposed
                                << K::InstanceNotExpired << QString() << O::Failed << Remedy::None
                                << false;
    QTest::newRow("local disk, proposed selection leaves it out")
        << QStringLiteral("ssg-demo-localdisk") << QStringLiteral("i-demo-localdisk") << proposed
        << K::DiskCategorySupportsReset << QStringLiteral("d-demo-localdisk-data1") << O::Failed
        << Remedy::None << true;
    QTest::newRow("local disk, selected")
        << QStringLiteral("ssg-demo-localdisk") << QStringLiteral("i-demo-localdisk")
        << only("d-demo-localdisk-data1") << K::DiskCategorySupportsReset
        << QStringLiteral("d-demo-localdisk-data1") << O::Failed << Remedy::None << false;
    QTest::newRow("encrypted snapshot onto a plain disk, selected")
        << QStringLiteral("ssg-demo-encrypted") << QStringLiteral("i-demo-encrypted")
        << only("d-demo-encrypted-data1") << K::SnapshotEncryptionMatchesDisk
        << QStringLiteral("d-demo-encrypted-data1") << O::Failed << Remedy::None << false;
    QTest::newRow("disk attaching, selected")
        << QStringLiteral("ssg-demo-busy") << QStringLiteral("i-demo-busy")
        << only("d-demo-busy-data1") << K::DiskStatusAllowsReset
        << QStringLiteral("d-demo-busy-data1") << O::Failed << Remedy::Refresh << false;
    QTest::newRow("instant access: usable disks can be rolled back now")
        << QStringLiteral("ssg-demo-instant") << QStringLiteral("i-demo-instant") << proposed
        << K::SnapshotGroupAccomplished << QString() << O::Warning << Remedy::Refresh << true;
    QTest::newRow("instant access: the disk whose snapshot is not available")
        << QStringLiteral("ssg-demo-instant") << QStringLiteral("i-demo-instant")
        << only("d-demo-instant-data1") << K::SnapshotReady
        << QStringLiteral("d-demo-instant-data1") << O::Failed << Remedy::Refresh << false;
    QTest::newRow("instance snapshot deleted")
        << QStringLiteral("ssg-demo-gone") << QStringLiteral("i-demo-healthy") << proposed
        << K::SnapshotGroupExists << QString() << O::Failed << Remedy::None << false;
}

void TestPreconditionsDemo::demoCase()
{
    QFETCH(QString, group);
    QFETCH(QString, instance);
    QFETCH(std::optional<QStringList>, selection);
    QFETCH(PreconditionKind, kind);
    QFETCH(QString, diskId);
    QFETCH(PreconditionOutcome, outcome);
    QFETCH(Remedy, remedy);
    QFETCH(bool, allowed);

    JobHarness harness;
    const std::optional<RollbackFacts> facts = gather(harness, group, instance);
    QVERIFY(facts);

    const PreconditionReport report = checkPreconditions(*facts, selection);
    const PreconditionItem *item = report.find(kind, diskId);
    QVERIFY2(item, qPrintable(preconditionKindName(kind) + QLatin1Char(' ') + diskId));
    QCOMPARE(item->outcome, outcome);
    QCOMPARE(item->remedy, remedy);
    QVERIFY(!item->title.isEmpty());
    QVERIFY(!item->explanation.isEmpty());
    if (outcome != PreconditionOutcome::Passed)
        QVERIFY2(!item->facts.isEmpty(), qPrintable(item->title));
    QCOMPARE(report.allowsRollback(), allowed);
    if (allowed) {
        // Whatever is proposed or selected can really be rolled back.
        for (const DiskEligibility &disk : report.disks) {
            if (disk.selected)
                QVERIFY2(disk.canRollBack, qPrintable(disk.diskId));
        }
    }
}

std::optional<RollbackFacts> TestPreconditionsDemo::gather(
    JobHarness &harness, const QString &group, const QString &instance)
{
    const QString problem = harness.init();
    if (!problem.isEmpty()) {
        qWarning() << problem;
        return std::nullopt;
    }
    FactsGatherer gatherer(
        harness.api(), RollbackTarget { QStringLiteral("cn-hangzhou"), group, instance });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    if (!finished.wait(10000) || gatherer.facts().firstError().isError())
        return std::nullopt;
    return gatherer.facts();
}

// One broken condition is one blocking item, named after its cause: a detached disk is
// "not attached", not also "not in use"; a replaced system disk is "replaced", not also
// "released". Checked with the dialog's default selection and with every disk of the
// instance snapshot selected, for each demo case.
void TestPreconditionsDemo::oneBlockingItemPerCause_data()
{
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QStringList>("byDefault"); // blocking items, default selection
    QTest::addColumn<QStringList>("allSelected"); // blocking items, every disk selected

    const auto row = [](const char *name, const QString &group, const QString &instance,
                         const QStringList &byDefault, const QStringList &allSelected) {
        QTest::newRow(name) << group << instance << byDefault << allSelected;
    };
    const QString hz = QStringLiteral("i-demo-");
    row("healthy", QStringLiteral("ssg-demo-healthy"), hz + QLatin1String("healthy"), {}, {});
    row("running", QStringLiteral("ssg-demo-running"), hz + QLatin1String("running"),
        { QStringLiteral("instance-stopped") }, { QStringLiteral("instance-stopped") });
    row("economical", QStringLiteral("ssg-demo-economical"), hz + QLatin1String("economical"),
        { QStringLiteral("stopped-in-standard-mode") },
        { QStringLiteral("stopped-in-standard-mode") });
    row("detached", QStringLiteral("ssg-demo-detached"), hz + QLatin1String("detached"), {},
        { QStringLiteral("disk-attached d-demo-detached-data2") });
    row("released", QStringLiteral("ssg-demo-released"), hz + QLatin1String("released"), {},
        { QStringLiteral("disk-exists d-demo-released-data2") });
    row("replaced", QStringLiteral("ssg-demo-replaced"), hz + QLatin1String("replaced"), {},
        { QStringLiteral("system-disk-unchanged d-demo-replaced-system-old") });
    row("lost member", QStringLiteral("ssg-demo-lostmember"), hz + QLatin1String("lostmember"), {},
        {});
    row("group progressing", QStringLiteral("ssg-demo-progressing"),
        hz + QLatin1String("progressing"), { QStringLiteral("snapshot-group-accomplished") },
        { QStringLiteral("snapshot-group-accomplished") });
    row("another snapshot being created", QStringLiteral("ssg-demo-progressing-old"),
        hz + QLatin1String("progressing"), { QStringLiteral("disk-selection") },
        { QStringLiteral("no-unfinished-snapshot d-demo-progressing-system"),
            QStringLiteral("no-unfinished-snapshot d-demo-progressing-data1") });
    row("security lock", QStringLiteral("ssg-demo-locked"), hz + QLatin1String("locked"),
        { QStringLiteral("instance-not-locked") }, { QStringLiteral("instance-not-locked") });
    row("group deleted", QStringLiteral("ssg-demo-gone"), hz + QLatin1String("healthy"),
        { QStringLiteral("snapshot-group-exists") }, { QStringLiteral("snapshot-group-exists") });
    row("subscription expired", QStringLiteral("ssg-demo-expired"), hz + QLatin1String("expired"),
        { QStringLiteral("instance-not-expired") }, { QStringLiteral("instance-not-expired") });
    row("in arrears", QStringLiteral("ssg-demo-arrears"), hz + QLatin1String("arrears"),
        { QStringLiteral("instance-not-expired") }, { QStringLiteral("instance-not-expired") });
    row("local disk", QStringLiteral("ssg-demo-localdisk"), hz + QLatin1String("localdisk"), {},
        { QStringLiteral("disk-category-supports-reset d-demo-localdisk-data1") });
    row("encrypted snapshot, plain disk", QStringLiteral("ssg-demo-encrypted"),
        hz + QLatin1String("encrypted"), {},
        { QStringLiteral("snapshot-encryption-matches-disk d-demo-encrypted-data1") });
    row("disk attaching", QStringLiteral("ssg-demo-busy"), hz + QLatin1String("busy"), {},
        { QStringLiteral("disk-status-allows-reset d-demo-busy-data1") });
    row("instant access, one snapshot not available yet", QStringLiteral("ssg-demo-instant"),
        hz + QLatin1String("instant"), {},
        { QStringLiteral("snapshot-ready d-demo-instant-data1") });
}

void TestPreconditionsDemo::oneBlockingItemPerCause()
{
    QFETCH(QString, group);
    QFETCH(QString, instance);
    QFETCH(QStringList, byDefault);
    QFETCH(QStringList, allSelected);

    JobHarness harness;
    const std::optional<RollbackFacts> facts = gather(harness, group, instance);
    QVERIFY(facts);
    const auto blocking = [](const PreconditionReport &report) {
        QStringList names;
        for (const PreconditionItem &item : report.blockingItems()) {
            names << (item.diskId.isEmpty()
                    ? preconditionKindName(item.kind)
                    : preconditionKindName(item.kind) + QLatin1Char(' ') + item.diskId);
        }
        return names;
    };
    const PreconditionReport proposed = checkPreconditions(*facts, std::nullopt);
    QCOMPARE(blocking(proposed), byDefault);
    QCOMPARE(proposed.allowsRollback(), byDefault.isEmpty());

    const QStringList every = facts->group ? facts->group->sourceDiskIds() : QStringList();
    const PreconditionReport all = checkPreconditions(*facts, every);
    QCOMPARE(blocking(all), allSelected);
}

QTEST_GUILESS_MAIN(TestPreconditionsDemo)
#include "tst_preconditions_demo.moc"
