#include "FaultPlan.h"

#include "Throttling.h"

#include <QJsonArray>

namespace ecs::emulator {

namespace {

// Small strict reader: remembers the first problem with its path.
class Reader
{
public:
    explicit Reader(QString *error)
        : m_error(error)
    { }

    bool ok() const { return m_problem.isEmpty(); }
    void fail(const QString &path, const QString &what)
    {
        if (m_problem.isEmpty())
            m_problem = path + QLatin1String(": ") + what;
        if (m_error)
            *m_error = m_problem;
    }

    QString string(const QJsonObject &o, const QString &path, const char *name, QString fallback)
    {
        const QJsonValue value = o.value(QLatin1String(name));
        if (value.isUndefined())
            return fallback;
        if (!value.isString())
            fail(
                path + QLatin1Char('.') + QLatin1String(name), QStringLiteral("expected a string"));
        return value.toString();
    }

    int count(const QJsonObject &o, const QString &path, const char *name, int fallback)
    {
        const QJsonValue value = o.value(QLatin1String(name));
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(-1.0);
        if (!value.isDouble() || number < 0 || number > 1e9 || number != static_cast<int>(number))
            fail(path + QLatin1Char('.') + QLatin1String(name),
                QStringLiteral("expected a whole number >= 0"));
        return static_cast<int>(number);
    }

    double rate(const QJsonObject &o, const QString &path)
    {
        const QJsonValue value = o.value(QLatin1String("rate"));
        if (value.isUndefined())
            return 0.0;
        const double number = value.toDouble(-1.0);
        if (!value.isDouble() || number < 0.0 || number > 1.0)
            fail(path + QLatin1String(".rate"), QStringLiteral("expected a number in [0, 1]"));
        return number;
    }

    FaultMoment moment(const QJsonObject &o, const QString &path)
    {
        const QString when = string(o, path, "when", QStringLiteral("before"));
        if (when == QLatin1String("after"))
            return FaultMoment::AfterHandling;
        if (when != QLatin1String("before"))
            fail(path + QLatin1String(".when"), QStringLiteral("expected \"before\" or \"after\""));
        return FaultMoment::BeforeHandling;
    }

