#include "Redaction.h"

#include <QByteArray>
#include <QRegularExpression>

namespace ecs {

namespace {

// Shorter values are not searched for: they would match ordinary words, and no real
// secret or token is this short.
constexpr qsizetype MinimumSecretLength = 6;

// The names whose values are secret, in parameters and JSON alike (case does not matter).
const QString SecretNames = QStringLiteral(
    "securitytoken|signature|accesskeysecret|security_token|sts_token|access_key_secret");

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isHexPair(const QByteArray &text, qsizetype at, uchar byte)
{
    return at + 1 < text.size() && hexValue(text.at(at)) == (byte >> 4)
        && hexValue(text.at(at + 1)) == (byte & 0xf);
}

// Where `byte` ends if it is written at `at`: raw, as %XX after any number of `25`
// (percent-encoded once, twice, ...; either case), or `/` as the JSON escape `\/`.
// -1 if it is not there.
qsizetype matchByte(const QByteArray &text, qsizetype at, uchar byte)
{
    if (at >= text.size())
        return -1;
    if (static_cast<uchar>(text.at(at)) == byte)
        return at + 1;
    if (byte == '/' && text.at(at) == '\\' && at + 1 < text.size() && text.at(at + 1) == '/')
        return at + 2;
    if (text.at(at) != '%')
        return -1;
    for (qsizetype hex = at + 1; hex + 1 < text.size(); hex += 2) {
        if (isHexPair(text, hex, byte))
            return hex + 2;
        if (text.at(hex) != '2' || text.at(hex + 1) != '5')
            return -1;
    }
    return -1;
}

// Replaces every occurrence of `secret` in any of the forms matchByte() knows, even mixed
// (an encoder that leaves `/` raw but encodes `+`).
QByteArray redactValue(const QByteArray &text, const QByteArray &secret)
{
    QByteArray result;
    const QByteArray marker = RedactedText.toUtf8();
    qsizetype copiedUpTo = 0;
    qsizetype at = 0;
    while (at < text.size()) {
        qsizetype end = at;
        for (const char byte : secret) {
            end = matchByte(text, end, static_cast<uchar>(byte));
            if (end < 0)
                break;
        }
        if (end < 0) {
            ++at;
            continue;
        }
        result += text.mid(copiedUpTo, at - copiedUpTo) + marker;
        copiedUpTo = at = end;
    }
    if (copiedUpTo == 0)
        return text;
    return result + text.mid(copiedUpTo);
}

bool endsParameterValue(QChar c)
{
    return c.isSpace() || QStringLiteral("\"',;<>)]}\\#&").contains(c);
}

// `%26`, `%2526`, ... encoded at most `depth - 1` times: the `&` between the pairs of a
// query string encoded `depth` times (V1's string-to-sign encodes the query once more).
bool isPairSeparator(const QString &text, qsizetype at, int depth)
{
    if (text.at(at) != QLatin1Char('%'))
        return false;
    int layers = 0;
    qsizetype hex = at + 1;
    while (hex + 1 < text.size() && text.mid(hex, 2) == QLatin1String("25")) {
        ++layers;
        hex += 2;
    }
    return layers <= depth - 1 && text.mid(hex, 2) == QLatin1String("26");
}

// SecurityToken=…, Signature%3D…, AccessKeySecret%253D… (also inside `Authorization:
// ACS3-HMAC-SHA256 …,Signature=…`): the value up to the end of its pair.
QString redactParameters(const QString &text)
{
    static const QRegularExpression name(
        QStringLiteral("(?<![a-z_-])(?:%1)(=|%((?:25)*)3d)").arg(SecretNames),
        QRegularExpression::CaseInsensitiveOption);
    QString result;
    qsizetype copiedUpTo = 0;
    auto matches = name.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (match.capturedStart() < copiedUpTo)
            continue;
        const int depth = match.captured(1) == QLatin1String("=")
            ? 0
            : 1 + static_cast<int>(match.capturedLength(2) / 2);
        const qsizetype valueStart = match.capturedEnd();
        if (QStringView(text).mid(valueStart).startsWith(RedactedText))
            continue; // already done: redacting twice changes nothing
        qsizetype valueEnd = valueStart;
        while (valueEnd < text.size() && !endsParameterValue(text.at(valueEnd))
            && !isPairSeparator(text, valueEnd, depth))
            ++valueEnd;
        if (valueEnd == valueStart)
            continue;
        result += QStringView(text).mid(copiedUpTo, valueStart - copiedUpTo) + RedactedText;
        copiedUpTo = valueEnd;
    }
    if (copiedUpTo == 0)
        return text;
    return result + QStringView(text).mid(copiedUpTo);
}

} // namespace

QString redactSecrets(QString text)
{
    if (text.isEmpty())
        return text;
    // JSON fields first, so `"Signature": "…"` is not mistaken for a header below.
    static const QRegularExpression jsonField(
        QStringLiteral("(\"(?:%1|x-acs-security-token)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"")
            .arg(SecretNames),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(jsonField, QStringLiteral("\\1") + RedactedText + QLatin1Char('"'));
    // The V3 canonical request quoted by the gateway has one header per line.
    static const QRegularExpression header(
        QStringLiteral("(x-acs-security-token\\s*:\\s*)[^\\s\",\\\\]+"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(header, QStringLiteral("\\1") + RedactedText);
    return redactParameters(text);
}

QString redactSecrets(QString text, const Credential &credential)
{
    if (text.isEmpty())
        return text;
    QByteArray utf8 = text.toUtf8();
    bool changed = false;
    for (const QString &secret : { credential.securityToken, credential.accessKeySecret }) {
        if (secret.size() < MinimumSecretLength)
            continue;
        const QByteArray redacted = redactValue(utf8, secret.toUtf8());
        changed = changed || redacted != utf8;
        utf8 = redacted;
    }
    return redactSecrets(changed ? QString::fromUtf8(utf8) : std::move(text));
}

ApiError redactSecrets(const ApiError &error, const Credential &credential)
{
    return error.withTexts(
        [&credential](const QString &text) { return redactSecrets(text, credential); });
}

} // namespace ecs
