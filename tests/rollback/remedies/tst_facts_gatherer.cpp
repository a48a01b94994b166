// FactsGatherer against the emulator's demo account: what each demo case's facts hold,
// that reads come in two rounds (one when the group is gone), that a failed read is kept
// in the facts, and that finished() is queued, emitted once, and withdrawn by cancel().
#include "EmulatorRig.h"
#include "rollback/FactsGatherer.h"
#include "rollback/PreconditionCheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace ecs;
using namespace ecs::test;

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList diskIds(const QList<Disk> &disks)
{
    QStringList ids;
    for (const Disk &disk : disks)
        ids.append(disk.diskId);
    return sorted(ids);
}

QStringList snapshotIds(const QList<Snapshot> &snapshots)
{
    QStringList ids;
    for (const Snapshot &snapshot : snapshots)
        ids.append(snapshot.snapshotId);
    return sorted(ids);
}

QStringList split(const char *ids)
{
    return sorted(QString::fromLatin1(ids).split(QLatin1Char(' '), Qt::SkipEmptyParts));
}

// Round two's reads are the by-ID ones.
bool isRoundTwoRead(const emulator::RequestLogEntry &entry)
{
    return entry.parameters.contains(QStringLiteral("DiskIds"))
        || entry.parameters.contains(QStringLiteral("SnapshotIds"));
}

} // namespace

class TestFactsGatherer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void demoCases_data();
    void demoCases();
    void withoutInstanceIdTheGroupNamesIt();
    void longIdListsAreSentInChunksOf100();
    void failedDiskReadIsKeptAndGatheringFinishes();
    void failedGroupReadEndsAfterRoundOne();
    void ignoredStatusFilterCannotFakeUnfinishedSnapshots_data();
    void ignoredStatusFilterCannotFakeUnfinishedSnapshots();
    void networkFailuresCouldNotBeCheckedNeverFail();
    void finishedIsQueuedAndEmittedOnce();
    void cancelBeforeAnyAnswerSendsNothingAndNeverFinishes();
    void cancelInRoundTwoNeverFinishes();

private:
    EmulatorRig m_rig;
};

void TestFactsGatherer::init()
{
    const QString problem = m_rig.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_rig.clearLog();
}

void TestFactsGatherer::cleanup()
{
    m_rig.stop();
}

void TestFactsGatherer::demoCases_data()
{
    QTest::addColumn<QString>("instanceId");
    QTest::addColumn<QString>("groupId");
    QTest::addColumn<bool>("groupFound");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("disks");
    QTest::addColumn<QStringList>("members");
    QTest::addColumn<QStringList>("unfinished");
    QTest::addColumn<int>("rounds");
    QTest::addColumn<int>("requests");

    // Round one: group, instance, its disks, its unfinished snapshots (4). Round two:
    // the members (1), plus the source disks not attached any more (1) when there are.
    QTest::newRow("healthy") << "i-demo-healthy"
                             << "ssg-demo-healthy" << true << "Stopped"
                             << split("d-demo-healthy-system d-demo-healthy-data1 "
                                      "d-demo-healthy-data2 d-demo-healthy-data3")
                             << split("s-demo-healthy-system s-demo-healthy-data1 "
                                      "s-demo-healthy-data2 s-demo-healthy-data3")
                             << QStringList() << 2 << 5;
    QTest::newRow("released") << "i-demo-released"
                              << "ssg-demo-released" << true << "Stopped"
                              << split("d-demo-released-system d-demo-released-data1")
                              << split("s-demo-released-system s-demo-released-data1 "
                                       "s-demo-released-data2")
                              << QStringList() << 2 << 6;
    QTest::newRow("detached") << "i-demo-detached"
                              << "ssg-demo-detached" << true << "Stopped"
                              << split("d-demo-detached-system d-demo-detached-data1 "
                                       "d-demo-detached-data2")
                              << split("s-demo-detached-system s-demo-detached-data1 "
                                       "s-demo-detached-data2")
                              << QStringList() << 2 << 6;
    QTest::newRow("replaced") << "i-demo-replaced"
                              << "ssg-demo-replaced" << true << "Stopped"
                              << split("d-demo-replaced-system-new d-demo-replaced-data1")
                              << split("s-demo-replaced-old s-demo-replaced-data1") << QStringList()
                              << 2 << 6;
    QTest::newRow("lost member") << "i-demo-lostmember"
                                 << "ssg-demo-lostmember" << true << "Stopped"
                                 << split("d-demo-lostmember-system d-demo-lostmember-data1 "
                                          "d-demo-lostmember-data2")
                                 << split("s-demo-lostmember-system s-demo-lostmember-data1")
                                 << QStringList() << 2 << 5;
    QTest::newRow("progressing, new group")
        << "i-demo-progressing"
        << "ssg-demo-progressing" << true << "Stopped"
        << split("d-demo-progressing-system d-demo-progressing-data1")
        << split("s-demo-progressing-system s-demo-progressing-data1")
        << split("s-demo-progressing-system s-demo-progressing-data1") << 2 << 5;
    QTest::newRow("progressing, old group")
        << "i-demo-progressing"
        << "ssg-demo-progressing-old" << true << "Stopped"
        << split("d-demo-progressing-system d-demo-progressing-data1")
        << split("s-demo-progressing-system-old s-demo-progressing-data1-old")
        << split("s-demo-progressing-system s-demo-progressing-data1") << 2 << 5;
    QTest::newRow("running") << "i-demo-running"
                             << "ssg-demo-running" << true << "Running"
                             << split("d-demo-running-system d-demo-running-data1")
                             << split("s-demo-running-system s-demo-running-data1") << QStringList()
                             << 2 << 5;
    QTest::newRow("deleted group") << "i-demo-healthy"
                                   << "ssg-demo-deleted-long-ago" << false << "Stopped"
                                   << split("d-demo-healthy-system d-demo-healthy-data1 "
                                            "d-demo-healthy-data2 d-demo-healthy-data3")
                                   << QStringList() << QStringList() << 1 << 4;
}