    QList<QJsonObject> objects(const QJsonObject &o, const char *name)
    {
        QList<QJsonObject> list;
        const QJsonValue value = o.value(QLatin1String(name));
        if (value.isUndefined())
            return list;
        if (!value.isArray()) {
            fail(QLatin1String(name), QStringLiteral("expected an array"));
            return list;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                fail(QStringLiteral("%1[%2]").arg(QLatin1String(name)).arg(i),
                    QStringLiteral("expected an object"));
            list.append(array.at(i).toObject());
        }
        return list;
    }

private:
    QString *m_error;
    QString m_problem;
};

QString path(const char *list, qsizetype index)
{
    return QStringLiteral("%1[%2]").arg(QLatin1String(list)).arg(index);
}

QString momentName(FaultMoment moment)
{
    return moment == FaultMoment::AfterHandling ? QStringLiteral("after")
                                                : QStringLiteral("before");
}

const char *triggerName(ActorMoveRule::Trigger trigger)
{
    switch (trigger) {
    case ActorMoveRule::Trigger::BeforeCall:
        return "beforeCall";
    case ActorMoveRule::Trigger::AfterCall:
        return "afterCall";
    case ActorMoveRule::Trigger::AtTime:
        return "atTime";
    }
    return "beforeCall";
}

} // namespace

std::optional<FaultPlan> FaultPlan::fromJson(const QJsonObject &json, QString *error)
{
    Reader reader(error);
    FaultPlan plan;
    const QJsonValue seed = json.value(QLatin1String("seed"));
    if (seed.isDouble() && seed.toDouble() >= 0)
        plan.seed = static_cast<quint64>(seed.toDouble());
    else if (!seed.isUndefined())
        reader.fail(QStringLiteral("seed"), QStringLiteral("expected a whole number >= 0"));

    const QString any = QStringLiteral("*");
    const auto latency = reader.objects(json, "latency");
    for (qsizetype i = 0; i < latency.size(); ++i) {
        const QString at = path("latency", i);
        plan.latency.append({ reader.string(latency[i], at, "action", any),
            reader.count(latency[i], at, "fixedMs", 0), reader.count(latency[i], at, "jitterMs", 0),
            latency[i].contains(QLatin1String("count")) ? reader.count(latency[i], at, "count", 0)
                                                        : -1 });
    }
    const auto errors = reader.objects(json, "errors");
    for (qsizetype i = 0; i < errors.size(); ++i) {
        const QString at = path("errors", i);
        ErrorRule rule;
        rule.action = reader.string(errors[i], at, "action", any);
        rule.kind = reader.string(errors[i], at, "kind", rule.kind);
        const bool throttles = throttling::isCode(rule.kind);
        if (rule.kind != QLatin1String("InternalError")
            && rule.kind != QLatin1String("ServiceUnavailable") && !throttles) {
            reader.fail(at + QLatin1String(".kind"),
                QStringLiteral("expected InternalError, ServiceUnavailable, Throttling, "
                               "Throttling.User, Throttling.Api or Throttling.Resource"));
        }
        rule.status = reader.count(errors[i], at, "status", 0);
        if (errors[i].contains(QLatin1String("status"))
            && (!throttles || !throttling::isStatus(rule.status))) {
            reader.fail(at + QLatin1String(".status"),
                QStringLiteral("expected 400, 403 or 429, for a Throttling kind only"));
        }
        rule.rate = reader.rate(errors[i], at);
        rule.next = reader.count(errors[i], at, "next", 0);
        rule.retryAfterMs = errors[i].contains(QLatin1String("retryAfterMs"))
            ? reader.count(errors[i], at, "retryAfterMs", -1)
            : -1;
        rule.when = reader.moment(errors[i], at);
        plan.errors.append(rule);
    }
    const auto drops = reader.objects(json, "drops");
    for (qsizetype i = 0; i < drops.size(); ++i) {
        const QString at = path("drops", i);
        plan.drops.append({ reader.string(drops[i], at, "action", any), reader.rate(drops[i], at),
            reader.count(drops[i], at, "next", 0), reader.moment(drops[i], at) });
    }
    const auto answers = reader.objects(json, "answers");
    for (qsizetype i = 0; i < answers.size(); ++i) {
        const QString at = path("answers", i);
        AnswerRule rule;
        rule.action = reader.string(answers[i], at, "action", any);
        rule.status = reader.count(answers[i], at, "status", 200);
        if (rule.status < 100 || rule.status > 599)
            reader.fail(at + QLatin1String(".status"), QStringLiteral("expected 100 to 599"));
        const QJsonValue headers = answers[i].value(QLatin1String("headers"));
        if (!headers.isUndefined() && !headers.isObject())
            reader.fail(at + QLatin1String(".headers"), QStringLiteral("expected an object"));
        rule.headers = headers.toObject();
        for (auto it = rule.headers.constBegin(); it != rule.headers.constEnd(); ++it) {
            if (!it.value().isString())
                reader.fail(at + QLatin1String(".headers.") + it.key(),
                    QStringLiteral("expected a string"));
        }
        rule.body = answers[i].value(QLatin1String("body"));
        if (!rule.body.isUndefined() && !rule.body.isObject() && !rule.body.isString())
            reader.fail(
                at + QLatin1String(".body"), QStringLiteral("expected an object or a string"));
        rule.rate = reader.rate(answers[i], at);
        rule.next = reader.count(answers[i], at, "next", 0);
        rule.when = reader.moment(answers[i], at);
        plan.answers.append(rule);
    }
    const auto ignores = reader.objects(json, "ignoreParameters");
    for (qsizetype i = 0; i < ignores.size(); ++i) {
        const QString at = path("ignoreParameters", i);
        IgnoreRule rule;
        rule.action = reader.string(ignores[i], at, "action", any);
        const QJsonValue names = ignores[i].value(QLatin1String("parameters"));
        if (!names.isArray() || names.toArray().isEmpty())
            reader.fail(at + QLatin1String(".parameters"),
                QStringLiteral("expected an array of parameter names"));
        for (const QJsonValue &name : names.toArray()) {
            if (!name.isString() || name.toString().isEmpty())
                reader.fail(at + QLatin1String(".parameters"),
                    QStringLiteral("expected an array of parameter names"));
            rule.parameters.append(name.toString());
        }
        plan.ignoreParameters.append(rule);
    }
    const auto moves = reader.objects(json, "actorMoves");
    for (qsizetype i = 0; i < moves.size(); ++i) {
        const QString at = path("actorMoves", i);
        ActorMoveRule rule;
        rule.move = reader.string(moves[i], at, "move", {});
        rule.resourceId = reader.string(moves[i], at, "resourceId", {});
        rule.argument = reader.string(moves[i], at, "argument", {});
        const QString trigger
            = reader.string(moves[i], at, "trigger", QStringLiteral("beforeCall"));
        if (trigger == QLatin1String("afterCall"))
            rule.trigger = ActorMoveRule::Trigger::AfterCall;
        else if (trigger == QLatin1String("atTime"))
            rule.trigger = ActorMoveRule::Trigger::AtTime;
        else if (trigger != QLatin1String("beforeCall"))
            reader.fail(at + QLatin1String(".trigger"),
                QStringLiteral("expected beforeCall, afterCall or atTime"));
        rule.action = reader.string(moves[i], at, "action", {});
        rule.call = reader.count(moves[i], at, "call", 1);
        rule.atMs = reader.count(moves[i], at, "atMs", 0);
        rule.fired = moves[i].value(QLatin1String("fired")).toBool(false);
        rule.result = moves[i].value(QLatin1String("result")).toString();
        if (rule.move.isEmpty())
            reader.fail(at + QLatin1String(".move"), QStringLiteral("required"));
        if (rule.trigger != ActorMoveRule::Trigger::AtTime
            && (rule.action.isEmpty() || rule.call < 1))
            reader.fail(at, QStringLiteral("beforeCall/afterCall need an action and a call >= 1"));
        plan.actorMoves.append(rule);
    }
    if (!reader.ok())
        return std::nullopt;
    return plan;
}

QJsonObject FaultPlan::toJson() const
{
    QJsonObject json;
    if (seed)
        json.insert(QStringLiteral("seed"), static_cast<double>(*seed));
    QJsonArray latencyJson;
    for (const LatencyRule &rule : latency) {
        QJsonObject item { { QStringLiteral("action"), rule.action },
            { QStringLiteral("fixedMs"), rule.fixedMs },
            { QStringLiteral("jitterMs"), rule.jitterMs } };
        if (rule.count >= 0)
            item.insert(QStringLiteral("count"), rule.count);
        latencyJson.append(item);
    }
    QJsonArray errorsJson;
    for (const ErrorRule &rule : errors) {
        QJsonObject item { { QStringLiteral("action"), rule.action },
            { QStringLiteral("kind"), rule.kind }, { QStringLiteral("rate"), rule.rate },
            { QStringLiteral("next"), rule.next },
            { QStringLiteral("when"), momentName(rule.when) } };
        if (rule.retryAfterMs >= 0)
            item.insert(QStringLiteral("retryAfterMs"), rule.retryAfterMs);
        if (rule.status > 0)
            item.insert(QStringLiteral("status"), rule.status);
        errorsJson.append(item);
    }
    QJsonArray dropsJson;
    for (const DropRule &rule : drops) {
        dropsJson.append(QJsonObject { { QStringLiteral("action"), rule.action },
            { QStringLiteral("rate"), rule.rate }, { QStringLiteral("next"), rule.next },
            { QStringLiteral("when"), momentName(rule.when) } });
    }
    QJsonArray answersJson;
    for (const AnswerRule &rule : answers) {
        QJsonObject item { { QStringLiteral("action"), rule.action },
            { QStringLiteral("status"), rule.status }, { QStringLiteral("rate"), rule.rate },
            { QStringLiteral("next"), rule.next },
            { QStringLiteral("when"), momentName(rule.when) } };
        if (!rule.headers.isEmpty())
            item.insert(QStringLiteral("headers"), rule.headers);
        if (!rule.body.isUndefined())
            item.insert(QStringLiteral("body"), rule.body);
        answersJson.append(item);
    }
    QJsonArray ignoresJson;
    for (const IgnoreRule &rule : ignoreParameters) {
        ignoresJson.append(QJsonObject { { QStringLiteral("action"), rule.action },
            { QStringLiteral("parameters"), QJsonArray::fromStringList(rule.parameters) } });
    }
    QJsonArray movesJson;
    for (const ActorMoveRule &rule : actorMoves) {
        QJsonObject item { { QStringLiteral("move"), rule.move },
            { QStringLiteral("resourceId"), rule.resourceId },
            { QStringLiteral("argument"), rule.argument },
            { QStringLiteral("trigger"), QLatin1String(triggerName(rule.trigger)) },
            { QStringLiteral("fired"), rule.fired } };
        if (rule.trigger == ActorMoveRule::Trigger::AtTime) {
            item.insert(QStringLiteral("atMs"), rule.atMs);
        } else {
            item.insert(QStringLiteral("action"), rule.action);
            item.insert(QStringLiteral("call"), rule.call);
        }
        if (rule.fired)
            item.insert(QStringLiteral("result"), rule.result);
        movesJson.append(item);
    }
    json.insert(QStringLiteral("latency"), latencyJson);
    json.insert(QStringLiteral("errors"), errorsJson);
    json.insert(QStringLiteral("drops"), dropsJson);
    json.insert(QStringLiteral("answers"), answersJson);
    json.insert(QStringLiteral("ignoreParameters"), ignoresJson);
    json.insert(QStringLiteral("actorMoves"), movesJson);
    return json;
}

} // namespace ecs::emulator
