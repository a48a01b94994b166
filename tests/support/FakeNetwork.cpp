#include "FakeNetwork.h"

#include <QUrlQuery>

FakeResponse FakeResponse::json(int status, const QByteArray &body)
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    return response;
}

FakeResponse FakeResponse::networkError(QNetworkReply::NetworkError error)
{
    FakeResponse response;
    response.error = error;
    response.status = 0;
    return response;
}

FakeResponse FakeResponse::hanging()
{
    FakeResponse response;
    response.hang = true;
    return response;
}

QByteArray RecordedRequest::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QString RecordedRequest::queryValue(const QString &name) const
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

FakeReply::FakeReply(const QNetworkRequest &request, QNetworkAccessManager::Operation operation,
    FakeResponse response, QObject *parent)
    : QNetworkReply(parent)
    , m_response(std::move(response))
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    if (!m_response.hang) {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, &FakeReply::respond);
        m_timer.start(m_response.delayMs);
    }
}

void FakeReply::respond()
{
    if (m_done)
        return;
    m_done = true;
    if (m_response.error != QNetworkReply::NoError) {
        setError(m_response.error, QStringLiteral("fake network error %1").arg(m_response.error));
        Q_EMIT errorOccurred(m_response.error);
        Q_EMIT finished();
        return;
    }
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
    setHeader(QNetworkRequest::ContentTypeHeader, m_response.contentType);
    setHeader(QNetworkRequest::ContentLengthHeader, m_response.body.size());
    for (const auto &header : m_response.headers)
        setRawHeader(header.first, header.second);
    m_buffer = m_response.body;
    if (m_response.status >= 400) {
        // What Qt does for HTTP errors: an error code *and* the body stays readable.
        setError(QNetworkReply::ProtocolInvalidOperationError, QStringLiteral("HTTP error"));
    }
    Q_EMIT metaDataChanged();
    Q_EMIT downloadProgress(m_buffer.size(), m_buffer.size());
    Q_EMIT readyRead();
    Q_EMIT finished();
}

void FakeReply::abort()
{
    if (m_done)
        return;
    m_done = true;
    m_aborted = true;
    m_timer.stop();
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    Q_EMIT errorOccurred(QNetworkReply::OperationCanceledError);
    Q_EMIT finished();
}

qint64 FakeReply::bytesAvailable() const
{
    return m_buffer.size() + QIODevice::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin<qint64>(maxSize, m_buffer.size());
    memcpy(data, m_buffer.constData(), static_cast<size_t>(count));
    m_buffer.remove(0, static_cast<int>(count));
    return count;
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{ }

QNetworkReply *FakeNetworkAccessManager::createRequest(
    Operation operation, const QNetworkRequest &request, QIODevice *outgoingData)
{
    RecordedRequest recorded;
    recorded.url = request.url();
    switch (operation) {
    case GetOperation:
        recorded.method = "GET";
        break;
    case PostOperation:
        recorded.method = "POST";
        break;
    case CustomOperation:
        recorded.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    default:
        recorded.method = "OTHER";
        break;
    }
    for (const QByteArray &name : request.rawHeaderList())
        recorded.headers.append({ name, request.rawHeader(name) });
    if (outgoingData)
        recorded.body = outgoingData->readAll();
    m_requests.append(recorded);

    FakeResponse response;
    if (!m_queue.isEmpty())
        response = m_queue.takeFirst();
    else if (m_handler)
        response = m_handler(recorded);
    else
        response = FakeResponse::json(500, R"({"Code":"InternalError","Message":"unscripted"})");
    auto *reply = new FakeReply(request, operation, response, this);
    m_replies.append(reply);
    return reply;
}
