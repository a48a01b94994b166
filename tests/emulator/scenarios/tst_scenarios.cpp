#include "scenarios/Scenario.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

// The scenario format, the built-in demo account and the generator.
class TestScenarios : public QObject
{
    Q_OBJECT

private:
    static const EmulatedInstance *instanceNamed(const Scenario &scenario, const QString &id)
    {
        for (const EmulatedInstance &record : scenario.instances) {
            if (record.instance.instanceId == id)
                return &record;
        }
        return nullptr;
    }

    static const EmulatedSnapshotGroup *groupNamed(const Scenario &scenario, const QString &id)
    {
        for (const EmulatedSnapshotGroup &record : scenario.snapshotGroups) {
            if (record.group.snapshotGroupId == id)
                return &record;
        }
        return nullptr;
    }

    static QSet<QString> diskIds(const Scenario &scenario)
    {
        QSet<QString> ids;
        for (const EmulatedDisk &record : scenario.disks)
            ids.insert(record.disk.diskId);
        return ids;
    }

    static QStringList sourceDisks(const Scenario &scenario, const EmulatedSnapshotGroup &group)
    {
        QStringList disks;
        for (const EmulatedSnapshot &record : scenario.snapshots) {
            if (group.snapshotIds.contains(record.snapshot.snapshotId))
                disks.append(record.snapshot.sourceDiskId);
        }
        return disks;
    }

private Q_SLOTS:
    void demoLoads()
    {
        QString error;
        const Scenario demo = Scenario::builtIn(QStringLiteral("demo"), &error);
        QCOMPARE(error, QString());
        QVERIFY(Scenario::builtInNames().contains(QStringLiteral("demo")));
        QSet<QString> regions;
        for (const ScenarioRegion &region : demo.regions)
            regions.insert(region.region.regionId);
        for (const char *id : { "cn-hangzhou", "cn-shanghai", "ap-southeast-1" })
            QVERIFY(regions.contains(QLatin1String(id)));
        QCOMPARE(demo.regions.first().localName(QStringLiteral("zh-CN")),
            QStringLiteral("华东1（杭州）"));
        QCOMPARE(demo.regions.first().localName(QStringLiteral("ja")),
            QStringLiteral("China (Hangzhou)"));
        // Every instance has an instance snapshot to roll back to (the progressing one an
        // older accomplished one; the instant-access one members that are Available).
        for (const EmulatedInstance &record : demo.instances) {
            bool usable = false;
            for (const EmulatedSnapshotGroup &group : demo.snapshotGroups) {
                if (group.group.instanceId != record.instance.instanceId)
                    continue;
                usable = usable || group.group.isAccomplished();
                for (const EmulatedSnapshot &snapshot : demo.snapshots) {
                    usable = usable
                        || (group.snapshotIds.contains(snapshot.snapshot.snapshotId)
                            && snapshot.snapshot.isUsableForRollback());
                }
            }
            QVERIFY2(usable, qPrintable(record.instance.instanceId));
        }
    }

    void demoPreconditionCases()
    {
        const Scenario demo = Scenario::builtIn(QStringLiteral("demo"));
        const QSet<QString> disks = diskIds(demo);

        const EmulatedInstance *healthy = instanceNamed(demo, QStringLiteral("i-demo-healthy"));
        QVERIFY(healthy && healthy->instance.isStopped()
            && healthy->instance.stoppedMode == StoppedModeName::KeepCharging);
        QCOMPARE(
            sourceDisks(demo, *groupNamed(demo, QStringLiteral("ssg-demo-healthy"))).size(), 4);

        QVERIFY(instanceNamed(demo, QStringLiteral("i-demo-running"))->instance.isRunning());

        const Instance &economical
            = instanceNamed(demo, QStringLiteral("i-demo-economical"))->instance;
        QVERIFY(economical.isPostPaidVpc());
        QVERIFY(economical.isStoppedInEconomicalMode());
        QCOMPARE(economical.instanceNetworkType, NetworkTypeName::Vpc);

        // Detached: the snapshot's source disk exists but is attached to nothing.
        for (const EmulatedDisk &record : demo.disks) {
            if (record.disk.diskId == QLatin1String("d-demo-detached-data2")) {
                QVERIFY(record.disk.instanceId.isEmpty());
                QCOMPARE(record.disk.status, DiskStatusName::Available);
            }
        }
        QVERIFY(sourceDisks(demo, *groupNamed(demo, QStringLiteral("ssg-demo-detached")))
                    .contains(QStringLiteral("d-demo-detached-data2")));
        // Released: the group names a disk that no longer exists.
        QVERIFY(sourceDisks(demo, *groupNamed(demo, QStringLiteral("ssg-demo-released")))
                    .contains(QStringLiteral("d-demo-released-data2")));
        QVERIFY(!disks.contains(QStringLiteral("d-demo-released-data2")));
        // System disk replaced: old ID gone, a new system disk attached.
        QVERIFY(sourceDisks(demo, *groupNamed(demo, QStringLiteral("ssg-demo-replaced")))
                    .contains(QStringLiteral("d-demo-replaced-system-old")));
        QVERIFY(!disks.contains(QStringLiteral("d-demo-replaced-system-old")));
        QVERIFY(disks.contains(QStringLiteral("d-demo-replaced-system-new")));
        // Lost member: three disks, two snapshots.
        QCOMPARE(groupNamed(demo, QStringLiteral("ssg-demo-lostmember"))->snapshotIds.size(), 2);
        QVERIFY(disks.contains(QStringLiteral("d-demo-lostmember-data2")));
        // Still progressing.
        QCOMPARE(groupNamed(demo, QStringLiteral("ssg-demo-progressing"))->group.status,
            SnapshotGroupStatusName::Progressing);
        // Security lock.
        QVERIFY(
            instanceNamed(demo, QStringLiteral("i-demo-locked"))->instance.isLockedForSecurity());
    }

