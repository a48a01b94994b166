#pragma once

#include "Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace ecs {

// Turns what came back over HTTP into either the JSON object of a successful answer
// or a typed ApiError: the service's error body (Code, Message, RequestId, HostId,
// Recommend), or a clear parse error for anything that is not ECS JSON (an HTML page
// from a proxy, XML, a truncated or empty body, a JSON array ...). A 2xx body with an
// error `Code` is that error (kind Service, the 2xx status kept), not a success.
Result<QJsonObject> decodeResponse(
    int httpStatus, const QByteArray &contentType, const QByteArray &body);

} // namespace ecs
