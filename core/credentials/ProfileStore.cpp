#include "ProfileStore.h"

#include "CredentialFields.h"
#include "CredentialsLogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>
#include <QPointer>
#include <QSettings>

#include <algorithm>
#include <utility>

namespace ecs {

namespace {

const QLatin1String profilesGroup("profiles");
const QLatin1String accessKeyIdKey("accessKeyId");
const QLatin1String defaultRegionKey("defaultRegion");
const QLatin1String endpointKey("endpoint");
const QLatin1String signatureVersionKey("signatureVersion");
const QLatin1String hasSecurityTokenKey("hasSecurityToken");
const QLatin1String caFileKey("caFile");

// Secret and token travel as one keychain entry, so they are written, read and removed
// together. The encoded text is a secret itself: never logged.
QString encodeSecret(const ProfileSecret &secret)
{
    QJsonObject object;
    object.insert(QLatin1String("accessKeySecret"), secret.accessKeySecret);
    if (!secret.securityToken.isEmpty())
        object.insert(QLatin1String("securityToken"), secret.securityToken);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<ProfileSecret> decodeSecret(const QString &text)
{
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    const QJsonObject object = document.object();
    const QString secret = object.value(QLatin1String("accessKeySecret")).toString();
    if (!document.isObject() || secret.isEmpty())
        return std::nullopt;
    return ProfileSecret { secret, object.value(QLatin1String("securityToken")).toString() };
}

// Hands one answer to the caller if its context object still exists.
template<typename Callback>
class Reply
{
public:
    Reply(QObject *context, Callback callback)
        : m_context(context)
        , m_callback(std::move(callback))
    {
        Q_ASSERT(context);
    }

    template<typename... Args>
    void operator()(const Args &...args) const
    {
        if (m_context)
            m_callback(args...);
    }

    // For answers known before any asynchronous step: still delivered later.
    template<typename... Args>
    void later(Args... args) const
    {
        if (!m_context)
            return;
        QMetaObject::invokeMethod(
            m_context.data(), [reply = *this, args...]() { reply(args...); }, Qt::QueuedConnection);
    }

private:
    QPointer<QObject> m_context;
    Callback m_callback;
};

} // namespace

ProfileError::ProfileError(Kind kind, QString message, SecretStoreError cause)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_cause(std::move(cause))
{ }

ProfileStore::ProfileStore(QSettings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
    Q_ASSERT(m_settings);
    Q_ASSERT(m_secrets);
}

QString ProfileStore::secretKey(const QString &profileName)
{
    return QLatin1String("profile:") + profileName;
}

QString ProfileStore::validateSecret(const ProfileSecret &secret)
{
    const auto normalized = normalizedSecret(secret);
    if (!normalized.problem.isEmpty())
        return normalized.problem;
    if (normalized.secret.accessKeySecret.isEmpty())
        return tr("The AccessKey secret is empty.");
    return {};
}

ProfileStore::NormalizedSecret ProfileStore::normalizedSecret(const ProfileSecret &secret)
{
    using Field = CredentialFields::Field;
    const auto key = CredentialFields::normalize(Field::AccessKeySecret, secret.accessKeySecret);
    const auto token = CredentialFields::normalize(Field::SecurityToken, secret.securityToken);
    return { { key.value, token.value }, key.ok() ? token.problem : key.problem };
}

QList<AppProfile> ProfileStore::profiles() const
{
    m_settings->beginGroup(profilesGroup);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    std::sort(names.begin(), names.end());
    QList<AppProfile> result;
    for (const QString &name : std::as_const(names)) {
        if (auto found = profile(name))
            result << *found;
    }
    return result;
}

std::optional<AppProfile> ProfileStore::profile(const QString &name) const
{
    if (!AppProfile::validateName(name).isEmpty() || !contains(name))
        return std::nullopt;
    m_settings->beginGroup(profilesGroup);
    m_settings->beginGroup(name);
    AppProfile result;
    result.name = name;
    result.accessKeyId = m_settings->value(accessKeyIdKey).toString();
    result.defaultRegion = m_settings->value(defaultRegionKey).toString();
    result.endpointOverride = QUrl(m_settings->value(endpointKey).toString());
    // An unknown value (edited by hand, a newer version) falls back to the default.
    result.signatureVersion
        = AppProfile::signatureVersionFromName(m_settings->value(signatureVersionKey).toString())
              .value_or(AppProfile::SignatureVersion::V3);
    result.hasSecurityToken = m_settings->value(hasSecurityTokenKey, false).toBool();
    result.caFile = m_settings->value(caFileKey).toString();
    m_settings->endGroup();
    m_settings->endGroup();
    return result;
}

bool ProfileStore::contains(const QString &name) const
{
    if (!AppProfile::validateName(name).isEmpty())
        return false;
    m_settings->beginGroup(profilesGroup);
    const bool found = m_settings->childGroups().contains(name);
    m_settings->endGroup();
    return found;
}

ProfileError ProfileStore::writeSettings(const AppProfile &stored)
{
    m_settings->beginGroup(profilesGroup);
    m_settings->remove(stored.name); // no stale keys from an earlier version
    m_settings->beginGroup(stored.name);
    m_settings->setValue(accessKeyIdKey, stored.accessKeyId);
    m_settings->setValue(defaultRegionKey, stored.defaultRegion);
    m_settings->setValue(endpointKey, stored.endpointOverride.toString());
    m_settings->setValue(
        signatureVersionKey, AppProfile::signatureVersionName(stored.signatureVersion));
    m_settings->setValue(hasSecurityTokenKey, stored.hasSecurityToken);
    if (!stored.caFile.isEmpty())
        m_settings->setValue(caFileKey, stored.caFile);
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return { ProfileError::Kind::Settings,
            tr("The profile \"%1\" could not be written to %2.")
                .arg(stored.name, m_settings->fileName()) };
    }
    return {};
}

ProfileError ProfileStore::removeSettings(const QString &name)
{
    m_settings->beginGroup(profilesGroup);
    m_settings->remove(name);
    m_settings->endGroup();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError) {
        return {
            ProfileError::Kind::Settings,
            tr("The profile \"%1\" could not be removed from %2.").arg(name, m_settings->fileName())
        };
    }
    return {};
}

