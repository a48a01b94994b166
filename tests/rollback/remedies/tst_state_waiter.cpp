// StateWaiter against the emulator: a stop and a rollback are followed until done, and a
// wait ends as Failed, TimedOut, ReadError or Cancelled when it should, once.
#include "EmulatorRig.h"
#include "rollback/StateWaiter.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace ecs;
using namespace ecs::test;

class TestStateWaiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void reachedAfterStopInstance();
    void stoppedModeIsComparedToo();
    void diskSettlesAfterResetDisks();
    void moreDisksThanOneReadTakes();
    void timesOut();
    void diskReleasedMidWaitFails();
    void instanceGoneFails();
    void readErrorsEndTheWaitAfterN();
    void oneFailedReadIsTriedAgain();
    void cancelEndsAtOnceAndStopsReading();

private:
    std::optional<Result<QString>> stop(const QString &instanceId);
    std::optional<Result<QList<OperationProgress>>> reset(
        const QString &diskId, const QString &snapshotId);

    EmulatorRig m_rig;
};

void TestStateWaiter::init()
{
    const QString problem = m_rig.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_rig.clearLog();
}

void TestStateWaiter::cleanup()
{
    m_rig.stop();
}

std::optional<Result<QString>> TestStateWaiter::stop(const QString &instanceId)
{
    StopInstanceRequest request;
    request.regionId = DemoRegion;
    request.instanceId = instanceId;
    request.stoppedMode = StoppedModeName::KeepCharging;
    return await<QString>(
        [&](ResultHandler<QString> handler) { m_rig.api()->stopInstance(request, this, handler); });
}

std::optional<Result<QList<OperationProgress>>> TestStateWaiter::reset(
    const QString &diskId, const QString &snapshotId)
{
    ResetDisksRequest request;
    request.regionId = DemoRegion;
    request.disks = { { diskId, snapshotId } };
    return await<QList<OperationProgress>>([&](ResultHandler<QList<OperationProgress>> handler) {
        m_rig.api()->resetDisks(request, this, handler);
    });
}

void TestStateWaiter::reachedAfterStopInstance()
{
    // Slow enough that the first read, 50 ms after, surely sees it stopping.
    emulator::ServiceTiming timing = fastTiming();
    timing.stopMs = 400;
    m_rig.service()->setTiming(timing);
    const QString id = QStringLiteral("i-demo-running");
    const auto stopped = stop(id);
    QVERIFY(stopped && stopped->ok());

    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    QSignalSpy progressed(&waiter, &StateWaiter::progressed);
    waiter.waitForInstance(id, InstanceStatusName::Stopped, StoppedModeName::KeepCharging);
    QVERIFY(waiter.isRunning());
    QCOMPARE(finished.count(), 0); // never from inside waitForInstance()
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().value<StateWaiter::Outcome>(), StateWaiter::Outcome::Reached);
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Reached);
    QVERIFY(!waiter.isRunning());
    QCOMPARE(waiter.lastInstance().status, InstanceStatusName::Stopped);
    QCOMPARE(waiter.lastInstance().stoppedMode, StoppedModeName::KeepCharging);
    QVERIFY(waiter.reads() >= 2);
    QCOMPARE(progressed.count(), waiter.reads());
    QCOMPARE(
        progressed.first().first().toString(), QStringLiteral("Instance %1: Stopping").arg(id));
    QCOMPARE(progressed.last().first().toString(), QStringLiteral("Instance %1: Stopped").arg(id));
    QCOMPARE(m_rig.calls(QStringLiteral("DescribeInstances")).size(), waiter.reads());
    QTest::qWait(200);
    QCOMPARE(finished.count(), 1);
}

void TestStateWaiter::stoppedModeIsComparedToo()
{
    // i-demo-economical is Stopped, but in StopCharging: not the state asked for.
    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait(300));
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    waiter.waitForInstance(QStringLiteral("i-demo-economical"), InstanceStatusName::Stopped,
        StoppedModeName::KeepCharging);
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::TimedOut);
    QCOMPARE(waiter.lastInstance().stoppedMode, StoppedModeName::StopCharging);

    // Without a mode, Stopped is enough.
    waiter.waitForInstance(QStringLiteral("i-demo-economical"), InstanceStatusName::Stopped);
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Reached);
    QCOMPARE(waiter.reads(), 1);
}

void TestStateWaiter::diskSettlesAfterResetDisks()
{
    emulator::ServiceTiming timing = fastTiming();
    timing.resetMs = 500; // surely seen ReIniting first
    m_rig.service()->setTiming(timing);
    const QString diskId = QStringLiteral("d-demo-healthy-data1");
    const QString before = m_rig.service()->diskContentMarker(diskId);
    const auto accepted = reset(diskId, QStringLiteral("s-demo-healthy-data1"));
    QVERIFY2(accepted && accepted->ok(),
        accepted ? qPrintable(accepted->error().summary()) : "no answer");

    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    QSignalSpy progressed(&waiter, &StateWaiter::progressed);
    QStringList statuses;
    const QStringList diskIds { diskId, QStringLiteral("d-demo-healthy-data2") };
    waiter.waitForDisksSettled(diskIds, [&](const QList<Disk> &disks) {
        for (const Disk &disk : disks) {
            if (disk.diskId == diskId)
                statuses.append(disk.status);
        }
    });
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Reached);
    QVERIFY2(statuses.contains(DiskStatusName::ReIniting), qPrintable(statuses.join(u',')));
    QCOMPARE(statuses.last(), DiskStatusName::InUse);
    QCOMPARE(statuses.size(), waiter.reads());
    QCOMPARE(waiter.lastDisks().size(), 2);
    QCOMPARE(progressed.first().first().toString(),
        QStringLiteral("1 of 2 disks settled; %1: ReIniting").arg(diskId));
    QCOMPARE(progressed.last().first().toString(), QStringLiteral("2 of 2 disks settled"));
    QVERIFY(m_rig.service()->diskContentMarker(diskId) != before);
}

