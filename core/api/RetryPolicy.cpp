#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace ecs {

RetryPolicy RetryPolicy::none()
{
    RetryPolicy policy;
    policy.maxAttempts = 1;
    return policy;
}

bool RetryPolicy::isIdempotentAction(const QString &action)
{
    return action.startsWith(QLatin1String("Describe"));
}

bool RetryPolicy::isRetryableError(const ApiError &error)
{
    switch (error.kind()) {
    case ApiError::Kind::Service:
        return error.isThrottling() || error.code().startsWith(QLatin1String("ServiceUnavailable"))
            || error.httpStatus() >= 500;
    case ApiError::Kind::Network:
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::Parse:
        // A 5xx gateway page (HTML from a proxy) is as transient as a 5xx JSON body.
        return error.httpStatus() >= 500;
    case ApiError::Kind::None:
    case ApiError::Kind::Tls:
    case ApiError::Kind::Cancelled:
    case ApiError::Kind::Configuration:
        return false;
    }
    return false;
}

bool RetryPolicy::allowsRetry(int attemptsMade, qint64 elapsedMs, int delayMs) const
{
    if (attemptsMade >= maxAttempts)
        return false;
    return attemptsMade == 1 || elapsedMs + delayMs <= totalBudgetMs;
}

int RetryPolicy::delayBeforeRetryMs(int attempt, int serverRetryAfterMs) const
{
    const double exponential
        = std::min<double>(maxDelayMs, baseDelayMs * std::pow(2.0, std::max(0, attempt - 1)));
    const double unit = random ? random() : QRandomGenerator::global()->generateDouble();
    const int jittered = static_cast<int>(exponential * (0.5 + 0.5 * std::clamp(unit, 0.0, 1.0)));
    return std::max(jittered, std::min(serverRetryAfterMs, maxDelayMs));
}

} // namespace ecs
