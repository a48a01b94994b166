// Endpoint resolution as the official SDK does it, the HTTPS rule, and the proxy rule.
#include "api/Endpoint.h"
#include "api/ProxyFactory.h"

#include <QNetworkProxy>
#include <QTest>

using namespace ecs;

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forRegion_data();
    void forRegion();
    void emptyRegionHasNoEndpoint();
    void validate_data();
    void validate();
    void normalizedKeepsPortDropsPath();
    void loopbackNeverGoesThroughAProxy();
    void remoteHostsUseTheSystemProxy();
};

void TestEndpoint::forRegion_data()
{
    QTest::addColumn<QString>("region");
    QTest::addColumn<bool>("vpc");
    QTest::addColumn<QString>("expected");
    // Values checked against @alicloud/ecs20140526 7.11.6 getEndpoint().
    QTest::newRow("hangzhou map") << "cn-hangzhou" << false
                                  << "https://ecs-cn-hangzhou.aliyuncs.com/";
    QTest::newRow("hangzhou vpc: map wins")
        << "cn-hangzhou" << true << "https://ecs-cn-hangzhou.aliyuncs.com/";
    QTest::newRow("shanghai rule")
        << "cn-shanghai" << false << "https://ecs.cn-shanghai.aliyuncs.com/";
    QTest::newRow("shanghai vpc") << "cn-shanghai" << true
                                  << "https://ecs-vpc.cn-shanghai.aliyuncs.com/";
    QTest::newRow("singapore") << "ap-southeast-1" << false
                               << "https://ecs.ap-southeast-1.aliyuncs.com/";
    QTest::newRow("finance map") << "cn-shanghai-finance-1" << false
                                 << "https://ecs-cn-hangzhou.aliyuncs.com/";
    QTest::newRow("gov map") << "cn-north-2-gov-1" << true << "https://ecs.aliyuncs.com/";
}

void TestEndpoint::forRegion()
{
    QFETCH(QString, region);
    QFETCH(bool, vpc);
    QFETCH(QString, expected);
    const QUrl url
        = Endpoint::forRegion(region, vpc ? Endpoint::Network::Vpc : Endpoint::Network::Public);
    QCOMPARE(url.toString(), expected);
    QVERIFY(Endpoint::validate(url).isEmpty());
}

void TestEndpoint::emptyRegionHasNoEndpoint()
{
    QVERIFY(Endpoint::forRegion(QString()).isEmpty());
}

void TestEndpoint::validate_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("acceptable");
    QTest::newRow("https") << "https://ecs.cn-beijing.aliyuncs.com" << true;
    QTest::newRow("https slash") << "https://ecs.cn-beijing.aliyuncs.com/" << true;
    QTest::newRow("https port") << "https://private.example.com:8443/" << true;
    QTest::newRow("http loopback v4") << "http://127.0.0.1:18080" << true;
    QTest::newRow("http loopback 127/8") << "http://127.1.2.3:1" << true;
    QTest::newRow("http localhost") << "http://localhost:9000/" << true;
    QTest::newRow("http loopback v6") << "http://[::1]:18080/" << true;
    QTest::newRow("http remote") << "http://ecs.cn-beijing.aliyuncs.com" << false;
    QTest::newRow("http private range") << "http://192.168.1.10:8080" << false;
    QTest::newRow("http lookalike") << "http://127.0.0.1.example.com" << false;
    QTest::newRow("ftp") << "ftp://127.0.0.1" << false;
    QTest::newRow("no scheme") << "ecs.cn-beijing.aliyuncs.com" << false;
    QTest::newRow("path") << "https://ecs.cn-beijing.aliyuncs.com/v1" << false;
    QTest::newRow("query") << "https://ecs.cn-beijing.aliyuncs.com/?a=b" << false;
    QTest::newRow("user info") << "https://user@ecs.cn-beijing.aliyuncs.com" << false;
    QTest::newRow("empty") << "" << false;
}

void TestEndpoint::validate()
{
    QFETCH(QString, url);
    QFETCH(bool, acceptable);
    const QString problem = Endpoint::validate(QUrl(url));
    QCOMPARE(problem.isEmpty(), acceptable);
}

void TestEndpoint::normalizedKeepsPortDropsPath()
{
    QCOMPARE(Endpoint::normalized(QUrl(QStringLiteral("HTTP://LocalHost:18080"))).toString(),
        QStringLiteral("http://localhost:18080/"));
}

void TestEndpoint::loopbackNeverGoesThroughAProxy()
{
    qputenv("http_proxy", "http://proxy.invalid:3128");
    ProxyFactory factory;
    for (const char *url :
        { "http://127.0.0.1:18080/", "http://localhost:1/", "http://[::1]:2/" }) {
        const QList<QNetworkProxy> proxies
            = factory.queryProxy(QNetworkProxyQuery(QUrl(QString::fromLatin1(url))));
        QCOMPARE(proxies.size(), 1);
        QCOMPARE(proxies.first().type(), QNetworkProxy::NoProxy);
    }
    qunsetenv("http_proxy");
}

void TestEndpoint::remoteHostsUseTheSystemProxy()
{
    // On Linux, Qt's system proxy comes from the environment (http_proxy and friends).
    qputenv("http_proxy", "http://proxy.invalid:3128");
    qputenv("https_proxy", "http://proxy.invalid:3128");
    ProxyFactory factory;
    const QList<QNetworkProxy> proxies = factory.queryProxy(
        QNetworkProxyQuery(QUrl(QStringLiteral("https://ecs.cn-hangzhou.aliyuncs.com/"))));
    QVERIFY(!proxies.isEmpty());
    QCOMPARE(proxies.first().hostName(), QStringLiteral("proxy.invalid"));
    QCOMPARE(proxies.first().port(), quint16(3128));
    qunsetenv("http_proxy");
    qunsetenv("https_proxy");
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
