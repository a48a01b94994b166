#pragma once

#include "PreconditionReport.h"
#include "RollbackDiskState.h"
#include "RollbackPlan.h"
#include "api/ApiError.h"
#include "journal/OperationRecorder.h"
#include "model/Disk.h"
#include "model/Instance.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace ecs {

class EcsApi;
class FactsGatherer;
class Journal;
class OperationLock;
class RollbackCallSender;
class SafetySnapshotJob;
class StateWaiter;
struct RollbackFacts;
struct RollbackRecord;

// One rollback, as a state machine with visible progress per step and per disk:
//   Check → SafetySnapshot (optional; if it fails nothing is rolled back)
//   → DryRun (the service validates the calls)
//   → Recheck (every precondition read again, the last thing before the irreversible call;
//     a change stops the job or leaves the changed disks out, as the plan says)
//   → Rollback (ResetDisks in batches of ≤10, or ResetDisk per disk where the service
//     refuses ResetDisks) → WaitForDisks → StartInstance + WaitForRunning (if asked, and
//     only if every disk is back and still attached) → Verify.
// Cancellable until the first rollback call is sent, never after. The rollback call is
// never sent twice by accident: a lost answer (timeout, dropped connection, 5xx) is
// resolved by reading the disks, a refusal is final, and only a Throttling* refusal is
// sent again after a pause. Every check and mutating call goes to the journal.
class RollbackJob : public QObject
{
    Q_OBJECT

public:
    enum class Step {
        Check, // before the safety snapshot, so none is taken for a rollback that cannot run
        SafetySnapshot,
        DryRun,
        Recheck, // after the dry run: nothing but the call itself comes after it
        Rollback,
        WaitForDisks,
        StartInstance,
        Verify,
    };
    Q_ENUM(Step)

    enum class StepState { Pending, Running, Done, Skipped, Failed };
    Q_ENUM(StepState)

    using DiskState = RollbackDiskState;

    enum class Outcome {
        Succeeded, // every selected disk rolled back (and started, if asked)
        RolledBackStartFailed, // rolled back; StartInstance failed or did not reach Running
        Blocked, // the re-check or dry run found a blocking problem: nothing rolled back
        Failed, // an error before any disk was rolled back: nothing rolled back
        Partial, // some disks rolled back, others not: the instance is left stopped
        Unknown, // a rollback call's outcome could not be established
        Cancelled, // cancelled before the rollback call: nothing rolled back
        // Rolled back, but another actor changed the instance meanwhile (a disk detached):
        // the instance is left stopped for a person to look at.
        RolledBackButChanged,
        // The service accepted the rollback and is still carrying it out, but this job
        // stopped watching (the wait ran out, or the app was quitting): resumable.
        Interrupted,
    };
    Q_ENUM(Outcome)

    RollbackJob(EcsApi *api, RollbackPlan plan, Journal *journal, QObject *parent = nullptr);
    // Takes up an operation that the journal shows unfinished (same operation ID): see
    // resume(). The record's plan carries the session's waits and retry settings.
    RollbackJob(
        EcsApi *api, const RollbackRecord &record, Journal *journal, QObject *parent = nullptr);
    ~RollbackJob() override;

    void start();
    // For a job made from a RollbackRecord: reads the service state and finishes what the
    // interrupted job had begun — waits for the disks, starts the instance if asked,
    // verifies — and records the true outcome. It never sends the rollback call: a job
    // interrupted before it is closed as Cancelled, a disk whose call may or may not have
    // arrived and that shows no sign of it is Unknown. When another live process carries
    // the operation (OperationLock), nothing is done or journalled: the job ends
    // Interrupted at once, its summary naming that process.
    void resume();
    bool isResumed() const { return m_resumed; }
    // An unfinished operation of the sandbox cannot be resumed: the simulated service lived
    // in the process that ran it. Records it as ended without a known outcome, unless a
    // live process still carries it (then nothing is written). Returns what was done.
    static QString closeSandboxOperation(Journal *journal, const RollbackRecord &record);
    // True if the job stopped; false once the first rollback call has been sent.
    bool cancel();
    bool isCancellable() const;
    // For a quit: cancels a job that can still be cancelled; after the point of no return,
    // lets the call in flight get its answer, stops watching (the service carries on) and
    // ends Interrupted, so that the next start can resume it. finished() follows.
    void interrupt();
    bool isInterruptRequested() const { return m_interruptRequested; }
    bool isRunning() const { return m_running; }

