#pragma once

#include "ActionHandler.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ecs::emulator {

// The gateway's own errors (ERROR-CODES.md, "Gateway codes"): what the real front answers
// before an action runs. Codes, statuses and messages follow the real ones where they are
// known, so clients that show or classify them read the same here; docs/EMULATOR.md marks
// which are confirmed.
namespace gatewayErrors {

// A missing common parameter is named in the code itself: MissingTimestamp,
// MissingAccessKeyId, MissingSecurityToken, ... ("Timestamp is mandatory for this action.").
ServiceError missingCommonParameter(const QString &name);
// Anything else missing (a V3 header): MissingParameter naming it.
ServiceError missingParameter(const QString &name);
ServiceError invalidVersion();
ServiceError invalidFormat(const QString &format);
ServiceError unknownAccessKey();
// A V1 (HMAC-SHA1) signature that differs: ECS hosts answer IncompleteSignature, quoting
// their string-to-sign.
ServiceError v1SignatureMismatch(const QByteArray &serverStringToSign);
// A V3 (ACS3-HMAC-SHA256) signature that differs: SignatureDoesNotMatch, quoting the
// string-to-sign in brackets (the hash of the canonical request, never the request itself).
ServiceError v3SignatureMismatch(const QByteArray &serverStringToSign);
ServiceError bodyHashMismatch();
ServiceError incompleteSignature(const QString &why);
ServiceError invalidSignatureMethod(const QString &method);
ServiceError timestampFormat(const QString &parameter);
ServiceError timestampExpired();
ServiceError nonceUsed();
ServiceError securityTokenMismatch();
ServiceError securityTokenExpired();
ServiceError securityTokenMalformed();
ServiceError unknownAction();
ServiceError unsupportedMethod(const QByteArray &method);
ServiceError internalError();
ServiceError serviceUnavailable();

} // namespace gatewayErrors

// An upper-case UUID, as the service's RequestId.
QString makeRequestId();

// The HostId of an answer: the endpoint's host name as the client addressed it, without a
// port ("ecs.cn-hangzhou.aliyuncs.com", "127.0.0.1"). `hostHeader` is the Host header as
// sent; `fallback` is used when there is none.
QString hostIdOf(const QByteArray &hostHeader, const QString &fallback = {});

// The error answer's fields in the order the service writes them.
inline const QStringList &errorBodyOrder()
{
    static const QStringList order { QStringLiteral("RequestId"), QStringLiteral("HostId"),
        QStringLiteral("Code"), QStringLiteral("Message"), QStringLiteral("Recommend") };
    return order;
}

// {RequestId, HostId, Code, Message, Recommend}, the body of every error answer.
QJsonObject errorBody(const ServiceError &error, const QString &requestId, const QString &hostId);

} // namespace ecs::emulator
