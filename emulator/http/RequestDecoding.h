#pragma once

#include "DecodedRequest.h"

#include <QByteArray>

QT_BEGIN_NAMESPACE
class QHttpServerRequest;
QT_END_NAMESPACE

namespace ecs::emulator {

// `a=1&b=%20x` → {a: "1", b: " x"}. Names and values are decoded completely (UTF-8), and
// '+' means a space as in any form body. Comparing decoded text, never raw bytes, matters:
// the official SDK leaves !'()* bare on the wire yet signs them escaped, so only the
// decoded value re-encodes to what the client signed.
ApiParameters decodeFormEncoded(const QByteArray &encoded);

// Copies what the checks need out of Qt's request: method, path, Host, headers with
// lower-cased names, query parameters, and body parameters when the body is form-encoded.
DecodedRequest decodeRequest(const QHttpServerRequest &request);

} // namespace ecs::emulator
