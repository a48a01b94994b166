#include "ApiCall.h"

#include "ApiLogging.h"
#include "OneShotBody.h"
#include "Redaction.h"
#include "ResponseDecoding.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QSslError>

Q_LOGGING_CATEGORY(lcEcsApi, "ecs.core.api", QtWarningMsg)

namespace ecs {

namespace {

int retryAfterMs(QNetworkReply *reply)
{
    // The JS SDK honours `x-acs-retry-after` (milliseconds) on throttling answers.
    bool ok = false;
    const int value = reply->rawHeader("x-acs-retry-after").trimmed().toInt(&ok);
    return ok && value > 0 ? value : 0;
}

} // namespace

ApiCall::ApiCall(QNetworkAccessManager *network, ClientSettings settings, Credential credential,
    QUrl endpoint, QString action, ApiParameters parameters, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(std::move(settings))
    , m_credential(std::move(credential))
    , m_endpoint(std::move(endpoint))
    , m_action(std::move(action))
    , m_parameters(std::move(parameters))
    , m_idempotent(RetryPolicy::isIdempotentAction(m_action))
{
    m_timeoutTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, [this] { abortReply(AbortReason::Timeout); });
    connect(&m_retryTimer, &QTimer::timeout, this, &ApiCall::sendAttempt);
}

ApiCall::~ApiCall()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString ApiCall::requestId() const
{
    if (m_error.isError())
        return m_error.requestId();
    return m_json.value(QLatin1String("RequestId")).toString();
}

void ApiCall::start()
{
    if (m_started)
        return;
    m_started = true;
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            return;
        if (m_presetError.isError()) {
            finish({}, m_presetError);
            return;
        }
        if (!m_credential.isComplete()) {
            finish({},
                ApiError(ApiError::Kind::Configuration,
                    tr("No AccessKey is set: choose a profile with an AccessKey ID and "
                       "secret.")));
            return;
        }
        if (m_endpoint.isEmpty()) {
            finish({},
                ApiError(ApiError::Kind::Configuration,
                    tr("No region is selected, so there is no endpoint to send %1 to.")
                        .arg(m_action)));
            return;
        }
        const QString endpointProblem = Endpoint::validate(m_endpoint);
        if (!endpointProblem.isEmpty()) {
            finish({}, ApiError(ApiError::Kind::Configuration, endpointProblem));
            return;
        }
        m_sinceFirstSend.start();
        sendAttempt();
    });
}

void ApiCall::sendAttempt()
{
    ++m_attempt;
    m_abortReason = AbortReason::None;
    m_sslErrors.clear();

    signing::SigningContext context;
    context.action = m_action;
    context.apiVersion = QLatin1String(EcsClient::ApiVersion);
    context.parameters = m_parameters;
    context.credential = m_credential;
    context.endpoint = Endpoint::normalized(m_endpoint);
    context.signatureVersion = m_settings.signatureVersion;
    context.httpMethod = m_settings.httpMethod;
    // A fresh timestamp and nonce for every attempt: the service refuses a reused nonce.
    context.timestamp = QDateTime::currentDateTimeUtc();
    context.nonce = signing::makeNonce();
    const signing::SignedRequest signedRequest = signing::signRequest(context);

    QNetworkRequest request(signedRequest.url);
    for (const auto &header : signedRequest.headers) {
        // Qt derives Host from the URL; setting it again would send it twice.
        if (header.first.compare("host", Qt::CaseInsensitive) != 0)
            request.setRawHeader(header.first, header.second);
    }
    request.setHeader(QNetworkRequest::UserAgentHeader,
        QByteArrayLiteral("EcsRollbackConsole/" ECS_VERSION_STRING " Qt/" QT_VERSION_STR));
    // The signature covers the host: a redirect elsewhere must not be followed.
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    if (!m_settings.caCertificates.isEmpty()) {
        // More trust, never less: peer verification stays on (see CaBundle).
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(m_settings.caCertificates);
        request.setSslConfiguration(tls);
    }

    qCDebug(lcEcsApi).noquote() << "send" << m_action << "attempt" << m_attempt << "to"
                                << m_endpoint.host();

    // Never twice behind our back: see OneShotBody. For a mutating call a silent re-send
    // could repeat it; for a read it would repeat the nonce, which the service refuses
    // (SignatureNonceUsed) where our own retry would have signed afresh.
    auto *body = new OneShotBody(signedRequest.body);
    m_reply = m_network->sendCustomRequest(request, signedRequest.method, body);
    body->setParent(m_reply);
    QNetworkReply *reply = m_reply;
    connect(reply, &QNetworkReply::finished, this, &ApiCall::onReplyFinished);
    connect(reply, &QNetworkReply::sslErrors, this, [this](const QList<QSslError> &errors) {
        // Never ignored: certificate problems fail the call. Keep the reasons for the message.
        QStringList texts;
        for (const QSslError &error : errors)
            texts << error.errorString();
        m_sslErrors = texts.join(QStringLiteral("; "));
    });
    connect(reply, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        if (received > m_settings.maxResponseBytes || total > m_settings.maxResponseBytes)
            abortReply(AbortReason::TooLarge);
    });
    m_timeoutTimer.start(m_settings.timeoutMs);
}

void ApiCall::abortReply(AbortReason reason)
{
    if (!m_reply || m_abortReason != AbortReason::None)
        return;
    m_abortReason = reason;
    m_reply->abort(); // emits finished(), handled in onReplyFinished()
}

