// SnapshotGroupLoader, DiskSnapshotLoader and AutoRefresh against the in-process emulator:
// rows page by page, refresh in place, cancelling, error states, and a look at the table.
#include "EmulatorFixture.h"
#include "models/ActionLinkDelegate.h"
#include "models/AutoRefresh.h"
#include "models/DiskSnapshotLoader.h"
#include "models/LoadStateMessage.h"
#include "models/SnapshotGroupFilterProxy.h"
#include "models/SnapshotGroupLoader.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

Q_DECLARE_METATYPE(ecs::LoadStateMessage::Kind)

namespace {

const QString Hangzhou = QStringLiteral("cn-hangzhou");
const QString Shanghai = QStringLiteral("cn-shanghai");

// The demo's instance snapshots in a region, as its scenario holds them.
int demoGroupsIn(const QString &regionId)
{
    int count = 0;
    for (const auto &group :
        ecs::emulator::Scenario::builtIn(QStringLiteral("demo")).snapshotGroups)
        count += group.regionId == regionId ? 1 : 0;
    return count;
}

QSet<QString> idsOf(const SnapshotGroupTableModel &model)
{
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.groupAt(row).snapshotGroupId);
    return ids;
}

// Waits for the loader's `finished` and returns its error.
ApiError waitFinished(QSignalSpy &finished, int timeoutMs = 60000)
{
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return ApiError(ApiError::Kind::Timeout, QStringLiteral("test: no finished()"));
    return finished.takeFirst().at(0).value<ApiError>();
}

} // namespace

class TestSnapshotLoaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void demoFirstLoad();
    void refreshKeepsRowsWithoutReset();
    void largeAccountShowsFirstRowsEarly();
    void secondLoadCancelsFirst();
    void cancelReportsCancelled();
    void errorStates_data();
    void errorStates();
    void failedRefreshKeepsRows();
    void autoRefreshWhileProgressing();
    void diskSnapshots();
    void screenshot();

private:
    std::unique_ptr<EmulatorFixture> m_fixture;
};

