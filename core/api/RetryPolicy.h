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
    // No retry starts later than this after the first send, the first retry excepted. With
    // ClientSettings' 15 s per attempt, 45 s leaves room for two timed-out reads, their
    // waits and a third attempt; it used to equal the (then 30 s) attempt timeout, so a
    // read that timed out was never retried (issue 10, item 9a).
    int totalBudgetMs = 45000;

    // A number in [0, 1) for the "full jitter" of each wait; injectable for tests.
    std::function<double()> random;

    static RetryPolicy none();

    // True for actions the service documents as read-only (Describe*).
    static bool isIdempotentAction(const QString &action);
    static bool isRetryableError(const ApiError &error);

    // Whether another attempt may start after `attemptsMade` attempts, `elapsedMs` after
    // the first was sent, waiting `delayMs` first. The budget never refuses the first
    // retry: a budget shorter than one attempt's timeout would otherwise make every
    // timed-out read final.
    bool allowsRetry(int attemptsMade, qint64 elapsedMs, int delayMs) const;

    // Wait before attempt number `attempt + 1` (attempt counts from 1), honouring a
    // server-sent retry-after delay when it is larger: full jitter between half and
    // all of the exponential delay, so many clients do not retry in lockstep.
    int delayBeforeRetryMs(int attempt, int serverRetryAfterMs = 0) const;
};

} // namespace ecs
