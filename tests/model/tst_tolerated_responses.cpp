// What the parsers let through on purpose, as the official SDK does: empty list wrappers
// (missing ones only where the answer is not about that list), unknown fields, null
// optional fields, numbers where the API documents a String.
#include "ModelSamples.h"
#include "api/responses/ResponseParsers.h"

#include <QJsonDocument>
#include <QTest>

using namespace ecs;

namespace {

// Number of items a list parser returned; -1 when it failed.
qsizetype itemCount(const QString &parser, const QJsonObject &body)
{
    if (parser == QLatin1String("regions")) {
        const auto result = parseDescribeRegions(body);
        return result.ok() ? result.value().size() : -1;
    }
    if (parser == QLatin1String("instances")) {
        const auto result = parseDescribeInstances(body);
        return result.ok() ? result.value().items.size() : -1;
    }
    if (parser == QLatin1String("disks")) {
        const auto result = parseDescribeDisks(body);
        return result.ok() ? result.value().items.size() : -1;
    }
    if (parser == QLatin1String("snapshots")) {
        const auto result = parseDescribeSnapshots(body);
        return result.ok() ? result.value().items.size() : -1;
    }
    if (parser == QLatin1String("groups")) {
        const auto result = parseDescribeSnapshotGroups(body);
        return result.ok() ? result.value().items.size() : -1;
    }
    if (parser == QLatin1String("status")) {
        const auto result = parseDescribeInstanceStatus(body);
        return result.ok() ? result.value().items.size() : -1;
    }
    const auto result = parseOperationProgressSet(body);
    return result.ok() ? result.value().size() : -1;
}

} // namespace

class TestToleratedResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyOrMissingLists_data();
    void emptyOrMissingLists();
    void unknownFieldsAreIgnored();
    void nullOptionalFieldsTakeDefaults();
    void documentedStringNumbers();
};

void TestToleratedResponses::emptyOrMissingLists_data()
{
    QTest::addColumn<QString>("parser");
    QTest::addColumn<QString>("body");

    const QList<std::pair<QString, QString>> lists {
        { QStringLiteral("regions"), QStringLiteral(R"("Regions", "Region")") },
        { QStringLiteral("instances"), QStringLiteral(R"("Instances", "Instance")") },
        { QStringLiteral("disks"), QStringLiteral(R"("Disks", "Disk")") },
        { QStringLiteral("snapshots"), QStringLiteral(R"("Snapshots", "Snapshot")") },
        { QStringLiteral("groups"), QStringLiteral(R"("SnapshotGroups", "SnapshotGroup")") },
        { QStringLiteral("status"), QStringLiteral(R"("InstanceStatuses", "InstanceStatus")") },
        { QStringLiteral("progress"),
            QStringLiteral(R"("OperationProgressSet", "OperationProgress")") },
    };
    for (const auto &[parser, names] : lists) {
        const QStringList parts = names.split(QStringLiteral(", "));
        const QString outer = parts.at(0);
        const QString inner = parts.at(1);
        const QString id = QStringLiteral(R"({"RequestId": "R")");
        // A Describe* listing must have its wrapper (tst_malformed_responses); the
        // OperationProgressSet of a mutating call's answer may be left out.
        if (parser == QLatin1String("progress")) {
            QTest::addRow("%s wrapper missing", qPrintable(parser))
                << parser << id + QLatin1Char('}');
            QTest::addRow("%s wrapper null", qPrintable(parser))
                << parser << id + QStringLiteral(", %1: null}").arg(outer);
        }
        QTest::addRow("%s wrapper empty", qPrintable(parser))
            << parser << id + QStringLiteral(", %1: {}}").arg(outer);
        QTest::addRow("%s items null", qPrintable(parser))
            << parser << id + QStringLiteral(", %1: {%2: null}}").arg(outer, inner);
        QTest::addRow("%s items empty", qPrintable(parser))
            << parser << id + QStringLiteral(", %1: {%2: []}}").arg(outer, inner);
    }
}

void TestToleratedResponses::emptyOrMissingLists()
{
    QFETCH(QString, parser);
    QFETCH(QString, body);
    const QJsonObject object = QJsonDocument::fromJson(body.toUtf8()).object();
    QVERIFY(!object.isEmpty());
    QCOMPARE(itemCount(parser, object), 0);
}

