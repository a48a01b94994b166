#pragma once

#include "AppProfile.h"
#include "Credential.h"
#include "SecretStore.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

class QSettings;

namespace ecs {

class ProfileError
{
    Q_DECLARE_TR_FUNCTIONS(ecs::ProfileError)

public:
    enum class Kind {
        None,
        Invalid, // a name, key ID, endpoint or secret failed validation
        NotFound, // no profile of that name
        AlreadyExists, // rename onto an existing profile
        NoSecret, // the profile has no (readable) secret in the SecretStore
        SecretStore, // the SecretStore failed: see secretStoreError()
        Settings, // the settings file could not be written
    };

    ProfileError() = default;
    ProfileError(Kind kind, QString message, SecretStoreError cause = {});

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    QString message() const { return m_message; } // for people, never a secret
    // Set for Kind::SecretStore: lets the UI offer "use it for this session only".
    const SecretStoreError &secretStoreError() const { return m_cause; }

private:
    Kind m_kind = Kind::None;
    QString m_message;
    SecretStoreError m_cause;
};

// What ProfileStore keeps in the SecretStore for a profile.
struct ProfileSecret
{
    QString accessKeySecret;
    QString securityToken; // empty unless the profile holds an STS key
};

// The profiles this application saves. Everything but the secret goes to the injected
// QSettings (group "profiles", one sub-group per profile); the secret and the STS
// token go only to the injected SecretStore, under secretKey(name). The settings are
// written only once the secret is stored, and a profile is removed only once its
// secret is, so neither outlives the other.
//
// Every operation answers asynchronously, once, through its callback, and only while
// `context` is alive; a started operation still completes if `context` goes away.
// The QSettings and the SecretStore must outlive this object.
class ProfileStore : public QObject
{
    Q_OBJECT

public:
    using DoneCallback = std::function<void(const ProfileError &)>;
    // On error the credential is empty.
    using CredentialCallback = std::function<void(const ProfileError &, const Credential &)>;

    ProfileStore(QSettings *settings, SecretStore *secrets, QObject *parent = nullptr);

    // Sorted by name. Read from the settings each time; cheap.
    QList<AppProfile> profiles() const;
    std::optional<AppProfile> profile(const QString &name) const;
    bool contains(const QString &name) const;

    // Creates or updates a profile; the AccessKey ID and the secret are trimmed first
    // (CredentialFields). With `secret`, stores it first and then the
    // settings (hasSecurityToken follows the secret). Without, only an existing
    // profile's settings change and its stored secret and hasSecurityToken are kept.
    void save(const AppProfile &profile, const std::optional<ProfileSecret> &secret,
        QObject *context, DoneCallback callback);
    // Removes the secret, then the settings. If the secret cannot be removed the
    // profile stays, so that no secret is left behind that the user can no longer see.
    void remove(const QString &name, QObject *context, DoneCallback callback);
    // Moves the secret to the new name, then the settings, then removes the old secret.
    void rename(const QString &from, const QString &to, QObject *context, DoneCallback callback);
    // The AccessKey ID from the settings with the secret (and token) from the store.
    void readCredential(const QString &name, QObject *context, CredentialCallback callback);

    // The SecretStore key of a profile's secret.
    static QString secretKey(const QString &profileName);
    // Secrets and tokens are pasted: whitespace around them is trimmed on save, whitespace
    // inside is refused (CredentialFields). Empty string when acceptable, else why not
    // (never quoting the secret).
    static QString validateSecret(const ProfileSecret &secret);
    struct NormalizedSecret
    {
        ProfileSecret secret; // trimmed
        QString problem; // empty when acceptable (an empty secret included)
    };
    static NormalizedSecret normalizedSecret(const ProfileSecret &secret);

Q_SIGNALS:
    // After a profile was saved, removed or renamed.
    void profilesChanged();

private:
    ProfileError writeSettings(const AppProfile &profile);
    ProfileError removeSettings(const QString &name);

    QSettings *m_settings;
    SecretStore *m_secrets;
};

} // namespace ecs
