#include "TestClient.h"

#include "api/OneShotBody.h"
#include "api/signing/PercentEncoding.h"
#include "api/signing/SignatureV1.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTest>

namespace ecs::emulator::test {

HttpResult HttpResult::of(QNetworkReply *reply)
{
    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.json = QJsonDocument::fromJson(result.body).object();
    result.contentType = reply->rawHeader("Content-Type");
    result.retryAfter = reply->rawHeader("x-acs-retry-after");
    result.date = reply->rawHeader("Date");
    return result;
}

HttpResult waitForResult(QNetworkReply *reply)
{
    QElapsedTimer timer;
    timer.start();
    while (!reply->isFinished() && timer.elapsed() < 15000)
        QTest::qWait(5);
    HttpResult result = HttpResult::of(reply);
    reply->deleteLater();
    return result;
}

TestClient::TestClient(QUrl endpoint, Credential credential)
    : m_endpoint(std::move(endpoint))
    , m_credential(std::move(credential))
{ }

signing::SigningContext TestClient::context(const QString &action, const ApiParameters &parameters,
    signing::SignatureVersion version, const QByteArray &method) const
{
    signing::SigningContext context;
    context.action = action;
    context.parameters = parameters;
    context.credential = m_credential;
    context.endpoint = m_endpoint;
    context.signatureVersion = version;
    context.httpMethod = method;
    return context;
}

QNetworkReply *TestClient::send(const signing::SignedRequest &request, bool oneShot)
{
    QNetworkRequest networkRequest(request.url);
    for (const auto &header : request.headers) {
        if (header.first != "host")
            networkRequest.setRawHeader(header.first, header.second);
    }
    if (!oneShot)
        return m_network.sendCustomRequest(networkRequest, request.method, request.body);
    auto *body = new OneShotBody(request.body);
    QNetworkReply *reply = m_network.sendCustomRequest(networkRequest, request.method, body);
    body->setParent(reply);
    return reply;
}

QNetworkReply *TestClient::call(
    const QString &action, const ApiParameters &parameters, signing::SignatureVersion version)
{
    return send(signing::signRequest(context(action, parameters, version)));
}

QNetworkReply *TestClient::sendRaw(const QByteArray &method, const QByteArray &encodedQuery,
    const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body)
{
    QUrl url = m_endpoint;
    if (!encodedQuery.isEmpty())
        url.setQuery(QString::fromLatin1(encodedQuery), QUrl::StrictMode);
    QNetworkRequest networkRequest(url);
    for (const auto &header : headers) {
        if (header.first != "host")
            networkRequest.setRawHeader(header.first, header.second);
    }
    return m_network.sendCustomRequest(networkRequest, method, body);
}

QNetworkReply *TestClient::admin(
    const QByteArray &method, const QString &route, const QByteArray &body)
{
    QUrl url = m_endpoint;
    url.setPath(QStringLiteral("/admin/") + route);
    QNetworkRequest networkRequest(url);
    if (!body.isEmpty())
        networkRequest.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    return m_network.sendCustomRequest(networkRequest, method, body);
}

ApiParameters TestClient::v1Parameters(const QString &action, const ApiParameters &parameters,
    const QByteArray &method, const QString &timestamp, const QString &nonce) const
{
    ApiParameters all = parameters;
    all.insert(QStringLiteral("Action"), action);
    all.insert(QStringLiteral("Version"), QStringLiteral("2014-05-26"));
    all.insert(QStringLiteral("Format"), QStringLiteral("JSON"));
    all.insert(QStringLiteral("AccessKeyId"), m_credential.accessKeyId);
    all.insert(QStringLiteral("SignatureMethod"), QStringLiteral("HMAC-SHA1"));
    all.insert(QStringLiteral("SignatureVersion"), QStringLiteral("1.0"));
    all.insert(QStringLiteral("SignatureNonce"), nonce.isEmpty() ? signing::makeNonce() : nonce);
    all.insert(QStringLiteral("Timestamp"),
        timestamp.isEmpty() ? signing::formatTimestamp(QDateTime::currentDateTimeUtc())
                            : timestamp);
    if (m_credential.isSts())
        all.insert(QStringLiteral("SecurityToken"), m_credential.securityToken);
    all.insert(QStringLiteral("Signature"),
        QString::fromLatin1(signing::v1Signature(method, all, m_credential.accessKeySecret)));
    return all;
}

} // namespace ecs::emulator::test
