#pragma once

#include <QMetaType>
#include <QString>

#include <functional>

namespace ecs {

// What went wrong with one API call. Either the service answered with an error body
// (kind Service: HTTP status plus the API's Code/Message/RequestId/Recommend), or the
// call failed on our side of the wire (network, timeout, TLS, an unparseable body, ...).
class ApiError
{
public:
    enum class Kind {
        None, // no error
        Service, // the service answered with an error body (see code())
        Network, // connection refused, reset, dropped, DNS, proxy ...
        Timeout, // no complete answer within the per-request timeout
        Tls, // certificate or handshake failure (never ignored)
        Parse, // the body was not the JSON we expected (HTML page, truncated, wrong types)
        Cancelled, // the caller cancelled the call
        Configuration, // the request could not be built (bad endpoint, no credential ...)
    };

    ApiError() = default;
    ApiError(Kind kind, QString message, QString detail = {});

    static ApiError service(int httpStatus, QString code, QString message, QString requestId = {},
        QString hostId = {}, QString recommend = {});
    static ApiError parse(QString message, QString detail = {});

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    int httpStatus() const { return m_httpStatus; }
    QString code() const { return m_code; }
    QString message() const { return m_message; }
    QString requestId() const { return m_requestId; }
    QString hostId() const { return m_hostId; }
    QString recommend() const { return m_recommend; }
    // Technical detail for logs and the "details" part of a message box (never a secret).
    QString detail() const { return m_detail; }

    void setHttpStatus(int status) { m_httpStatus = status; }
    void setRequestId(const QString &requestId) { m_requestId = requestId; }
    void setDetail(const QString &detail) { m_detail = detail; }

    // A copy with every text (code, message, RequestId, HostId, Recommend, detail) passed
    // through `map`: how secrets are taken out of service text (see Redaction.h). Here, so
    // that a field added later cannot be forgotten.
    ApiError withTexts(const std::function<QString(const QString &)> &map) const;

    // Any `Throttling*` code, as the SDK treats it.
    bool isThrottling() const;
    // `DryRunOperation`: the success answer of a dry run.
    bool isDryRunPassed() const;
    // For a call that changes something: no usable answer came back (network, timeout,
    // an unreadable body, or a 5xx from the service), so it may or may not have been
    // carried out. Only reading the state tells; sending it again blindly does not.
    bool leavesOutcomeUnknown() const;

    // One line for people: "IncorrectInstanceStatus: The current status ... (HTTP 403,
    // RequestId 15E2...)".
    QString summary() const;

    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    int m_httpStatus = 0;
    QString m_code;
    QString m_message;
    QString m_requestId;
    QString m_hostId;
    QString m_recommend;
    QString m_detail;
};

} // namespace ecs

Q_DECLARE_METATYPE(ecs::ApiError)
