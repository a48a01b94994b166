// The Journal page over a real journal: what a rollback left, the filters, the exports,
// a journal that cannot be written, and the empty state.
#include "JobHarness.h"
#include "journal/JournalModel.h"
#include "journal/JournalView.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace ecs;

namespace {

const QString instance = QStringLiteral("i-demo-healthy");

QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("ECS_SCREENSHOT_DIR", QStringLiteral("/tmp/ui-shots"));
    QDir().mkpath(dir);
    return QDir(dir).filePath(name);
}

// The cells of one column as the table shows them, top to bottom.
QStringList column(const JournalView &view, int column)
{
    const QAbstractItemModel *model
        = view.findChild<QTreeView *>(QStringLiteral("journalTable"))->model();
    QStringList cells;
    for (int row = 0; row < model->rowCount(); ++row)
        cells.append(model->index(row, column).data().toString());
    return cells;
}

JournalEntry otherInstanceEntry()
{
    JournalEntry entry;
    entry.operationId = QStringLiteral("5d1c0e2a-0000-4000-8000-000000000001");
    entry.kind = JournalKind::Call;
    entry.profile = QStringLiteral("test-profile");
    entry.regionId = QStringLiteral("cn-hangzhou");
    entry.instanceId = QStringLiteral("i-other");
    entry.action = QStringLiteral("StopInstance");
    entry.requestId = QStringLiteral("REQ-OTHER-1");
    entry.outcome = JournalOutcome::Succeeded;
    return entry;
}

// Runs a healthy one-disk rollback; "" when it succeeded.
QString rollBack(JobHarness &harness)
{
    RollbackJob job(harness.api(),
        harness.plan(QStringLiteral("ssg-demo-healthy"), instance,
            { QStringLiteral("d-demo-healthy-data1") }),
        harness.journal());
    if (!harness.run(job))
        return QStringLiteral("the job did not finish");
    return job.outcome() == RollbackJob::Outcome::Succeeded ? QString() : job.summary();
}

} // namespace

class TestJournalView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsARollbackAndFilters();
    void exportsWhatIsShown();
    void brokenJournalShowsItsProblem();
    void emptyJournalSaysSo();
};

void TestJournalView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestJournalView::listsARollbackAndFilters()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString failure = rollBack(harness);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(harness.journal()->record(otherInstanceEntry()));

    JournalView view;
    QAbstractItemModelTester tester(view.model());
    view.resize(1100, 420);
    view.show();
    view.setJournal(harness.journal());

    const QStringList actions = column(view, JournalModel::ActionColumn);
    const int resetRow = int(actions.indexOf(QStringLiteral("ResetDisks")));
    QVERIFY2(resetRow >= 0, qPrintable(actions.join(QLatin1Char(','))));
    const QString requestId = column(view, JournalModel::RequestIdColumn).at(resetRow);
    {
        // Readable however narrow: the whole ID in the tooltip, the ends kept on screen.
        const auto *table = view.findChild<QTreeView *>(QStringLiteral("journalTable"));
        QCOMPARE(table->textElideMode(), Qt::ElideMiddle);
        const QAbstractItemModel *shown = table->model();
        QCOMPARE(
            shown->index(resetRow, JournalModel::RequestIdColumn).data(Qt::ToolTipRole).toString(),
            requestId);
        QVERIFY(!shown->index(resetRow, JournalModel::ActionColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }
    QVERIFY(!requestId.isEmpty());
    QCOMPARE(column(view, JournalModel::InstanceColumn).at(resetRow), instance);
    QCOMPARE(column(view, JournalModel::OutcomeColumn).at(resetRow), JournalModel::tr("Succeeded"));
    QVERIFY(actions.contains(QStringLiteral("StopInstance")));
    // Newest first.
    const QAbstractItemModel *shown = view.findChild<QTreeView *>()->model();
    QVERIFY(shown->index(0, 0).data(JournalModel::SortRole).toDateTime()
        >= shown->index(shown->rowCount() - 1, 0).data(JournalModel::SortRole).toDateTime());
    QVERIFY(view.grab().save(shotPath(QStringLiteral("journal-view.png"))));

    auto *instanceField = view.findChild<QLineEdit *>(QStringLiteral("instanceFilter"));
    QTest::keyClicks(instanceField, QStringLiteral("i-other"));
    QCOMPARE(column(view, JournalModel::InstanceColumn), QStringList { QStringLiteral("i-other") });
    instanceField->setText(instance);
    const QStringList instances = column(view, JournalModel::InstanceColumn);
    QCOMPARE(instances.size(), actions.size() - 1);
    QCOMPARE(instances.count(instance), instances.size());
    instanceField->setText(QStringLiteral("i-nobody"));
    QCOMPARE(shown->rowCount(), 0);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("journalEmpty"))->isVisible());
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("journalEmpty"))->text(),
        JournalView::tr("No operations match these filters."));
    instanceField->clear();

    // Dates: a range that ended yesterday holds nothing from today.
    view.setDateRange(QDate::currentDate().addDays(-30), QDate::currentDate().addDays(-1));
    QCOMPARE(shown->rowCount(), 0);
    view.setDateRange(QDate::currentDate().addDays(-6), QDate::currentDate());
    QCOMPARE(shown->rowCount(), actions.size());

    // The search box finds the request ID among every column.
    QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("searchField")), requestId);
    QCOMPARE(column(view, JournalModel::RequestIdColumn), QStringList { requestId });
    view.findChild<QLineEdit *>(QStringLiteral("searchField"))->clear();

    // A new entry shows without asking.
    JournalEntry later = otherInstanceEntry();
    later.requestId = QStringLiteral("REQ-OTHER-2");
    QVERIFY(harness.journal()->record(later));
    QVERIFY(column(view, JournalModel::RequestIdColumn).contains(QStringLiteral("REQ-OTHER-2")));
}

