#include "CredentialCatalogue.h"

#include "CredentialsLogging.h"
#include "ProfileStore.h"

#include <QMetaObject>

#include <utility>

namespace ecs {

namespace {

ApiError configurationError(const QString &message)
{
    return ApiError(ApiError::Kind::Configuration, message);
}

// Answers known at once still arrive later, like the SecretStore's, and are dropped
// with `context`.
void answerLater(QObject *context, const CredentialCatalogue::ResolveCallback &callback,
    Result<Credential> result)
{
    Q_ASSERT(context);
    QMetaObject::invokeMethod(
        context, [callback, result = std::move(result)]() { callback(result); },
        Qt::QueuedConnection);
}

} // namespace

CredentialCatalogue::CredentialCatalogue(const QProcessEnvironment &environment,
    QString cliConfigPath, ProfileStore *profiles, QObject *parent)
    : QObject(parent)
    , m_cliConfigPath(std::move(cliConfigPath))
    , m_profiles(profiles)
{
    Q_ASSERT(m_profiles);
    m_environment = EnvironmentCredentials::fromEnvironment(environment);
    m_cliConfig = AliyunCliConfig::load(m_cliConfigPath);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &CredentialCatalogue::sourcesChanged);
}

void CredentialCatalogue::reload(const QProcessEnvironment &environment)
{
    m_environment = EnvironmentCredentials::fromEnvironment(environment);
    m_cliConfig = AliyunCliConfig::load(m_cliConfigPath);
    Q_EMIT sourcesChanged();
}

QList<CredentialSource> CredentialCatalogue::sources() const
{
    QList<CredentialSource> result;

    CredentialSource environment;
    environment.id = environmentId();
    environment.kind = CredentialSource::Kind::Environment;
    environment.supported = m_environment.isComplete();
    environment.reason = m_environment.message();
    environment.displayName = environment.supported
        ? tr("Environment variables (%1)")
              .arg(Credential::maskedKeyId(m_environment.credential().accessKeyId))
        : tr("Environment variables");
    result << environment;

    if (m_cliConfig.hasError()) {
        CredentialSource broken;
        broken.id = cliConfigId();
        broken.kind = CredentialSource::Kind::AliyunCli;
        broken.displayName = tr("aliyun CLI configuration");
        broken.reason = m_cliConfig.errorString();
        result << broken;
    } else {
        QList<CredentialSource> cli;
        for (const CliProfile &profile : m_cliConfig.profiles()) {
            CredentialSource entry;
            entry.id = cliProfileId(profile.name);
            entry.kind = CredentialSource::Kind::AliyunCli;
            entry.supported = profile.supported;
            entry.reason = profile.reason;
            entry.regionId = profile.regionId;
            entry.isCurrent = profile.name == m_cliConfig.currentProfileName();
            entry.displayName = entry.isCurrent ? tr("aliyun CLI: %1 (current)").arg(profile.name)
                                                : tr("aliyun CLI: %1").arg(profile.name);
            // The CLI's current profile is what `aliyun` itself would use: first.
            if (entry.isCurrent)
                cli.prepend(entry);
            else
                cli << entry;
        }
        result << cli;
    }

    for (const AppProfile &profile : m_profiles->profiles()) {
        CredentialSource entry;
        entry.id = appProfileId(profile.name);
        entry.kind = CredentialSource::Kind::AppProfile;
        entry.supported = true;
        entry.regionId = profile.defaultRegion;
        entry.displayName = profile.name;
        result << entry;
    }
    return result;
}

std::optional<CredentialSource> CredentialCatalogue::source(const QString &id) const
{
    for (const CredentialSource &entry : sources()) {
        if (entry.id == id)
            return entry;
    }
    return std::nullopt;
}

void CredentialCatalogue::resolve(const QString &id, QObject *context, ResolveCallback callback)
{
    Q_ASSERT(context);
    if (id == environmentId()) {
        if (!m_environment.isComplete())
            return answerLater(context, callback, configurationError(m_environment.message()));
        qCDebug(lcEcsCredentials) << "using the environment's key" << m_environment.credential();
        return answerLater(context, callback, m_environment.credential());
    }

    if (id == cliConfigId() && m_cliConfig.hasError())
        return answerLater(context, callback, configurationError(m_cliConfig.errorString()));

    if (id.startsWith(QLatin1String("cli:"))) {
        const QString name = id.mid(4);
        const std::optional<CliProfile> profile = m_cliConfig.profile(name);
        if (!profile) {
            return answerLater(context, callback,
                configurationError(tr("The aliyun CLI has no profile \"%1\".").arg(name)));
        }
        if (!profile->supported)
            return answerLater(context, callback, configurationError(profile->reason));
        qCDebug(lcEcsCredentials) << "using aliyun CLI profile" << name << profile->credential;
        return answerLater(context, callback, profile->credential);
    }

    if (id.startsWith(QLatin1String("app:"))) {
        m_profiles->readCredential(id.mid(4), context,
            [callback](const ProfileError &error, const Credential &credential) {
                if (error.isError()) {
                    ApiError apiError = configurationError(error.message());
                    apiError.setDetail(error.secretStoreError().detail());
                    return callback(apiError);
                }
                callback(credential);
            });
        return;
    }

    answerLater(
        context, callback, configurationError(tr("Unknown credential source \"%1\".").arg(id)));
}

} // namespace ecs
