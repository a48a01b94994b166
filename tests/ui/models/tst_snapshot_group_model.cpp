// SnapshotGroupTableModel, SnapshotGroupFilterProxy, DiskSnapshotTableModel and
// ActionLinkDelegate without a network: texts, roles, incremental rows, in-place refresh,
// search, sort, and the link cell's click and keys.
#include "models/ActionLinkDelegate.h"
#include "models/DiskSnapshotTableModel.h"
#include "models/SnapshotGroupFilterProxy.h"
#include "models/SnapshotGroupTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace ecs;

namespace {

SnapshotGroupMember member(const QString &disk, const QString &type, int progress)
{
    SnapshotGroupMember m;
    m.snapshotId = QLatin1String("s-") + disk;
    m.sourceDiskId = disk;
    m.sourceDiskType = type;
    m.progress = progress;
    m.available = progress == 100;
    return m;
}

SnapshotGroup group(const QString &id, const QString &name, const QString &instance,
    const QString &status = SnapshotGroupStatusName::Accomplished, int minutesAgo = 0)
{
    SnapshotGroup g;
    g.snapshotGroupId = id;
    g.name = name;
    g.instanceId = instance;
    g.status = status;
    g.creationTime
        = QDateTime(QDate(2026, 11, 25), QTime(12, 0), Qt::UTC).addSecs(-60 * minutesAgo);
    const int progress = status == SnapshotGroupStatusName::Accomplished ? 100 : 0;
    g.snapshots = { member(QLatin1String("d-") + id + QLatin1String("-sys"),
                        QStringLiteral("system"), progress),
        member(
            QLatin1String("d-") + id + QLatin1String("-data"), QStringLiteral("data"), progress) };
    return g;
}

QStringList proxyIds(const QAbstractItemModel &proxy)
{
    QStringList ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids << proxy.index(row, 0).data(SnapshotGroupTableModel::GroupIdRole).toString();
    return ids;
}

} // namespace

class TestSnapshotGroupModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void texts();
    void appendKeepsModelValid();
    void replaceUpdatesInPlace();
    void replaceWithNothingNew();
    void search_data();
    void search();
    void sortByCreationTime();
    void sortByProgress();
    void hasProgressing();
    void diskSnapshotTexts();
    void delegateClickAndKeys();
};