void ProfileStore::save(const AppProfile &input, const std::optional<ProfileSecret> &secret,
    QObject *context, DoneCallback callback)
{
    const Reply reply(context, std::move(callback));
    // Pasted values lose the whitespace around them here, whoever made the profile.
    AppProfile toSave = input;
    const CredentialFields::Normalized id
        = CredentialFields::normalize(CredentialFields::Field::AccessKeyId, input.accessKeyId);
    if (!id.ok())
        return reply.later(ProfileError(ProfileError::Kind::Invalid, id.problem));
    toSave.accessKeyId = id.value;
    if (const QString problem = toSave.validate(); !problem.isEmpty())
        return reply.later(ProfileError(ProfileError::Kind::Invalid, problem));

    if (!secret) {
        const std::optional<AppProfile> existing = profile(toSave.name);
        if (!existing) {
            return reply.later(ProfileError(
                ProfileError::Kind::NoSecret, tr("A new profile needs its AccessKey secret.")));
        }
        toSave.hasSecurityToken = existing->hasSecurityToken;
        const ProfileError error = writeSettings(toSave);
        if (!error.isError())
            Q_EMIT profilesChanged();
        return reply.later(error);
    }

    if (const QString problem = validateSecret(*secret); !problem.isEmpty())
        return reply.later(ProfileError(ProfileError::Kind::Invalid, problem));
    const ProfileSecret toStore = normalizedSecret(*secret).secret;
    toSave.hasSecurityToken = !toStore.securityToken.isEmpty();

    m_secrets->write(secretKey(toSave.name), encodeSecret(toStore), this,
        [this, toSave, reply](const SecretStoreError &storeError) {
            if (storeError.isError()) {
                return reply(ProfileError(ProfileError::Kind::SecretStore,
                    tr("The secret of profile \"%1\" was not saved. %2")
                        .arg(toSave.name, storeError.message()),
                    storeError));
            }
            const ProfileError error = writeSettings(toSave);
            if (error.isError()) {
                // No secret without its profile: take it back (best effort).
                m_secrets->remove(secretKey(toSave.name), this, [](const SecretStoreError &) {});
                return reply(error);
            }
            qCInfo(lcEcsCredentials)
                << "saved profile" << toSave.name << Credential::maskedKeyId(toSave.accessKeyId);
            Q_EMIT profilesChanged();
            reply(ProfileError());
        });
}

void ProfileStore::remove(const QString &name, QObject *context, DoneCallback callback)
{
    const Reply reply(context, std::move(callback));
    if (!contains(name)) {
        return reply.later(ProfileError(
            ProfileError::Kind::NotFound, tr("There is no profile \"%1\".").arg(name)));
    }
    m_secrets->remove(
        secretKey(name), this, [this, name, reply](const SecretStoreError &storeError) {
            if (storeError.isError()) {
                return reply(ProfileError(ProfileError::Kind::SecretStore,
                    tr("The profile \"%1\" was kept because its secret could not be "
                       "removed from the keychain. %2")
                        .arg(name, storeError.message()),
                    storeError));
            }
            const ProfileError error = removeSettings(name);
            if (!error.isError()) {
                qCInfo(lcEcsCredentials) << "removed profile" << name;
                Q_EMIT profilesChanged();
            }
            reply(error);
        });
}

