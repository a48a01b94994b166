#include "SignatureV1.h"

#include "PercentEncoding.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace ecs::signing {

QByteArray canonicalizedQueryString(const ApiParameters &parameters)
{
    ApiParameters signedParameters = parameters;
    signedParameters.remove(QStringLiteral("Signature"));
    return encodedQuery(signedParameters);
}

QByteArray v1StringToSign(const QByteArray &httpMethod, const ApiParameters &parameters)
{
    // The method is part of what is signed: it must be the one actually sent (GET or POST),
    // as sent: HTTP methods are case-sensitive, so it is not normalised here.
    return httpMethod + "&" + percentEncodeBytes("/") + "&"
        + percentEncodeBytes(canonicalizedQueryString(parameters));
}

QByteArray v1Signature(
    const QByteArray &httpMethod, const ApiParameters &parameters, const QString &accessKeySecret)
{
    // The trailing '&' is where a second (token) secret would go in the old OAuth-like
    // scheme; Alibaba keeps it and always leaves that part empty.
    const QByteArray key = accessKeySecret.toUtf8() + '&';
    return QMessageAuthenticationCode::hash(
        v1StringToSign(httpMethod, parameters), key, QCryptographicHash::Sha1)
        .toBase64();
}

} // namespace ecs::signing
