#pragma once

#include <QNetworkProxyFactory>

class QNetworkAccessManager;

namespace ecs {

// The system's proxy settings (http(s)_proxy, no_proxy, desktop settings) for every
// host except loopback: the local emulator must never be sent through a proxy.
class ProxyFactory : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // Installs a ProxyFactory on `network` (which takes ownership of it).
    static void install(QNetworkAccessManager *network);
};

} // namespace ecs
