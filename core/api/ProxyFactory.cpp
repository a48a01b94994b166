#include "ProxyFactory.h"

#include "Endpoint.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>

namespace ecs {

QList<QNetworkProxy> ProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (Endpoint::isLoopbackHost(query.peerHostName()))
        return { QNetworkProxy(QNetworkProxy::NoProxy) };
    return systemProxyForQuery(query);
}

void ProxyFactory::install(QNetworkAccessManager *network)
{
    network->setProxyFactory(new ProxyFactory);
}

} // namespace ecs
