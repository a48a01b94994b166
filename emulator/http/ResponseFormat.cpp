#include "ResponseFormat.h"

#include "GatewayErrors.h"
#include "JsonToXml.h"

#include <QJsonDocument>

namespace ecs::emulator {

FormatChoice chooseFormat(const DecodedRequest &request)
{
    FormatChoice choice;
    const QString format = request.allParameters().value(QStringLiteral("Format"));
    if (format.compare(QLatin1String("JSON"), Qt::CaseInsensitive) == 0) {
        choice.format = ResponseFormat::Json;
    } else if (format.compare(QLatin1String("XML"), Qt::CaseInsensitive) == 0) {
        choice.format = ResponseFormat::Xml;
    } else if (!format.isEmpty()) {
        choice.error = gatewayErrors::invalidFormat(format);
    } else if (request.hasHeader("authorization")
        && request.header("accept").toLower().contains("application/json")) {
        choice.format = ResponseFormat::Json;
    }
    return choice;
}

QByteArray contentTypeOf(ResponseFormat format)
{
    return format == ResponseFormat::Json ? QByteArrayLiteral("application/json;charset=utf-8")
                                          : QByteArrayLiteral("text/xml;charset=utf-8");
}

QByteArray successBody(ResponseFormat format, const QString &action, const QJsonObject &body)
{
    if (format == ResponseFormat::Json)
        return QJsonDocument(body).toJson(QJsonDocument::Compact);
    return jsonToXml(action + QLatin1String("Response"), body, { QStringLiteral("RequestId") });
}

QByteArray errorBodyIn(ResponseFormat format, const QJsonObject &errorBody)
{
    if (format == ResponseFormat::Json)
        return QJsonDocument(errorBody).toJson(QJsonDocument::Compact);
    return jsonToXml(QStringLiteral("Error"), errorBody, errorBodyOrder());
}

} // namespace ecs::emulator