void TestSnapshotGroupModel::texts()
{
    SnapshotGroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SnapshotGroup progressing = group(QStringLiteral("ssg-p"), QStringLiteral("nightly"),
        QStringLiteral("i-1"), SnapshotGroupStatusName::Progressing);
    progressing.snapshots[0].progress = 20;
    progressing.snapshots[1].progress = 60;
    progressing.description = QStringLiteral("before upgrade");
    model.appendGroups({ progressing,
        group(QStringLiteral("ssg-f"), {}, QStringLiteral("i-2"), SnapshotGroupStatusName::Failed),
        group(QStringLiteral("ssg-a"), QStringLiteral("ok"), QStringLiteral("i-3")) });

    auto text = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.index(row, column).data(role).toString();
    };
    QCOMPARE(model.columnCount(), int(SnapshotGroupTableModel::ColumnCount));
    QCOMPARE(text(0, SnapshotGroupTableModel::IdAndName), QStringLiteral("ssg-p\nnightly"));
    QCOMPARE(text(1, SnapshotGroupTableModel::IdAndName), QStringLiteral("ssg-f"));
    QCOMPARE(text(0, SnapshotGroupTableModel::Instance), QStringLiteral("i-1"));
    QCOMPARE(text(0, SnapshotGroupTableModel::Status), QStringLiteral("Progressing (40%)"));
    QCOMPARE(text(1, SnapshotGroupTableModel::Status), QStringLiteral("Failed"));
    QCOMPARE(text(2, SnapshotGroupTableModel::Status), QStringLiteral("Accomplished"));
    QCOMPARE(
        model.index(0, SnapshotGroupTableModel::Status).data(SnapshotGroupTableModel::SortRole),
        QVariant(40));
    QCOMPARE(text(0, SnapshotGroupTableModel::Disks), QStringLiteral("2"));
    QVERIFY(text(0, SnapshotGroupTableModel::Disks, Qt::ToolTipRole)
                .contains(QStringLiteral("d-ssg-p-sys")));
    QVERIFY(text(0, SnapshotGroupTableModel::Disks, Qt::ToolTipRole)
                .contains(QStringLiteral("d-ssg-p-data")));
    QCOMPARE(model.index(0, SnapshotGroupTableModel::Disks).data(SnapshotGroupTableModel::SortRole),
        QVariant(2));
    QCOMPARE(text(0, SnapshotGroupTableModel::Description), QStringLiteral("before upgrade"));
    QCOMPARE(text(0, SnapshotGroupTableModel::Actions), QStringLiteral("Rollback instance"));
    QVERIFY(model.index(0, SnapshotGroupTableModel::Actions).data(ModelRole::IsAction).toBool());
    QVERIFY(!model.index(0, SnapshotGroupTableModel::Status).data(ModelRole::IsAction).toBool());
    QCOMPARE(text(0, SnapshotGroupTableModel::CreationTime),
        progressing.creationTime.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    QCOMPARE(model.index(0, SnapshotGroupTableModel::CreationTime)
                 .data(SnapshotGroupTableModel::SortRole),
        QVariant(progressing.creationTime));
    QCOMPARE(text(0, 0, SnapshotGroupTableModel::GroupIdRole), QStringLiteral("ssg-p"));
    QCOMPARE(text(0, 3, SnapshotGroupTableModel::InstanceIdRole), QStringLiteral("i-1"));
    QVERIFY(model.index(0, 0).data(SnapshotGroupTableModel::IsProgressingRole).toBool());
    QVERIFY(!model.index(2, 0).data(SnapshotGroupTableModel::IsProgressingRole).toBool());
    QVERIFY(!text(0, SnapshotGroupTableModel::IdAndName, Qt::AccessibleTextRole)
                 .contains(QLatin1Char('\n')));
    QCOMPARE(model.headerData(SnapshotGroupTableModel::Actions, Qt::Horizontal).toString(),
        QStringLiteral("Actions"));
    QCOMPARE(model.groupAt(1).snapshotGroupId, QStringLiteral("ssg-f"));
    QCOMPARE(model.rowOfGroup(QStringLiteral("ssg-a")), 2);
    QCOMPARE(model.rowOfGroup(QStringLiteral("ssg-none")), -1);
}

void TestSnapshotGroupModel::appendKeepsModelValid()
{
    SnapshotGroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(SnapshotGroupTableModel::CreationTime, Qt::DescendingOrder);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QList<SnapshotGroup> page;
    for (int i = 0; i < 5; ++i)
        page << group(QStringLiteral("ssg-%1").arg(i), {}, QStringLiteral("i-x"),
            SnapshotGroupStatusName::Accomplished, i);
    model.appendGroups(page);
    // A repeated item (the listing moved between pages) updates, never duplicates.
    page = { group(QStringLiteral("ssg-4"), QStringLiteral("renamed"), QStringLiteral("i-x")),
        group(QStringLiteral("ssg-5"), {}, QStringLiteral("i-x")) };
    model.appendGroups(page);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(proxy.rowCount(), 6);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.groupAt(4).name, QStringLiteral("renamed"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rowOfGroup(QStringLiteral("ssg-1")), -1);
}

