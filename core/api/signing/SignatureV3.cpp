#include "SignatureV3.h"

#include "PercentEncoding.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace ecs::signing {

namespace {

bool isDefaultSignedHeader(const QByteArray &lowerName)
{
    return lowerName == "host" || lowerName == "content-type" || lowerName.startsWith("x-acs-");
}

QByteArray joinedHeaderValues(const V3SigningInput &input, const QByteArray &lowerName)
{
    QList<QByteArray> values;
    for (const auto &header : input.headers) {
        if (header.first.toLower() == lowerName)
            values.append(header.second.trimmed());
    }
    // Repeated headers: the official SDK sorts the values and joins them with ','.
    std::sort(values.begin(), values.end());
    return values.join(',');
}

} // namespace

QList<QByteArray> v3DefaultSignedHeaders(const V3SigningInput &input)
{
    QList<QByteArray> names;
    for (const auto &header : input.headers) {
        const QByteArray lowerName = header.first.toLower();
        if (isDefaultSignedHeader(lowerName) && !names.contains(lowerName))
            names.append(lowerName);
    }
    std::sort(names.begin(), names.end());
    return names;
}

QByteArray v3CanonicalRequest(
    const V3SigningInput &input, const QList<QByteArray> &signedHeaderNames)
{
    QByteArray canonicalHeaders;
    QList<QByteArray> lowerNames;
    lowerNames.reserve(signedHeaderNames.size());
    for (const QByteArray &name : signedHeaderNames) {
        const QByteArray lowerName = name.toLower();
        lowerNames.append(lowerName);
        canonicalHeaders += lowerName + ':' + joinedHeaderValues(input, lowerName) + '\n';
    }

    // The header block ends with its own '\n', hence the blank-looking line before the
    // signed header list.
    return input.method + '\n' + input.canonicalUri + '\n' + encodedQuery(input.query) + '\n'
        + canonicalHeaders + '\n' + lowerNames.join(';') + '\n' + sha256Hex(input.body);
}

QByteArray v3StringToSign(const QByteArray &canonicalRequest)
{
    return QByteArray(v3Algorithm) + '\n' + sha256Hex(canonicalRequest);
}

QByteArray v3Signature(const QByteArray &stringToSign, const QString &secret)
{
    return QMessageAuthenticationCode::hash(
        stringToSign, secret.toUtf8(), QCryptographicHash::Sha256)
        .toHex();
}

QByteArray v3Authorization(
    const QString &accessKeyId, const QList<QByteArray> &signedHeaders, const QByteArray &signature)
{
    return QByteArray(v3Algorithm) + " Credential=" + accessKeyId.toUtf8()
        + ",SignedHeaders=" + signedHeaders.join(';') + ",Signature=" + signature;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

} // namespace ecs::signing
