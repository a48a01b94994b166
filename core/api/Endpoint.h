#pragma once

#include <QString>
#include <QUrl>

namespace ecs {

// Where requests for a region go, resolved the way the official SDK
// (@alicloud/ecs20140526) does it, or an explicit override such as the local emulator.
class Endpoint
{
public:
    enum class Network { Public, Vpc };

    // The SDK's rule: the override map first (cn-hangzhou and the internal/finance
    // regions), else `ecs[-<network>].<region>.aliyuncs.com`, always HTTPS.
    static QUrl forRegion(const QString &regionId, Network network = Network::Public);

    // Checks a user-supplied endpoint: an absolute http(s) URL with a host and no
    // query, path "/" or empty; HTTPS required unless the host is loopback (the
    // emulator). Returns an empty string when acceptable, else why not, for people.
    static QString validate(const QUrl &endpoint);

    // The URL normalised to scheme://host[:port]/ (what the signer expects).
    static QUrl normalized(const QUrl &endpoint);

    // 127.0.0.0/8, ::1 and "localhost": the only hosts plain HTTP may reach.
    static bool isLoopbackHost(const QString &host);
};

} // namespace ecs
