#pragma once

#include "api/ApiParameters.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace ecs::emulator {

// The contract between the emulator's HTTP front (emulator/http: decoding, signature
// checks, faults, error bodies) and the emulated service (emulator/service: the world
// and its rules). The front has already authenticated the caller when it calls handle().

// An error the service answers with. The front adds RequestId, HostId and Recommend.
struct ServiceError
{
    int httpStatus = 400;
    QString code; // e.g. "IncorrectInstanceStatus"
    QString message; // e.g. "The current status of the resource does not support this operation."
};

struct ActionRequest
{
    QString action; // e.g. "ResetDisks"
    ApiParameters parameters; // API parameters only: no common/signature parameters
    QString accessKeyId; // the authenticated caller
};

struct ActionResult
{
    // The success body without RequestId (the front adds it), or the error.
    QJsonObject body;
    std::optional<ServiceError> error;

    static ActionResult success(QJsonObject body = {}) { return { std::move(body), std::nullopt }; }
    static ActionResult failure(int httpStatus, QString code, QString message)
    {
        return { {}, ServiceError { httpStatus, std::move(code), std::move(message) } };
    }
};

class ActionHandler
{
public:
    virtual ~ActionHandler() = default;
    virtual bool hasAction(const QString &action) const = 0;
    virtual ActionResult handle(const ActionRequest &request) = 0;
};

// Another actor's moves, for fault injection ("between check and rollback someone
// starts the instance"). Returns an empty string on success, else why not.
class ActorMoves
{
public:
    virtual ~ActorMoves() = default;
    // move: "StartInstance", "StopInstance", "DeleteSnapshot", "DetachDisk", "AttachDisk",
    // "ReleaseDisk", "DeleteSnapshotGroup"; resourceId: the instance, snapshot, disk or
    // group ID; argument: e.g. the instance to attach a disk to.
    virtual QString applyActorMove(const QString &move, const QString &resourceId,
        const QString &argument = {}) = 0;
};

} // namespace ecs::emulator