void TestSnapshotGroupModel::replaceUpdatesInPlace()
{
    SnapshotGroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(SnapshotGroupTableModel::IdAndName);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QString i = QStringLiteral("i-1");
    model.appendGroups(
        { group(QStringLiteral("ssg-a"), {}, i), group(QStringLiteral("ssg-b"), {}, i),
            group(QStringLiteral("ssg-c"), {}, i, SnapshotGroupStatusName::Progressing),
            group(QStringLiteral("ssg-d"), {}, i) });
    const QPersistentModelIndex c = model.index(2, 0);
    const QPersistentModelIndex proxyD = proxy.index(3, 0);
    QCOMPARE(proxyD.data(SnapshotGroupTableModel::GroupIdRole).toString(), QStringLiteral("ssg-d"));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // a gone, c finished, e new, b and d unchanged.
    model.replaceGroups(
        { group(QStringLiteral("ssg-e"), {}, i), group(QStringLiteral("ssg-d"), {}, i),
            group(QStringLiteral("ssg-c"), {}, i), group(QStringLiteral("ssg-b"), {}, i) });

    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(1).toInt(), 0);
    QCOMPARE(removed.at(0).at(2).toInt(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 1); // only c changed
    QCOMPARE(
        changed.at(0).at(0).value<QModelIndex>().row(), model.rowOfGroup(QStringLiteral("ssg-c")));
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(c.isValid());
    QCOMPARE(c.data(SnapshotGroupTableModel::GroupIdRole).toString(), QStringLiteral("ssg-c"));
    QCOMPARE(c.sibling(c.row(), SnapshotGroupTableModel::Status).data().toString(),
        QStringLiteral("Accomplished"));
    QVERIFY(proxyD.isValid());
    QCOMPARE(proxyD.data(SnapshotGroupTableModel::GroupIdRole).toString(), QStringLiteral("ssg-d"));
    for (const QString &id : { QStringLiteral("ssg-b"), QStringLiteral("ssg-c"),
             QStringLiteral("ssg-d"), QStringLiteral("ssg-e") }) {
        const int row = model.rowOfGroup(id);
        QVERIFY2(row >= 0, qPrintable(id));
        QCOMPARE(model.groupAt(row).snapshotGroupId, id);
    }
    QCOMPARE(model.rowOfGroup(QStringLiteral("ssg-a")), -1);
    QCOMPARE(proxyIds(proxy),
        (QStringList { QStringLiteral("ssg-b"), QStringLiteral("ssg-c"), QStringLiteral("ssg-d"),
            QStringLiteral("ssg-e") }));
}

void TestSnapshotGroupModel::replaceWithNothingNew()
{
    SnapshotGroupTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QList<SnapshotGroup> groups { group(QStringLiteral("ssg-a"), {}, QStringLiteral("i")),
        group(QStringLiteral("ssg-b"), {}, QStringLiteral("i")),
        group(QStringLiteral("ssg-c"), {}, QStringLiteral("i")) };
    model.appendGroups(groups);
    QSignalSpy any(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.replaceGroups(groups);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(any.count(), 0);
    model.replaceGroups({ groups.at(1) }); // a and c gone: two separate runs
    QCOMPARE(removed.count(), 2);
    QCOMPARE(model.rowCount(), 1);
    model.replaceGroups({});
    QCOMPARE(model.rowCount(), 0);
}

void TestSnapshotGroupModel::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("empty") << QString()
                           << QStringList { QStringLiteral("ssg-alpha"), QStringLiteral("ssg-beta"),
                                  QStringLiteral("ssg-gamma") };
    QTest::newRow("id substring") << QStringLiteral("ALP")
                                  << QStringList { QStringLiteral("ssg-alpha") };
    QTest::newRow("name") << QStringLiteral("Before") << QStringList { QStringLiteral("ssg-beta") };
    QTest::newRow("instance") << QStringLiteral("i-web")
                              << QStringList { QStringLiteral("ssg-gamma") };
    QTest::newRow("trimmed") << QStringLiteral("  i-WEB ")
                             << QStringList { QStringLiteral("ssg-gamma") };
    QTest::newRow("all share ssg") << QStringLiteral("ssg-")
                                   << QStringList { QStringLiteral("ssg-alpha"),
                                          QStringLiteral("ssg-beta"), QStringLiteral("ssg-gamma") };
    QTest::newRow("nothing") << QStringLiteral("zzz") << QStringList();
    QTest::newRow("not the description") << QStringLiteral("secret") << QStringList();
}

void TestSnapshotGroupModel::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    SnapshotGroupTableModel model;
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(SnapshotGroupTableModel::IdAndName);
    SnapshotGroup alpha
        = group(QStringLiteral("ssg-alpha"), QStringLiteral("nightly"), QStringLiteral("i-db"));
    alpha.description = QStringLiteral("secret");
    model.appendGroups({ alpha,
        group(QStringLiteral("ssg-beta"), QStringLiteral("before-UPGRADE"), QStringLiteral("i-db")),
        group(QStringLiteral("ssg-gamma"), {}, QStringLiteral("i-web-1")) });
    proxy.setSearchText(text);
    QCOMPARE(proxyIds(proxy), expected);
    // Rows arriving later are filtered too (dynamic filter).
    model.appendGroups({ group(QStringLiteral("ssg-zzz-late"), {}, QStringLiteral("i-late")) });
    QCOMPARE(proxyIds(proxy).contains(QStringLiteral("ssg-zzz-late")),
        text.isEmpty() || text == QLatin1String("zzz") || text == QLatin1String("ssg-"));
}

