#pragma once

#include <QJsonObject>
#include <QString>

namespace ecs::emulator {

// What the admin endpoint needs from the emulated service, so emulator/http does not depend
// on the service's concrete class; the executable (and EmbeddedEmulator's users) adapt the
// service to it. Errors come back as text, empty meaning success.
class AdminTarget
{
public:
    virtual ~AdminTarget() = default;
    virtual QJsonObject saveState() const = 0;
    virtual QString loadState(const QJsonObject &state) = 0;
    virtual void reset() = 0;
    virtual QJsonObject timing() const = 0;
    virtual QString setTiming(const QJsonObject &timing) = 0;
    virtual QJsonObject describeWorld() const = 0;
};

} // namespace ecs::emulator