    void jsonRoundTrip()
    {
        const Scenario demo = Scenario::builtIn(QStringLiteral("demo"));
        QString error;
        const Scenario again = Scenario::fromJson(demo.toJson(), &error);
        QCOMPARE(error, QString());
        QCOMPARE(again.toJson(), demo.toJson());
        QCOMPARE(again.disks.size(), demo.disks.size());
        QCOMPARE(again.snapshots.first().contentMarker, demo.snapshots.first().contentMarker);
    }

    void formatErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QByteArray region = R"({"RegionId":"r-1"})";
        QTest::newRow("instance without id") << QByteArray(R"({"Regions":[)" + region
            + R"(],"Instances":[{"RegionId":"r-1","Status":"Running"}]})")
                                             << "Instances[0].InstanceId";
        QTest::newRow("unknown region") << QByteArray(R"({"Regions":[)" + region
            + R"(],"Instances":[{"InstanceId":"i-1","RegionId":"r-2","Status":"Running"}]})")
                                        << "unknown region";
        QTest::newRow("duplicate disk") << QByteArray(R"({"Regions":[)" + region
            + R"(],"Disks":[{"DiskId":"d-1","RegionId":"r-1"},{"DiskId":"d-1","RegionId":"r-1"}]})")
                                        << "appears twice";
        QTest::newRow("group with unknown snapshot") << QByteArray(R"({"Regions":[)" + region
            + R"(],"SnapshotGroups":[{"SnapshotGroupId":"ssg-1","RegionId":"r-1","SnapshotIds":["s-9"]}]})")
                                                     << "unknown snapshot s-9";
        QTest::newRow("not an array") << QByteArray(R"({"Disks":{}})") << "Disks";
        QTest::newRow("wrong type") << QByteArray(R"({"Regions":[)" + region
            + R"(],"Disks":[{"DiskId":"d-1","RegionId":"r-1","Size":"big"}]})")
                                    << "Disks[0].Size";
    }

    void formatErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        QString error;
        const Scenario scenario
            = Scenario::fromJson(QJsonDocument::fromJson(json).object(), &error);
        QVERIFY2(error.contains(expected), qPrintable(error));
        QVERIFY(scenario.instances.isEmpty() && scenario.regions.isEmpty());
        QString missing;
        Scenario::builtIn(QStringLiteral("no-such-scenario"), &missing);
        QVERIFY(!missing.isEmpty());
    }

    void generatorCounts()
    {
        const Scenario scenario = Scenario::generated(3, 5, 4, 11);
        QCOMPARE(scenario.regions.size(), 3);
        QCOMPARE(scenario.instances.size(), 15);
        QCOMPARE(scenario.snapshotGroups.size(), 60);
        QCOMPARE(scenario.problem(), QString());
        // Every group snapshots every disk of its instance.
        qsizetype expectedSnapshots = 0;
        for (const EmulatedInstance &record : scenario.instances) {
            qsizetype disks = 0;
            for (const EmulatedDisk &disk : scenario.disks)
                disks += disk.disk.instanceId == record.instance.instanceId ? 1 : 0;
            QVERIFY(disks >= 1 && disks <= 4);
            expectedSnapshots += disks * 4;
        }
        QCOMPARE(scenario.snapshots.size(), expectedSnapshots);
        // Same seed, same account.
        QCOMPARE(Scenario::generated(3, 5, 4, 11).toJson(), scenario.toJson());
    }

    void generatorLargeAccount()
    {
        QElapsedTimer timer;
        timer.start();
        const Scenario scenario = Scenario::generated(1, 100, 100, 1);
        const qint64 elapsed = timer.elapsed();
        qInfo("10,000 instance snapshots (%lld snapshots) generated in %lld ms",
            static_cast<long long>(scenario.snapshots.size()), static_cast<long long>(elapsed));
        QCOMPARE(scenario.snapshotGroups.size(), 10000);
        QCOMPARE(scenario.instances.size(), 100);
        QCOMPARE(scenario.problem(), QString());
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