void TestFactsGatherer::demoCases()
{
    QFETCH(QString, instanceId);
    QFETCH(QString, groupId);
    QFETCH(bool, groupFound);
    QFETCH(QString, status);
    QFETCH(QStringList, disks);
    QFETCH(QStringList, members);
    QFETCH(QStringList, unfinished);
    QFETCH(int, rounds);
    QFETCH(int, requests);

    FactsGatherer gatherer(m_rig.api(), { DemoRegion, groupId, instanceId });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    gatherer.start();
    QVERIFY(gatherer.isRunning());
    QVERIFY(finished.wait(5000));
    QVERIFY(!gatherer.isRunning());
    QCOMPARE(finished.count(), 1);

    const RollbackFacts facts = finished.first().first().value<RollbackFacts>();
    QCOMPARE(facts.regionId, DemoRegion);
    QCOMPARE(facts.snapshotGroupId, groupId);
    QCOMPARE(facts.gatheredAt.timeSpec(), Qt::UTC);
    QVERIFY(facts.gatheredAt >= before.addSecs(-1));
    QVERIFY(facts.gatheredAt <= QDateTime::currentDateTimeUtc());
    QVERIFY2(!facts.groupError.isError(), qPrintable(facts.groupError.summary()));
    QVERIFY2(!facts.instanceError.isError(), qPrintable(facts.instanceError.summary()));
    QVERIFY2(!facts.disksError.isError(), qPrintable(facts.disksError.summary()));
    QVERIFY(!facts.memberSnapshotsError.isError());
    QVERIFY(!facts.unfinishedSnapshotsError.isError());

    QCOMPARE(facts.group.has_value(), groupFound);
    if (groupFound) {
        QCOMPARE(facts.group->snapshotGroupId, groupId);
        QStringList groupMembers;
        for (const SnapshotGroupMember &member : facts.group->snapshots)
            groupMembers.append(member.snapshotId);
        QCOMPARE(sorted(groupMembers), members);
    }
    QVERIFY(facts.instance.has_value());
    QCOMPARE(facts.instance->instanceId, instanceId);
    QCOMPARE(facts.instance->status, status);
    QCOMPARE(diskIds(facts.disks), disks);
    QCOMPARE(snapshotIds(facts.memberSnapshots), members);
    QCOMPARE(snapshotIds(facts.unfinishedSnapshots), unfinished);

    QCOMPARE(gatherer.rounds(), rounds);
    QCOMPARE(gatherer.requestsSent(), requests);
    // Every read is one page here, so the emulator saw exactly what the gatherer counted,
    // and every by-ID read arrived after the last round-one read.
    const QList<emulator::RequestLogEntry> log = m_rig.calls();
    QCOMPARE(log.size(), requests);
    const auto firstRoundTwo = std::find_if(log.cbegin(), log.cend(), isRoundTwoRead);
    QCOMPARE(std::count_if(firstRoundTwo, log.cend(), isRoundTwoRead),
        std::count_if(log.cbegin(), log.cend(), isRoundTwoRead));
    QCOMPARE(firstRoundTwo - log.cbegin(), 4);
}