void TestSnapshotLoaders::init()
{
    m_fixture = std::make_unique<EmulatorFixture>();
    QString error;
    const Scenario demo = Scenario::builtIn(QStringLiteral("demo"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(m_fixture->init(demo), QString());
}

void TestSnapshotLoaders::demoFirstLoad()
{
    SnapshotGroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SnapshotGroupLoader loader(m_fixture->api());
    QSignalSpy started(&loader, &PagedLoader::started);
    QSignalSpy pages(&loader, &PagedLoader::pageLoaded);
    QSignalSpy finished(&loader, &PagedLoader::finished);

    loader.load(Hangzhou, &model, false);
    QCOMPARE(started.count(), 1);
    QVERIFY(loader.isLoading());
    const ApiError error = waitFinished(finished);
    QVERIFY2(!error.isError(), qPrintable(error.summary()));
    QVERIFY(!loader.isLoading());
    QCOMPARE(model.rowCount(), demoGroupsIn(Hangzhou));
    QCOMPARE(pages.count(), 1);
    QCOMPARE(pages.at(0).at(0).toInt(), demoGroupsIn(Hangzhou));
    const int progressing = model.rowOfGroup(QStringLiteral("ssg-demo-progressing"));
    QVERIFY(progressing >= 0);
    QCOMPARE(model.index(progressing, SnapshotGroupTableModel::Status).data().toString(),
        QStringLiteral("Progressing (40%)"));
    QVERIFY(model.hasProgressing());
    const int healthy = model.rowOfGroup(QStringLiteral("ssg-demo-healthy"));
    QVERIFY(healthy >= 0);
    QCOMPARE(model.index(healthy, SnapshotGroupTableModel::Instance).data().toString(),
        QStringLiteral("i-demo-healthy"));
    QCOMPARE(model.index(healthy, SnapshotGroupTableModel::Disks).data().toString(),
        QStringLiteral("4"));

    // A first load of another region starts from an empty table.
    loader.load(Shanghai, &model, false);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!waitFinished(finished).isError());
    QCOMPARE(idsOf(model),
        (QSet<QString> {
            QStringLiteral("ssg-demo-sh-stopped"), QStringLiteral("ssg-demo-sh-running") }));
}

void TestSnapshotLoaders::refreshKeepsRowsWithoutReset()
{
    SnapshotGroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SnapshotGroupLoader loader(m_fixture->api());
    QSignalSpy finished(&loader, &PagedLoader::finished);
    loader.load(Hangzhou, &model, false);
    QVERIFY(!waitFinished(finished).isError());
    const QPersistentModelIndex healthy
        = model.index(model.rowOfGroup(QStringLiteral("ssg-demo-healthy")), 0);
    const QSet<QString> before = idsOf(model);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy pages(&loader, &PagedLoader::pageLoaded);
    loader.load(Hangzhou, &model, true);
    QCOMPARE(model.rowCount(), demoGroupsIn(Hangzhou)); // not cleared while the refresh runs
    QVERIFY(!waitFinished(finished).isError());
    QCOMPARE(pages.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(idsOf(model), before);
    QVERIFY(healthy.isValid());
    QCOMPARE(healthy.data(SnapshotGroupTableModel::GroupIdRole).toString(),
        QStringLiteral("ssg-demo-healthy"));
}

void TestSnapshotLoaders::largeAccountShowsFirstRowsEarly()
{
    QElapsedTimer setup;
    setup.start();
    m_fixture = std::make_unique<EmulatorFixture>();
    QCOMPARE(m_fixture->init(Scenario::generated(1, 100, 100)), QString());
    qInfo("generated(1, 100, 100) emulator ready in %lld ms", setup.elapsed());

    SnapshotGroupTableModel model;
    SnapshotGroupFilterProxy proxy; // as the page has it: sorted newest first
    proxy.setSourceModel(&model);
    proxy.sort(SnapshotGroupTableModel::CreationTime, Qt::DescendingOrder);
    SnapshotGroupLoader loader(m_fixture->api());

    // Time each model update including the proxy's work (it is connected first).
    QElapsedTimer update;
    qint64 longestUpdateNs = 0;
    connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, this, [&] { update.start(); });
    connect(&model, &QAbstractItemModel::rowsInserted, this,
        [&] { longestUpdateNs = qMax(longestUpdateNs, update.nsecsElapsed()); });

    QList<int> counts;
    int rowsWhenFirstPageShown = -1;
    connect(&loader, &PagedLoader::pageLoaded, this, [&](int rows) {
        counts << rows;
        if (rowsWhenFirstPageShown < 0)
            rowsWhenFirstPageShown = proxy.rowCount();
    });
    QSignalSpy finished(&loader, &PagedLoader::finished);
    QElapsedTimer total;
    total.start();
    QElapsedTimer firstRows;
    firstRows.start();
    qint64 firstRowsMs = -1;
    connect(&model, &QAbstractItemModel::rowsInserted, this, [&] {
        if (firstRowsMs < 0)
            firstRowsMs = firstRows.elapsed();
    });
    loader.load(Hangzhou, &model, false);
    const ApiError error = waitFinished(finished, 120000);
    const qint64 totalMs = total.elapsed();
    QVERIFY2(!error.isError(), qPrintable(error.summary()));

    QCOMPARE(model.rowCount(), 10000);
    QCOMPARE(proxy.rowCount(), 10000);
    QCOMPARE(counts.size(), 100);
    QCOMPARE(counts.first(), 100);
    QCOMPARE(rowsWhenFirstPageShown, 100); // visible through the proxy before page 2
    for (int i = 1; i < counts.size(); ++i)
        QVERIFY2(counts.at(i) > counts.at(i - 1), qPrintable(QString::number(i)));
    QCOMPARE(counts.last(), 10000);
    qInfo("first load of 10,000 instance snapshots: first rows after %lld ms, all after %lld ms; "
          "longest single model update %.2f ms",
        firstRowsMs, totalMs, double(longestUpdateNs) / 1e6);

    // A refresh of the same 10,000: one replace at the end, no reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QElapsedTimer replace;
    qint64 replaceMs = 0;
    connect(&loader, &PagedLoader::pageLoaded, this, [&](int rows) {
        if (rows == 10000)
            replace.start(); // the last page: replaceGroups follows
    });
    total.restart();
    loader.load(Hangzhou, &model, true);
    QVERIFY(!waitFinished(finished, 120000).isError());
    replaceMs = replace.elapsed();
    qInfo("refresh of 10,000: %lld ms in all, the replace %lld ms", total.elapsed(), replaceMs);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), 10000);
}