void TestSnapshotGroupModel::sortByCreationTime()
{
    SnapshotGroupTableModel model;
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    const QString i = QStringLiteral("i");
    // IDs in the opposite order of time, and times whose text order differs from their
    // real order only if compared as numbers of days ... the QDateTime decides.
    model.appendGroups({ group(QStringLiteral("ssg-1"), {}, i,
                             SnapshotGroupStatusName::Accomplished, 10),
        group(QStringLiteral("ssg-2"), {}, i, SnapshotGroupStatusName::Accomplished, 60 * 24 * 40),
        group(QStringLiteral("ssg-3"), {}, i, SnapshotGroupStatusName::Accomplished, 0),
        group(QStringLiteral("ssg-4"), {}, i, SnapshotGroupStatusName::Accomplished,
            60 * 24 * 400) });
    proxy.sort(SnapshotGroupTableModel::CreationTime, Qt::DescendingOrder);
    QCOMPARE(proxyIds(proxy),
        (QStringList { QStringLiteral("ssg-3"), QStringLiteral("ssg-1"), QStringLiteral("ssg-2"),
            QStringLiteral("ssg-4") }));
    proxy.sort(SnapshotGroupTableModel::CreationTime, Qt::AscendingOrder);
    QCOMPARE(proxyIds(proxy),
        (QStringList { QStringLiteral("ssg-4"), QStringLiteral("ssg-2"), QStringLiteral("ssg-1"),
            QStringLiteral("ssg-3") }));
    // A new newest row lands on top by itself (dynamic sort).
    proxy.sort(SnapshotGroupTableModel::CreationTime, Qt::DescendingOrder);
    SnapshotGroup newest = group(QStringLiteral("ssg-0"), {}, i);
    newest.creationTime = newest.creationTime.addSecs(3600);
    model.appendGroups({ newest });
    QCOMPARE(proxyIds(proxy).first(), QStringLiteral("ssg-0"));
}

void TestSnapshotGroupModel::sortByProgress()
{
    SnapshotGroupTableModel model;
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    const QString i = QStringLiteral("i");
    auto progressing = [&](const QString &id, int a, int b) {
        SnapshotGroup g = group(id, {}, i, SnapshotGroupStatusName::Progressing);
        g.snapshots[0].progress = a;
        g.snapshots[1].progress = b;
        return g;
    };
    // As text "Progressing (9%)" would sort after "Progressing (40%)"; as a number it does not.
    model.appendGroups({ progressing(QStringLiteral("ssg-p40"), 20, 60),
        group(QStringLiteral("ssg-done"), {}, i), progressing(QStringLiteral("ssg-p9"), 9, 9),
        group(QStringLiteral("ssg-failed"), {}, i, SnapshotGroupStatusName::Failed) });
    proxy.sort(SnapshotGroupTableModel::Status, Qt::AscendingOrder);
    QCOMPARE(proxyIds(proxy),
        (QStringList { QStringLiteral("ssg-failed"), QStringLiteral("ssg-p9"),
            QStringLiteral("ssg-p40"), QStringLiteral("ssg-done") }));
    // Progress moves: the row moves with it.
    model.replaceGroups({ progressing(QStringLiteral("ssg-p40"), 20, 60),
        group(QStringLiteral("ssg-done"), {}, i), progressing(QStringLiteral("ssg-p9"), 90, 90),
        group(QStringLiteral("ssg-failed"), {}, i, SnapshotGroupStatusName::Failed) });
    QCOMPARE(proxyIds(proxy),
        (QStringList { QStringLiteral("ssg-failed"), QStringLiteral("ssg-p40"),
            QStringLiteral("ssg-p9"), QStringLiteral("ssg-done") }));
}

void TestSnapshotGroupModel::hasProgressing()
{
    SnapshotGroupTableModel model;
    QVERIFY(!model.hasProgressing());
    model.appendGroups({ group(QStringLiteral("ssg-a"), {}, QStringLiteral("i")) });
    QVERIFY(!model.hasProgressing());
    model.appendGroups({ group(
        QStringLiteral("ssg-b"), {}, QStringLiteral("i"), SnapshotGroupStatusName::Progressing) });
    QVERIFY(model.hasProgressing());
    model.replaceGroups({ group(QStringLiteral("ssg-b"), {}, QStringLiteral("i")) });
    QVERIFY(!model.hasProgressing());
}

