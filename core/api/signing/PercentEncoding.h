#pragma once

#include "api/ApiParameters.h"

#include <QByteArray>
#include <QString>

namespace ecs::signing {

// RFC 3986 percent-encoding as both Alibaba Cloud signature schemes define it (REFERENCE §S1
// step 2): the UTF-8 bytes of `text`, with A-Z a-z 0-9 - _ . ~ kept and every other byte
// written as %XY in upper-case hex. Space becomes %20 (never '+'), '*' becomes %2A.
QByteArray percentEncode(const QString &text);

// The same encoding applied to bytes that are already UTF-8 (V1 encodes its canonical query
// string a second time, and that string is bytes, not text).
QByteArray percentEncodeBytes(const QByteArray &utf8);

// `encode(name)=encode(value)` pairs joined by '&', in the map's order. This one string is
// the canonical query of both schemes and, byte for byte, the query we put on the wire, so
// what the server decodes is exactly what we signed.
QByteArray encodedQuery(const ApiParameters &parameters);

} // namespace ecs::signing
