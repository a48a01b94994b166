#include "RequestDecoding.h"

#include <QHttpServerRequest>
#include <QUrl>

namespace ecs::emulator {

namespace {

QString decodeComponent(QByteArray component)
{
    component.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(component));
}

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

bool isFormEncoded(const QByteArray &contentType)
{
    // "application/x-www-form-urlencoded; charset=UTF-8" counts too.
    return contentType.split(';').constFirst().trimmed().toLower()
        == "application/x-www-form-urlencoded";
}

} // namespace

ApiParameters decodeFormEncoded(const QByteArray &encoded)
{
    ApiParameters parameters;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        parameters.insert(decodeComponent(name), decodeComponent(value));
    }
    return parameters;
}

DecodedRequest decodeRequest(const QHttpServerRequest &request)
{
    DecodedRequest decoded;
    decoded.method = methodName(request.method());
    const QUrl url = request.url();
    decoded.path = url.path(QUrl::FullyDecoded);
    // FullyEncoded keeps %26 and %3D escaped, so splitting on '&' and '=' stays exact.
    decoded.queryParameters = decodeFormEncoded(url.query(QUrl::FullyEncoded).toLatin1());
    for (const auto &header : request.headers())
        decoded.headers.append({ header.first.toLower(), header.second });
    decoded.host = decoded.header("host");
    decoded.body = request.body();
    if (isFormEncoded(decoded.header("content-type")))
        decoded.bodyParameters = decodeFormEncoded(decoded.body);
    return decoded;
}

} // namespace ecs::emulator