void TestSnapshotLoaders::secondLoadCancelsFirst()
{
    m_fixture = std::make_unique<EmulatorFixture>();
    QCOMPARE(m_fixture->init(Scenario::generated(2, 10, 30)), QString()); // 300 groups a region

    // What cn-shanghai holds, from a clean load.
    SnapshotGroupTableModel reference;
    SnapshotGroupLoader referenceLoader(m_fixture->api());
    QSignalSpy referenceDone(&referenceLoader, &PagedLoader::finished);
    referenceLoader.load(Shanghai, &reference, false);
    QVERIFY(!waitFinished(referenceDone).isError());
    QCOMPARE(reference.rowCount(), 300);

    // Slow pages, so the first load is surely still running when the second starts.
    QCOMPARE(m_fixture->setFaults(QStringLiteral(R"({"latency":[{"action":"*","fixedMs":150}]})")),
        QString());
    SnapshotGroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SnapshotGroupLoader loader(m_fixture->api());
    QSignalSpy finished(&loader, &PagedLoader::finished);
    QSignalSpy pages(&loader, &PagedLoader::pageLoaded);
    loader.load(Hangzhou, &model, false);
    QVERIFY(pages.wait(10000)); // the first Hangzhou page is in
    QCOMPARE(model.rowCount(), 100);
    const QSet<QString> hangzhouRows = idsOf(model);
    QVERIFY(!hangzhouRows.intersects(idsOf(reference)));

    loader.load(Shanghai, &model, false);
    QCOMPARE(model.rowCount(), 0);
    const ApiError error = waitFinished(finished);
    QVERIFY2(!error.isError(), qPrintable(error.summary()));
    QTest::qWait(600); // whatever Hangzhou had in flight would have come back by now
    QCOMPARE(finished.count(), 0); // the cancelled load never reports
    QCOMPARE(idsOf(model), idsOf(reference));
}

void TestSnapshotLoaders::cancelReportsCancelled()
{
    QCOMPARE(m_fixture->setFaults(QStringLiteral(R"({"latency":[{"action":"*","fixedMs":300}]})")),
        QString());
    SnapshotGroupTableModel model;
    SnapshotGroupLoader loader(m_fixture->api());
    QSignalSpy finished(&loader, &PagedLoader::finished);
    loader.load(Hangzhou, &model, false);
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<ApiError>().kind(), ApiError::Kind::Cancelled);
    QTest::qWait(600);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(model.rowCount(), 0);
    loader.cancel(); // nothing running: nothing reported
    QCOMPARE(finished.count(), 1);
}

void TestSnapshotLoaders::errorStates_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<LoadStateMessage::Kind>("kind");
    QTest::addColumn<QString>("code");
    QTest::newRow("throttled") << QStringLiteral("throttle") << LoadStateMessage::Kind::Busy
                               << QStringLiteral("Throttling.User");
    QTest::newRow("server error") << QStringLiteral("internal") << LoadStateMessage::Kind::Other
                                  << QStringLiteral("InternalError");
    QTest::newRow("wrong secret") << QStringLiteral("secret")
                                  << LoadStateMessage::Kind::AccessKeyRefused
                                  << QStringLiteral("SignatureDoesNotMatch");
    QTest::newRow("unknown key") << QStringLiteral("key")
                                 << LoadStateMessage::Kind::AccessKeyRefused
                                 << QStringLiteral("InvalidAccessKeyId.NotFound");
    QTest::newRow("offline") << QStringLiteral("offline") << LoadStateMessage::Kind::Offline
                             << QString();
}

