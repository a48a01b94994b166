#include "StopInStandardModeJob.h"

#include "RemedyCalls.h"
#include "RollbackLogging.h"
#include "api/EcsApi.h"

namespace ecs {

namespace {

const QString JobAction = QStringLiteral("StopInStandardMode");
const QString StopAction = QStringLiteral("StopInstance");
const QString StartAction = QStringLiteral("StartInstance");

// StartInstance of an instance whose compute resources were released (economical mode)
// can fail for lack of them (ROLLBACK-SEMANTICS §2, §4).
bool isLackOfResources(const ApiError &error)
{
    const QString code = error.code();
    return code == QLatin1String("OperationDenied.NoStock") || code == QLatin1String("LackResource")
        || code == QLatin1String("QuotaExceed.ElasticQuota");
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

} // namespace

StopInStandardModeJob::StopInStandardModeJob(EcsApi *api, QString regionId, QString instanceId,
    WaitOptions options, OperationRecorder recorder, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_regionId(std::move(regionId))
    , m_instanceId(std::move(instanceId))
    , m_options(options)
    , m_recorder(std::move(recorder))
{ }

void StopInStandardModeJob::start()
{
    if (m_running)
        return;
    m_running = true;
    m_outcome = Outcome::Cancelled;
    m_message.clear();
    m_error = ApiError();
    m_stopSent = false;
    m_lostAction.clear();
    m_recorder.job(JobAction, {}, JournalOutcome::Started);
    qCInfo(lcEcsRollback).noquote() << "stopping" << m_instanceId << "in standard mode";
    readInstance();
}

void StopInStandardModeJob::cancel()
{
    if (m_running)
        finish(Outcome::Cancelled, tr("Cancelled."));
}

void StopInStandardModeJob::readInstance()
{
    delete m_readContext;
    m_readContext = new QObject(this);
    DescribeInstancesRequest request;
    request.regionId = m_regionId;
    request.instanceIds = QStringList { m_instanceId };
    m_api->describeInstances(request, m_readContext, [this](const Result<Page<Instance>> &result) {
        if (!result.ok()) {
            finish(Outcome::Failed,
                tr("Could not read instance %1: %2").arg(m_instanceId, result.error().summary()),
                result.error());
            return;
        }
        for (const Instance &instance : result.value().items) {
            if (instance.instanceId == m_instanceId) {
                decide(instance);
                return;
            }
        }
        finish(Outcome::Failed, tr("Instance %1 no longer exists.").arg(m_instanceId));
    });
}

void StopInStandardModeJob::decide(const Instance &instance)
{
    if (instance.isLockedForSecurity()) {
        finish(Outcome::Failed,
            tr("Instance %1 is locked for security reasons (OperationLocks: security): the "
               "service refuses to stop or start it. Contact Alibaba Cloud support to have the "
               "lock lifted.")
                .arg(m_instanceId));
        return;
    }
    const QString &status = instance.status;
    if (status == InstanceStatusName::Running) {
        stopInstance();
    } else if (instance.isStoppedInEconomicalMode()) {
        if (m_stopSent) {
            // Ours asked for KeepCharging; someone else stopped it economically meanwhile.
            // Starting it again could go on forever, so the user decides.
            finish(Outcome::Failed,
                tr("Instance %1 ended up stopped in economical mode although standard mode "
                   "was requested; another user or process may be working on it.")
                    .arg(m_instanceId));
        } else {
            startInstance(); // resources are held again only by a start and a standard stop
        }
    } else if (instance.isStopped()) {
        finish(Outcome::Stopped); // standard mode, or economical mode does not apply
    } else if (status == InstanceStatusName::Starting || status == InstanceStatusName::Pending) {
        Q_EMIT progressed(tr("Instance %1 is %2; waiting for it to be Running before stopping "
                             "it.")
                              .arg(m_instanceId, status));
        if (m_running)
            waitFor(InstanceStatusName::Running, {}, [this] { decide(m_waiter->lastInstance()); });
    } else if (status == InstanceStatusName::Stopping) {
        Q_EMIT progressed(tr("Instance %1 is already stopping; waiting for it.").arg(m_instanceId));
        if (m_running)
            waitFor(InstanceStatusName::Stopped, {}, [this] { decide(m_waiter->lastInstance()); });
    } else {
        finish(Outcome::Failed,
            tr("Instance %1 is %2; it cannot be stopped from that state.")
                .arg(m_instanceId, status));
    }
}

void StopInStandardModeJob::stopInstance()
{
    Q_EMIT progressed(
        tr("Stopping instance %1 in standard mode (KeepCharging)…").arg(m_instanceId));
    if (!m_running)
        return; // a receiver cancelled
    m_stopSent = true;
    StopInstanceRequest request;
    request.regionId = m_regionId;
    request.instanceId = m_instanceId;
    request.stoppedMode = StoppedModeName::KeepCharging;
    m_api->stopInstance(request, remedy::callContext(m_recorder, this),
        [self = QPointer<StopInStandardModeJob>(this), recorder = m_recorder](
            const Result<QString> &result) mutable {
            const bool unknown = !result.ok() && result.error().leavesOutcomeUnknown();
            journalCall(recorder, StopAction, result, unknown);
            if (!self || !self->m_running)
                return; // cancelled: the answer is journalled, nothing else follows
            if (result.ok() || unknown) {
                // A lost answer is never re-sent: the instance state says whether the stop
                // arrived, and a second stop would only be refused or repeat it.
                self->m_lostAction = unknown ? StopAction : QString();
                self->waitFor(InstanceStatusName::Stopped, {},
                    [job = self.data()] { job->decide(job->m_waiter->lastInstance()); });
                return;
            }
            self->finish(Outcome::Failed,
                tr("The service refused to stop instance %1: %2")
                    .arg(self->m_instanceId, result.error().summary()),
                result.error());
        });
}

void StopInStandardModeJob::startInstance()
{
    Q_EMIT progressed(tr("Instance %1 is stopped in economical mode; starting it so that it can "
                         "be stopped in standard mode…")
                          .arg(m_instanceId));
    if (!m_running)
        return;
    StartInstanceRequest request;
    request.regionId = m_regionId;
    request.instanceId = m_instanceId;
    m_api->startInstance(request, remedy::callContext(m_recorder, this),
        [self = QPointer<StopInStandardModeJob>(this), recorder = m_recorder](
            const Result<QString> &result) mutable {
            const bool unknown = !result.ok() && result.error().leavesOutcomeUnknown();
            journalCall(recorder, StartAction, result, unknown);
            if (!self || !self->m_running)
                return;
            if (result.ok() || unknown) {
                self->m_lostAction = unknown ? StartAction : QString();
                self->waitFor(InstanceStatusName::Running, {}, [job = self.data()] {
                    job->m_lostAction.clear();
                    job->stopInstance();
                });
                return;
            }
            const QString id = self->m_instanceId;
            if (isLackOfResources(result.error())) {
                self->finish(Outcome::Failed,
                    tr("Instance %1 could not be started: the zone has no resources for it right "
                       "now (%2). It stays stopped in economical mode and cannot be switched to "
                       "standard mode now. Try again later; a rollback in economical mode risks "
                       "that the instance cannot be started afterwards.")
                        .arg(id, result.error().code()),
                    result.error());
            } else {
                self->finish(Outcome::Failed,
                    tr("The service refused to start instance %1: %2")
                        .arg(id, result.error().summary()),
                    result.error());
            }
        });
}

void StopInStandardModeJob::journalCall(
    OperationRecorder &recorder, const QString &action, const Result<QString> &result, bool unknown)
{
    if (result.ok()) {
        recorder.call(action, {}, result.value(), JournalOutcome::Succeeded); // the RequestId
    } else if (unknown) {
        recorder.call(action, {}, result.error().requestId(), JournalOutcome::Unknown,
            result.error(),
            tr("%1 Not sent again: the instance's state shows whether it arrived.")
                .arg(result.error().message()));
    } else {
        recorder.call(
            action, {}, result.error().requestId(), JournalOutcome::Failed, result.error());
    }
}

void StopInStandardModeJob::waitFor(
    const QString &status, const QString &stoppedMode, std::function<void()> next)
{
    if (m_waiter) {
        m_waiter->disconnect(this);
        m_waiter->cancel();
        m_waiter->deleteLater();
    }
    auto *waiter = new StateWaiter(m_api, m_regionId, m_options, this);
    m_waiter = waiter;
    connect(waiter, &StateWaiter::progressed, this, &StopInStandardModeJob::progressed);
    connect(waiter, &StateWaiter::finished, this,
        [this, waiter, status, next](StateWaiter::Outcome outcome) {
            if (!m_running)
                return;
            switch (outcome) {
            case StateWaiter::Outcome::Reached:
                next();
                return;
            case StateWaiter::Outcome::TimedOut:
                if (!m_lostAction.isEmpty() && waiter->lastInstance().status != status) {
                    finish(Outcome::Failed,
                        tr("Instance %1 is still %2 after %3 s. The %4 request got no answer "
                           "and may not have arrived; check the instance and try again.")
                            .arg(m_instanceId, waiter->lastInstance().status,
                                seconds(m_options.timeoutMs), m_lostAction));
                } else {
                    finish(Outcome::Failed, waiter->message());
                }
                return;
            case StateWaiter::Outcome::Failed:
            case StateWaiter::Outcome::ReadError:
                finish(Outcome::Failed, waiter->message(), waiter->error());
                return;
            case StateWaiter::Outcome::Cancelled:
                return;
            }
        });
    waiter->waitForInstance(m_instanceId, status, stoppedMode);
}

void StopInStandardModeJob::finish(Outcome outcome, const QString &message, const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    delete m_readContext; // aborts a read in flight; safe from inside its handler
    m_readContext = nullptr;
    if (m_waiter) {
        m_waiter->disconnect(this);
        m_waiter->cancel();
        m_waiter->deleteLater();
    }
    m_outcome = outcome;
    m_message = message;
    m_error = error;
    const QString journalOutcome = outcome == Outcome::Stopped ? JournalOutcome::Succeeded
        : outcome == Outcome::Failed                           ? JournalOutcome::Failed
                                                               : JournalOutcome::Cancelled;
    m_recorder.job(JobAction, {}, journalOutcome, message);
    qCInfo(lcEcsRollback).noquote()
        << "stop in standard mode of" << m_instanceId << "ended:" << outcome << message;
    Q_EMIT finished(outcome);
}

} // namespace ecs
