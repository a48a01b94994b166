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

ServiceError missingCommonParameter(const QString &name)
{
    // Seen on Alibaba Cloud gateways: {"Code":"MissingTimestamp","Message":"Timestamp is
    // mandatory for this action."}.
    return ServiceError { 400, QLatin1String("Missing") + name,
        name + QLatin1String(" is mandatory for this action.") };
}

ServiceError missingParameter(const QString &name)
{
    return error(400, "MissingParameter",
        QStringLiteral("The input parameter \"%1\" that is mandatory for processing this "
                       "request is not supplied.")
            .arg(name));
}

ServiceError invalidVersion()
{
    return error(
        400, "InvalidVersion", QStringLiteral("Specified parameter Version is not valid."));
}

ServiceError invalidFormat(const QString &format)
{
    return error(400, "InvalidParameter.Format",
        QStringLiteral("Specified parameter Format \"%1\" is not valid: use XML or JSON.")
            .arg(format));
}

ServiceError unknownAccessKey()
{
    return error(
        404, "InvalidAccessKeyId.NotFound", QStringLiteral("Specified access key is not found."));
}

ServiceError v1SignatureMismatch(const QByteArray &serverStringToSign)
{
    // The string-to-sign holds no secret (the STS token in it is redacted by clients) and is
    // the quickest way to see which byte a client signed differently.
    return error(400, "IncompleteSignature",
        QStringLiteral("The request signature does not conform to Aliyun standards. server "
                       "string to sign is:")
            + QString::fromUtf8(serverStringToSign));
}

ServiceError v3SignatureMismatch(const QByteArray &serverStringToSign)
{
    return error(400, "SignatureDoesNotMatch",
        QStringLiteral("Specified signature does not match our calculation. server "
                       "StringToSign is [")
            + QString::fromUtf8(serverStringToSign) + QLatin1Char(']'));
}

ServiceError bodyHashMismatch()
{
    return error(400, "SignatureDoesNotMatch",
        QStringLiteral("Specified signature does not match our calculation: "
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

ServiceError securityTokenMismatch()
{
    return error(400, "InvalidSecurityToken.MismatchWithAccessKey",
        QStringLiteral("Specified SecurityToken mismatch with the AccessKey."));
}

ServiceError securityTokenExpired()
{
    return error(
        400, "InvalidSecurityToken.Expired", QStringLiteral("Specified SecurityToken is expired."));
}

ServiceError securityTokenMalformed()
{
    return error(400, "InvalidSecurityToken.Malformed",
        QStringLiteral("Specified SecurityToken is malformed."));
}

ServiceError unknownAction()
{
    return error(404, "InvalidAction.NotFound",
        QStringLiteral("Specified api is not found, please check your url and method."));
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

} // namespace gatewayErrors

QString makeRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toUpper();
}

QString hostIdOf(const QByteArray &hostHeader, const QString &fallback)
{
    // QUrl splits "host:port", "[::1]:8080" and punycode the way a client wrote them.
    const QUrl url(QLatin1String("http://") + QString::fromLatin1(hostHeader.trimmed()));
    const QString host = url.isValid() ? url.host() : QString();
    return host.isEmpty() ? fallback : host;
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
