#include "GatewayErrors.h"

#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace ecs::emulator {

namespace gatewayErrors {

namespace {

ServiceError error(int status, const char *code, QString message)
{
    return ServiceError { status, QString::fromLatin1(code), std::move(message) };
}

} // namespace

ServiceError missingParameter(const QString &name)
{
    return error(400, "MissingParameter",
        QStringLiteral("The input parameter \"%1\" that is mandatory for processing this "
                       "request is not supplied.")
            .arg(name));
}

ServiceError invalidVersion(const QString &version)
{
    return error(400, "InvalidVersion",
        QStringLiteral("Specified parameter Version is not valid: \"%1\".").arg(version));
}

ServiceError unknownAccessKey()
{
    return error(
        404, "InvalidAccessKeyId.NotFound", QStringLiteral("Specified access key is not found."));
}

ServiceError signatureDoesNotMatch(const QByteArray &serverStringToSign)
{
    // The real gateway appends its string-to-sign (REFERENCE §0.3); it holds no secret and
    // is the quickest way to see which byte a client signed differently.
    return error(400, "SignatureDoesNotMatch",
        QStringLiteral("Specified signature is not matched with our calculation. server string "
                       "to sign is:")
            + QString::fromUtf8(serverStringToSign));
}

ServiceError bodyHashMismatch()
{
    return error(400, "SignatureDoesNotMatch",
        QStringLiteral("Specified signature is not matched with our calculation: "
                       "x-acs-content-sha256 is not the SHA-256 of the request body."));
}

ServiceError incompleteSignature(const QString &why)
{
    return error(400, "IncompleteSignature",
        QStringLiteral("The request signature does not conform to Aliyun standards. ") + why);
}

ServiceError invalidSignatureMethod(const QString &method)
{
    return error(400, "InvalidSignatureMethod",
        QStringLiteral("Specified signature method \"%1\" is not valid.").arg(method));
}

ServiceError timestampFormat(const QString &parameter)
{
    return error(400, "InvalidTimeStamp.Format",
        QStringLiteral("Specified time stamp or date value is not well formatted (%1).")
            .arg(parameter));
}

ServiceError timestampExpired()
{
    return error(400, "InvalidTimeStamp.Expired",
        QStringLiteral("Specified time stamp or date value is expired."));
}

ServiceError nonceUsed()
{
    return error(
        400, "SignatureNonceUsed", QStringLiteral("Specified signature nonce was used already."));
}

ServiceError missingSecurityToken()
{
    return error(400, "MissingSecurityToken",
        QStringLiteral("The STS access key requires a security token (SecurityToken or "
                       "x-acs-security-token)."));
}

ServiceError securityTokenMismatch()
{
    return error(400, "InvalidSecurityToken.MismatchWithAccessKey",
        QStringLiteral("Specified security token does not match the access key."));
}

ServiceError unknownAction(const QString &action)
{
    return error(404, "InvalidApi.NotFound",
        QStringLiteral("Specified api \"%1\" is not found, please check your url and method.")
            .arg(action));
}

ServiceError unsupportedMethod(const QByteArray &method)
{
    return error(400, "UnsupportedHTTPMethod",
        QStringLiteral("Specified http method %1 is not supported.")
            .arg(QString::fromLatin1(method)));
}

ServiceError internalError()
{
    return error(500, "InternalError",
        QStringLiteral("The request processing has failed due to some unknown error, exception "
                       "or failure."));
}

ServiceError serviceUnavailable()
{
    return error(503, "ServiceUnavailable",
        QStringLiteral("The request has failed due to a temporary failure of the server."));
}

ServiceError throttlingUser()
{
    return error(
        400, "Throttling.User", QStringLiteral("Request was denied due to user flow control."));
}

} // namespace gatewayErrors

QString makeRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

QJsonObject errorBody(const ServiceError &error, const QString &requestId, const QString &hostId)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), error.code);
    query.addQueryItem(QStringLiteral("product"), QStringLiteral("Ecs"));
    query.addQueryItem(QStringLiteral("requestId"), requestId);
    QUrl recommend(QStringLiteral("https://api.aliyun.com/troubleshoot"));
    recommend.setQuery(query);
    return QJsonObject {
        { QStringLiteral("RequestId"), requestId },
        { QStringLiteral("HostId"), hostId },
        { QStringLiteral("Code"), error.code },
        { QStringLiteral("Message"), error.message },
        { QStringLiteral("Recommend"), recommend.toString(QUrl::FullyEncoded) },
    };
}

} // namespace ecs::emulator
