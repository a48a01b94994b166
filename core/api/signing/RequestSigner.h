#pragma once

#include "api/ApiParameters.h"
#include "credentials/Credential.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace ecs::signing {

enum class SignatureVersion { V1, V3 };

// Everything one signed ECS request is made from.
struct SigningContext
{
    QString action;
    QString apiVersion = QStringLiteral("2014-05-26");
    ApiParameters parameters; // API parameters only, flattened; no common parameters
    Credential credential;
    QUrl endpoint; // scheme://host[:port]/
    SignatureVersion signatureVersion = SignatureVersion::V3;
    QByteArray httpMethod = "POST";
    QDateTime timestamp; // UTC; the current time when left invalid
    QString nonce; // makeNonce() when left empty
};

// A request ready for QNetworkAccessManager::sendCustomRequest(). Header names are lower
// case. `url`'s query is already percent-encoded in canonical form (toEncoded() gives the
// exact bytes that were signed). The "host" header, when present, is the value Qt derives
// from `url` by itself, so the transport may leave it out.
struct SignedRequest
{
    QByteArray method;
    QUrl url; // endpoint + encoded query
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

// V1: common parameters + API parameters + Signature in the query string, empty body.
// V3: API parameters in the query string, x-acs-* headers and Authorization, empty body.
// Both send `accept: application/json` and work with GET as well as POST.
SignedRequest signRequest(const SigningContext &context);

// "yyyy-MM-ddTHH:mm:ssZ" in UTC, the format of Timestamp and x-acs-date.
QString formatTimestamp(const QDateTime &timestamp);

// 32 random lower-case hex characters from the system CSPRNG.
QString makeNonce();

// The Host header value QNetworkAccessManager sends for `url`: the ASCII (punycode) host,
// IPv6 literals in brackets, plus ":port" whenever the URL carries a port.
QByteArray hostHeaderFor(const QUrl &url);

} // namespace ecs::signing
