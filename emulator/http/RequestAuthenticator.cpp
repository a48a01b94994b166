#include "RequestAuthenticator.h"

#include "AccessKeyOption.h"
#include "GatewayErrors.h"
#include "api/signing/SignatureV1.h"
#include "api/signing/SignatureV3.h"

#include <QRegularExpression>
#include <QSet>

namespace ecs::emulator {

namespace {

const QString apiVersion = QStringLiteral("2014-05-26");

// Constant time, so the emulator does not teach a bad habit to anyone copying it.
bool sameBytes(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

struct V3Authorization
{
    QString accessKeyId;
    QList<QByteArray> signedHeaders;
    QByteArray signature;
};

// "ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>".
std::optional<V3Authorization> parseAuthorization(const QByteArray &value)
{
    const QByteArray prefix = QByteArray(signing::v3Algorithm) + ' ';
    if (!value.startsWith(prefix))
        return std::nullopt;
    V3Authorization parsed;
    for (const QByteArray &part : value.mid(prefix.size()).split(',')) {
        const qsizetype equals = part.indexOf('=');
        if (equals <= 0)
            return std::nullopt;
        const QByteArray name = part.left(equals).trimmed();
        const QByteArray content = part.mid(equals + 1).trimmed();
        if (name == "Credential")
            parsed.accessKeyId = QString::fromUtf8(content);
        else if (name == "SignedHeaders")
            parsed.signedHeaders = content.toLower().split(';');
        else if (name == "Signature")
            parsed.signature = content.toLower();
    }
    if (parsed.accessKeyId.isEmpty() || parsed.signature.isEmpty() || parsed.signedHeaders.isEmpty()
        || parsed.signedHeaders.contains(QByteArray())) {
        return std::nullopt;
    }
    return parsed;
}

} // namespace

QString RequestAuthenticator::addAccessKey(
    const Credential &credential, const QDateTime &tokenExpiresAt)
{
    if (!credential.isComplete())
        return QStringLiteral("an access key needs an ID and a secret");
    if (credential.accessKeyId.startsWith(QLatin1String("STS.")) && !credential.isSts())
        return QStringLiteral("an STS. access key needs its security token");
    // A token no request could match would only ever answer Malformed: say so now.
    if (credential.isSts() && !securityTokens::isWellFormed(credential.securityToken))
        return QStringLiteral("the security token must be base64, at most %1 characters")
            .arg(securityTokens::maxLength);
    if (tokenExpiresAt.isValid() && !credential.isSts())
        return QStringLiteral("only an STS key's token can expire");
    m_keys.insert(credential.accessKeyId, credential);
    if (tokenExpiresAt.isValid())
        m_tokenExpiry.insert(credential.accessKeyId, tokenExpiresAt);
    else
        m_tokenExpiry.remove(credential.accessKeyId);
    return {};
}

bool RequestAuthenticator::isCommonParameter(const QString &name)
{
    static const QSet<QString> names = {
        QStringLiteral("Action"),
        QStringLiteral("Version"),
        QStringLiteral("Format"),
        QStringLiteral("AccessKeyId"),
        QStringLiteral("SignatureMethod"),
        QStringLiteral("SignatureVersion"),
        QStringLiteral("SignatureNonce"),
        QStringLiteral("SignatureType"),
        QStringLiteral("Timestamp"),
        QStringLiteral("Signature"),
        QStringLiteral("SecurityToken"),
        // Internal parameters every action accepts; REFERENCE §0 says to ignore them.
        QStringLiteral("OwnerId"),
        QStringLiteral("OwnerAccount"),
        QStringLiteral("ResourceOwnerId"),
        QStringLiteral("ResourceOwnerAccount"),
    };
    return names.contains(name);
}

ApiParameters RequestAuthenticator::withoutCommonParameters(const ApiParameters &parameters)
{
    ApiParameters api;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        if (!isCommonParameter(it.key()))
            api.insert(it.key(), it.value());
    }
    return api;
}

AuthenticationResult RequestAuthenticator::authenticate(const DecodedRequest &request)
{
    if (request.hasHeader("authorization"))
        return authenticateV3(request);
    return authenticateV1(request);
}

AuthenticationResult RequestAuthenticator::authenticateV1(const DecodedRequest &request)
{
    const ApiParameters parameters = request.allParameters();
    AuthenticationResult result;
    result.action = parameters.value(QStringLiteral("Action"));
    result.accessKeyId = parameters.value(QStringLiteral("AccessKeyId"));
    const auto refuse = [&result](ServiceError error) {
        result.error = std::move(error);
        return result;
    };

    for (const char *name : { "Action", "Version" }) {
        if (parameters.value(QString::fromLatin1(name)).isEmpty())
            return refuse(gatewayErrors::missingCommonParameter(QString::fromLatin1(name)));
    }
    if (parameters.value(QStringLiteral("Version")) != apiVersion)
        return refuse(gatewayErrors::invalidVersion());
    result.scheme = QStringLiteral("V1");
    for (const char *name : { "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion",
             "SignatureNonce", "Timestamp" }) {
        if (parameters.value(QString::fromLatin1(name)).isEmpty())
            return refuse(gatewayErrors::missingCommonParameter(QString::fromLatin1(name)));
    }
    const QString method = parameters.value(QStringLiteral("SignatureMethod"));
    if (method != QLatin1String("HMAC-SHA1"))
        return refuse(gatewayErrors::invalidSignatureMethod(method));
    if (parameters.value(QStringLiteral("SignatureVersion")) != QLatin1String("1.0"))
        return refuse(
            gatewayErrors::incompleteSignature(QStringLiteral("SignatureVersion must be 1.0.")));
    if (auto error = checkTimestamp(
            parameters.value(QStringLiteral("Timestamp")), QStringLiteral("Timestamp")))
        return refuse(*error);
    const Credential *credential = nullptr;
    if (auto error = checkKeyAndToken(
            result.accessKeyId, parameters.value(QStringLiteral("SecurityToken")), &credential)) {
        return refuse(*error);
    }

    const QByteArray expected
        = signing::v1Signature(request.method, parameters, credential->accessKeySecret);
    if (!sameBytes(expected, parameters.value(QStringLiteral("Signature")).toUtf8()))
        return refuse(gatewayErrors::v1SignatureMismatch(
            signing::v1StringToSign(request.method, parameters)));
    if (!m_nonces.useOnce(
            result.accessKeyId, parameters.value(QStringLiteral("SignatureNonce")), m_clock()))
        return refuse(gatewayErrors::nonceUsed());
    result.apiParameters = withoutCommonParameters(parameters);
    return result;
}

AuthenticationResult RequestAuthenticator::authenticateV3(const DecodedRequest &request)
{
    AuthenticationResult result;
    result.action = QString::fromUtf8(request.header("x-acs-action"));
    const auto refuse = [&result](ServiceError error) {
        result.error = std::move(error);
        return result;
    };

    if (result.action.isEmpty())
        return refuse(gatewayErrors::missingParameter(QStringLiteral("x-acs-action")));
    const QString version = QString::fromUtf8(request.header("x-acs-version"));
    if (version.isEmpty())
        return refuse(gatewayErrors::missingParameter(QStringLiteral("x-acs-version")));
    if (version != apiVersion)
        return refuse(gatewayErrors::invalidVersion());
    result.scheme = QStringLiteral("V3");

    const std::optional<V3Authorization> authorization
        = parseAuthorization(request.header("authorization"));
    if (!authorization) {
        return refuse(gatewayErrors::incompleteSignature(QStringLiteral(
            "Expected \"ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..\".")));
    }
    result.accessKeyId = authorization->accessKeyId;
    // Whatever a replay could change must be signed; the SDK signs all of these.
    QList<QByteArray> mustSign = { "host", "x-acs-action", "x-acs-version", "x-acs-date",
        "x-acs-signature-nonce", "x-acs-content-sha256" };
    if (request.hasHeader("x-acs-security-token"))
        mustSign.append("x-acs-security-token");
    for (const QByteArray &name : std::as_const(mustSign)) {
        if (!authorization->signedHeaders.contains(name)) {
            return refuse(gatewayErrors::incompleteSignature(
                QStringLiteral("Header %1 must be signed.").arg(QString::fromLatin1(name))));
        }
    }
    for (const char *name : { "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256" }) {
        if (request.header(name).isEmpty())
            return refuse(gatewayErrors::missingParameter(QString::fromLatin1(name)));
    }
    if (auto error = checkTimestamp(
            QString::fromUtf8(request.header("x-acs-date")), QStringLiteral("x-acs-date")))
        return refuse(*error);
    const Credential *credential = nullptr;
    if (auto error = checkKeyAndToken(result.accessKeyId,
            QString::fromUtf8(request.header("x-acs-security-token")), &credential)) {
        return refuse(*error);
    }
    // Checked before the signature: a changed body would otherwise only show up as a
    // signature mismatch, which hides what went wrong.
    if (request.header("x-acs-content-sha256").toLower() != signing::sha256Hex(request.body))
        return refuse(gatewayErrors::bodyHashMismatch());

    signing::V3SigningInput input;
    input.method = request.method;
    input.query = request.queryParameters;
    input.headers = request.headers;
    input.body = request.body;
    const QByteArray canonical = signing::v3CanonicalRequest(input, authorization->signedHeaders);
    const QByteArray stringToSign = signing::v3StringToSign(canonical);
    if (!sameBytes(signing::v3Signature(stringToSign, credential->accessKeySecret),
            authorization->signature)) {
        return refuse(gatewayErrors::v3SignatureMismatch(stringToSign));
    }
    if (!m_nonces.useOnce(result.accessKeyId,
            QString::fromUtf8(request.header("x-acs-signature-nonce")), m_clock()))
        return refuse(gatewayErrors::nonceUsed());
    result.apiParameters = withoutCommonParameters(request.allParameters());
    return result;
}

std::optional<ServiceError> RequestAuthenticator::checkTimestamp(
    const QString &value, const QString &name) const
{
    static const QRegularExpression format(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$"));
    if (!format.match(value).hasMatch())
        return gatewayErrors::timestampFormat(name);
    // Date and time apart: parsing the whole as local time could fall into a DST gap.
    const QDateTime timestamp(QDate::fromString(value.left(10), QStringLiteral("yyyy-MM-dd")),
        QTime::fromString(value.mid(11, 8), QStringLiteral("HH:mm:ss")), Qt::UTC);
    if (!timestamp.isValid())
        return gatewayErrors::timestampFormat(name);
    if (qAbs(timestamp.msecsTo(m_clock())) > maxSkewMs)
        return gatewayErrors::timestampExpired();
    return std::nullopt;
}

std::optional<ServiceError> RequestAuthenticator::checkKeyAndToken(
    const QString &accessKeyId, const QString &securityToken, const Credential **credential) const
{
    const auto found = m_keys.constFind(accessKeyId);
    if (found == m_keys.cend())
        return gatewayErrors::unknownAccessKey();
    if (found->isSts()) {
        if (securityToken.isEmpty())
            return gatewayErrors::missingCommonParameter(QStringLiteral("SecurityToken"));
        if (!securityTokens::isWellFormed(securityToken))
            return gatewayErrors::securityTokenMalformed();
        if (!sameBytes(securityToken.toUtf8(), found->securityToken.toUtf8()))
            return gatewayErrors::securityTokenMismatch();
        // Only the right token can have expired; a wrong one says so first.
        const QDateTime expiry = m_tokenExpiry.value(accessKeyId);
        if (expiry.isValid() && m_clock() >= expiry)
            return gatewayErrors::securityTokenExpired();
    }
    *credential = &*found;
    return std::nullopt;
}

} // namespace ecs::emulator
