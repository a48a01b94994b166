#include "ServiceCalls.h"
#include "service/ErrorCatalog.h"

#include <QTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::testing;

// ResetDisks / ResetDisk against the demo account: every service-side rule of
// ROLLBACK-SEMANTICS §2 with its code and HTTP status, and what a rollback really does.
class TestServiceReset : public QObject
{
    Q_OBJECT

private:
    static ApiParameters resetDisks(
        const QList<QPair<QString, QString>> &pairs, bool dryRun = false)
    {
        ApiParameters parameters { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") } };
        for (int i = 0; i < pairs.size(); ++i) {
            const QString prefix = QStringLiteral("Disk.%1.").arg(i + 1);
            parameters.insert(prefix + QLatin1String("DiskId"), pairs.at(i).first);
            parameters.insert(prefix + QLatin1String("SnapshotId"), pairs.at(i).second);
        }
        if (dryRun)
            parameters.insert(QStringLiteral("DryRun"), QStringLiteral("true"));
        return parameters;
    }

    static QPair<QString, QString> pair(const char *disk, const char *snapshot)
    {
        return { QLatin1String(disk), QLatin1String(snapshot) };
    }

private Q_SLOTS:
    void rules_data()
    {
        QTest::addColumn<QString>("diskId");
        QTest::addColumn<QString>("snapshotId");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("instance running")
            << "d-demo-running-system"
            << "s-demo-running-system" << 403 << "IncorrectInstanceStatus";
        QTest::newRow("disk released")
            << "d-demo-released-data2"
            << "s-demo-released-data2" << 404 << "InvalidDiskId.NotFound";
        QTest::newRow("old system disk gone")
            << "d-demo-replaced-system-old"
            << "s-demo-replaced-old" << 404 << "InvalidDiskId.NotFound";
        QTest::newRow("new system disk, old snapshot")
            << "d-demo-replaced-system-new"
            << "s-demo-replaced-old" << 403 << "InvalidParameter.Mismatch";
        QTest::newRow("snapshot deleted from group")
            << "d-demo-lostmember-data2"
            << "s-demo-lostmember-data2" << 404 << "InvalidSnapshotId.NotFound";
        QTest::newRow("snapshot of another disk")
            << "d-demo-healthy-data1"
            << "s-demo-healthy-data2" << 403 << "InvalidParameter.Mismatch";
        QTest::newRow("snapshot not ready")
            << "d-demo-progressing-data1"
            << "s-demo-progressing-data1" << 403 << "InvalidSnapshotId.NotReady";
        QTest::newRow("unfinished snapshot on the disk")
            << "d-demo-progressing-data1"
            << "s-demo-progressing-data1-old" << 403 << "IncorrectDiskStatus.HasUnfinishedSnapshot";
        QTest::newRow("security lock")
            << "d-demo-locked-data1"
            << "s-demo-locked-data1" << 403 << "InstanceLockedForSecurity";
        QTest::newRow("subscription expired")
            << "d-demo-expired-data1"
            << "s-demo-expired-data1" << 403 << "InstanceExpiredOrInArrears";
        QTest::newRow("financial lock")
            << "d-demo-arrears-data1"
            << "s-demo-arrears-data1" << 403 << "InstanceExpiredOrInArrears";
        QTest::newRow("local disk")
            << "d-demo-localdisk-data1"
            << "s-demo-localdisk-data1" << 400 << "DiskCategory.OperationNotSupported";
        QTest::newRow("encrypted snapshot onto a plain disk")
            << "d-demo-encrypted-data1"
            << "s-demo-encrypted-data1" << 403 << "InvalidParameter.Mismatch";
        QTest::newRow("disk attaching") << "d-demo-busy-data1"
                                        << "s-demo-busy-data1" << 403 << "IncorrectDiskStatus";
        QTest::newRow("instant access, snapshot not available yet")
            << "d-demo-instant-data1"
            << "s-demo-instant-data1" << 403 << "InvalidSnapshotId.NotReady";
    }

    void rules()
    {
        QFETCH(QString, diskId);
        QFETCH(QString, snapshotId);
        QFETCH(int, status);
        QFETCH(QString, code);
        EcsService service(demo());
        service.setTiming(fastTiming());
        for (const bool dryRun : { true, false }) {
            const ActionResult result
                = call(service, "ResetDisks", resetDisks({ { diskId, snapshotId } }, dryRun));
            QCOMPARE(errorCode(result), code);
            QCOMPARE(httpStatus(result), status);
            // Worded as the service documents the code for this action.
            const QList<ServiceError> documented
                = ErrorCatalog::builtIn().entries(QStringLiteral("ResetDisks"), code);
            QVERIFY2(!documented.isEmpty(), qPrintable(code));
            QCOMPARE(result.error->message, documented.first().message);
        }
        // ResetDisk applies the same rules.
        const ActionResult single = call(service, "ResetDisk",
            { { QStringLiteral("DiskId"), diskId }, { QStringLiteral("SnapshotId"), snapshotId } });
        QCOMPARE(errorCode(single), code);
    }

    // ESSD instant access: the group is still progressing, but the system disk's snapshot
    // is Available, so the service takes it (its own progress does not count as an
    // unfinished snapshot of the disk).
    void instantAccessSnapshotIsUsedWhileTheGroupProgresses()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        const auto request
            = resetDisks({ pair("d-demo-instant-system", "s-demo-instant-system") }, true);
        QCOMPARE(
            errorCode(call(service, "ResetDisks", request)), QStringLiteral("DryRunOperation"));
        const ActionResult real = call(service, "ResetDisks",
            resetDisks({ pair("d-demo-instant-system", "s-demo-instant-system") }, false));
        QCOMPARE(errorCode(real), QString());
    }

