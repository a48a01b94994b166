#pragma once

#include "api/ApiError.h"
#include "model/Disk.h"
#include "model/Instance.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace ecs {

class EcsApi;

// Polling for a state the service reaches on its own clock: reads with
// DescribeInstances / DescribeDisks every `intervalMs` until the state is reached, a
// read shows it cannot be reached, or `timeoutMs` passes. Reads that fail are tried again
// at the next tick (the client already retried them); after `maxFailedReads` in a row the
// wait ends with that error.
struct WaitOptions
{
    int intervalMs = 2000;
    int timeoutMs = 10 * 60 * 1000;
    int maxFailedReads = 5;
};

class StateWaiter : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        Reached,
        Failed, // the state can no longer be reached (e.g. resource gone); see message()
        TimedOut,
        ReadError, // too many failed reads in a row; see error()
        Cancelled,
    };
    Q_ENUM(Outcome)

    StateWaiter(EcsApi *api, QString regionId, WaitOptions options, QObject *parent = nullptr);

    // Until the instance has `status` (and `stoppedMode`, if not empty).
    void waitForInstance(
        const QString &instanceId, const QString &status, const QString &stoppedMode = {});
    // Until every disk is settled (In_use or Available, ROLLBACK-SEMANTICS §5.7).
    // `onRead` sees every read, e.g. to notice that a disk went through ReIniting.
    void waitForDisksSettled(
        const QStringList &diskIds, std::function<void(const QList<Disk> &)> onRead = {});
    // Ends the wait now with finished(Cancelled), emitted before cancel() returns; reads in
    // flight are aborted. A new wait* call also ends the one under way this way.
    void cancel();
    bool isRunning() const { return m_running; }

    Outcome outcome() const { return m_outcome; }
    QString message() const { return m_message; }
    ApiError error() const { return m_error; }
    // The last state read.
    Instance lastInstance() const { return m_lastInstance; }
    QList<Disk> lastDisks() const { return m_lastDisks; }
    int reads() const { return m_reads; }

Q_SIGNALS:
    // After every successful read: for progress ("Instance i-x: Stopping",
    // "2 of 3 disks settled; d-y: ReIniting").
    void progressed(const QString &description);
    // Once per wait. The first read goes out at once, the next ones `intervalMs` after the
    // previous answer, so reads never overlap; finished() always follows an answer or a
    // timer, never comes from inside waitFor*().
    void finished(ecs::StateWaiter::Outcome outcome);

private:
    // Resets the state for a new wait and starts the deadline.
    void begin(const QString &timeoutMessage);
    void tick();
    void scheduleRead();
    void report(const QString &description);
    void disksRead(const QStringList &diskIds, const QList<Disk> &disks,
        const std::function<void(const QList<Disk> &)> &onRead);
    void finish(Outcome outcome, const QString &message = {});
    void readFailed(const ApiError &error);

    EcsApi *m_api;
    QString m_regionId;
    WaitOptions m_options;
    QTimer m_timer;
    QTimer m_deadline;
    std::function<void()> m_read;
    QObject *m_readContext = nullptr; // parent of this wait's handlers; deleted when it ends
    QString m_timeoutMessage;
    QString m_lastProgress;
    Outcome m_outcome = Outcome::Cancelled;
    QString m_message;
    ApiError m_error;
    Instance m_lastInstance;
    QList<Disk> m_lastDisks;
    int m_reads = 0;
    int m_failedReadsInARow = 0;
    bool m_running = false;
};

} // namespace ecs
