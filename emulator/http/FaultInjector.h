#pragma once

#include "ActionHandler.h"
#include "FaultPlan.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator64>
#include <QTimer>

#include <memory>
#include <vector>

namespace ecs::emulator {

// The faults decided for one authenticated call, drawn when it arrives.
struct CallFaults
{
    int callNumber = 0; // 1-based per action, counted since the plan was set
    int latencyMs = 0;
    bool drop = false;
    FaultMoment dropWhen = FaultMoment::BeforeHandling;
    std::optional<AnswerRule> answer; // its `when` says before or after handling
    QStringList ignoredParameters; // removed before the service sees the call
    std::optional<ServiceError> error;
    FaultMoment errorWhen = FaultMoment::BeforeHandling;
    int retryAfterMs = -1;
};

// Runs a FaultPlan: draws latency, errors and drops from one generator seeded from the plan
// (or the default seed), so the same calls in the same order meet the same faults; and
// applies another actor's moves at their moment through ActorMoves.
class FaultInjector : public QObject
{
    Q_OBJECT

public:
    explicit FaultInjector(ActorMoves *moves, QObject *parent = nullptr);

    void setActorMoves(ActorMoves *moves) { m_moves = moves; }
    // Used by plans without a seed of their own; takes effect with the next setPlan().
    void setDefaultSeed(quint64 seed) { m_defaultSeed = seed; }

    // Replaces the plan, restarts call counting and timed moves. Returns "" or the error.
    QString setPlan(const QJsonObject &json);
    void setPlan(const FaultPlan &plan);
    // The plan with what is left of it: `next` counters, fired moves and their results.
    QJsonObject planJson() const { return m_plan.toJson(); }

    CallFaults arrive(const QString &action);
    void beforeHandling(const QString &action, int callNumber);
    void afterAnswer(const QString &action, int callNumber);

Q_SIGNALS:
    void actorMoveApplied(const QString &move, const QString &resourceId, const QString &result);

private:
    void fire(ActorMoveRule &rule);
    void fireCallMoves(ActorMoveRule::Trigger trigger, const QString &action, int callNumber);
    bool draw(double rate);

    ActorMoves *m_moves;
    FaultPlan m_plan;
    quint64 m_defaultSeed = 1;
    QRandomGenerator64 m_random;
    QHash<QString, int> m_calls;
    std::vector<std::unique_ptr<QTimer>> m_timers;
};

} // namespace ecs::emulator
