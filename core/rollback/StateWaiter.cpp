#include "StateWaiter.h"

#include "RollbackLogging.h"
#include "api/EcsApi.h"

#include <memory>

namespace ecs {

namespace {

// DescribeDisks takes at most 100 IDs; a group may hold 128 disks.
constexpr qsizetype MaxDiskIdsPerRead = 100;
// How many unsettled disks a progress line names before it says "…".
constexpr qsizetype DisksNamedInProgress = 3;

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

} // namespace

StateWaiter::StateWaiter(EcsApi *api, QString regionId, WaitOptions options, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_regionId(std::move(regionId))
    , m_options(options)
{
    // One read at a time: the next tick is scheduled when a read has ended, so a slow
    // service is never asked again before it answered.
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &StateWaiter::tick);
    m_deadline.setSingleShot(true);
    // The timeout is a promise to the user; a coarse timer may fire up to 5% early.
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        finish(Outcome::TimedOut,
            m_lastProgress.isEmpty()
                ? m_timeoutMessage
                : tr("%1 Last read: %2.").arg(m_timeoutMessage, m_lastProgress));
    });
}

void StateWaiter::waitForInstance(
    const QString &instanceId, const QString &status, const QString &stoppedMode)
{
    const QString goal = stoppedMode.isEmpty()
        ? status
        : status + QLatin1String(" (") + stoppedMode + QLatin1Char(')');
    begin(tr("Instance %1 did not reach %2 within %3 s.")
              .arg(instanceId, goal, seconds(m_options.timeoutMs)));
    m_read = [this, instanceId, status, stoppedMode] {
        DescribeInstancesRequest request;
        request.regionId = m_regionId;
        request.instanceIds = QStringList { instanceId };
        m_api->describeInstances(request, m_readContext,
            [this, instanceId, status, stoppedMode](const Result<Page<Instance>> &result) {
                if (!result.ok()) {
                    readFailed(result.error());
                    return;
                }
                const Instance *found = nullptr;
                for (const Instance &instance : result.value().items) {
                    if (instance.instanceId == instanceId)
                        found = &instance;
                }
                ++m_reads;
                m_failedReadsInARow = 0;
                if (!found) {
                    finish(Outcome::Failed, tr("Instance %1 no longer exists.").arg(instanceId));
                    return;
                }
                m_lastInstance = *found;
                report(tr("Instance %1: %2").arg(instanceId, found->status));
                if (!m_running)
                    return; // a receiver cancelled
                const bool reached = found->status == status
                    && (stoppedMode.isEmpty() || found->stoppedMode == stoppedMode);
                if (reached)
                    finish(Outcome::Reached);
                else
                    scheduleRead();
            });
    };
    tick();
}

void StateWaiter::waitForDisksSettled(
    const QStringList &diskIds, std::function<void(const QList<Disk> &)> onRead)
{
    begin(tr("%n disk(s) did not settle within %1 s.", nullptr, static_cast<int>(diskIds.size()))
              .arg(seconds(m_options.timeoutMs)));
    m_read = [this, diskIds, onRead] {
        // One read per 100 disks, in parallel; the state is judged when all have answered.
        struct Sweep
        {
            QList<Disk> disks;
            ApiError error;
            int pending = 0;
        };
        auto sweep = std::make_shared<Sweep>();
        for (qsizetype i = 0; i < diskIds.size(); i += MaxDiskIdsPerRead) {
            DescribeDisksRequest request;
            request.regionId = m_regionId;
            request.diskIds = diskIds.mid(i, MaxDiskIdsPerRead);
            request.maxResults = static_cast<int>(MaxDiskIdsPerRead);
            ++sweep->pending;
            m_api->listDisks(
                request, m_readContext,
                [sweep](const Page<Disk> &page) { sweep->disks.append(page.items); },
                [this, sweep, diskIds, onRead](const ApiError &error) {
                    if (error.isError() && !sweep->error.isError())
                        sweep->error = error;
                    if (--sweep->pending > 0)
                        return;
                    if (sweep->error.isError())
                        readFailed(sweep->error);
                    else
                        disksRead(diskIds, sweep->disks, onRead);
                });
        }
    };
    tick();
}

