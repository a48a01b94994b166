#pragma once

#include "ApiParameters.h"
#include "Endpoint.h"
#include "RetryPolicy.h"
#include "credentials/Credential.h"
#include "signing/RequestSigner.h"

#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QUrl>

class QNetworkAccessManager;

namespace ecs {

class ApiCall;

// How the client reaches the service. Everything but the credential may be shown.
struct ClientSettings
{
    // Explicit endpoint (the local emulator, a private endpoint). Empty: resolve it per
    // region the way the official SDK does (Endpoint::forRegion).
    QUrl endpointOverride;
    Endpoint::Network network = Endpoint::Network::Public;
    // Region for actions that take no RegionId parameter (ResetDisk, Start/StopInstance).
    QString defaultRegionId;
    signing::SignatureVersion signatureVersion = signing::SignatureVersion::V3;
    QByteArray httpMethod = "POST"; // what the official SDK sends
    // Per attempt, from send to the last byte. Reads are retried after a timeout within
    // retry.totalBudgetMs (see RetryPolicy), so one slow answer costs 15 s, not the call.
    int timeoutMs = 15000;
    qint64 maxResponseBytes = 32 * 1024 * 1024; // larger answers are refused, not buffered
    // Empty: Qt's default trust (the system CAs). Otherwise exactly these CAs, usually
    // CaBundle::withSystemCertificates(bundle) for a corporate proxy's CA.
    QList<QSslCertificate> caCertificates;
    RetryPolicy retry;
};

// The ECS OpenAPI (2014-05-26, RPC style) over one injected QNetworkAccessManager.
// call() returns at once; the ApiCall reports its one completion later. The client
// never blocks and never re-sends a mutating call (see RetryPolicy).
class EcsClient : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *ApiVersion = "2014-05-26";

    explicit EcsClient(QNetworkAccessManager *network, QObject *parent = nullptr);

    const ClientSettings &settings() const { return m_settings; }
    void setSettings(const ClientSettings &settings) { m_settings = settings; }

    const Credential &credential() const { return m_credential; }
    void setCredential(const Credential &credential) { m_credential = credential; }

    // The endpoint for a region: the override if set, else the SDK's rule.
    QUrl endpointFor(const QString &regionId) const;

    // Starts one call. `regionId` picks the endpoint; when empty, RegionId from the
    // parameters or the default region is used. The call deletes itself after it
    // has emitted finished(); read its result inside that handler.
    ApiCall *call(
        const QString &action, const ApiParameters &parameters, const QString &regionId = {});

    // A call that sends nothing and finishes with `error` (Kind::Configuration), so
    // callers get one completion path for requests that are wrong before they leave.
    ApiCall *reject(const QString &action, const QString &problem);

    QNetworkAccessManager *network() const { return m_network; }

private:
    QNetworkAccessManager *m_network;
    ClientSettings m_settings;
    Credential m_credential;
};

} // namespace ecs