void TestFactsGatherer::withoutInstanceIdTheGroupNamesIt()
{
    FactsGatherer gatherer(m_rig.api(), { DemoRegion, QStringLiteral("ssg-demo-detached"), {} });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(5000));
    const RollbackFacts facts = gatherer.facts();
    QVERIFY(facts.instance.has_value());
    QCOMPARE(facts.instance->instanceId, QStringLiteral("i-demo-detached"));
    // The attached disks and the detached source disk, each once.
    QCOMPARE(diskIds(facts.disks),
        split("d-demo-detached-system d-demo-detached-data1 d-demo-detached-data2"));
    QCOMPARE(facts.memberSnapshots.size(), 3);
    QCOMPARE(gatherer.rounds(), 2);
    // Round one: the group. Round two: instance, disks, unfinished, source disks, members.
    QCOMPARE(gatherer.requestsSent(), 6);
    QCOMPARE(m_rig.calls().size(), 6);
    QCOMPARE(m_rig.calls().first().action, QStringLiteral("DescribeSnapshotGroups"));
}

void TestFactsGatherer::longIdListsAreSentInChunksOf100()
{
    const QString problem = m_rig.start(bigGroupScenario(104));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    FactsGatherer gatherer(
        m_rig.api(), { DemoRegion, QStringLiteral("ssg-big"), QStringLiteral("i-big") });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(5000));
    const RollbackFacts facts = gatherer.facts();
    QVERIFY(!facts.groupError.isError() && !facts.instanceError.isError());
    QVERIFY(!facts.disksError.isError() && !facts.memberSnapshotsError.isError());
    QCOMPARE(facts.group->snapshots.size(), 105);
    QCOMPARE(facts.disks.size(), 105);
    QCOMPARE(diskIds(facts.disks).removeDuplicates(), 0);
    QCOMPARE(facts.memberSnapshots.size(), 105);
    // Round two: 104 detached disks and 105 members, two requests each.
    QCOMPARE(gatherer.requestsSent(), 4 + 2 + 2);
    QList<qsizetype> idsPerRead;
    for (const emulator::RequestLogEntry &entry : m_rig.calls()) {
        for (const char *name : { "DiskIds", "SnapshotIds" }) {
            const QString ids = entry.parameters.value(QLatin1String(name));
            if (!ids.isEmpty())
                idsPerRead.append(QJsonDocument::fromJson(ids.toUtf8()).array().size());
        }
    }
    std::sort(idsPerRead.begin(), idsPerRead.end());
    QCOMPARE(idsPerRead, QList<qsizetype>({ 4, 5, 100, 100 }));
}

void TestFactsGatherer::failedDiskReadIsKeptAndGatheringFinishes()
{
    QCOMPARE(m_rig.setFaults(R"({"errors":[{"action":"DescribeDisks","kind":"InternalError",
                                "rate":1}]})"),
        QString());
    FactsGatherer gatherer(m_rig.api(),
        { DemoRegion, QStringLiteral("ssg-demo-healthy"), QStringLiteral("i-demo-healthy") });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(5000));
    const RollbackFacts facts = gatherer.facts();
    QVERIFY(facts.disksError.isError());
    QCOMPARE(facts.disksError.httpStatus(), 500);
    QCOMPARE(facts.disksError.code(), QStringLiteral("InternalError"));
    QVERIFY(facts.disks.isEmpty());
    // The other reads are unaffected.
    QVERIFY(facts.group.has_value());
    QVERIFY(facts.instance.has_value());
    QCOMPARE(facts.memberSnapshots.size(), 4);
    QVERIFY(!facts.groupError.isError());
    QVERIFY(!facts.memberSnapshotsError.isError());
    // Not knowing the attached disks, round two asks for every source disk by ID.
    QCOMPARE(gatherer.rounds(), 2);
    QCOMPARE(gatherer.requestsSent(), 6);
    QCOMPARE(m_rig.calls(QStringLiteral("DescribeDisks")).size(), 2);
}