void TestSnapshotLoaders::errorStates()
{
    QFETCH(QString, how);
    QFETCH(LoadStateMessage::Kind, kind);
    QFETCH(QString, code);
    if (how == QLatin1String("throttle")) {
        QCOMPARE(
            m_fixture->setFaults(QStringLiteral(
                R"({"errors":[{"action":"DescribeSnapshotGroups","kind":"Throttling.User","next":1}]})")),
            QString());
    } else if (how == QLatin1String("internal")) {
        QCOMPARE(
            m_fixture->setFaults(QStringLiteral(
                R"({"errors":[{"action":"DescribeSnapshotGroups","kind":"InternalError","next":1}]})")),
            QString());
    } else if (how == QLatin1String("secret")) {
        Credential wrong = m_fixture->emulator()->credential();
        wrong.accessKeySecret = QStringLiteral("not-the-secret-of-this-key-000");
        m_fixture->client()->setCredential(wrong);
    } else if (how == QLatin1String("key")) {
        Credential unknown;
        unknown.accessKeyId = QStringLiteral("LTAI00000000000000000000");
        unknown.accessKeySecret = QStringLiteral("whatever-secret");
        m_fixture->client()->setCredential(unknown);
    } else {
        ClientSettings settings = m_fixture->client()->settings();
        QUrl url = settings.endpointOverride;
        url.setPort(1); // nothing listens there
        settings.endpointOverride = url;
        m_fixture->client()->setSettings(settings);
    }
    SnapshotGroupTableModel model;
    SnapshotGroupLoader loader(m_fixture->api());
    QSignalSpy finished(&loader, &PagedLoader::finished);
    loader.load(Hangzhou, &model, false);
    const ApiError error = waitFinished(finished);
    QVERIFY(error.isError());
    if (!code.isEmpty())
        QCOMPARE(error.code(), code);
    const LoadStateMessage message = LoadStateMessage::forError(error);
    QCOMPARE(message.kind, kind);
    QVERIFY(!message.title.isEmpty());
    QCOMPARE(model.rowCount(), 0);
}

void TestSnapshotLoaders::failedRefreshKeepsRows()
{
    SnapshotGroupTableModel model;
    SnapshotGroupLoader loader(m_fixture->api());
    QSignalSpy finished(&loader, &PagedLoader::finished);
    loader.load(Hangzhou, &model, false);
    QVERIFY(!waitFinished(finished).isError());
    QCOMPARE(
        m_fixture->setFaults(QStringLiteral(
            R"({"errors":[{"action":"DescribeSnapshotGroups","kind":"ServiceUnavailable","next":1}]})")),
        QString());
    loader.load(Hangzhou, &model, true);
    QCOMPARE(waitFinished(finished).code(), QStringLiteral("ServiceUnavailable"));
    QCOMPARE(model.rowCount(), demoGroupsIn(Hangzhou));
}

void TestSnapshotLoaders::autoRefreshWhileProgressing()
{
    SnapshotGroupTableModel model;
    SnapshotGroupLoader loader(m_fixture->api());
    AutoRefresh autoRefresh(&model);
    QCOMPARE(autoRefresh.intervalMs(), 5000);
    autoRefresh.setIntervalMs(100);
    QSignalSpy due(&autoRefresh, &AutoRefresh::refreshDue);
    QSignalSpy finished(&loader, &PagedLoader::finished);
    const QMetaObject::Connection refreshing
        = connect(&autoRefresh, &AutoRefresh::refreshDue, &loader, [&] {
              if (!loader.isLoading())
                  loader.load(Hangzhou, &model, true);
          });

    // Shanghai: nothing progressing, nothing due.
    loader.load(Shanghai, &model, false);
    QVERIFY(!waitFinished(finished).isError());
    QTest::qWait(350);
    QVERIFY(!autoRefresh.isActive());
    QCOMPARE(due.count(), 0);

    // Hangzhou holds ssg-demo-progressing: refreshes keep coming.
    loader.load(Hangzhou, &model, false);
    QVERIFY(!waitFinished(finished).isError());
    QTRY_VERIFY(autoRefresh.isActive());
    QTRY_VERIFY_WITH_TIMEOUT(due.count() >= 3, 5000);
    QVERIFY(m_fixture->api() && model.hasProgressing());

    // Disabled (page hidden): quiet.
    autoRefresh.setEnabled(false);
    QVERIFY(!autoRefresh.isActive());
    autoRefresh.setEnabled(true);
    QVERIFY(autoRefresh.isActive());

    // The progressing group finishes (here by hand, so no refresh races the change):
    // the refreshes stop.
    disconnect(refreshing);
    QTRY_VERIFY(!loader.isLoading());
    QList<SnapshotGroup> done = model.rows();
    for (SnapshotGroup &group : done)
        group.status = SnapshotGroupStatusName::Accomplished;
    model.replaceGroups(done);
    QTRY_VERIFY(!autoRefresh.isActive());
    const int dueSoFar = int(due.count());
    QTest::qWait(350);
    QCOMPARE(due.count(), dueSoFar);
}

