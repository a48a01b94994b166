#pragma once

#include "api/ApiParameters.h"
#include "api/signing/RequestSigner.h"
#include "credentials/Credential.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrl>

namespace ecs::emulator::test {

// What one answer looked like on the client side.
struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QJsonObject json;
    QByteArray contentType;
    QByteArray retryAfter;
    QByteArray date; // the service's clock (RFC 9110 IMF-fixdate)

    static HttpResult of(QNetworkReply *reply);
};

// Waits up to 15 s for `reply` to finish (tests then check the result), reads it and
// schedules its deletion.
HttpResult waitForResult(QNetworkReply *reply);

// Signs and sends requests to an emulator over real loopback with a real
// QNetworkAccessManager. Returns the reply; tests wait for it with QTRY_*.
class TestClient
{
public:
    TestClient(QUrl endpoint, Credential credential);

    signing::SigningContext context(const QString &action, const ApiParameters &parameters,
        signing::SignatureVersion version = signing::SignatureVersion::V3,
        const QByteArray &method = "POST") const;
    // `oneShot`: the body cannot be rewound, as core sends mutating calls, so Qt does not
    // quietly resend the request when the connection closes early.
    QNetworkReply *send(const signing::SignedRequest &request, bool oneShot = false);
    QNetworkReply *call(const QString &action, const ApiParameters &parameters = {},
        signing::SignatureVersion version = signing::SignatureVersion::V3);
    // Any request as raw parts: `encodedQuery` is put on the wire as it is.
    QNetworkReply *sendRaw(const QByteArray &method, const QByteArray &encodedQuery,
        const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &body = {});
    // Admin calls need no signature.
    QNetworkReply *admin(
        const QByteArray &method, const QString &route, const QByteArray &body = {});

    // Every V1 parameter, Signature included, signed for `method`.
    ApiParameters v1Parameters(const QString &action, const ApiParameters &parameters,
        const QByteArray &method, const QString &timestamp = {}, const QString &nonce = {}) const;

    QUrl endpoint() const { return m_endpoint; }
    const Credential &credential() const { return m_credential; }
    void setCredential(const Credential &credential) { m_credential = credential; }
    QNetworkAccessManager &network() { return m_network; }

private:
    QUrl m_endpoint;
    Credential m_credential;
    QNetworkAccessManager m_network;
};

} // namespace ecs::emulator::test

// Waits (generously) for a reply; a macro so the failure points at the test line.
#define ECS_WAIT_FOR(reply) QTRY_VERIFY_WITH_TIMEOUT((reply)->isFinished(), 15000)