void TestToleratedResponses::unknownFieldsAreIgnored()
{
    QJsonObject body = samples::body(QStringLiteral("describe_snapshot_groups.json"));
    body = samples::withValue(
        body, QStringLiteral("FutureTopLevel"), QStringLiteral("[1, {\"a\": null}]"));
    body = samples::withValue(
        body, QStringLiteral("SnapshotGroups.FutureSibling"), QStringLiteral("7"));
    body = samples::withValue(body, QStringLiteral("SnapshotGroups.SnapshotGroup[0].NewField"),
        QStringLiteral("{\"x\": [[[]]]}"));
    body = samples::withValue(body,
        QStringLiteral("SnapshotGroups.SnapshotGroup[0].Snapshots.Snapshot[1].StorageTier"),
        QStringLiteral("\"archive\""));
    const auto withExtras = parseDescribeSnapshotGroups(body);
    QVERIFY2(withExtras.ok(), qPrintable(withExtras.error().detail()));
    const auto plain = parseDescribeSnapshotGroups(
        samples::body(QStringLiteral("describe_snapshot_groups.json")));
    QVERIFY(plain.ok());
    QCOMPARE(withExtras.value(), plain.value());
}

void TestToleratedResponses::nullOptionalFieldsTakeDefaults()
{
    QJsonObject body = samples::body(QStringLiteral("describe_disks.json"));
    for (const char *field : { "DiskName", "Size", "Portable", "CreationTime", "Attachments",
             "OperationLocks", "Tags" }) {
        body = samples::withValue(
            body, QStringLiteral("Disks.Disk[0].") + QLatin1String(field), QStringLiteral("null"));
    }
    body = samples::withValue(body, QStringLiteral("TotalCount"), QStringLiteral("null"));
    const auto result = parseDescribeDisks(body);
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    const Disk &disk = result.value().items.at(0);
    QCOMPARE(disk.diskName, QString());
    QCOMPARE(disk.size, 0);
    QCOMPARE(disk.portable, false);
    QVERIFY(disk.creationTime.isNull());
    QVERIFY(disk.attachments.isEmpty());
    QVERIFY(disk.tags.isEmpty());
    QCOMPARE(result.value().totalCount, -1);
}

void TestToleratedResponses::documentedStringNumbers()
{
    // SourceDiskSize and Progress are documented as String; a plain JSON integer is the
    // same number, so it is taken. Where the API documents an Integer, text is refused
    // (see malformed()).
    QJsonObject body = samples::body(QStringLiteral("describe_snapshots.json"));
    body = samples::withValue(
        body, QStringLiteral("Snapshots.Snapshot[0].SourceDiskSize"), QStringLiteral("80"));
    body = samples::withValue(
        body, QStringLiteral("Snapshots.Snapshot[0].Progress"), QStringLiteral("\"0%\""));
    body = samples::withValue(
        body, QStringLiteral("Snapshots.Snapshot[1].Progress"), QStringLiteral("\"\""));
    body = samples::withValue(
        body, QStringLiteral("Snapshots.Snapshot[1].SourceDiskSize"), QStringLiteral("\"\""));
    const auto result = parseDescribeSnapshots(body);
    QVERIFY2(result.ok(), qPrintable(result.error().detail()));
    QCOMPARE(result.value().items.at(0).sourceDiskSize, 80);
    QCOMPARE(result.value().items.at(0).progress, 0);
    QCOMPARE(result.value().items.at(1).progress, 0);
    QCOMPARE(result.value().items.at(1).sourceDiskSize, 0);

    body = samples::withValue(
        body, QStringLiteral("Snapshots.Snapshot[0].Progress"), QStringLiteral("\"100\""));
    body = samples::withValue(
        body, QStringLiteral("Snapshots.Snapshot[1].Progress"), QStringLiteral("55"));
    const auto bare = parseDescribeSnapshots(body);
    QVERIFY2(bare.ok(), qPrintable(bare.error().detail()));
    QCOMPARE(bare.value().items.at(0).progress, 100);
    QCOMPARE(bare.value().items.at(1).progress, 55);
}

QTEST_GUILESS_MAIN(TestToleratedResponses)
#include "tst_tolerated_responses.moc"
