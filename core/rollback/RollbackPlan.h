#pragma once

#include "RollbackTarget.h"
#include "StateWaiter.h"

#include <QString>
#include <QStringList>

namespace ecs {

// What the user asked for in the rollback dialog (or on the command line).
struct RollbackPlan
{
    // What the last re-check before the irreversible call does when it finds that the state
    // changed since the first check (a disk detached, a snapshot deleted, ...).
    enum class ChangePolicy {
        StopJob, // nothing is rolled back (the default: the user decided on the old state)
        SkipChangedDisks, // the disks that changed are left out; instance-wide changes stop
    };

    RollbackTarget target;
    QStringList diskIds; // source disk IDs of the group's members to roll back
    bool safetySnapshot = true; // instance snapshot of the current disks first
    bool startAfterRollback = false; // "Start the instance immediately after Rollback"
    ChangePolicy onChangeBeforeCall = ChangePolicy::StopJob;
    QString profileName; // for the journal only
    WaitOptions waits; // polling of disks and instance
    // ResetDisks answered Throttling* was refused, not acted on: it is sent again after a
    // pause, at most this many times.
    int maxThrottledAttempts = 4;
    int throttledPauseMs = 2000;
    // How long, after a rollback call whose answer was lost, the disks are watched for a
    // sign that the service acted (a disk leaving In_use) before the outcome stays Unknown.
    int unknownOutcomeWatchMs = 20000;
};

} // namespace ecs
