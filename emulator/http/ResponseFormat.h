#pragma once

#include "ActionHandler.h"
#include "DecodedRequest.h"

#include <QByteArray>
#include <QJsonObject>

#include <optional>

namespace ecs::emulator {

enum class ResponseFormat { Xml, Json };

// How the gateway answers one request, and whether it can.
struct FormatChoice
{
    ResponseFormat format = ResponseFormat::Xml;
    std::optional<ServiceError> error; // InvalidParameter.Format, answered in `format`
};

// The RPC gateway's rule: the `Format` parameter (query or form body, any case) says XML or
// JSON, and without it the answer is XML — what every ECS client that leaves it out gets.
// A V3 request (ACS3 `Authorization` header) without `Format` is answered as its `Accept`
// header asks: JSON for application/json, else XML. Any other `Format` is refused.
FormatChoice chooseFormat(const DecodedRequest &request);

// The HTTP Content-Type of an answer in `format`.
QByteArray contentTypeOf(ResponseFormat format);

// A success or error body written in `format`. XML has the service's root elements:
// `<ActionResponse>` for a success (`DescribeRegionsResponse`), `<Error>` for an error,
// whose fields keep the service's order (RequestId, HostId, Code, Message, Recommend).
QByteArray successBody(ResponseFormat format, const QString &action, const QJsonObject &body);
QByteArray errorBodyIn(ResponseFormat format, const QJsonObject &errorBody);

} // namespace ecs::emulator
