#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QPointer>
#include <QTimer>

#include <functional>

// A QNetworkAccessManager whose answers are scripted by the test and arrive
// asynchronously, like real ones (after Nextcloud desktop's FakeQNAM). Every request
// is recorded so tests can check what was sent.

struct FakeResponse
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json;charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError; // a transport failure
    int delayMs = 0;
    bool hang = false; // never answers; only abort() ends it

    static FakeResponse json(int status, const QByteArray &body);
    static FakeResponse networkError(QNetworkReply::NetworkError error);
    static FakeResponse hanging();
};

struct RecordedRequest
{
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QString queryValue(const QString &name) const;
};

class FakeReply : public QNetworkReply
{
    Q_OBJECT

public:
    FakeReply(const QNetworkRequest &request, QNetworkAccessManager::Operation operation,
        FakeResponse response, QObject *parent);

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }
    bool wasAborted() const { return m_aborted; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void respond();

    FakeResponse m_response;
    QByteArray m_buffer;
    QTimer m_timer;
    bool m_done = false;
    bool m_aborted = false;
};

class FakeNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const RecordedRequest &)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);

    // Answers in order; when the queue is empty, the handler answers (or a 500).
    void enqueue(const FakeResponse &response) { m_queue.append(response); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    const QList<RecordedRequest> &requests() const { return m_requests; }
    QList<QPointer<FakeReply>> replies() const { return m_replies; }

protected:
    QNetworkReply *createRequest(
        Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    QList<FakeResponse> m_queue;
    Handler m_handler;
    QList<RecordedRequest> m_requests;
    QList<QPointer<FakeReply>> m_replies;
};
