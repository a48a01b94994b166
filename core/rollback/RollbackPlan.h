#pragma once

#include "RollbackTarget.h"
#include "StateWaiter.h"

#include <QString>
#include <QStringList>

namespace ecs {

// What the user asked for in the rollback dialog (or on the command line).
struct RollbackPlan
{
    RollbackTarget target;
    QStringList diskIds; // source disk IDs of the group's members to roll back
    bool safetySnapshot = true; // instance snapshot of the current disks first
    bool startAfterRollback = false; // "Start the instance immediately after Rollback"
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
