#pragma once

#include "AliyunCliConfig.h"
#include "CredentialSource.h"
#include "EnvironmentCredentials.h"
#include "api/Result.h"

#include <QList>
#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <optional>

namespace ecs {

class ProfileStore;

// Every credential source, in the order Alibaba Cloud users expect from the SDKs'
// default chain and the aliyun CLI: the environment variables, then the aliyun CLI's
// profiles (its current one first), then this application's profiles. Sources that
// cannot be used are listed too, with the reason, so the user learns why a key they
// set up elsewhere is not offered.
class CredentialCatalogue : public QObject
{
    Q_OBJECT

public:
    using ResolveCallback = std::function<void(const Result<Credential> &)>;

    static QString environmentId() { return QStringLiteral("env"); }
    static QString cliProfileId(const QString &name) { return QLatin1String("cli:") + name; }
    static QString appProfileId(const QString &name) { return QLatin1String("app:") + name; }
    // The id of the entry standing for an aliyun CLI config that cannot be read.
    static QString cliConfigId() { return QStringLiteral("cli"); }

    // `cliConfigPath`: usually AliyunCliConfig::defaultPath(). `profiles` must outlive
    // the catalogue.
    CredentialCatalogue(const QProcessEnvironment &environment, QString cliConfigPath,
        ProfileStore *profiles, QObject *parent = nullptr);

    // Reads the environment and the aliyun CLI config again.
    void reload(const QProcessEnvironment &environment);

    QList<CredentialSource> sources() const;
    std::optional<CredentialSource> source(const QString &id) const;

    // The credential of one source. Always answers asynchronously, once, and only
    // while `context` is alive. Errors are ApiError::Kind::Configuration with a message
    // for people (e.g. "No secret is stored for profile "prod".").
    void resolve(const QString &id, QObject *context, ResolveCallback callback);

Q_SIGNALS:
    // After reload() and whenever the application's profiles change.
    void sourcesChanged();

private:
    EnvironmentCredentials m_environment;
    QString m_cliConfigPath;
    AliyunCliConfig m_cliConfig;
    ProfileStore *m_profiles;
};

} // namespace ecs
