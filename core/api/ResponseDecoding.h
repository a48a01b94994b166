#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrl>

namespace ecs {

// Turns what came back over HTTP into either the JSON object of a successful answer
// or a typed ApiError: the service's error body (Code, Message, RequestId, HostId,
// Recommend), or a clear parse error for anything that is not ECS JSON (an HTML page
// from a proxy, XML, a truncated or empty body, a JSON array ...). A 2xx body with an
// error `Code` is that error (kind Service, the 2xx status kept), not a success.
Result<QJsonObject> decodeResponse(
    int httpStatus, const QByteArray &contentType, const QByteArray &body);

// A 3xx answer (the service never redirects; a proxy, portal or wrong endpoint does): kind
// Parse with the status, saying where it pointed as scheme://host/path only (a query may
// carry anything, credentials included), and that it was not followed. `location` is the
// Location header, resolved against `endpoint` when relative; it may be empty.
ApiError redirectError(int httpStatus, const QByteArray &location, const QUrl &endpoint);

} // namespace ecs
