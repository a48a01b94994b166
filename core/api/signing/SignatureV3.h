#pragma once

#include "api/ApiParameters.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ecs::signing {

// Signature V3, ACS3-HMAC-SHA256 (REFERENCE §S2). Each step is its own function so tests
// can check the intermediate values and the emulator can verify incoming requests.

// What a V3 signature covers. Header names may be in any case; values are used trimmed.
struct V3SigningInput
{
    QByteArray method;
    QByteArray canonicalUri = "/";
    ApiParameters query;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

inline constexpr char v3Algorithm[] = "ACS3-HMAC-SHA256";

// The headers a client signs: host, content-type and every x-acs-* header present in
// `input`, lower-cased, sorted and without duplicates.
QList<QByteArray> v3DefaultSignedHeaders(const V3SigningInput &input);

// Method, URI, canonical query, canonical headers, signed headers and the body hash joined
// by '\n'. The canonical headers are rebuilt for exactly `signedHeaderNames` in the order
// given (a verifier passes the list from the client's Authorization header); a header that
// occurs several times contributes its sorted values joined by ',', as the SDK does.
QByteArray v3CanonicalRequest(
    const V3SigningInput &input, const QList<QByteArray> &signedHeaderNames);

// "ACS3-HMAC-SHA256\n" + lower-hex SHA-256 of the canonical request.
QByteArray v3StringToSign(const QByteArray &canonicalRequest);

// Lower-hex HMAC-SHA256 keyed with the raw secret (no trailing '&', unlike V1).
QByteArray v3Signature(const QByteArray &stringToSign, const QString &secret);

// "ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b;c>,Signature=<hex>".
QByteArray v3Authorization(const QString &accessKeyId, const QList<QByteArray> &signedHeaders,
    const QByteArray &signature);

// Lower-hex SHA-256: the body hash of x-acs-content-sha256 and the hashed canonical request.
QByteArray sha256Hex(const QByteArray &data);

} // namespace ecs::signing
