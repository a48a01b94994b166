#include "ResponseDecoding.h"

#include "Redaction.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QObject>
#include <QRegularExpression>

namespace ecs {

namespace {

QString excerpt(const QByteArray &body)
{
    constexpr int maxChars = 160;
    // Redacted before it is cut, so a cut cannot leave half a token behind.
    QString text = redactSecrets(QString::fromUtf8(body.left(4 * maxChars)).simplified());
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    return text;
}

QString htmlTitle(const QByteArray &body)
{
    static const QRegularExpression title(
        QStringLiteral("<title[^>]*>([^<]*)</title>"), QRegularExpression::CaseInsensitiveOption);
    const auto match = title.match(QString::fromUtf8(body.left(64 * 1024)));
    return match.hasMatch() ? match.captured(1).simplified() : QString();
}

QString firstString(const QJsonObject &object, const char *upper, const char *lower)
{
    // The SDK accepts both spellings (Code/code, Message/message, RequestId/requestId).
    const QJsonValue value = object.value(QLatin1String(upper));
    if (value.isString())
        return value.toString();
    return object.value(QLatin1String(lower)).toString();
}

ApiError withStatus(ApiError error, int httpStatus)
{
    error.setHttpStatus(httpStatus);
    return error;
}

ApiError serviceError(int httpStatus, const QJsonObject &object)
{
    QString code = firstString(object, "Code", "code");
    QString message = firstString(object, "Message", "message");
    if (code.isEmpty()) {
        code = QStringLiteral("HTTP%1").arg(httpStatus);
        if (message.isEmpty())
            message = QObject::tr("The service answered HTTP %1 without an error code.")
                          .arg(httpStatus);
    }
    // The generic pass only: ApiCall adds the credential's own values (see Redaction.h).
    return ApiError::service(httpStatus, code, message,
        firstString(object, "RequestId", "requestId"), firstString(object, "HostId", "hostId"),
        firstString(object, "Recommend", "recommend"))
        .withTexts([](const QString &text) { return redactSecrets(text); });
}

} // namespace

Result<QJsonObject> decodeResponse(
    int httpStatus, const QByteArray &contentType, const QByteArray &body)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty()) {
        return withStatus(
            ApiError::parse(
                QObject::tr("The service sent an empty answer (HTTP %1).").arg(httpStatus)),
            httpStatus);
    }

    const bool looksLikeMarkup = trimmed.startsWith('<');
    if (contentType.contains("text/html")
        || (looksLikeMarkup && !trimmed.startsWith("<?xml") && !trimmed.startsWith("<Error"))) {
        const QString title = htmlTitle(trimmed);
        return withStatus(
            ApiError::parse(QObject::tr("The answer was a web page, not ECS data (HTTP %1%2). A "
                                        "proxy, firewall or captive portal may be in the way.")
                                .arg(httpStatus)
                                .arg(title.isEmpty() ? QString() : QStringLiteral(": ") + title),
                excerpt(trimmed)),
            httpStatus);
    }
    if (looksLikeMarkup) {
        return withStatus(ApiError::parse(QObject::tr("The answer was XML, not the JSON that was "
                                                      "asked for (HTTP %1).")
                                              .arg(httpStatus),
                              excerpt(trimmed)),
            httpStatus);
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return withStatus(
            ApiError::parse(QObject::tr("The answer could not be read (HTTP %1): %2 at byte %3; "
                                        "it may have been cut off.")
                                .arg(httpStatus)
                                .arg(parseError.errorString())
                                .arg(parseError.offset),
                excerpt(trimmed)),
            httpStatus);
    }
    if (!document.isObject()) {
        return withStatus(ApiError::parse(QObject::tr("The answer was JSON but not an object "
                                                      "(HTTP %1).")
                                              .arg(httpStatus),
                              excerpt(trimmed)),
            httpStatus);
    }

    const QJsonObject object = document.object();
    // A success never carries an error Code. A gateway that answers 200 with one (seen for
    // Throttling.User) is refusing the call, whatever the status says; read as a success,
    // it would look like an empty listing.
    if (httpStatus >= 200 && httpStatus < 300 && firstString(object, "Code", "code").isEmpty())
        return object;
    return serviceError(httpStatus, object);
}

ApiError redirectError(int httpStatus, const QByteArray &location, const QUrl &endpoint)
{
    const QUrl target = endpoint.resolved(QUrl::fromEncoded(location.trimmed()));
    const QString where = location.trimmed().isEmpty() || !target.isValid()
        ? QObject::tr("an unnamed place")
        : target.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment)
              .toString();
    return withStatus(
        ApiError::parse(QObject::tr("The endpoint answered with a redirect (HTTP %1) to %2. It "
                                    "was not followed: the request is signed for %3 and carries "
                                    "your credentials. Check the endpoint; a proxy or captive "
                                    "portal may be in the way.")
                            .arg(httpStatus)
                            .arg(where, endpoint.host())),
        httpStatus);
}

} // namespace ecs
