#pragma once

// The test class of tst_remedy_jobs, shared by its two source files: the stop remedy
// (tst_remedy_jobs.cpp) and the safety snapshot (tst_remedy_jobs_snapshot.cpp).

#include "EmulatorRig.h"
#include "journal/Journal.h"
#include "journal/OperationRecorder.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

namespace ecs::test {

class TestRemedyJobs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void stopsRunningInstanceInStandardMode();
    void economicalStopIsStartedThenStoppedInStandardMode();
    void noStockLeavesTheInstanceStoppedEconomically();
    void droppedStopAnswerIsNotSentAgain();
    void stopThatNeverArrivedFailsAfterTheTimeout();
    void standardStopNeedsNoCall();
    void stoppingInstanceIsWaitedFor();
    void startingInstanceIsWaitedForThenStopped();
    void securityLockFailsWithTheReason();
    void cancelLeavesTheSentStopJournalled();

    void safetySnapshotIsAccomplished();
    void droppedCreateIsSentAgainWithTheSameToken();
    void createNeverAnsweredGivesUpAfterThreeAttempts();
    void snapshotInProgressRefusesTheCreate();
    void snapshotStillCreatingTimesOut();
    void cancelWhileCreatingStillJournalsTheCreate();
    void nameRules_data();
    void nameRules();
    void badNameFailsBeforeSending();

private:
    OperationRecorder recorder(const QString &instanceId);
    // "kind action outcome [errorCode]" per entry, oldest first.
    QStringList journalLines() const;
    QList<JournalEntry> journalEntries() const;

    EmulatorRig m_rig;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;
};

} // namespace ecs::test
