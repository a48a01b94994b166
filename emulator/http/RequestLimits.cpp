#include "RequestLimits.h"

namespace ecs::emulator {

namespace {

// Codes and messages in the gateway's style; the codes are our choice (UNCONFIRMED: the
// real front answers oversized requests from its proxy layer, not documented).
ServiceError limitError(int status, const char *code, QString message)
{
    return ServiceError { status, QString::fromLatin1(code), std::move(message) };
}

QString sizeText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes / (1024 * 1024));
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes / 1024);
    return QStringLiteral("%1 bytes").arg(bytes);
}

// "a=1&b=2&&c" has three parameters: empty pieces are not parameters.
int countParameters(QByteArrayView query)
{
    int count = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= query.size(); ++i) {
        if (i == query.size() || query.at(i) == '&') {
            if (i > start)
                ++count;
            start = i + 1;
        }
    }
    return count;
}

QByteArray chomp(QByteArray line)
{
    if (line.endsWith('\n'))
        line.chop(1);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

RequestFraming::RequestFraming(RequestLimits limits)
    : m_limits(limits)
{ }

std::optional<ServiceError> RequestFraming::fail(ServiceError error)
{
    m_violation = std::move(error);
    return m_violation;
}

void RequestFraming::startRequest()
{
    m_state = State::RequestLine;
    m_line.clear();
    m_headerBytes = 0;
    m_bodyLeft = 0;
    m_admin = false;
    m_bodyStarted = false;
    m_parameters = 0;
    m_contentLength.reset();
    m_chunked = false;
    m_host.clear();
}

std::optional<ServiceError> RequestFraming::feed(QByteArrayView bytes)
{
    if (m_violation)
        return m_violation;
    qsizetype i = 0;
    while (i < bytes.size()) {
        if (m_state == State::Body) {
            const qsizetype take = qsizetype(qMin<qint64>(m_bodyLeft, bytes.size() - i));
            if (!m_admin) {
                // Form parameters: one per '&'-separated piece, counted as they arrive.
                const QByteArrayView piece = bytes.sliced(i, take);
                if (!m_bodyStarted && take > 0)
                    ++m_parameters;
                m_bodyStarted = m_bodyStarted || take > 0;
                m_parameters += int(piece.count('&'));
                if (m_parameters > m_limits.maxParameters) {
                    return fail(limitError(400, "InvalidParameter.TooMany",
                        QStringLiteral("The request has more than %1 parameters.")
                            .arg(m_limits.maxParameters)));
                }
            }
            m_bodyLeft -= take;
            i += take;
            if (m_bodyLeft == 0)
                startRequest();
            continue;
        }
        const qsizetype newline = bytes.indexOf('\n', i);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        m_line.append(bytes.sliced(i, end - i));
        if (m_state == State::RequestLine && m_line.size() > m_limits.maxRequestLineBytes) {
            return fail(limitError(414, "RequestURITooLong",
                QStringLiteral("The request line is longer than %1.")
                    .arg(sizeText(m_limits.maxRequestLineBytes))));
        }
        if (m_state == State::Headers && m_headerBytes + m_line.size() > m_limits.maxHeaderBytes) {
            return fail(limitError(431, "RequestHeaderFieldsTooLarge",
                QStringLiteral("The request headers are larger than %1.")
                    .arg(sizeText(m_limits.maxHeaderBytes))));
        }
        i = end;
        if (newline < 0)
            break;
        const std::optional<ServiceError> error
            = m_state == State::RequestLine ? endOfRequestLine() : endOfHeaderLine();
        if (error)
            return fail(*error);
    }
    return std::nullopt;
}

std::optional<ServiceError> RequestFraming::endOfRequestLine()
{
    const QByteArray line = chomp(std::exchange(m_line, {}));
    if (line.isEmpty())
        return std::nullopt; // blank lines between requests are allowed (RFC 9112 §2.2)
    const QList<QByteArray> parts = line.split(' ');
    const QByteArray target = parts.value(1);
    const qsizetype question = target.indexOf('?');
    const QByteArray path = question < 0 ? target : target.left(question);
    m_admin = path.startsWith("/admin/");
    if (question >= 0)
        m_parameters = countParameters(QByteArrayView(target).sliced(question + 1));
    if (m_parameters > m_limits.maxParameters) {
        return limitError(400, "InvalidParameter.TooMany",
            QStringLiteral("The request has more than %1 parameters.").arg(m_limits.maxParameters));
    }
    m_state = State::Headers;
    return std::nullopt;
}

std::optional<ServiceError> RequestFraming::endOfHeaderLine()
{
    m_headerBytes += m_line.size();
    const QByteArray line = chomp(std::exchange(m_line, {}));
    if (!line.isEmpty()) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return std::nullopt; // Qt's own parser answers malformed headers
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "host") {
            m_host = value;
        } else if (name == "transfer-encoding") {
            m_chunked = m_chunked || value.toLower().contains("chunked");
        } else if (name == "content-length") {
            bool ok = false;
            const qint64 length = value.toLongLong(&ok);
            if (!ok || length < 0 || (m_contentLength && *m_contentLength != length)) {
                return limitError(400, "InvalidParameter.ContentLength",
                    QStringLiteral("The Content-Length header is not valid."));
            }
            m_contentLength = length;
        }
        return std::nullopt;
    }

    // End of headers: the body's size is known now, before any of it is buffered.
    if (m_chunked) {
        return limitError(411, "MissingContentLength",
            QStringLiteral("A request body must come with Content-Length; chunked bodies "
                           "are not accepted."));
    }
    const qint64 cap = m_admin ? m_limits.maxAdminBodyBytes : m_limits.maxBodyBytes;
    const qint64 length = m_contentLength.value_or(0);
    if (length > cap) {
        return limitError(413, "RequestEntityTooLarge",
            QStringLiteral("The request body is larger than %1.").arg(sizeText(cap)));
    }
    if (length == 0) {
        startRequest();
        return std::nullopt;
    }
    m_state = State::Body;
    m_bodyLeft = length;
    return std::nullopt;
}

} // namespace ecs::emulator