    const RollbackPlan &plan() const { return m_plan; }
    QString operationId() const { return m_recorder.operationId(); }
    Step currentStep() const { return m_step; }
    StepState stepState(Step step) const { return m_stepStates.value(step, StepState::Pending); }
    DiskState diskState(const QString &diskId) const;
    QString diskMessage(const QString &diskId) const { return m_diskMessages.value(diskId); }

    Outcome outcome() const { return m_outcome; }
    // One or two sentences for people: what happened and what state things are in.
    QString summary() const { return m_summary; }
    ApiError error() const { return m_error; }
    // The re-check's report (Blocked outcome: what blocked).
    const PreconditionReport &report() const { return m_report; }
    QString safetySnapshotGroupId() const { return m_safetySnapshotGroupId; }
    Instance finalInstance() const { return m_finalInstance; }

    QStringList disksIn(DiskState state) const;
    // The same plan for the disks not rolled back (Partial, Unknown, Failed): what the
    // "retry the rest" button runs. No new safety snapshot of rolled-back disks is taken.
    RollbackPlan retryPlan() const;

    static QString stepName(Step step); // for people, translated
    static QString stepKey(Step step); // machine name, e.g. "safety-snapshot"
    static QString stepStateKey(StepState state); // machine name, e.g. "done"
    static QString outcomeName(Outcome outcome); // machine name, e.g. "rolled-back-start-failed"

Q_SIGNALS:
    void stepChanged(
        ecs::RollbackJob::Step step, ecs::RollbackJob::StepState state, const QString &detail);
    void diskChanged(const QString &diskId, ecs::RollbackDiskState state, const QString &detail);
    // Free text about the running step ("Instance snapshot 40%", "2 of 3 disks back").
    void progressed(const QString &description);
    void finished(ecs::RollbackJob::Outcome outcome);

private:
    void runCheck(Step step);
    void onFacts(Step step, const RollbackFacts &facts);
    void onFirstCheck();
    void onRecheck();
    // A report that blocks: Blocked, or Failed when only failed reads block.
    void stopForReport(Step step, const QString &intro);
    void startSafetySnapshot();
    void runDryRun();
    void onDryRun(const ApiError &error);
    void sendRollback();
    void onRollbackSent();
    void waitForDisks(const QStringList &diskIds);
    void onDisksWaited();
    void conclude();
    void startInstance(int attempt = 1);
    void onStartRefused(const ApiError &error);
    void waitForRunning();
    void noteDetached(const Disk &disk);
    void verify(Outcome outcome, const QString &summary, const ApiError &error = {});
    QString outcomeSummary(Outcome outcome, const QString &detail) const;
    void setStep(Step step, StepState state, const QString &detail = {});
    void setDisk(const QString &diskId, DiskState state, const QString &detail = {});
    void finish(Outcome outcome, const QString &summary, const ApiError &error = {});
    void finishInterrupted();
    QString journalPath() const; // for the operation's lock; empty without a journal
    void resumeAfterCall(const RollbackRecord &record);
    void resolveUnanswered(const QStringList &diskIds);
    void continueAfterResolution();

    EcsApi *m_api;
    RollbackPlan m_plan;
    OperationRecorder m_recorder;
    QPointer<FactsGatherer> m_gatherer;
    QPointer<SafetySnapshotJob> m_safetySnapshot;
    QPointer<RollbackCallSender> m_sender;
    QPointer<StateWaiter> m_waiter;
    Step m_step = Step::Check;
    QHash<Step, StepState> m_stepStates;
    QHash<QString, DiskState> m_diskStates;
    QHash<QString, QString> m_diskMessages;
    PreconditionReport m_report;
    Outcome m_outcome = Outcome::Cancelled;
    QString m_summary;
    ApiError m_error;
    QString m_safetySnapshotGroupId;
    Instance m_finalInstance;
    QStringList m_goneDisks; // released since the check: never in a retry plan
    QStringList m_detachedDisks; // rolled back, then found detached from the instance
    QString m_startNote; // how the instance came to run, when not by this job's call
    bool m_running = false;
    bool m_irreversibleSent = false;
    bool m_interruptRequested = false;
    bool m_resumed = false;
    bool m_startSentBefore = false; // resumed: a StartInstance was recorded before
    std::shared_ptr<const RollbackRecord> m_record; // set for a job that resumes one
    // Held from start (or resume) to the outcome: no other process takes the operation up.
    std::unique_ptr<OperationLock> m_lock;
};

} // namespace ecs
