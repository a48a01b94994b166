#include "ServiceCalls.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::testing;

// The Describe* actions: filters, paging (NextToken/MaxResults with clamping,
// PageNumber/PageSize), parameter errors and DryRun.
class TestServiceDescribe : public QObject
{
    Q_OBJECT

private:
    const QString hz = QStringLiteral("cn-hangzhou");

    // Walks every NextToken page; returns the IDs and counts pages in *pages.
    static QStringList walk(EcsService &service, const char *action, ApiParameters parameters,
        const char *outer, const char *inner, const char *key, int *pages, int *largestPage)
    {
        QStringList all;
        *pages = 0;
        *largestPage = 0;
        for (;;) {
            const ActionResult result = call(service, action, parameters);
            if (result.error)
                return { QStringLiteral("error: ") + result.error->code };
            const QJsonArray page = items(result, outer, inner);
            ++*pages;
            *largestPage = std::max(*largestPage, int(page.size()));
            all += ids(page, key);
            const QString token = result.body[QStringLiteral("NextToken")].toString();
            if (token.isEmpty())
                return all;
            parameters.insert(QStringLiteral("NextToken"), token);
        }
    }

private Q_SLOTS:
    void regions()
    {
        EcsService service(demo());
        ActionResult result = call(service, "DescribeRegions",
            { { QStringLiteral("AcceptLanguage"), QStringLiteral("en-US") } });
        QVERIFY(!result.error);
        const QJsonArray regions = items(result, "Regions", "Region");
        QVERIFY(ids(regions, "RegionId").contains(QStringLiteral("ap-southeast-1")));
        for (const QJsonValue &region : regions) {
            if (region[QStringLiteral("RegionId")].toString() == QLatin1String("cn-hangzhou"))
                QCOMPARE(region[QStringLiteral("LocalName")].toString(),
                    QStringLiteral("China (Hangzhou)"));
        }
        // zh-CN is the default language.
        result = call(service, "DescribeRegions", {});
        QVERIFY(ids(items(result, "Regions", "Region"), "LocalName")
                    .contains(QStringLiteral("华东1（杭州）")));
        result = call(service, "DescribeRegions",
            { { QStringLiteral("AcceptLanguage"), QStringLiteral("xx") } });
        QCOMPARE(errorCode(result), QStringLiteral("InvalidAcceptLanguage.NotFound"));
        QCOMPARE(httpStatus(result), 404);
        QCOMPARE(errorCode(call(service, "DescribeRegions",
                     { { QStringLiteral("ResourceType"), QStringLiteral("x") } })),
            QStringLiteral("InvalidResourceType.NotFound"));
    }

    void commonErrors_data()
    {
        QTest::addColumn<QString>("action");
        for (const char *action : { "DescribeInstances", "DescribeDisks", "DescribeSnapshots",
                 "DescribeSnapshotGroups", "DescribeInstanceStatus", "CreateSnapshotGroup",
                 "DeleteSnapshotGroup", "ResetDisks" })
            QTest::newRow(action) << QString::fromLatin1(action);
    }

    void commonErrors()
    {
        QFETCH(QString, action);
        EcsService service(demo());
        QVERIFY(service.hasAction(action));
        ActionResult result = service.handle({ action, {}, {} });
        QCOMPARE(errorCode(result), QStringLiteral("MissingParameter"));
        QCOMPARE(httpStatus(result), 400);
        QVERIFY(result.error->message.contains(QLatin1String("RegionId")));
        result = service.handle(
            { action, { { QStringLiteral("RegionId"), QStringLiteral("mars-north-1") } }, {} });
        QCOMPARE(errorCode(result), QStringLiteral("InvalidRegionId.NotFound"));
        QCOMPARE(httpStatus(result), 404);
    }

    void unknownAction()
    {
        EcsService service(demo());
        QVERIFY(!service.hasAction(QStringLiteral("DescribeTasks")));
        QCOMPARE(EcsService::actionNames().size(), 12);
    }

