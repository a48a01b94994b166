#include "ServiceCalls.h"

#include <QTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::testing;

// The admin API: save/load/reset, timing, markers, describeWorld.
class TestServiceAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveLoadRoundTrip()
    {
        EcsService service(demo());
        const QJsonObject saved = service.saveState();
        EcsService other;
        QCOMPARE(other.loadState(saved), QString());
        QCOMPARE(other.saveState(), saved);
        QCOMPARE(other.diskContentMarker(QStringLiteral("d-demo-healthy-data1")),
            service.diskContentMarker(QStringLiteral("d-demo-healthy-data1")));
    }

    void loadRefusesBrokenState()
    {
        EcsService service(demo());
        const QJsonObject before = service.saveState();
        QJsonObject broken = before;
        QJsonArray disks = broken[QStringLiteral("Disks")].toArray();
        QJsonObject first = disks.first().toObject();
        first.insert(QStringLiteral("InstanceId"), QStringLiteral("i-missing"));
        disks.replace(0, first);
        broken.insert(QStringLiteral("Disks"), disks);
        const QString problem = service.loadState(broken);
        QVERIFY(problem.contains(QLatin1String("i-missing")));
        QCOMPARE(service.saveState(), before); // unchanged
    }

    void resetReturnsToLoadedScenarioAndDropsTimers()
    {
        EcsService service(demo());
        ServiceTiming timing = fastTiming();
        timing.stopMs = 200;
        service.setTiming(timing);
        const QJsonObject initial = service.saveState();
        QVERIFY(!call(service, "StopInstance",
            { { QStringLiteral("InstanceId"), QStringLiteral("i-demo-running") } })
                     .error);
        service.setDiskContentMarker(
            QStringLiteral("d-demo-healthy-data1"), QStringLiteral("changed"));
        service.reset();
        QCOMPARE(service.saveState(), initial);
        // The stop that was under way does not land on the reset world.
        QTest::qWait(400);
        QCOMPARE(instanceStatus(
                     service, QStringLiteral("cn-hangzhou"), QStringLiteral("i-demo-running")),
            InstanceStatusName::Running);
    }

    void loadResumesTransitions()
    {
        EcsService service(demo());
        ServiceTiming timing = fastTiming();
        timing.resetMs = 60000; // would not finish during the test
        service.setTiming(timing);
        QVERIFY(service.setDiskContentMarker(
            QStringLiteral("d-demo-healthy-data1"), QStringLiteral("new data")));
        QVERIFY(!call(service, "ResetDisk",
            { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") },
                { QStringLiteral("SnapshotId"), QStringLiteral("s-demo-healthy-data1") } })
                     .error);
        const QJsonObject midway = service.saveState();

        EcsService restored;
        restored.setTiming(fastTiming());
        QCOMPARE(restored.loadState(midway), QString());
        QCOMPARE(disk(restored, QStringLiteral("cn-hangzhou"),
                     QStringLiteral("d-demo-healthy-data1"))[QStringLiteral("Status")]
                     .toString(),
            DiskStatusName::ReIniting);
        QTRY_VERIFY_WITH_TIMEOUT(restored.diskContentMarker(QStringLiteral("d-demo-healthy-data1"))
                                     .contains(QLatin1String("ssg-demo-healthy")),
            5000);
        QCOMPARE(disk(restored, QStringLiteral("cn-hangzhou"),
                     QStringLiteral("d-demo-healthy-data1"))[QStringLiteral("Status")]
                     .toString(),
            DiskStatusName::InUse);
    }

    void timingAndWorld()
    {
        EcsService service(demo());
        ServiceTiming timing = fastTiming();
        timing.economicalStartFailureRate = 0.25;
        service.setTiming(timing);
        QCOMPARE(service.timing().resetMs, 30);
        const ServiceTiming copy
            = ServiceTiming::fromJson(service.timing().toJson(), ServiceTiming {});
        QCOMPARE(copy.toJson(), service.timing().toJson());
        QString error;
        const ServiceTiming refused = ServiceTiming::fromJson(
            { { QStringLiteral("economicalStartFailureRate"), 7 } }, service.timing(), &error);
        QVERIFY(error.contains(QLatin1String("economicalStartFailureRate")));
        QCOMPARE(refused.economicalStartFailureRate, 0.25);

        const QJsonObject world = service.describeWorld();
        QCOMPARE(world[QStringLiteral("Timing")].toObject()[QStringLiteral("resetMs")].toInt(), 30);
        bool found = false;
        for (const QJsonValue &value : world[QStringLiteral("Disks")].toArray()) {
            if (value[QStringLiteral("DiskId")].toString()
                == QLatin1String("d-demo-healthy-data1")) {
                found = true;
                QCOMPARE(value[QStringLiteral("ContentMarker")].toString(),
                    service.diskContentMarker(QStringLiteral("d-demo-healthy-data1")));
            }
        }
        QVERIFY(found);
        QCOMPARE(service.diskContentMarker(QStringLiteral("d-nope")), QString());
        QVERIFY(!service.setDiskContentMarker(QStringLiteral("d-nope"), QStringLiteral("x")));
    }

    void timingFromJson()
    {
        // What the admin endpoint's PUT /admin/timing goes through.
        ServiceTiming base = fastTiming();
        base.random = [] {
            return 0.5;
        };
        QString error;
        const ServiceTiming updated = ServiceTiming::fromJson(
            { { QStringLiteral("stopMs"), 5 }, { QStringLiteral("resetMs"), 7 } }, base, &error);
        QCOMPARE(error, QString());
        QCOMPARE(updated.stopMs, 5);
        QCOMPARE(updated.resetMs, 7);
        QCOMPARE(updated.startMs, base.startMs); // absent: kept
        QVERIFY(updated.random);
        for (const QJsonObject &bad : { QJsonObject { { QStringLiteral("stopMs"), -1 } },
                 QJsonObject { { QStringLiteral("stopMS"), 1 } },
                 QJsonObject { { QStringLiteral("snapshotSteps"), 0 } },
                 QJsonObject { { QStringLiteral("resetMs"), 1.5 } },
                 QJsonObject { { QStringLiteral("startMs"), QStringLiteral("10") } } }) {
            const ServiceTiming refused = ServiceTiming::fromJson(bad, base, &error);
            QVERIFY(!error.isEmpty());
            QCOMPARE(refused.toJson(), base.toJson());
        }
    }
};

QTEST_GUILESS_MAIN(TestServiceAdmin)
#include "tst_service_admin.moc"