void StateWaiter::cancel()
{
    if (m_running)
        finish(Outcome::Cancelled);
}

void StateWaiter::begin(const QString &timeoutMessage)
{
    if (m_running)
        finish(Outcome::Cancelled); // one wait at a time: a new one replaces the old
    m_running = true;
    m_outcome = Outcome::Cancelled;
    m_message.clear();
    m_error = ApiError();
    m_lastInstance = Instance();
    m_lastDisks.clear();
    m_reads = 0;
    m_failedReadsInARow = 0;
    m_timeoutMessage = timeoutMessage;
    m_lastProgress.clear();
    m_readContext = new QObject(this);
    m_deadline.start(m_options.timeoutMs);
}

void StateWaiter::tick()
{
    if (m_running && m_read)
        m_read();
}

void StateWaiter::report(const QString &description)
{
    m_lastProgress = description;
    Q_EMIT progressed(description);
}

void StateWaiter::scheduleRead()
{
    if (m_running)
        m_timer.start(m_options.intervalMs);
}

void StateWaiter::disksRead(const QStringList &diskIds, const QList<Disk> &disks,
    const std::function<void(const QList<Disk> &)> &onRead)
{
    ++m_reads;
    m_failedReadsInARow = 0;
    m_lastDisks = disks;
    if (onRead)
        onRead(disks);
    if (!m_running)
        return; // onRead cancelled

    QStringList missing;
    QStringList unsettled;
    for (const QString &diskId : diskIds) {
        const auto found = std::find_if(
            disks.cbegin(), disks.cend(), [&](const Disk &disk) { return disk.diskId == diskId; });
        if (found == disks.cend())
            missing.append(diskId);
        else if (!found->isSettled())
            unsettled.append(diskId + QLatin1String(": ") + found->status);
    }
    if (!missing.isEmpty()) {
        const QString names = missing.join(QLatin1String(", "));
        finish(Outcome::Failed,
            missing.size() == 1 ? tr("Disk %1 no longer exists.").arg(names)
                                : tr("Disks %1 no longer exist.").arg(names));
        return;
    }

    const qsizetype total = diskIds.size();
    QString description = tr("%1 of %2 disks settled").arg(total - unsettled.size()).arg(total);
    if (!unsettled.isEmpty()) {
        QStringList named = unsettled.mid(0, DisksNamedInProgress);
        if (unsettled.size() > DisksNamedInProgress)
            named.append(QStringLiteral("…"));
        description += QLatin1String("; ") + named.join(QLatin1String(", "));
    }
    report(description);
    if (!m_running)
        return;
    if (unsettled.isEmpty())
        finish(Outcome::Reached);
    else
        scheduleRead();
}

void StateWaiter::readFailed(const ApiError &error)
{
    m_error = error;
    ++m_failedReadsInARow;
    qCDebug(lcEcsRollback).noquote()
        << QStringLiteral("read failed while waiting (%1 in a row):").arg(m_failedReadsInARow)
        << error.summary();
    if (m_failedReadsInARow >= m_options.maxFailedReads) {
        finish(Outcome::ReadError,
            tr("The state could not be read %n time(s) in a row: %1", nullptr, m_failedReadsInARow)
                .arg(error.summary()));
        return;
    }
    scheduleRead();
}

void StateWaiter::finish(Outcome outcome, const QString &message)
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_deadline.stop();
    // Drops the handlers of reads in flight and cancels those reads. Safe from inside
    // one of those handlers: Qt keeps a running slot alive until it returns.
    delete m_readContext;
    m_readContext = nullptr;
    m_outcome = outcome;
    m_message = message;
    if (outcome != Outcome::Reached)
        qCDebug(lcEcsRollback).noquote() << "wait ended:" << outcome << message;
    Q_EMIT finished(outcome);
}

} // namespace ecs
