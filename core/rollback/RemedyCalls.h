#pragma once

#include "journal/Journal.h"
#include "journal/OperationRecorder.h"

#include <QObject>

// What the remedy jobs (StopInStandardModeJob, SafetySnapshotJob) share about their
// mutating calls. Whether an answer leaves the outcome unknown is
// ApiError::leavesOutcomeUnknown(), the rule the whole engine uses.

namespace ecs::remedy {

// The object a mutating call's handler is tied to. The journal when there is one, so that
// the call's outcome is journalled even if the job was cancelled or deleted before the
// answer came (the handler must then hold a QPointer to the job, not the job itself).
inline QObject *callContext(const OperationRecorder &recorder, QObject *job)
{
    if (Journal *journal = recorder.journal())
        return journal;
    return job;
}

} // namespace ecs::remedy