void TestJournalView::exportsWhatIsShown()
{
    JobHarness harness;
    const QString problem = harness.init();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QString failure = rollBack(harness);
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(harness.journal()->record(otherInstanceEntry()));
    JournalView view;
    view.show();
    view.setJournal(harness.journal());
    view.setInstanceFilter(instance);
    const int shown = view.proxy()->rowCount();
    QVERIFY(shown > 1);
    QTemporaryDir dir;

    const QString csvPath = dir.filePath(QStringLiteral("journal.csv"));
    QTest::mouseClick(
        view.findChild<QPushButton *>(QStringLiteral("exportCsvButton")), Qt::LeftButton);
    QFileDialog *dialog = view.exportDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible()); // open(), not exec(): this line runs while it is up
    dialog->selectFile(csvPath);
    static_cast<QDialog *>(dialog)->accept(); // the Save button, as QFileDialog runs it
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray csvBytes = csv.readAll();
    const QList<QByteArray> lines = csvBytes.split('\n');
    const QByteArray header = journalToCsv({}).split('\n').first();
    QVERIFY(!header.isEmpty());
    QCOMPARE(lines.first(), header);
    QCOMPARE(lines.size(), shown + 2); // header, rows, and the empty rest after the last CRLF
    QVERIFY(csvBytes.contains(instance.toUtf8()));
    QVERIFY(!csvBytes.contains("i-other"));

    const QString jsonPath = dir.filePath(QStringLiteral("journal.json"));
    QTest::mouseClick(
        view.findChild<QPushButton *>(QStringLiteral("exportJsonButton")), Qt::LeftButton);
    QVERIFY(view.exportDialog());
    view.exportDialog()->selectFile(jsonPath);
    static_cast<QDialog *>(view.exportDialog())->accept();
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.readAll(), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray entries = document.object().value(QLatin1String("entries")).toArray();
    QCOMPARE(entries.size(), shown);
    for (const QJsonValue &entry : entries)
        QCOMPARE(entry[QLatin1String("instanceId")].toString(), instance);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("journalStatus"))
                ->text()
                .contains(QDir::toNativeSeparators(jsonPath)));

    // A place that cannot be written: said, not thrown away.
    const QString bad = dir.filePath(QStringLiteral("missing/dir/journal.json"));
    QVERIFY(!view.exportTo(bad, JournalExportFormat::Json).isEmpty());
    QVERIFY(
        view.findChild<QLabel *>(QStringLiteral("journalStatus"))
            ->text()
            .startsWith(JournalView::tr("Could not write %1: %2").section(QLatin1Char('%'), 0, 0)));
}

void TestJournalView::brokenJournalShowsItsProblem()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    QFile garbage(path);
    QVERIFY(garbage.open(QIODevice::WriteOnly));
    QByteArray bytes(4096, '\0');
    for (int i = 0; i < bytes.size(); ++i)
        bytes[i] = char((i * 7919 + 13) % 251);
    garbage.write(bytes);
    garbage.close();

    Journal journal(path);
    QVERIFY(!journal.open());
    QVERIFY(!journal.problem().isEmpty());
    JournalView view;
    view.resize(1100, 360);
    view.show();
    view.setJournal(&journal);
    auto *banner = view.findChild<QLabel *>(QStringLiteral("journalProblem"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(journal.problem()), qPrintable(banner->text()));

    // Kept in memory: listed, marked, and counted in the banner.
    JournalEntry entry = otherInstanceEntry();
    QVERIFY(!journal.record(entry));
    QCOMPARE(journal.unsaved().size(), 1);
    QCOMPARE(view.proxy()->rowCount(), 1);
    QVERIFY(view.proxy()->index(0, 0).data(JournalModel::UnsavedRole).toBool());
    QVERIFY2(banner->text().contains(QLatin1String("1 entry")), qPrintable(banner->text()));
    QVERIFY(view.grab().save(shotPath(QStringLiteral("journal-view-problem.png"))));
}

void TestJournalView::emptyJournalSaysSo()
{
    QTemporaryDir dir;
    Journal journal(dir.filePath(QStringLiteral("journal.sqlite")));
    QVERIFY(journal.open());
    JournalView view;
    view.show();
    view.setJournal(&journal);
    auto *empty = view.findChild<QLabel *>(QStringLiteral("journalEmpty"));
    QVERIFY(empty->isVisible());
    QCOMPARE(empty->text(), JournalView::tr("No operations recorded yet"));
    QVERIFY(!view.findChild<QLabel *>(QStringLiteral("journalProblem"))->isVisible());
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("exportCsvButton"))->isEnabled());
}

QTEST_MAIN(TestJournalView)
#include "tst_journal_view.moc"