    void detachedDiskCanBeRolledBack()
    {
        // ResetDisk accepts Available disks (REFERENCE §9); the emulator does the same.
        EcsService service(demo());
        service.setTiming(fastTiming());
        const ActionResult result = call(service, "ResetDisks",
            resetDisks({ pair("d-demo-detached-data2", "s-demo-detached-data2") }));
        QVERIFY(!result.error);
        QTRY_COMPARE_WITH_TIMEOUT(
            disk(service, QStringLiteral("cn-hangzhou"), QStringLiteral("d-demo-detached-data2"))
                .value(QStringLiteral("Status"))
                .toString(),
            DiskStatusName::Available, 5000);
        QVERIFY(service.diskContentMarker(QStringLiteral("d-demo-detached-data2"))
                    .contains(QLatin1String("ssg-demo-detached")));
    }

    void rollbackRestoresSelectedDisksOnly()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        const QJsonObject before = service.saveState();
        const QString untouched = service.diskContentMarker(QStringLiteral("d-demo-healthy-data3"));
        const QString snapshotMarker
            = QStringLiteral("d-demo-healthy-data1 as of ssg-demo-healthy (2026-11-18T02:00:00Z)");
        QVERIFY(
            service.diskContentMarker(QStringLiteral("d-demo-healthy-data1")) != snapshotMarker);

        const ActionResult result = call(service, "ResetDisks",
            resetDisks({ pair("d-demo-healthy-system", "s-demo-healthy-system"),
                pair("d-demo-healthy-data1", "s-demo-healthy-data1") }));
        QVERIFY2(!result.error, qPrintable(errorCode(result)));
        QVERIFY(!result.body.contains(QStringLiteral("RequestId"))); // the front adds it
        const QJsonArray progress = items(result, "OperationProgressSet", "OperationProgress");
        QCOMPARE(progress.size(), 2);
        for (const QJsonValue &entry : progress) {
            QCOMPARE(
                entry[QStringLiteral("OperationStatus")].toString(), QStringLiteral("Success"));
            const QJsonArray related
                = entry[QStringLiteral("RelatedItemSet")][QStringLiteral("RelatedItem")].toArray();
            QCOMPARE(ids(related, "Name"),
                (QStringList { QStringLiteral("SnapshotId"), QStringLiteral("DiskId") }));
        }

