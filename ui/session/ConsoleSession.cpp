#include "ConsoleSession.h"

#include "EmbeddedEmulator.h"
#include "FirstRun.h"
#include "UiLogging.h"
#include "api/CaBundle.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "api/ProxyFactory.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/ProfileStore.h"
#include "journal/Journal.h"
#include "scenarios/Scenario.h"

#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSettings>
#include <QTimer>

#include <utility>

namespace ecs {

namespace {

const QLatin1String lastRegionKey("session/lastRegion/");

// The sandbox answers on loopback at once; polling it every 2 s only makes people wait.
constexpr int sandboxPollIntervalMs = 500;

} // namespace

ConsoleSession::ConsoleSession(
    ProfileStore *profiles, CredentialCatalogue *catalogue, QString journalPath, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_catalogue(catalogue)
    , m_journal(std::make_unique<Journal>(std::move(journalPath)))
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_client(std::make_unique<EcsClient>(m_network.get()))
    , m_api(std::make_unique<EcsApi>(m_client.get()))
{
    Q_ASSERT(m_profiles);
    Q_ASSERT(m_catalogue);
    ProxyFactory::install(m_network.get());
    // Not fatal: the journal keeps entries in memory and says why in problem().
    if (!m_journal->open())
        qCWarning(lcUi).noquote() << "the journal could not be opened:" << m_journal->problem();
    connect(m_catalogue, &CredentialCatalogue::sourcesChanged, this,
        &ConsoleSession::profileChoicesChanged);
}

ConsoleSession::~ConsoleSession() = default;

QList<ProfileChoice> ConsoleSession::profileChoices() const
{
    QList<ProfileChoice> choices;
    choices << ProfileChoice { sandboxProfileId(), tr("Sandbox (simulated account)"), true, {} };
    for (const CredentialSource &source : m_catalogue->sources())
        choices << ProfileChoice { source.id, source.displayName, source.supported, source.reason };
    return choices;
}

void ConsoleSession::activate(const QString &profileId, Origin origin)
{
    delete m_attempt; // a newer choice wins: the older one's answers are dropped
    m_attempt = new QObject(this);
    m_pendingProfileId = profileId;
    m_pendingOrigin = origin;
    if (profileId == sandboxProfileId())
        activateSandbox(m_attempt);
    else
        activateSource(profileId, m_attempt);
}

void ConsoleSession::activateSandbox(QObject *attempt)
{
    QString problem;
    if (!m_sandbox) {
        QString error;
        const emulator::Scenario scenario
            = emulator::Scenario::builtIn(QStringLiteral("demo"), &error);
        if (error.isEmpty()) {
            auto sandbox = std::make_unique<emulator::EmbeddedEmulator>(scenario);
            problem = sandbox->start();
            if (problem.isEmpty())
                m_sandbox = std::move(sandbox);
        } else {
            problem = error;
        }
    }
    // Always answered later, like a credential from the keychain: one code path.
    QTimer::singleShot(0, attempt, [this, problem] {
        if (!problem.isEmpty())
            return failActivation(
                sandboxProfileId(), tr("The sandbox could not start: %1").arg(problem));
        ClientSettings settings;
        settings.endpointOverride = m_sandbox->url();
        finishActivation(sandboxProfileId(), m_sandbox->credential(), settings, {});
    });
}

void ConsoleSession::activateSource(const QString &profileId, QObject *attempt)
{
    const std::optional<CredentialSource> source = m_catalogue->source(profileId);
    if (!source) {
        QTimer::singleShot(0, attempt, [this, profileId] {
            failActivation(profileId, tr("There is no profile \"%1\".").arg(profileId));
        });
        return;
    }
    // An application profile may name its own endpoint and signature version.
    ClientSettings settings;
    // Extra CAs for a TLS-inspecting proxy: the profile's bundle, else SSL_CERT_FILE.
    QString caFile;
    if (source->kind == CredentialSource::Kind::AppProfile) {
        if (const auto profile = m_profiles->profile(profileId.mid(4))) {
            settings.endpointOverride = profile->endpointOverride;
            settings.signatureVersion = profile->signatureVersion;
            caFile = profile->caFile;
        }
    }
    if (caFile.isEmpty())
        caFile = CaBundle::environmentPath(QProcessEnvironment::systemEnvironment());
    const QString displayName = source->displayName;
    const QString profileRegion = source->regionId;
    m_catalogue->resolve(profileId, attempt,
        [this, profileId, displayName, profileRegion, settings, caFile, attempt](
            const Result<Credential> &credential) {
            if (!credential.ok()) {
                // The catalogue's message names the problem (no secret stored, keychain
                // unavailable, unsupported CLI mode) and never a secret.
                return failActivation(profileId,
                    tr("The profile \"%1\" cannot be used: %2")
                        .arg(displayName, credential.error().message()));
            }
            if (caFile.isEmpty())
                return finishActivation(profileId, credential.value(), settings, profileRegion);
            // Read off the GUI thread; dropped if this attempt was superseded.
            CaBundle::loadTrust(caFile).then(attempt,
                [this, profileId, displayName, profileRegion, settings,
                    credential = credential.value()](const CaBundle::Trust &trust) {
                    if (!trust.ok()) {
                        return failActivation(profileId,
                            tr("The profile \"%1\" cannot be used: %2")
                                .arg(displayName, trust.error));
                    }
                    ClientSettings withTrust = settings;
                    withTrust.caCertificates = trust.caCertificates;
                    finishActivation(profileId, credential, withTrust, profileRegion);
                });
        });
}

void ConsoleSession::finishActivation(const QString &profileId, const Credential &credential,
    const ClientSettings &base, const QString &profileRegion)
{
    ClientSettings settings = base;
    m_regionId = startRegion(profileId, profileRegion);
    settings.defaultRegionId = m_regionId;
    m_client->setSettings(settings);
    m_client->setCredential(credential);
    m_activeProfileId = profileId;
    ++m_generation;
    if (m_pendingOrigin == Origin::User)
        FirstRun::rememberProfile(profileId);
    m_pendingProfileId.clear();
    m_attempt->deleteLater();
    qCInfo(lcUi) << "active profile" << profileId << "region" << m_regionId;
    Q_EMIT activated(profileId);
    Q_EMIT regionChanged(m_regionId);
}

void ConsoleSession::failActivation(const QString &profileId, const QString &message)
{
    m_pendingProfileId.clear();
    m_attempt->deleteLater();
    qCWarning(lcUi).noquote() << "profile" << profileId << "not activated:" << message;
    Q_EMIT activationFailed(profileId, message);
}

QString ConsoleSession::startRegion(const QString &profileId, const QString &profileRegion) const
{
    const QString remembered = QSettings().value(lastRegionKey + profileId).toString();
    if (!remembered.isEmpty())
        return remembered;
    return profileRegion.isEmpty() ? fallbackRegionId() : profileRegion;
}

void ConsoleSession::setRegionId(const QString &regionId)
{
    if (regionId.isEmpty() || regionId == m_regionId)
        return;
    m_regionId = regionId;
    ++m_generation;
    ClientSettings settings = m_client->settings();
    settings.defaultRegionId = regionId;
    m_client->setSettings(settings);
    if (!m_activeProfileId.isEmpty())
        QSettings().setValue(lastRegionKey + m_activeProfileId, regionId);
    Q_EMIT regionChanged(regionId);
}

ConsoleContext ConsoleSession::context() const
{
    ConsoleContext context;
    context.api = m_api.get();
    context.journal = m_journal.get();
    context.regionId = m_regionId;
    context.profileName = profileName();
    for (const ProfileChoice &choice : profileChoices()) {
        if (choice.id == m_activeProfileId)
            context.profileDisplayName = choice.displayName;
    }
    context.sandbox = isSandbox();
    context.generation = m_generation;
    if (context.sandbox)
        context.waits.intervalMs = sandboxPollIntervalMs;
    return context;
}

QString ConsoleSession::endpointHost() const
{
    if (isSandbox())
        return tr("local emulator");
    return m_client->endpointFor(m_regionId).host();
}

emulator::EmbeddedEmulator *ConsoleSession::sandbox() const
{
    return isSandbox() ? m_sandbox.get() : nullptr;
}

} // namespace ecs