void ProfileStore::rename(
    const QString &from, const QString &to, QObject *context, DoneCallback callback)
{
    const Reply reply(context, std::move(callback));
    const std::optional<AppProfile> source = profile(from);
    if (!source) {
        return reply.later(ProfileError(
            ProfileError::Kind::NotFound, tr("There is no profile \"%1\".").arg(from)));
    }
    if (const QString problem = AppProfile::validateName(to); !problem.isEmpty())
        return reply.later(ProfileError(ProfileError::Kind::Invalid, problem));
    if (from == to)
        return reply.later(ProfileError());
    if (contains(to)) {
        return reply.later(ProfileError(ProfileError::Kind::AlreadyExists,
            tr("A profile named \"%1\" already exists.").arg(to)));
    }

    AppProfile renamed = *source;
    renamed.name = to;
    // Settings move after the secret has been copied, so a failure part-way leaves the
    // old profile intact; the old secret goes last.
    const auto moveSettings = [this, from, renamed, reply](bool removeOldSecret) {
        if (ProfileError error = writeSettings(renamed); error.isError())
            return reply(error);
        if (ProfileError error = removeSettings(from); error.isError())
            return reply(error);
        qCInfo(lcEcsCredentials) << "renamed profile" << from << "to" << renamed.name;
        Q_EMIT profilesChanged();
        if (!removeOldSecret)
            return reply(ProfileError());
        m_secrets->remove(secretKey(from), this, [from, reply](const SecretStoreError &error) {
            if (!error.isError())
                return reply(ProfileError());
            reply(ProfileError(ProfileError::Kind::SecretStore,
                tr("The profile was renamed, but its old keychain entry \"%1\" could "
                   "not be removed. %2")
                    .arg(secretKey(from), error.message()),
                error));
        });
    };

    m_secrets->read(
        secretKey(from), this, [this, to, reply, moveSettings](const SecretReadResult &read) {
            switch (read.status) {
            case SecretReadResult::Status::Error:
                return reply(ProfileError(ProfileError::Kind::SecretStore,
                    tr("The profile was not renamed. %1").arg(read.error.message()), read.error));
            case SecretReadResult::Status::NotFound:
                return moveSettings(false); // nothing to move
            case SecretReadResult::Status::Found:
                break;
            }
            m_secrets->write(secretKey(to), read.secret, this,
                [reply, moveSettings](const SecretStoreError &error) {
                    if (error.isError()) {
                        return reply(ProfileError(ProfileError::Kind::SecretStore,
                            tr("The profile was not renamed. %1").arg(error.message()), error));
                    }
                    moveSettings(true);
                });
        });
}

void ProfileStore::readCredential(
    const QString &name, QObject *context, CredentialCallback callback)
{
    const Reply reply(context, std::move(callback));
    const std::optional<AppProfile> found = profile(name);
    if (!found) {
        return reply.later(
            ProfileError(ProfileError::Kind::NotFound, tr("There is no profile \"%1\".").arg(name)),
            Credential());
    }
    m_secrets->read(
        secretKey(name), this, [name, stored = *found, reply](const SecretReadResult &read) {
            switch (read.status) {
            case SecretReadResult::Status::Error:
                return reply(ProfileError(ProfileError::Kind::SecretStore,
                                 tr("The secret of profile \"%1\" could not be read. %2")
                                     .arg(name, read.error.message()),
                                 read.error),
                    Credential());
            case SecretReadResult::Status::NotFound:
                return reply(ProfileError(ProfileError::Kind::NoSecret,
                                 tr("No secret is stored for profile \"%1\".").arg(name)),
                    Credential());
            case SecretReadResult::Status::Found:
                break;
            }
            const std::optional<ProfileSecret> secret = decodeSecret(read.secret);
            if (!secret || (stored.hasSecurityToken && secret->securityToken.isEmpty())) {
                return reply(ProfileError(ProfileError::Kind::NoSecret,
                                 tr("The stored secret of profile \"%1\" is "
                                    "incomplete; enter it again.")
                                     .arg(name)),
                    Credential());
            }
            reply(ProfileError(),
                Credential { stored.accessKeyId, secret->accessKeySecret, secret->securityToken });
        });
}

} // namespace ecs
