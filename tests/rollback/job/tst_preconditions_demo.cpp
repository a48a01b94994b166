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
        << K::SystemDiskUnchanged << QString() << O::Failed << Remedy::None << false;
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
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    FactsGatherer gatherer(
        harness.api(), RollbackTarget { QStringLiteral("cn-hangzhou"), group, instance });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!gatherer.facts().firstError().isError());

    const PreconditionReport report = checkPreconditions(gatherer.facts(), selection);
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

QTEST_GUILESS_MAIN(TestPreconditionsDemo)
#include "tst_preconditions_demo.moc"
