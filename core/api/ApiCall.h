#pragma once

#include "ApiError.h"
#include "ApiParameters.h"
#include "EcsClient.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

namespace ecs {

// One ECS API call: signs, sends, times out, retries reads, decodes. Emits finished()
// exactly once, with either json() or error() set, then deletes itself.
class ApiCall : public QObject
{
    Q_OBJECT

public:
    ApiCall(QNetworkAccessManager *network, ClientSettings settings, Credential credential,
        QUrl endpoint, QString action, ApiParameters parameters, QObject *parent = nullptr);
    ~ApiCall() override;

    QString action() const { return m_action; }
    const ApiParameters &parameters() const { return m_parameters; }
    bool isIdempotent() const { return m_idempotent; }
    bool isFinished() const { return m_finished; }
    int attempts() const { return m_attempt; }

    bool ok() const { return m_finished && !m_error.isError(); }
    const QJsonObject &json() const { return m_json; }
    const ApiError &error() const { return m_error; }
    // RequestId of the last answer, success or error ("" if none came).
    QString requestId() const;

    // Starts the first attempt on the next event-loop turn, so handlers connected
    // right after call() never miss a completion.
    void start();
    // Makes start() finish with `error` without sending anything (a request that is
    // wrong before it leaves, e.g. eleven disks for ResetDisks).
    void rejectBeforeSending(const ApiError &error) { m_presetError = error; }

public Q_SLOTS:
    // Aborts the call; finished() follows with Kind::Cancelled unless it had already
    // finished. For a mutating call that was already sent, the outcome is unknown.
    void cancel();

Q_SIGNALS:
    void retryScheduled(int nextAttempt, int delayMs, const ecs::ApiError &lastError);
    void finished();

private:
    enum class AbortReason { None, Timeout, Cancelled, TooLarge };

    void sendAttempt();
    void onReplyFinished();
    ApiError errorFromReply(QNetworkReply *reply) const;
    void handleFailure(const ApiError &error, int retryAfterMs);
    void finish(const QJsonObject &json, const ApiError &error);
    void abortReply(AbortReason reason);

    QNetworkAccessManager *m_network;
    ClientSettings m_settings;
    Credential m_credential;
    QUrl m_endpoint;
    QString m_action;
    ApiParameters m_parameters;
    bool m_idempotent;

    QPointer<QNetworkReply> m_reply;
    QTimer m_timeoutTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_sinceFirstSend;
    AbortReason m_abortReason = AbortReason::None;
    QString m_sslErrors;
    int m_attempt = 0;
    bool m_started = false;
    bool m_finished = false;
    QJsonObject m_json;
    ApiError m_error;
    ApiError m_presetError;
};

} // namespace ecs
