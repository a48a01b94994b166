#include "FaultInjector.h"

#include "GatewayErrors.h"
#include "Throttling.h"

#include <QLoggingCategory>

#include <random>

Q_LOGGING_CATEGORY(lcFaults, "ecs.emulator.faults")

namespace ecs::emulator {

namespace {

bool matches(const QString &ruleAction, const QString &action)
{
    return ruleAction.isEmpty() || ruleAction == QLatin1String("*") || ruleAction == action;
}

ServiceError errorOf(const ErrorRule &rule, const QString &action)
{
    if (rule.kind == QLatin1String("ServiceUnavailable"))
        return gatewayErrors::serviceUnavailable();
    if (throttling::isCode(rule.kind)) {
        return throttling::error(rule.kind,
            rule.status > 0 ? rule.status : throttling::defaultStatus(rule.kind, action));
    }
    return gatewayErrors::internalError();
}

} // namespace

FaultInjector::FaultInjector(ActorMoves *moves, QObject *parent)
    : QObject(parent)
    , m_moves(moves)
{
    setPlan(FaultPlan {});
}

QString FaultInjector::setPlan(const QJsonObject &json)
{
    QString error;
    const std::optional<FaultPlan> plan = FaultPlan::fromJson(json, &error);
    if (!plan)
        return error;
    setPlan(*plan);
    return {};
}

void FaultInjector::setPlan(const FaultPlan &plan)
{
    m_timers.clear();
    m_plan = plan;
    m_calls.clear();
    const quint64 seed = plan.seed.value_or(m_defaultSeed);
    std::seed_seq sequence { static_cast<quint32>(seed), static_cast<quint32>(seed >> 32) };
    m_random.seed(sequence);
    for (qsizetype i = 0; i < m_plan.actorMoves.size(); ++i) {
        const ActorMoveRule &rule = m_plan.actorMoves.at(i);
        if (rule.trigger != ActorMoveRule::Trigger::AtTime || rule.fired)
            continue;
        auto timer = std::make_unique<QTimer>();
        timer->setSingleShot(true);
        timer->setInterval(rule.atMs);
        // By index, not pointer: the list is only replaced together with the timers.
        connect(timer.get(), &QTimer::timeout, this, [this, i] { fire(m_plan.actorMoves[i]); });
        timer->start();
        m_timers.push_back(std::move(timer));
    }
}

bool FaultInjector::draw(double rate)
{
    if (rate <= 0.0)
        return false;
    // Always one draw per rule with a rate, so the sequence does not depend on outcomes.
    return m_random.generateDouble() < rate;
}

CallFaults FaultInjector::arrive(const QString &action)
{
    CallFaults faults;
    faults.callNumber = ++m_calls[action];
    for (LatencyRule &rule : m_plan.latency) {
        if (!matches(rule.action, action) || rule.count == 0)
            continue;
        if (rule.count > 0)
            --rule.count;
        faults.latencyMs += rule.fixedMs;
        if (rule.jitterMs > 0)
            faults.latencyMs += static_cast<int>(m_random.bounded(rule.jitterMs + 1));
    }
    for (DropRule &rule : m_plan.drops) {
        if (!matches(rule.action, action))
            continue;
        const bool hit = draw(rule.rate);
        if (faults.drop)
            continue;
        if (rule.next > 0) {
            --rule.next;
            faults.drop = true;
        } else {
            faults.drop = hit;
        }
        faults.dropWhen = rule.when;
    }
    // A drop beats a canned answer, which beats an error.
    for (AnswerRule &rule : m_plan.answers) {
        if (!matches(rule.action, action))
            continue;
        const bool hit = draw(rule.rate);
        if (faults.drop || faults.answer)
            continue;
        if (rule.next > 0)
            --rule.next;
        else if (!hit)
            continue;
        faults.answer = rule;
    }
    for (const IgnoreRule &rule : std::as_const(m_plan.ignoreParameters)) {
        if (matches(rule.action, action))
            faults.ignoredParameters += rule.parameters;
    }
    for (ErrorRule &rule : m_plan.errors) {
        if (!matches(rule.action, action))
            continue;
        const bool hit = draw(rule.rate);
        if (faults.drop || faults.answer || faults.error)
            continue;
        if (rule.next > 0) {
            --rule.next;
        } else if (!hit) {
            continue;
        }
        faults.error = errorOf(rule, action);
        faults.errorWhen = rule.when;
        faults.retryAfterMs = rule.retryAfterMs;
    }
    return faults;
}

void FaultInjector::beforeHandling(const QString &action, int callNumber)
{
    fireCallMoves(ActorMoveRule::Trigger::BeforeCall, action, callNumber);
}

void FaultInjector::afterAnswer(const QString &action, int callNumber)
{
    fireCallMoves(ActorMoveRule::Trigger::AfterCall, action, callNumber);
}

void FaultInjector::fireCallMoves(
    ActorMoveRule::Trigger trigger, const QString &action, int callNumber)
{
    for (ActorMoveRule &rule : m_plan.actorMoves) {
        if (!rule.fired && rule.trigger == trigger && rule.action == action
            && rule.call == callNumber)
            fire(rule);
    }
}

void FaultInjector::fire(ActorMoveRule &rule)
{
    if (rule.fired)
        return;
    rule.fired = true;
    rule.result = m_moves ? m_moves->applyActorMove(rule.move, rule.resourceId, rule.argument)
                          : QStringLiteral("no actor attached");
    if (!rule.result.isEmpty())
        qCWarning(lcFaults) << "actor move" << rule.move << rule.resourceId
                            << "failed:" << rule.result;
    Q_EMIT actorMoveApplied(rule.move, rule.resourceId, rule.result);
}

} // namespace ecs::emulator