void TestFactsGatherer::failedGroupReadEndsAfterRoundOne()
{
    QCOMPARE(m_rig.setFaults(R"({"errors":[{"action":"DescribeSnapshotGroups",
                                "kind":"ServiceUnavailable","rate":1}]})"),
        QString());
    FactsGatherer gatherer(m_rig.api(),
        { DemoRegion, QStringLiteral("ssg-demo-healthy"), QStringLiteral("i-demo-healthy") });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(gatherer.facts().groupError.httpStatus(), 503);
    QVERIFY(!gatherer.facts().group.has_value());
    QVERIFY(gatherer.facts().memberSnapshots.isEmpty());
    QCOMPARE(gatherer.rounds(), 1);
    QCOMPARE(gatherer.requestsSent(), 4);
    QCOMPARE(m_rig.calls().size(), 4);
}

void TestFactsGatherer::ignoredStatusFilterCannotFakeUnfinishedSnapshots_data()
{
    QTest::addColumn<QString>("instanceId");
    QTest::addColumn<QString>("groupId");
    QTest::addColumn<QStringList>("unfinished");
    QTest::newRow("healthy") << "i-demo-healthy"
                             << "ssg-demo-healthy" << QStringList();
    QTest::newRow("progressing") << "i-demo-progressing"
                                 << "ssg-demo-progressing-old"
                                 << split("s-demo-progressing-system s-demo-progressing-data1");
}

// Issue 10, item 7: a service that ignores Status=progressing lists every snapshot of the
// instance; the client checks the statuses itself, so an accomplished snapshot is never
// "being created: 100% done".
void TestFactsGatherer::ignoredStatusFilterCannotFakeUnfinishedSnapshots()
{
    QFETCH(QString, instanceId);
    QFETCH(QString, groupId);
    QFETCH(QStringList, unfinished);
    QCOMPARE(m_rig.setFaults(R"({"ignoreParameters":[{"action":"DescribeSnapshots",
                                "parameters":["Status"]}]})"),
        QString());
    FactsGatherer gatherer(m_rig.api(), { DemoRegion, groupId, instanceId });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(5000));
    const RollbackFacts facts = gatherer.facts();
    // The filter was asked for; the service just did not apply it.
    bool askedForProgressing = false;
    for (const emulator::RequestLogEntry &entry : m_rig.calls(QStringLiteral("DescribeSnapshots")))
        askedForProgressing = askedForProgressing
            || entry.parameters.value(QStringLiteral("Status")) == SnapshotStatusName::Progressing;
    QVERIFY(askedForProgressing);
    for (const Snapshot &snapshot : facts.unfinishedSnapshots)
        QCOMPARE(snapshot.status, SnapshotStatusName::Progressing);
    QCOMPARE(snapshotIds(facts.unfinishedSnapshots), unfinished);
    if (unfinished.isEmpty()) {
        const PreconditionReport report = checkPreconditions(facts);
        for (const PreconditionItem &item : report.items) {
            if (item.kind == PreconditionKind::NoUnfinishedSnapshot)
                QCOMPARE(item.outcome, PreconditionOutcome::Passed);
        }
    }
}