void TestSnapshotGroupModel::diskSnapshotTexts()
{
    DiskSnapshotTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    Snapshot s;
    s.snapshotId = QStringLiteral("s-1");
    s.snapshotName = QStringLiteral("daily");
    s.sourceDiskId = QStringLiteral("d-sys");
    s.sourceDiskType = QStringLiteral("system");
    s.status = SnapshotStatusName::Progressing;
    s.progress = 35;
    s.sourceDiskSize = 40;
    s.instantAccess = true;
    s.creationTime = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    Snapshot t = s;
    t.snapshotId = QStringLiteral("s-2");
    t.snapshotName.clear();
    t.sourceDiskType = QStringLiteral("data");
    t.status = SnapshotStatusName::Accomplished;
    t.progress = 100;
    t.instantAccess = false;
    model.appendSnapshots({ s, t });
    auto text = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, DiskSnapshotTableModel::IdAndName), QStringLiteral("s-1\ndaily"));
    QCOMPARE(text(1, DiskSnapshotTableModel::IdAndName), QStringLiteral("s-2"));
    QCOMPARE(text(0, DiskSnapshotTableModel::SourceDisk), QStringLiteral("d-sys (system)"));
    QCOMPARE(text(1, DiskSnapshotTableModel::SourceDisk), QStringLiteral("d-sys (data)"));
    QCOMPARE(text(0, DiskSnapshotTableModel::Status), QStringLiteral("Progressing (35%)"));
    QCOMPARE(text(1, DiskSnapshotTableModel::Status), QStringLiteral("Accomplished"));
    QCOMPARE(text(0, DiskSnapshotTableModel::Size), QStringLiteral("40 GiB"));
    QCOMPARE(text(0, DiskSnapshotTableModel::InstantAccess), QStringLiteral("Enabled"));
    QCOMPARE(text(1, DiskSnapshotTableModel::InstantAccess), QStringLiteral("Disabled"));
    QVERIFY(model.hasProgressing());
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setSearchText(QStringLiteral("DAILY"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearchText(QStringLiteral("d-sys"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setSearchText({});
    proxy.sort(DiskSnapshotTableModel::Status, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data(DiskSnapshotTableModel::SnapshotIdRole).toString(),
        QStringLiteral("s-2"));
    model.replaceSnapshots({ t });
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.hasProgressing());
}

void TestSnapshotGroupModel::delegateClickAndKeys()
{
    SnapshotGroupTableModel model;
    SnapshotGroupFilterProxy proxy;
    proxy.setSourceModel(&model);
    model.appendGroups(
        { group(QStringLiteral("ssg-a"), QStringLiteral("first"), QStringLiteral("i-1")),
            group(QStringLiteral("ssg-b"), {}, QStringLiteral("i-2")) });
    proxy.sort(SnapshotGroupTableModel::IdAndName);
    QTableView view;
    view.setModel(&proxy);
    auto *delegate = new ActionLinkDelegate(&view);
    view.setItemDelegateForColumn(SnapshotGroupTableModel::Actions, delegate);
    view.resize(1200, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy activated(delegate, &ActionLinkDelegate::activated);

    const QModelIndex actionB = proxy.index(1, SnapshotGroupTableModel::Actions);
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.visualRect(actionB).center());
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0)
                 .at(0)
                 .value<QModelIndex>()
                 .data(SnapshotGroupTableModel::GroupIdRole)
                 .toString(),
        QStringLiteral("ssg-b"));

    // A click elsewhere is an ordinary selection click.
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {},
        view.visualRect(proxy.index(0, SnapshotGroupTableModel::Status)).center());
    QCOMPARE(activated.count(), 1);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.count(), 1); // the current cell is not an action

    view.setCurrentIndex(proxy.index(0, SnapshotGroupTableModel::Actions));
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QTest::keyClick(&view, Qt::Key_Space);
    QCOMPARE(activated.count(), 3);
    QCOMPARE(activated.at(2)
                 .at(0)
                 .value<QModelIndex>()
                 .data(SnapshotGroupTableModel::GroupIdRole)
                 .toString(),
        QStringLiteral("ssg-a"));
}

QTEST_MAIN(TestSnapshotGroupModel)
#include "tst_snapshot_group_model.moc"
