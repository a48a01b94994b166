#pragma once

#include "ApiError.h"

#include <QString>

#include <functional>

namespace ecs {

// When and how long to wait before sending a request again.
//
// Only idempotent reads (Describe*) are ever retried, and only for failures that say
// "try again later": Throttling*, ServiceUnavailable*, HTTP 5xx, and transient network
// failures. A mutating call (ResetDisks, StopInstance, ...) is never re-sent by the
// transport: whether it took effect is for the caller to find out by reading state.
struct RetryPolicy
{
    int maxAttempts = 4; // including the first one
    int baseDelayMs = 300; // before the first retry, doubled each time
    int maxDelayMs = 8000; // cap on one wait
    int totalBudgetMs = 30000; // no retry starts later than this after the first send

    // A number in [0, 1) for the "full jitter" of each wait; injectable for tests.
    std::function<double()> random;

    static RetryPolicy none();

    // True for actions the service documents as read-only (Describe*).
    static bool isIdempotentAction(const QString &action);
    static bool isRetryableError(const ApiError &error);

    // Wait before attempt number `attempt + 1` (attempt counts from 1), honouring a
    // server-sent retry-after delay when it is larger: full jitter between half and
    // all of the exponential delay, so many clients do not retry in lockstep.
    int delayBeforeRetryMs(int attempt, int serverRetryAfterMs = 0) const;
};

} // namespace ecs
