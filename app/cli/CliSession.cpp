#include "CliSession.h"

#include "CliOutput.h"
#include "EmbeddedEmulator.h"
#include "api/CaBundle.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "api/ProxyFactory.h"
#include "credentials/AliyunCliConfig.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/KeychainSecretStore.h"
#include "credentials/ProfileStore.h"
#include "journal/Journal.h"
#include "scenarios/Scenario.h"

#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTimer>

namespace ecs::cli {

namespace {

const QString DefaultRegion = QStringLiteral("cn-hangzhou");

} // namespace

CliSession::CliSession(SessionOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_regionId(m_options.regionId)
{ }

CliSession::~CliSession() = default;

void CliSession::open(OpenCallback done)
{
    m_network = std::make_unique<QNetworkAccessManager>();
    ProxyFactory::install(m_network.get());
    m_client = std::make_unique<EcsClient>(m_network.get());
    m_api = std::make_unique<EcsApi>(m_client.get());

    if (!m_options.sandbox) {
        useCredentialSource(done);
        return;
    }
    // The emulator in this process, on loopback, accepting one key made for this run.
    m_sandbox = std::make_unique<emulator::EmbeddedEmulator>(
        emulator::Scenario::builtIn(QStringLiteral("demo")));
    const QString problem = m_sandbox->start();
    if (!problem.isEmpty()) {
        finishOpen(done, CliText::tr("The sandbox could not start: %1").arg(problem));
        return;
    }
    m_client->setCredential(m_sandbox->credential());
    finishOpen(done, {});
}

void CliSession::useCredentialSource(const OpenCallback &done)
{
    for (const CredentialSource &source : catalogue().sources()) {
        if (!m_options.profileId.isEmpty() && source.id != m_options.profileId)
            continue;
        if (!source.supported && m_options.profileId.isEmpty())
            continue; // the first usable one is wanted
        if (!source.supported) {
            finishOpen(done,
                CliText::tr("Credential source %1 cannot be used: %2")
                    .arg(source.id, source.reason));
            return;
        }
        m_sourceId = source.id;
        if (m_regionId.isEmpty())
            m_regionId = source.regionId;
        if (source.kind == CredentialSource::Kind::AppProfile) {
            if (const auto profile = m_profiles->profile(source.id.mid(4)))
                m_profileCaFile = profile->caFile;
        }
        break;
    }
    if (m_sourceId.isEmpty()) {
        finishOpen(done,
            m_options.profileId.isEmpty()
                ? CliText::tr("No usable credentials: run 'profiles' to see why, or use "
                              "--sandbox.")
                : CliText::tr("No credential source %1: run 'profiles' to list them.")
                      .arg(m_options.profileId));
        return;
    }
    // Extra CAs, read once before any call: --ca-file, else the profile's, else
    // SSL_CERT_FILE. A bad bundle stops here with its reason.
    QString caFile = m_options.caFile.isEmpty() ? m_profileCaFile : m_options.caFile;
    if (caFile.isEmpty())
        caFile = CaBundle::environmentPath(QProcessEnvironment::systemEnvironment());
    if (!caFile.isEmpty()) {
        const CaBundle::Loaded bundle = CaBundle::load(caFile);
        if (!bundle.ok()) {
            finishOpen(done, bundle.error);
            return;
        }
        m_caCertificates = CaBundle::withSystemCertificates(bundle.certificates);
    }
    catalogue().resolve(m_sourceId, this, [this, done](const Result<Credential> &credential) {
        if (!credential.ok()) {
            finishOpen(done, credential.error().summary());
            return;
        }
        m_client->setCredential(credential.value());
        finishOpen(done, {});
    });
}

void CliSession::finishOpen(const OpenCallback &done, const QString &problem)
{
    if (m_regionId.isEmpty())
        m_regionId = DefaultRegion;
    ClientSettings settings;
    settings.endpointOverride = m_sandbox ? m_sandbox->url() : m_options.endpoint;
    settings.signatureVersion = m_options.signatureVersion;
    settings.defaultRegionId = m_regionId;
    settings.caCertificates = m_caCertificates;
    m_client->setSettings(settings);
    // Always later, never inside open(): callers have one code path.
    QTimer::singleShot(0, this, [done, problem] { done(problem); });
}

QString CliSession::profileName() const
{
    return m_options.sandbox ? QStringLiteral("sandbox") : m_sourceId;
}

WaitOptions CliSession::waitOptions() const
{
    WaitOptions options;
    if (m_options.sandbox)
        options.intervalMs = 250;
    return options;
}

CredentialCatalogue &CliSession::catalogue()
{
    if (!m_catalogue) {
        m_settings = std::make_unique<QSettings>();
        m_secrets
            = std::make_unique<KeychainSecretStore>(KeychainSecretStore::defaultServiceName());
        m_profiles = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
        m_catalogue
            = std::make_unique<CredentialCatalogue>(QProcessEnvironment::systemEnvironment(),
                AliyunCliConfig::defaultPath(), m_profiles.get());
    }
    return *m_catalogue;
}

Journal &CliSession::journal()
{
    if (!m_journal)
        m_journal = std::make_unique<Journal>(m_options.journalFile);
    return *m_journal;
}

QStringList CliSession::repeatArguments() const
{
    QStringList arguments;
    if (m_options.sandbox)
        arguments << QStringLiteral("--sandbox");
    else if (!m_sourceId.isEmpty())
        arguments << QStringLiteral("--profile") << shellQuote(m_sourceId);
    if (!m_regionId.isEmpty())
        arguments << QStringLiteral("--region") << shellQuote(m_regionId);
    if (!m_options.endpoint.isEmpty())
        arguments << QStringLiteral("--endpoint") << shellQuote(m_options.endpoint.toString());
    if (m_options.signatureVersion == signing::SignatureVersion::V1)
        arguments << QStringLiteral("--signature") << QStringLiteral("v1");
    if (m_options.journalFile != Journal::defaultPath())
        arguments << QStringLiteral("--journal-file") << shellQuote(m_options.journalFile);
    return arguments;
}

QString CliSession::shellQuote(const QString &argument)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@%+=:,./-]+$"));
    if (plain.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace ecs::cli
