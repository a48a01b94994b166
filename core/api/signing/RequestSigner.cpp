#include "RequestSigner.h"

#include "PercentEncoding.h"
#include "SignatureV1.h"
#include "SignatureV3.h"

#include <QHostAddress>
#include <QRandomGenerator>

#include <array>

namespace ecs::signing {

namespace {

int defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("https"))
        return 443;
    if (scheme == QLatin1String("http"))
        return 80;
    return -1;
}

// scheme://host[:port]/?query. A default port is dropped so the URL, and hence the Host
// header Qt derives from it, reads the same as the SDK's for a plain endpoint.
QUrl requestUrl(const QUrl &endpoint, const QByteArray &encodedQueryString)
{
    QUrl url;
    url.setScheme(endpoint.scheme());
    url.setHost(endpoint.host());
    if (endpoint.port() != defaultPort(endpoint.scheme()))
        url.setPort(endpoint.port());
    url.setPath(QStringLiteral("/"));
    // StrictMode takes the text as already percent-encoded. Our encoding only ever leaves
    // unreserved characters bare, which QUrl keeps as they are, so toEncoded() returns the
    // signed bytes unchanged (%2B stays %2B, %20 stays %20); tst_signing checks the wire.
    if (!encodedQueryString.isEmpty())
        url.setQuery(QString::fromLatin1(encodedQueryString), QUrl::StrictMode);
    return url;
}

SignedRequest signV1(const SigningContext &context, const QByteArray &method,
    const QString &timestamp, const QString &nonce)
{
    ApiParameters parameters = context.parameters;
    // Common parameters are inserted last so an API parameter can never shadow them.
    parameters.insert(QStringLiteral("Action"), context.action);
    parameters.insert(QStringLiteral("Version"), context.apiVersion);
    parameters.insert(QStringLiteral("Format"), QStringLiteral("JSON"));
    parameters.insert(QStringLiteral("AccessKeyId"), context.credential.accessKeyId);
    parameters.insert(QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1"));
    parameters.insert(QStringLiteral("SignatureVersion"), QStringLiteral("1.0"));
    parameters.insert(QStringLiteral("SignatureNonce"), nonce);
    parameters.insert(QStringLiteral("Timestamp"), timestamp);
    if (context.credential.isSts())
        parameters.insert(QStringLiteral("SecurityToken"), context.credential.securityToken);
    parameters.insert(QStringLiteral("Signature"),
        QString::fromLatin1(v1Signature(method, parameters, context.credential.accessKeySecret)));

    SignedRequest request;
    request.method = method;
    request.url = requestUrl(context.endpoint, encodedQuery(parameters));
    request.headers = { { "accept", "application/json" } };
    return request;
}

SignedRequest signV3(const SigningContext &context, const QByteArray &method,
    const QString &timestamp, const QString &nonce)
{
    SignedRequest request;
    request.method = method;
    request.url = requestUrl(context.endpoint, encodedQuery(context.parameters));

    V3SigningInput input;
    input.method = method;
    input.query = context.parameters;
    input.body = request.body;
    input.headers = {
        { "host", hostHeaderFor(request.url) },
        { "x-acs-action", context.action.toUtf8() },
        { "x-acs-version", context.apiVersion.toUtf8() },
        { "x-acs-date", timestamp.toLatin1() },
        { "x-acs-signature-nonce", nonce.toUtf8() },
        { "x-acs-content-sha256", sha256Hex(input.body) },
    };
    if (context.credential.isSts()) {
        // The JS SDK sends the key id next to the token; both are signed as x-acs-*.
        input.headers.append({ "x-acs-accesskey-id", context.credential.accessKeyId.toUtf8() });
        input.headers.append({ "x-acs-security-token", context.credential.securityToken.toUtf8() });
    }

    const QList<QByteArray> signedHeaders = v3DefaultSignedHeaders(input);
    const QByteArray signature
        = v3Signature(v3StringToSign(v3CanonicalRequest(input, signedHeaders)),
            context.credential.accessKeySecret);

    request.headers = input.headers;
    request.headers.append(qMakePair(QByteArray("accept"), QByteArray("application/json")));
    request.headers.append(qMakePair(QByteArray("authorization"),
        v3Authorization(context.credential.accessKeyId, signedHeaders, signature)));
    return request;
}

} // namespace

SignedRequest signRequest(const SigningContext &context)
{
    const QByteArray method = context.httpMethod.toUpper();
    const QString timestamp = formatTimestamp(
        context.timestamp.isValid() ? context.timestamp : QDateTime::currentDateTimeUtc());
    const QString nonce = context.nonce.isEmpty() ? makeNonce() : context.nonce;
    return context.signatureVersion == SignatureVersion::V1
        ? signV1(context, method, timestamp, nonce)
        : signV3(context, method, timestamp, nonce);
}

QString formatTimestamp(const QDateTime &timestamp)
{
    // Quoted literals: in a Qt format string a bare 'T' or 'Z' is not guaranteed literal.
    return timestamp.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

QString makeNonce()
{
    std::array<quint32, 4> words {};
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray bytes;
    for (const quint32 word : words) {
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes.append(static_cast<char>((word >> shift) & 0xFFu));
    }
    return QString::fromLatin1(bytes.toHex());
}

QByteArray hostHeaderFor(const QUrl &url)
{
    // Mirrors QHttpNetworkConnectionPrivate::prepareRequest(): with V3 the host is signed,
    // so it must match the Host header Qt actually sends, byte for byte.
    const QString hostName = url.host();
    QByteArray host;
    QHostAddress address;
    if (address.setAddress(hostName)) {
        host = address.protocol() == QAbstractSocket::IPv6Protocol ? '[' + hostName.toLatin1() + ']'
                                                                   : hostName.toLatin1();
    } else {
        host = QUrl::toAce(hostName);
    }
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    return host;
}

} // namespace ecs::signing