        // During the rollback: ReIniting, old content, and a second reset is refused.
        const QString region = QStringLiteral("cn-hangzhou");
        QCOMPARE(
            disk(service, region, QStringLiteral("d-demo-healthy-data1"))[QStringLiteral("Status")]
                .toString(),
            DiskStatusName::ReIniting);
        QVERIFY(
            service.diskContentMarker(QStringLiteral("d-demo-healthy-data1")) != snapshotMarker);
        const ActionResult again = call(service, "ResetDisk",
            { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") },
                { QStringLiteral("SnapshotId"), QStringLiteral("s-demo-healthy-data1") } });
        QCOMPARE(errorCode(again), QStringLiteral("InvalidOperation.DiskResetInProgress"));
        QCOMPARE(httpStatus(again), 403);

        QTRY_COMPARE_WITH_TIMEOUT(
            disk(service, region, QStringLiteral("d-demo-healthy-data1"))[QStringLiteral("Status")]
                .toString(),
            DiskStatusName::InUse, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(
            disk(service, region, QStringLiteral("d-demo-healthy-system"))[QStringLiteral("Status")]
                .toString(),
            DiskStatusName::InUse, 5000);
        QCOMPARE(service.diskContentMarker(QStringLiteral("d-demo-healthy-data1")), snapshotMarker);
        QVERIFY(service.diskContentMarker(QStringLiteral("d-demo-healthy-system"))
                    .contains(QLatin1String("ssg-demo-healthy")));
        QCOMPARE(service.diskContentMarker(QStringLiteral("d-demo-healthy-data3")), untouched);

        // Nothing else changed: every other disk, instance, snapshot and group is as before.
        QJsonObject after = service.saveState();
        QJsonArray beforeDisks = before[QStringLiteral("Disks")].toArray();
        QJsonArray afterDisks = after[QStringLiteral("Disks")].toArray();
        QCOMPARE(afterDisks.size(), beforeDisks.size());
        int changed = 0;
        for (int i = 0; i < beforeDisks.size(); ++i)
            changed += beforeDisks.at(i) != afterDisks.at(i) ? 1 : 0;
        QCOMPARE(changed, 2);
        for (const char *key : { "Instances", "Snapshots", "SnapshotGroups", "Regions" })
            QCOMPARE(after[QLatin1String(key)], before[QLatin1String(key)]);
    }