void ApiCall::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    m_timeoutTimer.stop();
    reply->deleteLater();

    if (m_abortReason == AbortReason::Cancelled) {
        finish({}, ApiError(ApiError::Kind::Cancelled, tr("The request was cancelled.")));
        return;
    }

    // Service text and Qt's error strings (which may quote the URL) are redacted here,
    // before anything is logged or handed on: see Redaction.h.
    const ApiError transportError = redactSecrets(errorFromReply(reply), m_credential);
    if (transportError.isError()) {
        handleFailure(transportError, 0);
        return;
    }

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        // Never followed (ManualRedirectPolicy): said so, rather than "an empty answer".
        const ApiError error = redactSecrets(
            redirectError(status, reply->rawHeader("Location"), m_endpoint), m_credential);
        qCInfo(lcEcsApi).noquote() << m_action << "HTTP" << status << "redirect, not followed";
        handleFailure(error, 0);
        return;
    }
    const Result<QJsonObject> decoded = decodeResponse(
        status, reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(), reply->readAll());
    if (decoded.ok()) {
        qCInfo(lcEcsApi).noquote()
            << m_action << "HTTP" << status
            << redactSecrets(decoded.value().value(QLatin1String("RequestId")).toString());
        finish(decoded.value(), {});
        return;
    }
    const ApiError error = redactSecrets(decoded.error(), m_credential);
    qCInfo(lcEcsApi).noquote() << m_action << "HTTP" << status
                               << error.code() + QLatin1Char(' ') + error.requestId();
    handleFailure(error, retryAfterMs(reply));
}

ApiError ApiCall::errorFromReply(QNetworkReply *reply) const
{
    switch (m_abortReason) {
    case AbortReason::Timeout:
        return ApiError(ApiError::Kind::Timeout,
            tr("No complete answer from %1 within %2 s.")
                .arg(m_endpoint.host())
                .arg(m_settings.timeoutMs / 1000.0, 0, 'f', m_settings.timeoutMs % 1000 ? 1 : 0));
    case AbortReason::TooLarge:
        return ApiError::parse(tr("The answer was larger than %1 MiB and was refused.")
                                   .arg(m_settings.maxResponseBytes / (1024 * 1024)));
    case AbortReason::Cancelled:
    case AbortReason::None:
        break;
    }

    const QNetworkReply::NetworkError code = reply->error();
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (code == QNetworkReply::NoError || status.isValid())
        return {}; // an HTTP answer came: its body says what happened

    if (!m_sslErrors.isEmpty() || code == QNetworkReply::SslHandshakeFailedError) {
        return ApiError(ApiError::Kind::Tls,
            tr("The secure connection to %1 could not be verified: %2")
                .arg(m_endpoint.host(), m_sslErrors.isEmpty() ? reply->errorString() : m_sslErrors),
            reply->errorString());
    }
    QString message;
    switch (code) {
    case QNetworkReply::ConnectionRefusedError:
        message = tr("%1 refused the connection.").arg(m_endpoint.authority());
        break;
    case QNetworkReply::RemoteHostClosedError:
        message = tr("%1 closed the connection before answering.").arg(m_endpoint.authority());
        break;
    case QNetworkReply::ContentReSendError:
        // Qt wanted to re-send a mutating call after the connection dropped; we refused.
        message = tr("The connection to %1 dropped before an answer came; %2 was not sent "
                     "again, and it may or may not have reached the service.")
                      .arg(m_endpoint.authority(), m_action);
        break;
    case QNetworkReply::HostNotFoundError:
        message = tr("The host %1 was not found (no DNS answer). Check the region, the "
                     "endpoint and your network.")
                      .arg(m_endpoint.host());
        break;
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        message = tr("The connection to %1 timed out.").arg(m_endpoint.authority());
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        message = tr("The proxy failed: %1").arg(reply->errorString());
        break;
    default:
        message = tr("Network error talking to %1: %2")
                      .arg(m_endpoint.authority(), reply->errorString());
        break;
    }
    return ApiError(ApiError::Kind::Network, message, reply->errorString());
}

void ApiCall::handleFailure(const ApiError &error, int serverRetryAfterMs)
{
    const RetryPolicy &policy = m_settings.retry;
    if (m_idempotent && RetryPolicy::isRetryableError(error)) {
        const int delay = policy.delayBeforeRetryMs(m_attempt, serverRetryAfterMs);
        if (policy.allowsRetry(m_attempt, m_sinceFirstSend.elapsed(), delay)) {
            qCInfo(lcEcsApi).noquote()
                << QStringLiteral("%1 attempt %2 failed (%3), retrying in %4 ms")
                       .arg(m_action)
                       .arg(m_attempt)
                       .arg(redactSecrets(error.summary(), m_credential))
                       .arg(delay);
            Q_EMIT retryScheduled(m_attempt + 1, delay, error);
            m_retryTimer.start(delay);
            return;
        }
    }
    finish({}, error);
}

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_retryTimer.stop();
    if (m_reply) {
        abortReply(AbortReason::Cancelled);
        return;
    }
    finish({}, ApiError(ApiError::Kind::Cancelled, tr("The request was cancelled.")));
}

void ApiCall::finish(const QJsonObject &json, const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeoutTimer.stop();
    m_retryTimer.stop();
    m_json = json;
    m_error = error;
    if (error.isError() && !error.isDryRunPassed())
        qCInfo(lcEcsApi).noquote()
            << m_action << "failed:" << redactSecrets(error.summary(), m_credential);
    // Always on a later event-loop turn: a caller that cancels (or a context being
    // destroyed) never gets a completion from inside its own call.
    QMetaObject::invokeMethod(
        this,
        [this] {
            Q_EMIT finished();
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace ecs
