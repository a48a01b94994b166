#pragma once

#include "ConsoleContext.h"
#include "ProfileChoice.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace ecs {

class CredentialCatalogue;
class EcsApi;
struct ClientSettings;
struct Credential;
class EcsClient;
class Journal;
class ProfileStore;
namespace emulator {
class EmbeddedEmulator;
}

// The connection of the desktop console: one QNetworkAccessManager, EcsClient and EcsApi
// for the whole run, pointed at the active profile's account (or at the in-process
// sandbox), and the audit journal. api() and journal() never change, so pages may keep
// the pointers of their ConsoleContext across profile switches.
//
// Activation is asynchronous (the keychain answers later). Until it succeeds the
// previous profile stays active; a newer activate() supersedes an unfinished one.
class ConsoleSession : public QObject
{
    Q_OBJECT

public:
    // Who asked for an activation. Only the user's choices become the profile the next
    // start opens (FirstRun); the start itself and its sandbox fallback do not.
    enum class Origin { User, Startup };

    // `profiles` and `catalogue` must outlive the session. `journalPath`: usually
    // Journal::defaultPath(); the journal is opened here, once, and a problem opening
    // it is left in journal()->problem() for the window to show.
    ConsoleSession(ProfileStore *profiles, CredentialCatalogue *catalogue, QString journalPath,
        QObject *parent = nullptr);
    ~ConsoleSession() override;

    static QString sandboxProfileId() { return QStringLiteral("sandbox"); }
    // The first region of an account with no region remembered or configured.
    static QString fallbackRegionId() { return QStringLiteral("cn-hangzhou"); }

    // The sandbox first, then the catalogue's sources in its order (environment, aliyun
    // CLI profiles, this application's profiles).
    QList<ProfileChoice> profileChoices() const;

    // Resolves the profile's credential and points the client at its account, or starts
    // the sandbox. Answers later with activated() or activationFailed(), never inside.
    void activate(const QString &profileId, Origin origin = Origin::User);
    bool isActivating() const { return !m_pendingProfileId.isEmpty(); }

    QString activeProfileId() const { return m_activeProfileId; } // empty before the first
    bool isSandbox() const { return m_activeProfileId == sandboxProfileId(); }
    // What the journal records: the source id ("env", "cli:<name>", "app:<name>") or
    // "sandbox".
    QString profileName() const { return m_activeProfileId; }

    QString regionId() const { return m_regionId; }
    // The host the active profile's calls go to in the current region ("local emulator"
    // for the sandbox), for the top bar.
    QString endpointHost() const;
    // Remembered for the active profile (QSettings "session/lastRegion/<profileId>").
    void setRegionId(const QString &regionId);

    ConsoleContext context() const;
    EcsApi *api() const { return m_api.get(); }
    Journal *journal() const { return m_journal.get(); }
    // The running sandbox while it is the active profile, else null.
    emulator::EmbeddedEmulator *sandbox() const;

Q_SIGNALS:
    void activated(const QString &profileId);
    void activationFailed(const QString &profileId, const QString &message);
    void regionChanged(const QString &regionId);
    // The list of profileChoices() changed (a profile was added, the environment read).
    void profileChoicesChanged();

private:
    void activateSandbox(QObject *attempt);
    void activateSource(const QString &profileId, QObject *attempt);
    void finishActivation(const QString &profileId, const Credential &credential,
        const ClientSettings &settings, const QString &profileRegion);
    void failActivation(const QString &profileId, const QString &message);
    QString startRegion(const QString &profileId, const QString &profileRegion) const;

    ProfileStore *m_profiles;
    CredentialCatalogue *m_catalogue;
    std::unique_ptr<Journal> m_journal;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EcsClient> m_client;
    std::unique_ptr<EcsApi> m_api;
    // Started on first use and kept while the application runs, so the simulated
    // account keeps its state when the user switches away and back.
    std::unique_ptr<emulator::EmbeddedEmulator> m_sandbox;
    // The context of the unfinished activation: deleting it drops its late answers.
    QPointer<QObject> m_attempt;
    QString m_pendingProfileId;
    Origin m_pendingOrigin = Origin::User;
    QString m_activeProfileId;
    QString m_regionId;
    quint64 m_generation = 0; // ConsoleContext::generation
};

} // namespace ecs
