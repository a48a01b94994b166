// Paging through Describe* results: both styles, pages handed over as they arrive.
#include "FakeNetwork.h"
#include "api/EcsClient.h"
#include "api/PagedQuery.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace ecs;

namespace {

QByteArray groupsPage(std::initializer_list<const char *> ids, const char *nextToken)
{
    QJsonArray groups;
    for (const char *id : ids)
        groups.append(
            QJsonObject { { QStringLiteral("SnapshotGroupId"), QString::fromLatin1(id) } });
    const QJsonObject page {
        { QStringLiteral("RequestId"), QStringLiteral("R") },
        { QStringLiteral("NextToken"), QString::fromLatin1(nextToken) },
        { QStringLiteral("SnapshotGroups"),
            QJsonObject { { QStringLiteral("SnapshotGroup"), groups } } },
    };
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

QByteArray statusPage(int first, int count, int total, int pageSize)
{
    QJsonArray statuses;
    for (int i = first; i < first + count; ++i) {
        statuses.append(
            QJsonObject { { QStringLiteral("InstanceId"), QStringLiteral("i-%1").arg(i) },
                { QStringLiteral("Status"), QStringLiteral("Running") } });
    }
    const QJsonObject page {
        { QStringLiteral("RequestId"), QStringLiteral("R") },
        { QStringLiteral("TotalCount"), total },
        { QStringLiteral("PageSize"), pageSize },
        { QStringLiteral("InstanceStatuses"),
            QJsonObject { { QStringLiteral("InstanceStatus"), statuses } } },
    };
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

struct Harness
{
    FakeNetworkAccessManager network;
    EcsClient client { &network };
    Harness()
    {
        ClientSettings settings;
        settings.endpointOverride = QUrl(QStringLiteral("http://127.0.0.1:1"));
        settings.retry = RetryPolicy::none();
        client.setSettings(settings);
        client.setCredential({ QStringLiteral("id"), QStringLiteral("secret"), {} });
    }
};

} // namespace

class TestPagedQuery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextTokenWalksEveryPage();
    void pageNumberStopsAtTotalCountEvenWhenPageSizeIsClamped();
    void repeatedNextTokenStopsTheLoop();
    void errorMidwayKeepsEarlierPagesAndReportsIt();
    void cancelStopsFurtherRequests();
};

void TestPagedQuery::nextTokenWalksEveryPage()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, groupsPage({ "ssg-1", "ssg-2" }, "t1")));
    h.network.enqueue(FakeResponse::json(200, groupsPage({ "ssg-3" }, "t2")));
    h.network.enqueue(FakeResponse::json(200, groupsPage({ "ssg-4" }, "")));
    auto *query = new PagedQuery(&h.client, QStringLiteral("DescribeSnapshotGroups"),
        { { QStringLiteral("RegionId"), QStringLiteral("cn-beijing") } },
        { PagedQuery::Style::NextToken, 100, {}, {}, 10000 });
    QSignalSpy pages(query, &PagedQuery::pageReceived);
    QSignalSpy finished(query, &PagedQuery::finished);
    query->start();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!finished.first().first().value<ApiError>().isError());
    QCOMPARE(pages.size(), 3);

    const QList<RecordedRequest> &sent = h.network.requests();
    QCOMPARE(sent.size(), 3);
    QCOMPARE(sent[0].queryValue(QStringLiteral("MaxResults")), QStringLiteral("100"));
    QVERIFY(sent[0].queryValue(QStringLiteral("NextToken")).isEmpty());
    QCOMPARE(sent[1].queryValue(QStringLiteral("NextToken")), QStringLiteral("t1"));
    QCOMPARE(sent[2].queryValue(QStringLiteral("NextToken")), QStringLiteral("t2"));
    QCOMPARE(sent[2].queryValue(QStringLiteral("RegionId")), QStringLiteral("cn-beijing"));
}

void TestPagedQuery::pageNumberStopsAtTotalCountEvenWhenPageSizeIsClamped()
{
    Harness h;
    // Asked for 100 per page, the service gives 50 (its maximum) of 120.
    h.network.enqueue(FakeResponse::json(200, statusPage(0, 50, 120, 50)));
    h.network.enqueue(FakeResponse::json(200, statusPage(50, 50, 120, 50)));
    h.network.enqueue(FakeResponse::json(200, statusPage(100, 20, 120, 50)));
    auto *query = new PagedQuery(&h.client, QStringLiteral("DescribeInstanceStatus"), {},
        { PagedQuery::Style::PageNumber, 100, QStringLiteral("InstanceStatuses"),
            QStringLiteral("InstanceStatus"), 10000 });
    QSignalSpy pages(query, &PagedQuery::pageReceived);
    QSignalSpy finished(query, &PagedQuery::finished);
    query->start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(pages.size(), 3);
    QCOMPARE(h.network.requests().size(), 3);
    QCOMPARE(h.network.requests()[2].queryValue(QStringLiteral("PageNumber")), QStringLiteral("3"));
    QCOMPARE(h.network.requests()[0].queryValue(QStringLiteral("PageSize")), QStringLiteral("100"));
}

void TestPagedQuery::repeatedNextTokenStopsTheLoop()
{
    Harness h;
    h.network.setHandler([](const RecordedRequest &) {
        return FakeResponse::json(200, groupsPage({ "ssg-1" }, "same"));
    });
    auto *query = new PagedQuery(&h.client, QStringLiteral("DescribeSnapshotGroups"), {}, {});
    QSignalSpy finished(query, &PagedQuery::finished);
    query->start();
    QTRY_COMPARE(finished.size(), 1);
    const auto error = finished.first().first().value<ApiError>();
    QCOMPARE(error.kind(), ApiError::Kind::Parse);
    QVERIFY(error.message().contains(QLatin1String("NextToken")));
    QCOMPARE(h.network.requests().size(), 2);
}

void TestPagedQuery::errorMidwayKeepsEarlierPagesAndReportsIt()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, groupsPage({ "ssg-1" }, "t1")));
    h.network.enqueue(FakeResponse::json(403, R"({"Code":"Forbidden.RAM","Message":"no"})"));
    auto *query = new PagedQuery(&h.client, QStringLiteral("DescribeSnapshotGroups"), {}, {});
    QSignalSpy pages(query, &PagedQuery::pageReceived);
    QSignalSpy finished(query, &PagedQuery::finished);
    query->start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(pages.size(), 1);
    QCOMPARE(finished.first().first().value<ApiError>().code(), QStringLiteral("Forbidden.RAM"));
}

void TestPagedQuery::cancelStopsFurtherRequests()
{
    Harness h;
    h.network.enqueue(FakeResponse::json(200, groupsPage({ "ssg-1" }, "t1")));
    h.network.enqueue(FakeResponse::hanging());
    auto *query = new PagedQuery(&h.client, QStringLiteral("DescribeSnapshotGroups"), {}, {});
    QSignalSpy finished(query, &PagedQuery::finished);
    connect(query, &PagedQuery::pageReceived, query,
        [query] { QTimer::singleShot(10, query, &PagedQuery::cancel); });
    query->start();
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<ApiError>().kind(), ApiError::Kind::Cancelled);
    QCOMPARE(h.network.requests().size(), 2);
}

QTEST_GUILESS_MAIN(TestPagedQuery)
#include "tst_paged_query.moc"
