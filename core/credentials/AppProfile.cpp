#include "AppProfile.h"

#include "api/Endpoint.h"

#include <QDir>

namespace ecs {

namespace {

constexpr int maxNameLength = 64;
constexpr int maxAccessKeyIdLength = 128;

bool containsWhitespace(const QString &text)
{
    for (const QChar c : text) {
        if (c.isSpace())
            return true;
    }
    return false;
}

} // namespace

QString AppProfile::signatureVersionName(SignatureVersion version)
{
    switch (version) {
    case SignatureVersion::V3:
        return QStringLiteral("v3");
    case SignatureVersion::V1:
        return QStringLiteral("v1");
    }
    return QStringLiteral("v3");
}

std::optional<AppProfile::SignatureVersion> AppProfile::signatureVersionFromName(
    const QString &name)
{
    if (name.compare(QLatin1String("v3"), Qt::CaseInsensitive) == 0)
        return SignatureVersion::V3;
    if (name.compare(QLatin1String("v1"), Qt::CaseInsensitive) == 0)
        return SignatureVersion::V1;
    return std::nullopt;
}

QString AppProfile::validateName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return tr("The profile name is empty.");
    if (name.size() > maxNameLength)
        return tr("The profile name is longer than %1 characters.").arg(maxNameLength);
    if (name.trimmed() != name)
        return tr("The profile name starts or ends with a space.");
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\'))
            return tr("The profile name must not contain '/' or '\\'.");
        if (c.category() == QChar::Other_Control)
            return tr("The profile name must not contain control characters.");
    }
    return {};
}

QString AppProfile::validateAccessKeyId(const QString &accessKeyId)
{
    if (accessKeyId.isEmpty())
        return tr("The AccessKey ID is empty.");
    if (containsWhitespace(accessKeyId))
        return tr("The AccessKey ID contains whitespace.");
    if (accessKeyId.size() > maxAccessKeyIdLength)
        return tr("The AccessKey ID is longer than %1 characters.").arg(maxAccessKeyIdLength);
    return {};
}

QString AppProfile::validateEndpoint(const QUrl &endpoint)
{
    return endpoint.isEmpty() ? QString() : Endpoint::validate(endpoint);
}

QString AppProfile::validateCaFile(const QString &path)
{
    if (path.isEmpty())
        return {};
    if (!QDir::isAbsolutePath(path))
        return tr("The CA bundle must be given as an absolute path.");
    for (const QChar c : path) {
        if (c.category() == QChar::Other_Control)
            return tr("The CA bundle path must not contain control characters.");
    }
    return {};
}

QString AppProfile::validate() const
{
    for (const QString &problem : { validateName(name), validateAccessKeyId(accessKeyId),
             validateEndpoint(endpointOverride), validateCaFile(caFile) }) {
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

} // namespace ecs
