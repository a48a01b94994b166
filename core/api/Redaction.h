#pragma once

#include "ApiError.h"
#include "credentials/Credential.h"

#include <QString>

namespace ecs {

// The one rule for text that came back from the service or the wire (error messages, body
// excerpts, Qt's network error strings): before anyone else sees it, it goes through
// redactSecrets(). The gateway quotes its string-to-sign on SignatureDoesNotMatch, and
// that string carries the STS token (V1: percent-encoded twice; V3: the
// `x-acs-security-token:` line of the canonical request); a proxy's error page may echo
// the URL. Such text is shown, logged, journalled and exported, so it is cleaned once,
// where the ApiError is made.

// What stands where a secret was.
inline const QString RedactedText = QStringLiteral("[REDACTED]");

// The generic pass, for code that has no credential (the journal, body excerpts): the
// values of SecurityToken, Signature and AccessKeySecret parameters (`=`, `%3D`, `%253D`
// ... with the matching `&`, `%26`, `%2526` as the end), `x-acs-security-token:` header
// lines, the Signature of an `Authorization: ACS3-HMAC-SHA256` header, and JSON fields of
// those names (also `sts_token`, `access_key_secret`, as in the aliyun CLI's config).
QString redactSecrets(QString text);

// The generic pass plus `credential`'s AccessKey secret and STS token wherever they occur:
// raw, percent-encoded once or more (upper- or lower-case hex, mixed with raw characters
// as encoders leave them), or with `/` JSON-escaped.
QString redactSecrets(QString text, const Credential &credential);

// Every text of `error` (message, detail, code, RequestId, HostId, Recommend) redacted.
ApiError redactSecrets(const ApiError &error, const Credential &credential);

} // namespace ecs
