#pragma once

#include "ActionHandler.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace ecs::emulator {

// The gateway's own errors (REFERENCE §0.3): what the real front answers before an action
// runs. Messages follow the real ones so clients that show them read the same here.
namespace gatewayErrors {

ServiceError missingParameter(const QString &name);
ServiceError invalidVersion(const QString &version);
ServiceError unknownAccessKey();
ServiceError signatureDoesNotMatch(const QByteArray &serverStringToSign);
ServiceError bodyHashMismatch();
ServiceError incompleteSignature(const QString &why);
ServiceError invalidSignatureMethod(const QString &method);
ServiceError timestampFormat(const QString &parameter);
ServiceError timestampExpired();
ServiceError nonceUsed();
ServiceError missingSecurityToken();
ServiceError securityTokenMismatch();
ServiceError unknownAction(const QString &action);
ServiceError unsupportedMethod(const QByteArray &method);
ServiceError internalError();
ServiceError serviceUnavailable();
ServiceError throttlingUser();

} // namespace gatewayErrors

// An upper-case UUID, as the service's RequestId.
QString makeRequestId();

// {RequestId, HostId, Code, Message, Recommend}, the body of every error answer.
QJsonObject errorBody(const ServiceError &error, const QString &requestId, const QString &hostId);

} // namespace ecs::emulator