void TestStateWaiter::moreDisksThanOneReadTakes()
{
    const QString problem = m_rig.start(bigGroupScenario(120));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QStringList diskIds;
    for (int i = 0; i <= 120; ++i)
        diskIds.append(QStringLiteral("d-big-%1").arg(i, 3, 10, QLatin1Char('0')));
    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    QSignalSpy progressed(&waiter, &StateWaiter::progressed);
    waiter.waitForDisksSettled(diskIds);
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Reached);
    QCOMPARE(waiter.reads(), 1);
    QCOMPARE(waiter.lastDisks().size(), 121);
    QCOMPARE(progressed.last().first().toString(), QStringLiteral("121 of 121 disks settled"));
    QCOMPARE(m_rig.calls(QStringLiteral("DescribeDisks")).size(), 2);
}

void TestStateWaiter::timesOut()
{
    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait(400));
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    QElapsedTimer clock;
    clock.start();
    waiter.waitForInstance(QStringLiteral("i-demo-healthy"), InstanceStatusName::Running);
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::TimedOut);
    QVERIFY2(clock.elapsed() >= 400, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(clock.elapsed() < 2000);
    QVERIFY2(waiter.message().contains(QLatin1String("i-demo-healthy"))
            && waiter.message().contains(QLatin1String("Running"))
            && waiter.message().contains(QLatin1String("Last read: Instance i-demo-healthy: "
                                                       "Stopped")),
        qPrintable(waiter.message()));
    QVERIFY(waiter.reads() >= 3);
    const int reads = waiter.reads();
    QTest::qWait(200);
    QCOMPARE(waiter.reads(), reads); // no read after the end
    QCOMPARE(finished.count(), 1);
}

void TestStateWaiter::diskReleasedMidWaitFails()
{
    const QString diskId = QStringLiteral("d-demo-healthy-data3");
    emulator::ServiceTiming slowReset = fastTiming();
    slowReset.resetMs = 5000;
    m_rig.service()->setTiming(slowReset);
    const auto accepted = reset(diskId, QStringLiteral("s-demo-healthy-data3"));
    QVERIFY(accepted && accepted->ok());
    // Someone releases the disk right after the waiter's first read.
    QCOMPARE(m_rig.setFaults(R"({"actorMoves":[{"move":"ReleaseDisk",
        "resourceId":"d-demo-healthy-data3","trigger":"afterCall","action":"DescribeDisks",
        "call":1}]})"),
        QString());

    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    waiter.waitForDisksSettled({ QStringLiteral("d-demo-healthy-data2"), diskId });
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Failed);
    QCOMPARE(waiter.message(), QStringLiteral("Disk %1 no longer exists.").arg(diskId));
    QCOMPARE(waiter.reads(), 2);
}

void TestStateWaiter::instanceGoneFails()
{
    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    waiter.waitForInstance(QStringLiteral("i-demo-never-existed"), InstanceStatusName::Stopped);
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Failed);
    QCOMPARE(waiter.message(), QStringLiteral("Instance i-demo-never-existed no longer exists."));
}

void TestStateWaiter::readErrorsEndTheWaitAfterN()
{
    QCOMPARE(m_rig.setFaults(R"({"errors":[{"action":"DescribeInstances","kind":"InternalError",
                                "rate":1}]})"),
        QString());
    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    QSignalSpy progressed(&waiter, &StateWaiter::progressed);
    waiter.waitForInstance(QStringLiteral("i-demo-healthy"), InstanceStatusName::Stopped);
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::ReadError);
    QCOMPARE(waiter.error().httpStatus(), 500);
    QCOMPARE(waiter.error().code(), QStringLiteral("InternalError"));
    QVERIFY2(
        waiter.message().contains(QLatin1String("InternalError")), qPrintable(waiter.message()));
    QCOMPARE(waiter.reads(), 0);
    QCOMPARE(progressed.count(), 0);
    QCOMPARE(m_rig.calls(QStringLiteral("DescribeInstances")).size(), fastWait().maxFailedReads);
}

void TestStateWaiter::oneFailedReadIsTriedAgain()
{
    QCOMPARE(m_rig.setFaults(R"({"errors":[{"action":"DescribeDisks","kind":"ServiceUnavailable",
                                "next":2}]})"),
        QString());
    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    waiter.waitForDisksSettled({ QStringLiteral("d-demo-healthy-data1") });
    QVERIFY(finished.wait(5000));
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Reached);
    QCOMPARE(waiter.reads(), 1);
    QCOMPARE(m_rig.calls(QStringLiteral("DescribeDisks")).size(), 3);
}

void TestStateWaiter::cancelEndsAtOnceAndStopsReading()
{
    StateWaiter waiter(m_rig.api(), DemoRegion, fastWait());
    QSignalSpy finished(&waiter, &StateWaiter::finished);
    waiter.waitForInstance(QStringLiteral("i-demo-healthy"), InstanceStatusName::Running);
    QTRY_VERIFY_WITH_TIMEOUT(waiter.reads() >= 2, 5000);
    waiter.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(waiter.outcome(), StateWaiter::Outcome::Cancelled);
    QTest::qWait(100); // a read already on the wire may still arrive
    const qsizetype calls = m_rig.calls().size();
    QTest::qWait(300);
    QCOMPARE(m_rig.calls().size(), calls);
    QCOMPARE(finished.count(), 1);
    waiter.cancel(); // a second cancel changes nothing
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(TestStateWaiter)
#include "tst_state_waiter.moc"
