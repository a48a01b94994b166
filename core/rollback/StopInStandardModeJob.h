#pragma once

#include "StateWaiter.h"
#include "api/ApiError.h"
#include "api/Result.h"
#include "journal/OperationRecorder.h"

#include <QObject>
#include <QPointer>

namespace ecs {

class EcsApi;

// The "stop in standard mode" remedy: StopInstance(StoppedMode=KeepCharging) and wait
// until Stopped. An instance already stopped in economical mode is first started (and
// waited for until Running), then stopped in standard mode, so that its compute
// resources are held again. Every mutating call goes to the journal. A call whose answer
// was lost is not sent again: the instance's state shows whether it arrived. The waits are
// for the status only, and the stopped mode is judged afterwards, because an instance
// that cannot use economical mode may report Not-applicable rather than KeepCharging.
// Each wait has the whole `options.timeoutMs`.
class StopInStandardModeJob : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Stopped, Failed, Cancelled };
    Q_ENUM(Outcome)

    StopInStandardModeJob(EcsApi *api, QString regionId, QString instanceId, WaitOptions options,
        OperationRecorder recorder, QObject *parent = nullptr);

    // finished() follows once, later.
    void start();
    // Stops waiting, with finished(Cancelled) before it returns; a call already sent is
    // left to finish (its outcome still journalled, even if the job is deleted).
    void cancel();
    bool isRunning() const { return m_running; }
    Outcome outcome() const { return m_outcome; }
    QString message() const { return m_message; } // for people, on Failed
    ApiError error() const { return m_error; }

Q_SIGNALS:
    void progressed(const QString &description);
    void finished(ecs::StopInStandardModeJob::Outcome outcome);

private:
    void readInstance();
    // The next step for the instance as last read; every path ends in finish().
    void decide(const Instance &instance);
    void startInstance();
    void stopInstance();
    static void journalCall(OperationRecorder &recorder, const QString &action,
        const Result<QString> &result, bool outcomeUnknown);
    void waitFor(const QString &status, const QString &stoppedMode, std::function<void()> next);
    void finish(Outcome outcome, const QString &message = {}, const ApiError &error = {});

    EcsApi *m_api;
    QString m_regionId;
    QString m_instanceId;
    WaitOptions m_options;
    OperationRecorder m_recorder;
    QPointer<StateWaiter> m_waiter;
    QObject *m_readContext = nullptr; // parent of the instance read's handler
    bool m_stopSent = false;
    // The call whose answer was lost while its state is awaited (for the timeout message).
    QString m_lostAction;
    Outcome m_outcome = Outcome::Cancelled;
    QString m_message;
    ApiError m_error;
    bool m_running = false;
};

} // namespace ecs