    void wholeRequestFailsOnFirstProblem()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        const ActionResult result = call(service, "ResetDisks",
            resetDisks({ pair("d-demo-healthy-data1", "s-demo-healthy-data1"),
                pair("d-demo-healthy-data2", "s-demo-missing") }));
        QCOMPARE(errorCode(result), QStringLiteral("InvalidSnapshotId.NotFound"));
        QCOMPARE(disk(service, QStringLiteral("cn-hangzhou"),
                     QStringLiteral("d-demo-healthy-data1"))[QStringLiteral("Status")]
                     .toString(),
            DiskStatusName::InUse);
    }

    void dryRunChecksWithoutActing()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        const QJsonObject before = service.saveState();
        const ActionResult result = call(service, "ResetDisks",
            resetDisks({ pair("d-demo-healthy-data1", "s-demo-healthy-data1") }, true));
        QCOMPARE(errorCode(result), QStringLiteral("DryRunOperation"));
        QCOMPARE(httpStatus(result), 400);
        const ActionResult single = call(service, "ResetDisk",
            { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") },
                { QStringLiteral("SnapshotId"), QStringLiteral("s-demo-healthy-data1") },
                { QStringLiteral("DryRun"), QStringLiteral("true") } });
        QCOMPARE(errorCode(single), QStringLiteral("DryRunOperation"));
        QCOMPARE(service.saveState(), before);
    }

    void parameters()
    {
        EcsService service(demo());
        ActionResult result = call(service, "ResetDisks",
            { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") } });
        QCOMPARE(errorCode(result), QStringLiteral("MissingParameter"));
        QCOMPARE(httpStatus(result), 400);
        result = call(service, "ResetDisks", resetDisks({ pair("d-demo-healthy-data1", "") }));
        QCOMPARE(errorCode(result), QStringLiteral("MissingParameter"));
        QVERIFY(result.error->message.contains(QLatin1String("Disk.1.SnapshotId")));
        ApiParameters noRegion
            = resetDisks({ pair("d-demo-healthy-data1", "s-demo-healthy-data1") });
        noRegion.remove(QStringLiteral("RegionId"));
        QCOMPARE(
            errorCode(call(service, "ResetDisks", noRegion)), QStringLiteral("MissingParameter"));
        ApiParameters badRegion
            = resetDisks({ pair("d-demo-healthy-data1", "s-demo-healthy-data1") });
        badRegion.insert(QStringLiteral("RegionId"), QStringLiteral("xx-nowhere-1"));
        result = call(service, "ResetDisks", badRegion);
        QCOMPARE(errorCode(result), QStringLiteral("InvalidRegionId.NotFound"));
        QCOMPARE(httpStatus(result), 404);
        // A disk of another region is not found in this one.
        ApiParameters otherRegion
            = resetDisks({ pair("d-demo-sh-stopped-data1", "s-demo-sh-stopped-data1") });
        QCOMPARE(errorCode(call(service, "ResetDisks", otherRegion)),
            QStringLiteral("InvalidDiskId.NotFound"));
        QCOMPARE(errorCode(call(service, "ResetDisk",
                     { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") } })),
            QStringLiteral("MissingParameter"));
        result = call(service, "ResetDisks",
            resetDisks({ pair("d-demo-healthy-data1", "s-demo-healthy-data1"),
                pair("d-demo-healthy-data1", "s-demo-healthy-data1") }));
        QCOMPARE(errorCode(result), QStringLiteral("InvalidParameter"));
    }

    void atMostTenDisks()
    {
        Scenario scenario = Scenario::generated(1, 3, 1, 7);
        EcsService service(scenario);
        QList<QPair<QString, QString>> pairs;
        for (const EmulatedSnapshot &snapshot : std::as_const(scenario.snapshots))
            pairs.append({ snapshot.snapshot.sourceDiskId, snapshot.snapshot.snapshotId });
        QVERIFY(pairs.size() <= 12);
        while (pairs.size() < 11)
            pairs.append(pairs.first());
        const ActionResult result = call(service, "ResetDisks", resetDisks(pairs.mid(0, 11)));
        QCOMPARE(errorCode(result), QStringLiteral("InvalidParameter"));
        QCOMPARE(httpStatus(result), 400);
        QVERIFY(result.error->message.contains(QLatin1String("10")));
    }

    void resetDiskRestoresMarker()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        QVERIFY(service.setDiskContentMarker(
            QStringLiteral("d-demo-healthy-data2"), QStringLiteral("written later")));
        const ActionResult result = call(service, "ResetDisk",
            { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data2") },
                { QStringLiteral("SnapshotId"), QStringLiteral("s-demo-healthy-data2") } });
        QVERIFY(!result.error);
        QVERIFY(result.body.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(service.diskContentMarker(QStringLiteral("d-demo-healthy-data2"))
                                     .contains(QLatin1String("ssg-demo-healthy")),
            5000);
        QCOMPARE(disk(service, QStringLiteral("cn-hangzhou"),
                     QStringLiteral("d-demo-healthy-data2"))[QStringLiteral("Status")]
                     .toString(),
            DiskStatusName::InUse);
    }
};

QTEST_GUILESS_MAIN(TestServiceReset)
#include "tst_service_reset.moc"
