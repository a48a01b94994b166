#pragma once

#include "ActionHandler.h"
#include "AdminTarget.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace ecs::emulator::test {

// A tiny service for the HTTP front's tests: echoes what it was handed, records every
// handled call and actor move in one ordered event list, and keeps admin state in memory.
class StubService : public ActionHandler, public ActorMoves, public AdminTarget
{
public:
    bool hasAction(const QString &action) const override;
    ActionResult handle(const ActionRequest &request) override;
    QString applyActorMove(
        const QString &move, const QString &resourceId, const QString &argument = {}) override;

    QJsonObject saveState() const override { return m_state; }
    QString loadState(const QJsonObject &state) override;
    void reset() override;
    QJsonObject timing() const override { return m_timing; }
    QString setTiming(const QJsonObject &timing) override;
    QJsonObject describeWorld() const override;

    QStringList events; // "handle:<Action>", "move:<Move>:<resourceId>"
    QList<ActionRequest> requests;
    int resets = 0;

private:
    QJsonObject m_state { { QStringLiteral("Name"), QStringLiteral("stub") } };
    QJsonObject m_timing { { QStringLiteral("stopMs"), 10 } };
};

} // namespace ecs::emulator::test
