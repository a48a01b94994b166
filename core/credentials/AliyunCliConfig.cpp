#include "AliyunCliConfig.h"

#include "CredentialFields.h"
#include "CredentialsLogging.h"
#include "io/BoundedFile.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace ecs {

namespace {

// A real config.json is a few KiB, even with dozens of profiles; anything far larger is
// not one.
constexpr qint64 maxConfigBytes = 1024 * 1024;

// The CLI's modes (config/profile.go, knownModes), compared case-insensitively as the
// CLI does. "RamRoleArnWithRoleName" and "RsaKeyPair" are deprecated but still read.
const char *const knownModes[] = { "AK", "StsToken", "RamRoleArn", "EcsRamRole", "RsaKeyPair",
    "RamRoleArnWithRoleName", "ChainableRamRoleArn", "External", "CredentialsURI", "OIDC",
    "CloudSSO", "OAuth", "BearerToken", "Anonymous" };

QString canonicalMode(const QString &mode)
{
    for (const char *known : knownModes) {
        if (mode.compare(QLatin1String(known), Qt::CaseInsensitive) == 0)
            return QLatin1String(known);
    }
    return mode;
}

bool isKnownMode(const QString &mode)
{
    for (const char *known : knownModes) {
        if (mode == QLatin1String(known))
            return true;
    }
    return false;
}

// The string fields read here; each must be a string or absent (Go's json.Unmarshal
// fails the whole file otherwise). null reads as absent, as it does in Go.
const char *const stringFields[]
    = { "name", "mode", "access_key_id", "access_key_secret", "sts_token", "region_id" };

} // namespace

QString AliyunCliConfig::defaultPath()
{
    return QDir::homePath() + QLatin1String("/.aliyun/config.json");
}

AliyunCliConfig AliyunCliConfig::load(const QString &path)
{
    AliyunCliConfig config;
    config.m_path = path;
    // A FIFO or a symlink to /dev/zero must not hang or exhaust the caller: the bounded
    // reader refuses anything but a regular file of sane size.
    const BoundedFile::Result read = BoundedFile::read(path, maxConfigBytes);
    if (read.status == BoundedFile::Status::NotFound)
        return config;
    config.m_fileExists = true;
    if (!read.ok()) {
        config.m_error = read.error;
        return config;
    }
    config = parse(read.data, path);
    config.m_fileExists = true;
    qCDebug(lcEcsCredentials) << "aliyun CLI config" << path << "profiles"
                              << config.m_profiles.size() << "error" << config.hasError();
    return config;
}

AliyunCliConfig AliyunCliConfig::parse(const QByteArray &json, const QString &path)
{
    AliyunCliConfig config;
    config.m_path = path;
    config.m_fileExists = true;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    // Position and reason only: quoting the text around an error could quote a secret.
    if (parseError.error != QJsonParseError::NoError) {
        config.m_error = tr("%1: not valid JSON (%2 at offset %3)")
                             .arg(path, parseError.errorString())
                             .arg(parseError.offset);
        return config;
    }
    if (!document.isObject()) {
        config.m_error = tr("%1: the top level is not a JSON object").arg(path);
        return config;
    }
    const QJsonObject root = document.object();

    const QJsonValue current = root.value(QLatin1String("current"));
    if (!current.isString() && !current.isUndefined() && !current.isNull()) {
        config.m_error = tr("%1: \"current\" is not a string").arg(path);
        return config;
    }
    config.m_current = current.toString();

    const QJsonValue profilesValue = root.value(QLatin1String("profiles"));
    if (!profilesValue.isArray() && !profilesValue.isUndefined() && !profilesValue.isNull()) {
        config.m_error = tr("%1: \"profiles\" is not a list").arg(path);
        return config;
    }

    const QJsonArray profiles = profilesValue.toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < profiles.size(); ++i) {
        const QJsonValue entry = profiles.at(i);
        if (!entry.isObject()) {
            config.m_error = tr("%1: profiles[%2] is not an object").arg(path).arg(i);
            config.m_profiles.clear();
            return config;
        }
        const QJsonObject object = entry.toObject();
        for (const char *field : stringFields) {
            const QJsonValue value = object.value(QLatin1String(field));
            if (!value.isString() && !value.isUndefined() && !value.isNull()) {
                config.m_error = tr("%1: profiles[%2].%3 is not a string")
                                     .arg(path)
                                     .arg(i)
                                     .arg(QLatin1String(field));
                config.m_profiles.clear();
                return config;
            }
        }

        CliProfile profile;
        profile.name = object.value(QLatin1String("name")).toString();
        if (profile.name.isEmpty() || seen.contains(profile.name))
            continue;
        seen.insert(profile.name);
        profile.mode = canonicalMode(object.value(QLatin1String("mode")).toString());
        profile.regionId = object.value(QLatin1String("region_id")).toString();

        const bool isAk = profile.mode == QLatin1String("AK");
        const bool isSts = profile.mode == QLatin1String("StsToken");
        // Trimmed like every other source; a value with whitespace inside is refused. An
        // AK profile may carry a stale sts_token from an earlier mode; the CLI ignores it
        // there, and so do we.
        QString fieldProblem;
        const std::optional<Credential> fields = CredentialFields::normalize(
            Credential { object.value(QLatin1String("access_key_id")).toString(),
                object.value(QLatin1String("access_key_secret")).toString(),
                isSts ? object.value(QLatin1String("sts_token")).toString() : QString() },
            &fieldProblem);
        const QString id = fields ? fields->accessKeyId : QString();
        const QString secret = fields ? fields->accessKeySecret : QString();
        const QString token = fields ? fields->securityToken : QString();

        if (profile.mode.isEmpty()) {
            profile.reason = tr("Profile \"%1\" is not configured yet (it has no mode); run "
                                "`aliyun configure --profile %1`.")
                                 .arg(profile.name);
        } else if (!isKnownMode(profile.mode)) {
            profile.reason
                = tr("Profile \"%1\" has an unknown mode \"%2\".").arg(profile.name, profile.mode);
        } else if (!isAk && !isSts) {
            profile.reason = tr("Mode %1 is not supported yet; only AK and StsToken profiles "
                                "can be used.")
                                 .arg(profile.mode);
        } else if (!fields) {
            profile.reason = tr("Profile \"%1\": %2").arg(profile.name, fieldProblem);
        } else if (id.isEmpty() || secret.isEmpty()) {
            profile.reason
                = tr("Profile \"%1\" (mode %2) has no access_key_id or no access_key_secret.")
                      .arg(profile.name, profile.mode);
        } else if (isSts && token.isEmpty()) {
            profile.reason
                = tr("Profile \"%1\" (mode StsToken) has no sts_token.").arg(profile.name);
        } else {
            profile.supported = true;
            profile.credential = Credential { id, secret, token };
        }
        config.m_profiles << profile;
    }
    return config;
}

std::optional<CliProfile> AliyunCliConfig::profile(const QString &name) const
{
    for (const CliProfile &profile : m_profiles) {
        if (profile.name == name)
            return profile;
    }
    return std::nullopt;
}

} // namespace ecs