void TestSnapshotLoaders::diskSnapshots()
{
    DiskSnapshotTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DiskSnapshotLoader loader(m_fixture->api());
    QSignalSpy finished(&loader, &PagedLoader::finished);
    loader.load(Hangzhou, &model, false);
    const ApiError error = waitFinished(finished);
    QVERIFY2(!error.isError(), qPrintable(error.summary()));
    QVERIFY(model.rowCount() > 10);
    QVERIFY(model.rowOfSnapshot(QStringLiteral("s-demo-lostmember-data2")) < 0); // the lost one
    QVERIFY(model.hasProgressing());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const int rows = model.rowCount();
    loader.load(Hangzhou, &model, true);
    QVERIFY(!waitFinished(finished).isError());
    QCOMPARE(reset.count(), 0);
    QCOMPARE(model.rowCount(), rows);
}

void TestSnapshotLoaders::screenshot()
{
    SnapshotGroupTableModel model;
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    SnapshotGroupLoader loader(m_fixture->api());
    QSignalSpy finished(&loader, &PagedLoader::finished);
    loader.load(Hangzhou, &model, false);
    QVERIFY(!waitFinished(finished).isError());

    QTableView view;
    view.setModel(&proxy);
    view.setItemDelegateForColumn(SnapshotGroupTableModel::Actions, new ActionLinkDelegate(&view));
    view.setSortingEnabled(true);
    view.sortByColumn(SnapshotGroupTableModel::CreationTime, Qt::DescendingOrder);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.verticalHeader()->hide();
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().lineSpacing() * 2 + 8);
    view.horizontalHeader()->setStretchLastSection(false);
    view.resizeColumnsToContents();
    view.resize(1280, 480);
    view.selectRow(1);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QDir().mkpath(QStringLiteral("/tmp/ui-shots"));
    QVERIFY(view.grab().save(QStringLiteral("/tmp/ui-shots/models-snapshot-groups.png")));

    DiskSnapshotTableModel disks;
    DiskSnapshotLoader diskLoader(m_fixture->api());
    QSignalSpy diskDone(&diskLoader, &PagedLoader::finished);
    diskLoader.load(Hangzhou, &disks, false);
    QVERIFY(!waitFinished(diskDone).isError());
    SnapshotGroupFilterProxy diskProxy;
    diskProxy.setSourceModel(&disks);
    QTableView diskView;
    diskView.setModel(&diskProxy);
    diskView.setSortingEnabled(true);
    diskView.sortByColumn(DiskSnapshotTableModel::Status, Qt::AscendingOrder);
    diskView.verticalHeader()->hide();
    diskView.verticalHeader()->setDefaultSectionSize(diskView.fontMetrics().lineSpacing() * 2 + 8);
    diskView.resizeColumnsToContents();
    diskView.resize(1100, 480);
    diskView.show();
    QVERIFY(QTest::qWaitForWindowExposed(&diskView));
    QVERIFY(diskView.grab().save(QStringLiteral("/tmp/ui-shots/models-disk-snapshots.png")));
}

QTEST_MAIN(TestSnapshotLoaders)
#include "tst_snapshot_loaders.moc"
