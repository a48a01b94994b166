#include "ServiceCalls.h"

#include <QSignalSpy>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::testing;

// What changes over time: Stop/Start, CreateSnapshotGroup's progress, DeleteSnapshotGroup,
// and another actor's moves.
class TestServiceLifecycle : public QObject
{
    Q_OBJECT

private:
    const QString hz = QStringLiteral("cn-hangzhou");

    static QJsonObject instance(EcsService &service, const QString &id)
    {
        const QJsonArray instances = service.saveState()[QStringLiteral("Instances")].toArray();
        for (const QJsonValue &value : instances) {
            if (value[QStringLiteral("InstanceId")].toString() == id)
                return value.toObject();
        }
        return {};
    }

    static ApiParameters id(const char *instanceId)
    {
        return { { QStringLiteral("InstanceId"), QLatin1String(instanceId) } };
    }

    static QJsonObject group(EcsService &service, const QString &groupId)
    {
        const ActionResult result = call(service, "DescribeSnapshotGroups",
            { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
                { QStringLiteral("SnapshotGroupId.1"), groupId } });
        const QJsonArray groups = items(result, "SnapshotGroups", "SnapshotGroup");
        return groups.isEmpty() ? QJsonObject {} : groups.first().toObject();
    }

private Q_SLOTS:
    void stopThenStart()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        QSignalSpy changes(&service, &EcsService::worldChanged);
        QVERIFY(!call(service, "StopInstance", id("i-demo-running")).error);
        QCOMPARE(instanceStatus(service, hz, QStringLiteral("i-demo-running")),
            InstanceStatusName::Stopping);
        QTRY_COMPARE_WITH_TIMEOUT(instanceStatus(service, hz, QStringLiteral("i-demo-running")),
            InstanceStatusName::Stopped, 5000);
        QCOMPARE(instance(service, QStringLiteral("i-demo-running"))[QStringLiteral("StoppedMode")]
                     .toString(),
            StoppedModeName::KeepCharging);
        QVERIFY(changes.count() >= 2);

