#pragma once

#include "api/ApiParameters.h"

#include <QByteArray>
#include <QString>

namespace ecs::signing {

// RPC signature "V1": HMAC-SHA1 with SignatureMethod=HMAC-SHA1, SignatureVersion=1.0
// (REFERENCE §S1; Alibaba's newer docs call it the "V2 RPC signature"). `parameters` holds
// every request parameter, common ones included, already flattened.

// Step 4: sorted `encode(name)=encode(value)` pairs joined by '&'. A "Signature" entry is
// left out, so a verifier can pass every parameter it received.
QByteArray canonicalizedQueryString(const ApiParameters &parameters);

// Step 5: `METHOD&%2F&` + the canonical query string percent-encoded a second time.
QByteArray v1StringToSign(const QByteArray &httpMethod, const ApiParameters &parameters);

// Step 6: Base64(HMAC-SHA1(key = secret + "&", string to sign)).
QByteArray v1Signature(
    const QByteArray &httpMethod, const ApiParameters &parameters, const QString &accessKeySecret);

} // namespace ecs::signing
