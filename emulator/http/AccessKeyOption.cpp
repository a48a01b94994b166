#include "AccessKeyOption.h"

#include "credentials/CredentialFields.h"

#include <QRegularExpression>

namespace ecs::emulator {

namespace {

QDateTime parseExpiry(const QString &field)
{
    static const QRegularExpression format(
        QStringLiteral("^expires=(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}:\\d{2})Z$"));
    const QRegularExpressionMatch match = format.match(field);
    if (!match.hasMatch())
        return {};
    // Date and time apart, in UTC: a local parse could fall into a DST gap.
    return QDateTime(QDate::fromString(match.captured(1), QStringLiteral("yyyy-MM-dd")),
        QTime::fromString(match.captured(2), QStringLiteral("HH:mm:ss")), Qt::UTC);
}

} // namespace

std::optional<AccessKeyOption> AccessKeyOption::parse(const QString &text, QString *error)
{
    const QString usage = QStringLiteral(
        "--access-key expects ID:SECRET[:STS_TOKEN[:expires=yyyy-MM-ddTHH:mm:ssZ]]");
    QStringList parts = text.split(QLatin1Char(':'));
    if (parts.size() > 4)
        parts = parts.mid(0, 3) << QStringList(parts.mid(3)).join(QLatin1Char(':'));
    if (parts.size() < 2) {
        *error = usage;
        return std::nullopt;
    }
    AccessKeyOption option;
    if (parts.size() == 4) {
        option.tokenExpiresAt = parseExpiry(parts.at(3));
        if (!option.tokenExpiresAt.isValid() || parts.at(2).isEmpty()) {
            *error = usage;
            return std::nullopt;
        }
    }
    // The same rule as the app's credentials: pasted whitespace around goes.
    const std::optional<Credential> credential = CredentialFields::normalize(
        Credential { parts.at(0), parts.at(1), parts.value(2) }, nullptr);
    if (!credential) {
        *error = usage;
        return std::nullopt;
    }
    option.credential = *credential;
    return option;
}

namespace securityTokens {

bool isWellFormed(const QString &token)
{
    static const QRegularExpression base64(QStringLiteral("^[A-Za-z0-9+/_-]+={0,2}$"));
    return !token.isEmpty() && token.size() <= maxLength && base64.match(token).hasMatch();
}

} // namespace securityTokens

} // namespace ecs::emulator
