#pragma once

#include "CliOptions.h"
#include "rollback/StateWaiter.h"

#include <QObject>
#include <QSettings>
#include <QSslCertificate>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace ecs {
class CredentialCatalogue;
class EcsApi;
class EcsClient;
class Journal;
class KeychainSecretStore;
class ProfileStore;
namespace emulator {
class EmbeddedEmulator;
}
} // namespace ecs

namespace ecs::cli {

// Everything a command talks through: the QNetworkAccessManager, EcsClient and EcsApi
// for the chosen credential source (or for the in-process sandbox), the credential
// catalogue and the audit journal. Parts are made when first needed, so 'journal' never
// touches the network and 'profiles' never the journal.
class CliSession : public QObject
{
    Q_OBJECT

public:
    explicit CliSession(SessionOptions options, QObject *parent = nullptr);
    ~CliSession() override;

    using OpenCallback = std::function<void(const QString &problem)>;
    // Starts the sandbox, or finds the credential source and resolves its credential
    // (the keychain answers asynchronously). `done` is called once, later, with an empty
    // problem when api() is ready to use.
    void open(OpenCallback done);

    EcsApi &api() { return *m_api; }
    QString regionId() const { return m_regionId; }
    // What the journal records as the profile: the credential source id, or "sandbox".
    QString profileName() const;
    bool isSandbox() const { return m_options.sandbox; }
    // Polling for instance and disk states; short on the sandbox, which is on loopback.
    WaitOptions waitOptions() const;

    CredentialCatalogue &catalogue();
    // The journal at --journal-file; made on first use, not opened.
    Journal &journal();

    // The global options to repeat in a command suggested to the user ("--sandbox
    // --region cn-hangzhou"), shell-quoted.
    QStringList repeatArguments() const;
    static QString shellQuote(const QString &argument);

private:
    void useCredentialSource(const OpenCallback &done);
    void finishOpen(const OpenCallback &done, const QString &problem);

    SessionOptions m_options;
    QString m_regionId;
    QString m_sourceId;
    QString m_profileCaFile; // the chosen application profile's CA bundle
    QList<QSslCertificate> m_caCertificates; // empty: Qt's default trust
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<EcsClient> m_client;
    std::unique_ptr<EcsApi> m_api;
    std::unique_ptr<emulator::EmbeddedEmulator> m_sandbox;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<CredentialCatalogue> m_catalogue;
    std::unique_ptr<Journal> m_journal;
};

} // namespace ecs::cli