// Issue 10, item 9a: reads that time out or drop make the checks "could not be checked"
// (Unknown, saying what failed), never a failed precondition.
void TestFactsGatherer::networkFailuresCouldNotBeCheckedNeverFail()
{
    ClientSettings settings = m_rig.api()->client()->settings();
    settings.timeoutMs = 150;
    m_rig.api()->client()->setSettings(settings);
    QCOMPARE(m_rig.setFaults(R"({"latency":[{"action":"DescribeInstances","fixedMs":600}],
                                "drops":[{"action":"DescribeDisks","rate":1},
                                         {"action":"DescribeSnapshots","rate":1}]})"),
        QString());
    FactsGatherer gatherer(m_rig.api(),
        { DemoRegion, QStringLiteral("ssg-demo-healthy"), QStringLiteral("i-demo-healthy") });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QVERIFY(finished.wait(5000));
    const RollbackFacts facts = gatherer.facts();
    QCOMPARE(facts.instanceError.kind(), ApiError::Kind::Timeout);
    QCOMPARE(facts.disksError.kind(), ApiError::Kind::Network);
    const PreconditionReport report = checkPreconditions(facts);
    QVERIFY(!report.allowsRollback());
    int unknown = 0;
    for (const PreconditionItem &item : report.items) {
        QVERIFY2(item.outcome != PreconditionOutcome::Failed,
            qPrintable(preconditionKindName(item.kind) + QLatin1String(": ") + item.title));
        if (item.outcome == PreconditionOutcome::Unknown) {
            ++unknown;
            QCOMPARE(item.remedy, Remedy::Refresh);
            QVERIFY2(item.facts.join(QLatin1Char(' ')).contains(QLatin1String("Could not check (")),
                qPrintable(item.facts.join(QLatin1Char(' '))));
        }
    }
    QVERIFY(unknown >= 3);
    QVERIFY(report.couldNotCheck());
}

void TestFactsGatherer::finishedIsQueuedAndEmittedOnce()
{
    FactsGatherer gatherer(m_rig.api(),
        { DemoRegion, QStringLiteral("ssg-demo-healthy"), QStringLiteral("i-demo-healthy") });
    int emitted = 0;
    bool emittedInsideStart = false;
    bool insideStart = false;
    connect(&gatherer, &FactsGatherer::finished, this, [&] {
        ++emitted;
        emittedInsideStart = insideStart;
    });
    // Even a gathering that cannot send anything (no region) finishes later, not inside
    // start().
    FactsGatherer refused(m_rig.api(), { QString(), QStringLiteral("ssg-demo-healthy"), {} });
    QSignalSpy refusedFinished(&refused, &FactsGatherer::finished);
    insideStart = true;
    gatherer.start();
    refused.start();
    insideStart = false;
    QCOMPARE(emitted, 0);
    QCOMPARE(refusedFinished.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(emitted, 1, 5000);
    QVERIFY(!emittedInsideStart);
    QTRY_COMPARE_WITH_TIMEOUT(refusedFinished.count(), 1, 5000);
    QCOMPARE(refused.facts().groupError.kind(), ApiError::Kind::Configuration);
    QTest::qWait(300);
    QCOMPARE(emitted, 1);
    QCOMPARE(refusedFinished.count(), 1);
}

void TestFactsGatherer::cancelBeforeAnyAnswerSendsNothingAndNeverFinishes()
{
    FactsGatherer gatherer(m_rig.api(),
        { DemoRegion, QStringLiteral("ssg-demo-healthy"), QStringLiteral("i-demo-healthy") });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    gatherer.cancel();
    QVERIFY(!gatherer.isRunning());
    QTest::qWait(500);
    QCOMPARE(finished.count(), 0);
    // The calls were aborted before their first attempt went out.
    QCOMPARE(m_rig.calls().size(), 0);

    // The gatherer can run again afterwards.
    gatherer.start();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(gatherer.requestsSent(), 5);
}

void TestFactsGatherer::cancelInRoundTwoNeverFinishes()
{
    // Round-two reads are slow, so the cancel lands while they are in flight.
    QCOMPARE(m_rig.setFaults(R"({"latency":[{"action":"DescribeSnapshots","fixedMs":400}]})"),
        QString());
    FactsGatherer gatherer(m_rig.api(),
        { DemoRegion, QStringLiteral("ssg-demo-released"), QStringLiteral("i-demo-released") });
    QSignalSpy finished(&gatherer, &FactsGatherer::finished);
    gatherer.start();
    QTRY_COMPARE_WITH_TIMEOUT(gatherer.rounds(), 2, 5000);
    gatherer.cancel();
    QTest::qWait(700); // longer than the slowed reads take
    QCOMPARE(finished.count(), 0);
    QVERIFY(!gatherer.isRunning());
}

QTEST_GUILESS_MAIN(TestFactsGatherer)
#include "tst_facts_gatherer.moc"
