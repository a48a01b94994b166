#include "Endpoint.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QRegularExpression>

namespace ecs {

namespace {

// The endpointMap of @alicloud/ecs20140526 7.11.6 (dist/client.js), copied verbatim:
// among public regions only cn-hangzhou is mapped; the rest are internal, finance or
// gov regions. The SDK checks it before the network rule, so cn-hangzhou + VPC still
// resolves to ecs-cn-hangzhou.aliyuncs.com.
const QHash<QString, QString> &endpointOverrides()
{
    static const QHash<QString, QString> map = {
        { QStringLiteral("cn-hangzhou"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-shanghai-finance-1"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-shenzhen-finance-1"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-north-2-gov-1"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("ap-northeast-2-pop"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-beijing-finance-pop"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-beijing-gov-1"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-beijing-nu16-b01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-edge-1"), QStringLiteral("ecs.cn-qingdao-nebula.aliyuncs.com") },
        { QStringLiteral("cn-fujian"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-haidian-cm12-c01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-hangzhou-bj-b01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-hangzhou-finance"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-hangzhou-internal-prod-1"),
            QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-hangzhou-internal-test-1"),
            QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-hangzhou-internal-test-2"),
            QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-hangzhou-internal-test-3"),
            QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-hangzhou-test-306"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-hongkong-finance-pop"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-huhehaote-nebula-1"),
            QStringLiteral("ecs.cn-qingdao-nebula.aliyuncs.com") },
        { QStringLiteral("cn-shanghai-et15-b01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-shanghai-et2-b01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-shanghai-inner"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-shanghai-internal-test-1"),
            QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-shenzhen-inner"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-shenzhen-st4-d01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-shenzhen-su18-b01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-wuhan"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-yushanfang"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-zhangbei"), QStringLiteral("ecs.aliyuncs.com") },
        { QStringLiteral("cn-zhangbei-na61-b01"), QStringLiteral("ecs-cn-hangzhou.aliyuncs.com") },
        { QStringLiteral("cn-zhangjiakou-na62-a01"),
            QStringLiteral("ecs.cn-zhangjiakou.aliyuncs.com") },
        { QStringLiteral("cn-zhengzhou-nebula-1"),
            QStringLiteral("ecs.cn-qingdao-nebula.aliyuncs.com") },
        { QStringLiteral("eu-west-1-oxs"),
            QStringLiteral("ecs.cn-shenzhen-cloudstone.aliyuncs.com") },
        { QStringLiteral("rus-west-1-pop"), QStringLiteral("ecs.aliyuncs.com") },
    };
    return map;
}

} // namespace

QUrl Endpoint::forRegion(const QString &regionId, Network network)
{
    if (regionId.isEmpty())
        return {}; // the SDK refuses too: "RegionId is empty, please set a valid RegionId"
    QString host = endpointOverrides().value(regionId);
    if (host.isEmpty()) {
        host = network == Network::Vpc ? QStringLiteral("ecs-vpc.%1.aliyuncs.com").arg(regionId)
                                       : QStringLiteral("ecs.%1.aliyuncs.com").arg(regionId);
    }
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPath(QStringLiteral("/"));
    return url;
}

bool Endpoint::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    if (!address.setAddress(host))
        return false;
    return address.isLoopback();
}

QString Endpoint::validate(const QUrl &endpoint)
{
    if (!endpoint.isValid() || endpoint.isRelative() || endpoint.host().isEmpty())
        return QObject::tr(
            "The endpoint must be a full URL such as https://ecs.cn-hangzhou.aliyuncs.com");
    const QString scheme = endpoint.scheme().toLower();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QObject::tr("The endpoint must use https:// (got %1://).").arg(scheme);
    if (scheme == QLatin1String("http") && !isLoopbackHost(endpoint.host())) {
        return QObject::tr("The endpoint %1 must use https://: plain HTTP is only allowed to "
                           "this computer (loopback), e.g. the local emulator.")
            .arg(endpoint.host());
    }
    if (endpoint.hasQuery() || endpoint.hasFragment() || !endpoint.userInfo().isEmpty())
        return QObject::tr("The endpoint must not contain a query, fragment or user name.");
    const QString path = endpoint.path();
    if (!path.isEmpty() && path != QLatin1String("/"))
        return QObject::tr("ECS is an RPC-style API: the endpoint has no path (got %1).").arg(path);
    return {};
}

QUrl Endpoint::normalized(const QUrl &endpoint)
{
    QUrl url;
    url.setScheme(endpoint.scheme().toLower());
    url.setHost(endpoint.host().toLower());
    url.setPort(endpoint.port());
    url.setPath(QStringLiteral("/"));
    return url;
}

} // namespace ecs
