#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ecs::emulator {

// What the emulator does wrong on purpose, as set at start from JSON and replaced at run
// time through PUT /admin/faults. The JSON shape is documented in docs/EMULATOR.md; an
// `action` of "*" (or none) matches every action.

// Whether a fault hits before the service handles the call (nothing happened) or after
// (the call took effect but the client never learns it: "outcome unknown").
enum class FaultMoment { BeforeHandling, AfterHandling };

struct LatencyRule
{
    QString action = QStringLiteral("*");
    int fixedMs = 0;
    int jitterMs = 0; // uniform in [0, jitterMs], drawn from the plan's seeded generator
    int count = -1; // how many more matching calls are delayed; -1: all of them
};

struct ErrorRule
{
    QString action = QStringLiteral("*");
    // "InternalError" (500) | "ServiceUnavailable" (503) | "Throttling" | "Throttling.User" |
    // "Throttling.Api" | "Throttling.Resource"
    QString kind = QStringLiteral("InternalError");
    int status = 0; // throttling only: 400, 403 or 429; 0: what the service sends for the action
    double rate = 0.0; // probability per matching call
    int next = 0; // the next N matching calls fail for sure (used before `rate`)
    int retryAfterMs = -1; // x-acs-retry-after when >= 0
    FaultMoment when = FaultMoment::BeforeHandling;
};

struct DropRule
{
    QString action = QStringLiteral("*");
    double rate = 0.0;
    int next = 0;
    FaultMoment when = FaultMoment::BeforeHandling;
};

// An HTTP answer of the plan's choosing in place of the service's: what a broken gateway
// or something in between may send (a 200 whose body is only an error Code, a body
// without its list wrapper, a redirect).
struct AnswerRule
{
    QString action = QStringLiteral("*");
    int status = 200;
    QJsonObject headers; // name → string value, e.g. {"Location": "https://…"}
    QJsonValue body; // an object (written as compact JSON) or a string (written as is)
    double rate = 0.0;
    int next = 0;
    FaultMoment when = FaultMoment::BeforeHandling;
};

// A service that does not apply some of its filters: the named parameters are removed
// before the service sees the call (every matching call; the request log keeps them).
struct IgnoreRule
{
    QString action = QStringLiteral("*");
    QStringList parameters;
};

struct ActorMoveRule
{
    enum class Trigger { BeforeCall, AfterCall, AtTime };

    QString move; // ActorMoves::applyActorMove's move, e.g. "StartInstance"
    QString resourceId;
    QString argument;
    Trigger trigger = Trigger::BeforeCall;
    QString action; // BeforeCall/AfterCall: "before the Nth call of action is handled" ...
    int call = 1; // ... or "after it is answered"; N counts from when the plan was set
    int atMs = 0; // AtTime: this long after the plan was set
    bool fired = false;
    QString result; // applyActorMove's answer once fired ("" = done)
};

struct FaultPlan
{
    std::optional<quint64> seed; // absent: the server's default seed
    QList<LatencyRule> latency;
    QList<ErrorRule> errors;
    QList<DropRule> drops;
    QList<AnswerRule> answers;
    QList<IgnoreRule> ignoreParameters;
    QList<ActorMoveRule> actorMoves;

    // Strict: an unknown kind, trigger or a negative number is an error, so a typo in a
    // test's plan fails loudly instead of silently injecting nothing.
    static std::optional<FaultPlan> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
};

} // namespace ecs::emulator
