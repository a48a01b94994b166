// The admin endpoint's adapter over the real EcsService (the HTTP tests use a stub).
#include "ServiceAdminTarget.h"
#include "scenarios/Scenario.h"
#include "service/EcsService.h"

#include <QJsonObject>
#include <QTest>

using namespace ecs::emulator;

class TestServiceAdminTarget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timingChangesApplyAndBadOnesAreRefused();
    void resetRestoresTheScenario();
};

void TestServiceAdminTarget::timingChangesApplyAndBadOnesAreRefused()
{
    EcsService service(Scenario::builtIn(QStringLiteral("demo")));
    ServiceAdminTarget admin(service);
    QCOMPARE(admin.setTiming(QJsonObject { { QStringLiteral("stopMs"), 5 } }), QString());
    QCOMPARE(service.timing().stopMs, 5);

    for (const QJsonObject &bad : { QJsonObject { { QStringLiteral("stopMs"), -1 } },
             QJsonObject { { QStringLiteral("StopMs"), 7 } },
             QJsonObject { { QStringLiteral("economicalStartFailureRate"), 2 } } }) {
        QVERIFY(!admin.setTiming(bad).isEmpty());
        QCOMPARE(service.timing().stopMs, 5); // unchanged
    }
    QCOMPARE(admin.timing().value(QStringLiteral("stopMs")).toInt(), 5);
}

void TestServiceAdminTarget::resetRestoresTheScenario()
{
    EcsService service(Scenario::builtIn(QStringLiteral("demo")));
    ServiceAdminTarget admin(service);
    const QString disk = QStringLiteral("d-demo-healthy-data1");
    const QString before = service.diskContentMarker(disk);
    QVERIFY2(!before.isEmpty(), "the demo scenario names this disk");
    QVERIFY(service.setDiskContentMarker(disk, QStringLiteral("changed")));
    admin.reset();
    QCOMPARE(service.diskContentMarker(disk), before);
}

QTEST_GUILESS_MAIN(TestServiceAdminTarget)
#include "tst_service_admin_target.moc"
