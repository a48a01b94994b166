#include "EcsClient.h"

#include "ApiCall.h"

namespace ecs {

EcsClient::EcsClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    Q_ASSERT(network);
}

QUrl EcsClient::endpointFor(const QString &regionId) const
{
    if (!m_settings.endpointOverride.isEmpty())
        return m_settings.endpointOverride;
    return Endpoint::forRegion(regionId, m_settings.network);
}

ApiCall *EcsClient::call(
    const QString &action, const ApiParameters &parameters, const QString &regionId)
{
    QString region = regionId;
    if (region.isEmpty())
        region = parameters.value(QStringLiteral("RegionId"));
    if (region.isEmpty())
        region = m_settings.defaultRegionId;

    auto *apiCall = new ApiCall(
        m_network, m_settings, m_credential, endpointFor(region), action, parameters, this);
    apiCall->start();
    return apiCall;
}

ApiCall *EcsClient::reject(const QString &action, const QString &problem)
{
    auto *apiCall = new ApiCall(m_network, m_settings, m_credential, {}, action, {}, this);
    apiCall->rejectBeforeSending(ApiError(ApiError::Kind::Configuration, problem));
    apiCall->start();
    return apiCall;
}

} // namespace ecs
