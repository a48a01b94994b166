#include "StubService.h"

namespace ecs::emulator::test {

bool StubService::hasAction(const QString &action) const
{
    static const QStringList actions
        = { QStringLiteral("DescribeRegions"), QStringLiteral("DescribeInstances"),
              QStringLiteral("ResetDisks"), QStringLiteral("StartInstance") };
    return actions.contains(action);
}

ActionResult StubService::handle(const ActionRequest &request)
{
    events.append(QStringLiteral("handle:") + request.action);
    requests.append(request);
    if (request.parameters.value(QStringLiteral("DryRun")) == QLatin1String("true")) {
        return ActionResult::failure(400, QStringLiteral("DryRunOperation"),
            QStringLiteral("Request validation has been passed with DryRun flag set."));
    }
    QJsonObject echo;
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it)
        echo.insert(it.key(), it.value());
    return ActionResult::success({ { QStringLiteral("Action"), request.action },
        { QStringLiteral("Caller"), request.accessKeyId }, { QStringLiteral("Echo"), echo } });
}

QString StubService::applyActorMove(
    const QString &move, const QString &resourceId, const QString &argument)
{
    Q_UNUSED(argument)
    if (resourceId == QLatin1String("missing"))
        return QStringLiteral("no such resource");
    events.append(QStringLiteral("move:") + move + QLatin1Char(':') + resourceId);
    return {};
}

QString StubService::loadState(const QJsonObject &state)
{
    if (!state.contains(QLatin1String("Name")))
        return QStringLiteral("Name: required");
    m_state = state;
    return {};
}

void StubService::reset()
{
    ++resets;
}

QString StubService::setTiming(const QJsonObject &timing)
{
    if (timing.value(QLatin1String("stopMs")).toInt(-1) < 0)
        return QStringLiteral("stopMs: expected a number >= 0");
    m_timing = timing;
    return {};
}

QJsonObject StubService::describeWorld() const
{
    return { { QStringLiteral("State"), m_state }, { QStringLiteral("Timing"), m_timing } };
}

} // namespace ecs::emulator::test