        QVERIFY(!call(service, "StartInstance", id("i-demo-running")).error);
        QCOMPARE(instanceStatus(service, hz, QStringLiteral("i-demo-running")),
            InstanceStatusName::Starting);
        QTRY_COMPARE_WITH_TIMEOUT(instanceStatus(service, hz, QStringLiteral("i-demo-running")),
            InstanceStatusName::Running, 5000);
    }

    void stopErrors()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        ActionResult result = call(service, "StopInstance", id("i-demo-healthy"));
        QCOMPARE(errorCode(result), QStringLiteral("IncorrectInstanceStatus"));
        QCOMPARE(httpStatus(result), 403);
        result = call(service, "StopInstance", id("i-nope"));
        QCOMPARE(errorCode(result), QStringLiteral("InvalidInstanceId.NotFound"));
        QCOMPARE(httpStatus(result), 404);
        QCOMPARE(errorCode(call(service, "StopInstance", {})), QStringLiteral("MissingParameter"));
        ApiParameters bad = id("i-demo-running");
        bad.insert(QStringLiteral("StoppedMode"), QStringLiteral("Hibernate"));
        QCOMPARE(errorCode(call(service, "StopInstance", bad)), QStringLiteral("InvalidParameter"));
        result = call(service, "StartInstance", id("i-demo-locked"));
        QCOMPARE(errorCode(result), QStringLiteral("InstanceLockedForSecurity"));
        QCOMPARE(errorCode(call(service, "StartInstance", id("i-demo-running"))),
            QStringLiteral("IncorrectInstanceStatus"));

        ApiParameters dryRun = id("i-demo-running");
        dryRun.insert(QStringLiteral("DryRun"), QStringLiteral("true"));
        QCOMPARE(
            errorCode(call(service, "StopInstance", dryRun)), QStringLiteral("DryRunOperation"));
        QCOMPARE(instanceStatus(service, hz, QStringLiteral("i-demo-running")),
            InstanceStatusName::Running);
        dryRun = id("i-demo-healthy");
        dryRun.insert(QStringLiteral("DryRun"), QStringLiteral("true"));
        QCOMPARE(
            errorCode(call(service, "StartInstance", dryRun)), QStringLiteral("DryRunOperation"));
        QCOMPARE(instanceStatus(service, hz, QStringLiteral("i-demo-healthy")),
            InstanceStatusName::Stopped);
    }

    void economicalModeOnlyForPostPaidVpc()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        ApiParameters parameters = id("i-demo-running");
        parameters.insert(QStringLiteral("StoppedMode"), StoppedModeName::StopCharging);
        QVERIFY(!call(service, "StopInstance", parameters).error);
        QTRY_COMPARE_WITH_TIMEOUT(instanceStatus(service, hz, QStringLiteral("i-demo-running")),
            InstanceStatusName::Stopped, 5000);
        QCOMPARE(instance(service, QStringLiteral("i-demo-running"))[QStringLiteral("StoppedMode")]
                     .toString(),
            StoppedModeName::StopCharging);

        // A subscription instance silently stops in standard mode.
        QCOMPARE(service.applyActorMove(
                     QStringLiteral("StartInstance"), QStringLiteral("i-demo-sg-prepaid")),
            QString());
        parameters = id("i-demo-sg-prepaid");
        parameters.insert(QStringLiteral("StoppedMode"), StoppedModeName::StopCharging);
        QVERIFY(!call(service, "StopInstance", parameters).error);
        QTRY_COMPARE_WITH_TIMEOUT(
            instance(service, QStringLiteral("i-demo-sg-prepaid"))[QStringLiteral("Status")]
                .toString(),
            InstanceStatusName::Stopped, 5000);
        QCOMPARE(
            instance(service, QStringLiteral("i-demo-sg-prepaid"))[QStringLiteral("StoppedMode")]
                .toString(),
            StoppedModeName::KeepCharging);
    }

    void economicalStartCanFailForLackOfStock()
    {
        EcsService service(demo());
        ServiceTiming timing = fastTiming();
        timing.economicalStartFailureRate = 0.5;
        timing.random = [] {
            return 0.25;
        };
        service.setTiming(timing);
        const ActionResult result = call(service, "StartInstance", id("i-demo-economical"));
        QCOMPARE(errorCode(result), QStringLiteral("OperationDenied.NoStock"));
        QCOMPARE(httpStatus(result), 403);
        QCOMPARE(instanceStatus(service, hz, QStringLiteral("i-demo-economical")),
            InstanceStatusName::Stopped);
        // Standard-mode instances are not affected.
        QVERIFY(!call(service, "StartInstance", id("i-demo-healthy")).error);

        timing.random = [] {
            return 0.75;
        };
        service.setTiming(timing);
        QVERIFY(!call(service, "StartInstance", id("i-demo-economical")).error);
        QTRY_COMPARE_WITH_TIMEOUT(instanceStatus(service, hz, QStringLiteral("i-demo-economical")),
            InstanceStatusName::Running, 5000);
    }

    void createSnapshotGroupProgressesAndCapturesContent()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        const QString before = service.diskContentMarker(QStringLiteral("d-demo-healthy-data1"));
        const ActionResult result = call(service, "CreateSnapshotGroup",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("InstanceId"), QStringLiteral("i-demo-healthy") },
                { QStringLiteral("Name"), QStringLiteral("before-test") } });
        QVERIFY2(!result.error, qPrintable(errorCode(result)));
        const QString groupId = result.body[QStringLiteral("SnapshotGroupId")].toString();
        QVERIFY(groupId.startsWith(QLatin1String("ssg-")));
        // Written after the snapshot was taken: the snapshot keeps the old content.
        service.setDiskContentMarker(
            QStringLiteral("d-demo-healthy-data1"), QStringLiteral("after"));

        QJsonObject described = group(service, groupId);
        QCOMPARE(
            described[QStringLiteral("Status")].toString(), SnapshotGroupStatusName::Progressing);
        QCOMPARE(
            described[QStringLiteral("InstanceId")].toString(), QStringLiteral("i-demo-healthy"));
        const QJsonArray members
            = described[QStringLiteral("Snapshots")][QStringLiteral("Snapshot")].toArray();
        QCOMPARE(members.size(), 4);
        QCOMPARE(members.first()[QStringLiteral("Available")].toBool(), false);

        // Rolling back a disk with an unfinished snapshot is refused meanwhile.
        const QString snapshotId = members.first()[QStringLiteral("SnapshotId")].toString();
        const QString diskId = members.first()[QStringLiteral("SourceDiskId")].toString();
        const ActionResult early = call(service, "ResetDisk",
            { { QStringLiteral("DiskId"), diskId }, { QStringLiteral("SnapshotId"), snapshotId } });
        QCOMPARE(errorCode(early), QStringLiteral("InvalidSnapshotId.NotReady"));

        // Progress rises through intermediate values to accomplished.
        QTRY_VERIFY_WITH_TIMEOUT(
            group(service, groupId)[QStringLiteral("Snapshots")][QStringLiteral("Snapshot")][0]
                                   [QStringLiteral("Progress")]
                                       .toString()
                != QLatin1String("0%"),
            5000);
        QTRY_COMPARE_WITH_TIMEOUT(group(service, groupId)[QStringLiteral("Status")].toString(),
            SnapshotGroupStatusName::Accomplished, 5000);
        const QJsonArray done
            = group(service, groupId)[QStringLiteral("Snapshots")][QStringLiteral("Snapshot")]
                  .toArray();
        for (const QJsonValue &member : done) {
            QCOMPARE(member[QStringLiteral("Progress")].toString(), QStringLiteral("100%"));
            QVERIFY(member[QStringLiteral("Available")].toBool());
        }

        // Rolling back to it restores the content at creation time.
        QString data1Snapshot;
        for (const QJsonValue &member : done) {
            if (member[QStringLiteral("SourceDiskId")].toString()
                == QLatin1String("d-demo-healthy-data1"))
                data1Snapshot = member[QStringLiteral("SnapshotId")].toString();
        }
        QVERIFY(!call(service, "ResetDisk",
            { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") },
                { QStringLiteral("SnapshotId"), data1Snapshot } })
                     .error);
        QTRY_COMPARE_WITH_TIMEOUT(
            service.diskContentMarker(QStringLiteral("d-demo-healthy-data1")), before, 5000);
    }

    void createSnapshotGroupErrors()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        const auto create = [&](ApiParameters parameters) {
            parameters.insert(QStringLiteral("RegionId"), hz);
            return call(service, "CreateSnapshotGroup", parameters);
        };
        QCOMPARE(errorCode(create({})), QStringLiteral("MissingParamter.InstanceId"));
        QCOMPARE(errorCode(create({ { QStringLiteral("InstanceId"), QStringLiteral("i-nope") } })),
            QStringLiteral("InvalidInstanceId.NotFound"));
        QCOMPARE(errorCode(
                     create({ { QStringLiteral("InstanceId"), QStringLiteral("i-demo-locked") } })),
            QStringLiteral("InstanceLockedForSecurity"));
        QCOMPARE(errorCode(create(
                     { { QStringLiteral("InstanceId"), QStringLiteral("i-demo-progressing") } })),
            QStringLiteral("IncorrectDiskStatus.CreatingSnapshot"));
        QCOMPARE(errorCode(create({ { QStringLiteral("DiskId.1"), QStringLiteral("d-nope") } })),
            QStringLiteral("InvalidDiskId.NotFound"));
        QCOMPARE(
            errorCode(create({ { QStringLiteral("DiskId.1"),
                                   QStringLiteral("d-demo-healthy-data1") },
                { QStringLiteral("ExcludeDiskId.1"), QStringLiteral("d-demo-healthy-data2") } })),
            QStringLiteral("InvalidParam.ExcludeDiskIdsAndDiskIds.Conflict"));
        QCOMPARE(
            errorCode(create({ { QStringLiteral("InstanceId"), QStringLiteral("i-demo-healthy") },
                { QStringLiteral("Name"), QStringLiteral("1-starts-with-a-digit") } })),
            QStringLiteral("InvalidParameter.Name"));
        QCOMPARE(errorCode(call(service, "CreateSnapshotGroup",
                     { { QStringLiteral("InstanceId"), QStringLiteral("i-demo-healthy") } })),
            QStringLiteral("MissingParameter"));

        // ExcludeDiskId.N leaves disks out.
        const ActionResult result
            = create({ { QStringLiteral("InstanceId"), QStringLiteral("i-demo-healthy") },
                { QStringLiteral("ExcludeDiskId.1"), QStringLiteral("d-demo-healthy-data3") } });
        QVERIFY(!result.error);
        const QJsonObject described
            = group(service, result.body[QStringLiteral("SnapshotGroupId")].toString());
        QCOMPARE(
            described[QStringLiteral("Snapshots")][QStringLiteral("Snapshot")].toArray().size(), 3);
    }

    void clientTokenIdempotency()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        ApiParameters parameters { { QStringLiteral("RegionId"), hz },
            { QStringLiteral("InstanceId"), QStringLiteral("i-demo-healthy") },
            { QStringLiteral("ClientToken"), QStringLiteral("token-1") } };
        const ActionResult first = call(service, "CreateSnapshotGroup", parameters);
        const ActionResult second = call(service, "CreateSnapshotGroup", parameters);
        QVERIFY(!first.error);
        QVERIFY(!second.error);
        QCOMPARE(second.body[QStringLiteral("SnapshotGroupId")],
            first.body[QStringLiteral("SnapshotGroupId")]);
        const qsizetype groups
            = service.saveState()[QStringLiteral("SnapshotGroups")].toArray().size();
        QCOMPARE(groups, demo().snapshotGroups.size() + 1);

        parameters.insert(QStringLiteral("Name"), QStringLiteral("different"));
        const ActionResult mismatch = call(service, "CreateSnapshotGroup", parameters);
        QCOMPARE(errorCode(mismatch), QStringLiteral("IdempotentParameterMismatch"));
        QCOMPARE(httpStatus(mismatch), 403);
        parameters.insert(QStringLiteral("ClientToken"), QStringLiteral("token-2"));
        const ActionResult other = call(service, "CreateSnapshotGroup", parameters);
        QCOMPARE(errorCode(other), QStringLiteral("IncorrectDiskStatus.CreatingSnapshot"));
    }

    void deleteSnapshotGroup()
    {
        EcsService service(demo());
        const ActionResult result = call(service, "DeleteSnapshotGroup",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("SnapshotGroupId"), QStringLiteral("ssg-demo-healthy") } });
        QVERIFY(!result.error);
        const QJsonArray progress = items(result, "OperationProgressSet", "OperationProgress");
        QCOMPARE(progress.size(), 4);
        QCOMPARE(progress
                     .first()[QStringLiteral("RelatedItemSet")][QStringLiteral("RelatedItem")][0]
                             [QStringLiteral("Name")]
                     .toString(),
            QStringLiteral("SnapshotId"));
        QVERIFY(group(service, QStringLiteral("ssg-demo-healthy")).isEmpty());
        const ActionResult snapshots = call(service, "DescribeSnapshots",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") } });
        QVERIFY(items(snapshots, "Snapshots", "Snapshot").isEmpty());
        const ActionResult again = call(service, "DeleteSnapshotGroup",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("SnapshotGroupId"), QStringLiteral("ssg-demo-healthy") } });
        QCOMPARE(errorCode(again), QStringLiteral("InvalidSnapshotGroup.NotFound"));
        QCOMPARE(httpStatus(again), 404);
        QCOMPARE(
            errorCode(call(service, "DeleteSnapshotGroup", { { QStringLiteral("RegionId"), hz } })),
            QStringLiteral("MissingParameter"));
    }

    void actorMoves()
    {
        EcsService service(demo());
        service.setTiming(fastTiming());
        const auto move = [&](const char *name, const char *resource, const char *argument = "") {
            return service.applyActorMove(
                QLatin1String(name), QLatin1String(resource), QLatin1String(argument));
        };
        QCOMPARE(move("StartInstance", "i-demo-healthy"), QString());
        QCOMPARE(instanceStatus(service, hz, QStringLiteral("i-demo-healthy")),
            InstanceStatusName::Running);
        QCOMPARE(
            errorCode(call(service, "ResetDisk",
                { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") },
                    { QStringLiteral("SnapshotId"), QStringLiteral("s-demo-healthy-data1") } })),
            QStringLiteral("IncorrectInstanceStatus"));
        QVERIFY(!move("StartInstance", "i-demo-healthy").isEmpty());
        QCOMPARE(move("StopInstance", "i-demo-healthy"), QString());
        QCOMPARE(instanceStatus(service, hz, QStringLiteral("i-demo-healthy")),
            InstanceStatusName::Stopped);

        QCOMPARE(move("DeleteSnapshot", "s-demo-healthy-data2"), QString());
        QCOMPARE(
            group(service,
                QStringLiteral(
                    "ssg-demo-healthy"))[QStringLiteral("Snapshots")][QStringLiteral("Snapshot")]
                .toArray()
                .size(),
            3);

        QCOMPARE(move("DetachDisk", "d-demo-healthy-data3"), QString());
        QJsonObject detached = disk(service, hz, QStringLiteral("d-demo-healthy-data3"));
        QCOMPARE(detached[QStringLiteral("Status")].toString(), DiskStatusName::Available);
        QCOMPARE(detached[QStringLiteral("InstanceId")].toString(), QString());
        QCOMPARE(move("AttachDisk", "d-demo-healthy-data3", "i-demo-running"), QString());
        QJsonObject attached = disk(service, hz, QStringLiteral("d-demo-healthy-data3"));
        QCOMPARE(attached[QStringLiteral("Status")].toString(), DiskStatusName::InUse);
        QCOMPARE(
            attached[QStringLiteral("InstanceId")].toString(), QStringLiteral("i-demo-running"));
        QVERIFY(!attached[QStringLiteral("Device")].toString().isEmpty());

        QCOMPARE(move("ReleaseDisk", "d-demo-healthy-data1"), QString());
        QVERIFY(disk(service, hz, QStringLiteral("d-demo-healthy-data1")).isEmpty());
        QCOMPARE(
            errorCode(call(service, "ResetDisk",
                { { QStringLiteral("DiskId"), QStringLiteral("d-demo-healthy-data1") },
                    { QStringLiteral("SnapshotId"), QStringLiteral("s-demo-healthy-data1") } })),
            QStringLiteral("InvalidDiskId.NotFound"));

        QCOMPARE(move("DeleteSnapshotGroup", "ssg-demo-running"), QString());
        QVERIFY(group(service, QStringLiteral("ssg-demo-running")).isEmpty());

        QVERIFY(!move("Teleport", "i-demo-healthy").isEmpty());
        QVERIFY(!move("DetachDisk", "d-nope").isEmpty());
        QVERIFY(!move("AttachDisk", "d-demo-detached-data2", "i-nope").isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServiceLifecycle)
#include "tst_service_lifecycle.moc"