    void instancesFilters()
    {
        EcsService service(demo());
        const auto names = [&](ApiParameters parameters) {
            parameters.insert(QStringLiteral("RegionId"), hz);
            return ids(
                items(call(service, "DescribeInstances", parameters), "Instances", "Instance"),
                "InstanceId");
        };
        QCOMPARE(names({ { QStringLiteral("Status"), QStringLiteral("Running") } }),
            QStringList { QStringLiteral("i-demo-running") });
        QCOMPARE(names({ { QStringLiteral("InstanceIds"),
                     QStringLiteral("[\"i-demo-healthy\",\"i-demo-locked\"]") } }),
            (QStringList { QStringLiteral("i-demo-healthy"), QStringLiteral("i-demo-locked") }));
        QCOMPARE(names({ { QStringLiteral("InstanceName"), QStringLiteral("security*") } }),
            QStringList { QStringLiteral("i-demo-locked") });
        QCOMPARE(names({ { QStringLiteral("LockReason"), QStringLiteral("security") } }),
            QStringList { QStringLiteral("i-demo-locked") });
        // Other regions' instances are not listed here.
        QVERIFY(!names({}).contains(QStringLiteral("i-demo-sh-stopped")));
        QCOMPARE(errorCode(call(service, "DescribeInstances",
                     { { QStringLiteral("RegionId"), hz },
                         { QStringLiteral("InstanceIds"), QStringLiteral("i-1") } })),
            QStringLiteral("InvalidParameter"));
        QCOMPARE(errorCode(call(service, "DescribeInstances",
                     { { QStringLiteral("RegionId"), hz },
                         { QStringLiteral("Status"), QStringLiteral("Asleep") } })),
            QStringLiteral("InvalidStatus.NotFound"));
        const ActionResult dryRun = call(service, "DescribeInstances",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("DryRun"), QStringLiteral("true") } });
        QCOMPARE(errorCode(dryRun), QStringLiteral("DryRunOperation"));
        QCOMPARE(httpStatus(dryRun), 400);
        QCOMPARE(errorCode(call(service, "DescribeInstances",
                     { { QStringLiteral("RegionId"), hz },
                         { QStringLiteral("DryRun"), QStringLiteral("yes") } })),
            QStringLiteral("InvalidParameter"));
    }

    void disksFilters()
    {
        EcsService service(demo());
        const auto list = [&](ApiParameters parameters) {
            parameters.insert(QStringLiteral("RegionId"), hz);
            return ids(
                items(call(service, "DescribeDisks", parameters), "Disks", "Disk"), "DiskId");
        };
        QCOMPARE(
            list({ { QStringLiteral("InstanceId"), QStringLiteral("i-demo-healthy") } }).size(), 4);
        QCOMPARE(list({ { QStringLiteral("InstanceId"), QStringLiteral("i-demo-healthy") },
                     { QStringLiteral("DiskType"), QStringLiteral("system") } }),
            QStringList { QStringLiteral("d-demo-healthy-system") });
        // "[]" is a filter that matches nothing, absent is no filter (REFERENCE §3).
        QVERIFY(list({ { QStringLiteral("DiskIds"), QStringLiteral("[]") } }).isEmpty());
        QVERIFY(!list({}).isEmpty());
        QCOMPARE(list({ { QStringLiteral("Status"), QStringLiteral("Available") } }),
            QStringList { QStringLiteral("d-demo-detached-data2") });
        QCOMPARE(errorCode(call(service, "DescribeDisks",
                     { { QStringLiteral("RegionId"), hz },
                         { QStringLiteral("DiskType"), QStringLiteral("boot") } })),
            QStringLiteral("InvalidDiskType.ValueNotSupported"));
        QStringList many;
        for (int i = 0; i < 101; ++i)
            many.append(QStringLiteral("d-%1").arg(i));
        const ActionResult tooMany = call(service, "DescribeDisks",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("DiskIds"), jsonArrayParameter(many) } });
        QCOMPARE(errorCode(tooMany), QStringLiteral("InvalidDiskIds.Malformed"));
        QCOMPARE(httpStatus(tooMany), 403);
        QCOMPARE(errorCode(call(service, "DescribeDisks",
                     { { QStringLiteral("RegionId"), hz },
                         { QStringLiteral("DryRun"), QStringLiteral("true") } })),
            QStringLiteral("DryRunOperation"));
    }

    void snapshotsAndGroupsFilters()
    {
        EcsService service(demo());
        ActionResult result = call(service, "DescribeSnapshots",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("Status"), QStringLiteral("progressing") },
                { QStringLiteral("MaxResults"), QStringLiteral("100") } });
        QCOMPARE(ids(items(result, "Snapshots", "Snapshot"), "SnapshotId"),
            (QStringList { QStringLiteral("s-demo-instant-data1"),
                QStringLiteral("s-demo-instant-system"), QStringLiteral("s-demo-progressing-data1"),
                QStringLiteral("s-demo-progressing-system") }));
        result = call(service, "DescribeSnapshots",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("InstanceId"), QStringLiteral("i-demo-released") } });
        QVERIFY(ids(items(result, "Snapshots", "Snapshot"), "SourceDiskId")
                    .contains(QStringLiteral("d-demo-released-data2")));
        QCOMPARE(errorCode(call(service, "DescribeSnapshots",
                     { { QStringLiteral("RegionId"), hz },
                         { QStringLiteral("SnapshotType"), QStringLiteral("x") } })),
            QStringLiteral("InvalidSnapshotType.NotFound"));
        QCOMPARE(errorCode(call(service, "DescribeSnapshots",
                     { { QStringLiteral("RegionId"), hz },
                         { QStringLiteral("DryRun"), QStringLiteral("true") } })),
            QStringLiteral("DryRunOperation"));

        result = call(service, "DescribeSnapshotGroups",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("InstanceId"), QStringLiteral("i-demo-progressing") },
                { QStringLiteral("Status.1"), QStringLiteral("progressing") } });
        const QJsonArray groups = items(result, "SnapshotGroups", "SnapshotGroup");
        QCOMPARE(
            ids(groups, "SnapshotGroupId"), QStringList { QStringLiteral("ssg-demo-progressing") });
        QVERIFY(!result.body.contains(QStringLiteral("TotalCount")));
        QCOMPARE(groups
                     .first()[QStringLiteral("Snapshots")][QStringLiteral("Snapshot")][0]
                             [QStringLiteral("Progress")]
                     .toString(),
            QStringLiteral("40%"));
        result = call(service, "DescribeSnapshotGroups",
            { { QStringLiteral("RegionId"), hz },
                { QStringLiteral("Status.1"), QStringLiteral("done") } });
        QCOMPARE(errorCode(result), QStringLiteral("InvalidStatus.ValueNotSupported"));
        QCOMPARE(httpStatus(result), 403);
        ApiParameters elevenIds { { QStringLiteral("RegionId"), hz } };
        for (int i = 1; i <= 11; ++i)
            elevenIds.insert(
                QStringLiteral("SnapshotGroupId.%1").arg(i), QStringLiteral("ssg-%1").arg(i));
        QCOMPARE(errorCode(call(service, "DescribeSnapshotGroups", elevenIds)),
            QStringLiteral("InvalidParameter"));
    }

    void nextTokenPaging_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("maxResults");
        QTest::addColumn<int>("expectedPageSize");
        QTest::newRow("groups 7") << "DescribeSnapshotGroups"
                                  << "SnapshotGroups"
                                  << "SnapshotGroup"
                                  << "SnapshotGroupId"
                                  << "7" << 7;
        QTest::newRow("groups clamped to 100") << "DescribeSnapshotGroups"
                                               << "SnapshotGroups"
                                               << "SnapshotGroup"
                                               << "SnapshotGroupId"
                                               << "1000" << 100;
        QTest::newRow("groups default 10") << "DescribeSnapshotGroups"
                                           << "SnapshotGroups"
                                           << "SnapshotGroup"
                                           << "SnapshotGroupId"
                                           << "" << 10;
        QTest::newRow("instances raised to 10") << "DescribeInstances"
                                                << "Instances"
                                                << "Instance"
                                                << "InstanceId"
                                                << "3" << 10;
        QTest::newRow("disks clamped to 500") << "DescribeDisks"
                                              << "Disks"
                                              << "Disk"
                                              << "DiskId"
                                              << "9999" << 500;
        QTest::newRow("disks raised to 10") << "DescribeDisks"
                                            << "Disks"
                                            << "Disk"
                                            << "DiskId"
                                            << "1" << 10;
        QTest::newRow("snapshots 1") << "DescribeSnapshots"
                                     << "Snapshots"
                                     << "Snapshot"
                                     << "SnapshotId"
                                     << "1" << 1;
        QTest::newRow("snapshots clamped to 100") << "DescribeSnapshots"
                                                  << "Snapshots"
                                                  << "Snapshot"
                                                  << "SnapshotId"
                                                  << "500" << 100;
    }

    void nextTokenPaging()
    {
        QFETCH(QString, action);
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(QString, key);
        QFETCH(QString, maxResults);
        QFETCH(int, expectedPageSize);
        const Scenario scenario
            = Scenario::generated(1, 40, 10, 3); // 400 groups, about 1,000 snapshots
        EcsService service(scenario);
        ApiParameters parameters { { QStringLiteral("RegionId"),
            scenario.regions.first().region.regionId } };
        if (!maxResults.isEmpty())
            parameters.insert(QStringLiteral("MaxResults"), maxResults);
        int pages = 0;
        int largest = 0;
        const QStringList all
            = walk(service, action.toLatin1().constData(), parameters, outer.toLatin1().constData(),
                inner.toLatin1().constData(), key.toLatin1().constData(), &pages, &largest);
        QVERIFY2(all.isEmpty() || !all.first().startsWith(QLatin1String("error")),
            qPrintable(all.value(0)));
        qsizetype expectedTotal = scenario.snapshotGroups.size();
        if (action == QLatin1String("DescribeInstances"))
            expectedTotal = scenario.instances.size();
        else if (action == QLatin1String("DescribeDisks"))
            expectedTotal = scenario.disks.size();
        else if (action == QLatin1String("DescribeSnapshots"))
            expectedTotal = scenario.snapshots.size();
        QCOMPARE(all.size(), expectedTotal);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), expectedTotal); // no repeats
        QCOMPARE(largest, int(std::min<qsizetype>(expectedPageSize, expectedTotal)));
        QCOMPARE(pages, int((expectedTotal + expectedPageSize - 1) / expectedPageSize));
    }

    void pageFields()
    {
        const Scenario scenario = Scenario::generated(1, 25, 0, 3);
        EcsService service(scenario);
        const QString region = scenario.regions.first().region.regionId;
        const ActionResult first = call(service, "DescribeInstances",
            { { QStringLiteral("RegionId"), region },
                { QStringLiteral("MaxResults"), QStringLiteral("10") } });
        QCOMPARE(first.body[QStringLiteral("TotalCount")].toInt(), 25);
        QCOMPARE(first.body[QStringLiteral("PageSize")].toInt(), 10);
        QVERIFY(!first.body[QStringLiteral("NextToken")].toString().isEmpty());
        const ActionResult bad = call(service, "DescribeInstances",
            { { QStringLiteral("RegionId"), region },
                { QStringLiteral("NextToken"), QStringLiteral("garbage") } });
        QCOMPARE(errorCode(bad), QStringLiteral("InvalidParameter"));
        // The deprecated PageNumber/PageSize still work, without a NextToken.
        const ActionResult third = call(service, "DescribeInstances",
            { { QStringLiteral("RegionId"), region },
                { QStringLiteral("PageNumber"), QStringLiteral("3") },
                { QStringLiteral("PageSize"), QStringLiteral("10") } });
        QCOMPARE(items(third, "Instances", "Instance").size(), 5);
        QCOMPARE(third.body[QStringLiteral("PageNumber")].toInt(), 3);
        QVERIFY(third.body[QStringLiteral("NextToken")].toString().isEmpty());
    }

    void largeAccount()
    {
        // 10,000 instance snapshots in one region: loading and walking all of them in
        // pages of 100 stays quick (the sandbox's "large account" case).
        QElapsedTimer timer;
        timer.start();
        EcsService service(Scenario::generated(1, 100, 100, 5));
        const qint64 loaded = timer.restart();
        int pages = 0;
        int largest = 0;
        const QStringList all = walk(service, "DescribeSnapshotGroups",
            { { QStringLiteral("RegionId"), QStringLiteral("cn-hangzhou") },
                { QStringLiteral("MaxResults"), QStringLiteral("100") } },
            "SnapshotGroups", "SnapshotGroup", "SnapshotGroupId", &pages, &largest);
        qInfo("loaded in %lld ms, 100 pages of groups in %lld ms", static_cast<long long>(loaded),
            static_cast<long long>(timer.elapsed()));
        QCOMPARE(all.size(), 10000);
        QCOMPARE(pages, 100);
    }

    void instanceStatusPaging()
    {
        const Scenario scenario = Scenario::generated(1, 60, 0, 3);
        EcsService service(scenario);
        const QString region = scenario.regions.first().region.regionId;
        ActionResult result
            = call(service, "DescribeInstanceStatus", { { QStringLiteral("RegionId"), region } });
        QVERIFY(!result.error);
        QCOMPARE(items(result, "InstanceStatuses", "InstanceStatus").size(), 10); // default
        QCOMPARE(result.body[QStringLiteral("TotalCount")].toInt(), 60);
        QVERIFY(!result.body.contains(QStringLiteral("NextToken")));
        result = call(service, "DescribeInstanceStatus",
            { { QStringLiteral("RegionId"), region },
                { QStringLiteral("PageSize"), QStringLiteral("100") },
                { QStringLiteral("PageNumber"), QStringLiteral("2") } });
        QCOMPARE(result.body[QStringLiteral("PageSize")].toInt(), 50); // clamped
        QCOMPARE(items(result, "InstanceStatuses", "InstanceStatus").size(), 10);
        result = call(service, "DescribeInstanceStatus",
            { { QStringLiteral("RegionId"), region },
                { QStringLiteral("InstanceId.1"), QStringLiteral("i-gen-r0-00007") },
                { QStringLiteral("InstanceId.2"), QStringLiteral("i-gen-r0-00003") } });
        QCOMPARE(ids(items(result, "InstanceStatuses", "InstanceStatus"), "InstanceId"),
            (QStringList { QStringLiteral("i-gen-r0-00003"), QStringLiteral("i-gen-r0-00007") }));
        QCOMPARE(errorCode(call(service, "DescribeInstanceStatus",
                     { { QStringLiteral("RegionId"), region },
                         { QStringLiteral("PageSize"), QStringLiteral("ten") } })),
            QStringLiteral("InvalidParameter"));
    }
};

QTEST_GUILESS_MAIN(TestServiceDescribe)
#include "tst_service_describe.moc"
