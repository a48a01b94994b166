#include "api/Redaction.h"
#include "journal/Journal.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <unistd.h>

using ecs::Journal;
using ecs::JournalEntry;
using ecs::JournalQuery;

namespace {

const QDateTime t0(QDate(2024, 5, 1), QTime(8, 30, 15, 123), Qt::UTC);

JournalEntry makeEntry(const QString &instanceId, const QDateTime &time = {},
    const QString &operationId = QStringLiteral("op-1"))
{
    JournalEntry entry;
    entry.time = time;
    entry.operationId = operationId;
    entry.kind = ecs::JournalKind::Call;
    entry.profile = QStringLiteral("Sandbox");
    entry.regionId = QStringLiteral("cn-hangzhou");
    entry.instanceId = instanceId;
    entry.action = QStringLiteral("ResetDisks");
    entry.outcome = ecs::JournalOutcome::Succeeded;
    return entry;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QList<qint64> idsOf(const QList<JournalEntry> &entries)
{
    QList<qint64> ids;
    for (const JournalEntry &entry : entries)
        ids.append(entry.id);
    return ids;
}

QStringList instancesOf(const QList<JournalEntry> &entries)
{
    QStringList ids;
    for (const JournalEntry &entry : entries)
        ids.append(entry.instanceId);
    return ids;
}

// A second connection to the journal's file, as another program would hold it.
class OtherConnection
{
public:
    explicit OtherConnection(const QString &path)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~OtherConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    // Empty on success, else why not.
    QString exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) ? QString() : QLatin1String("failed: ") + query.lastError().text();
    }
    // The first column of the first row, or an invalid QVariant.
    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        return query.exec(sql) && query.next() ? query.value(0) : QVariant();
    }

private:
    QString m_name = QStringLiteral("test-other-connection");
};

} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private:
    QString path() const { return m_dir->filePath(QStringLiteral("journal.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void defaultPathIsInAppData()
    {
        const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QCOMPARE(Journal::defaultPath(), dataDir + QLatin1String("/journal.sqlite"));
    }

    void openCreatesFolderAndSchema()
    {
        const QString nested = m_dir->filePath(QStringLiteral("a/b/journal.sqlite"));
        Journal journal(nested);
        QVERIFY(!journal.isOpen());
        QVERIFY2(journal.open(), qPrintable(journal.problem()));
        QVERIFY(journal.isOpen());
        QCOMPARE(journal.problem(), QString());
        QVERIFY(QFile::exists(nested));
        const auto entries = journal.entries();
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 0);
    }

    void roundTripKeepsEveryField()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        QSignalSpy recorded(&journal, &Journal::recorded);
        JournalEntry entry;
        // A local offset on purpose: the journal stores the instant in UTC.
        entry.time = t0.toOffsetFromUtc(8 * 3600);
        entry.operationId = QStringLiteral("2f1c3a8e-0d1b-4c8e-9a57-3c1d2e4f5a6b");
        entry.kind = ecs::JournalKind::Check;
        entry.profile = QStringLiteral("app:prod");
        entry.regionId = QStringLiteral("cn-shanghai");
        entry.instanceId = QStringLiteral("i-abc");
        entry.snapshotGroupId = QStringLiteral("ssg-123");
        entry.diskIds = QStringList { QStringLiteral("d-1"), QStringLiteral("d-2") };
        entry.action = QStringLiteral("CheckPreconditions");
        entry.requestId = QStringLiteral("6A1B-REQ");
        entry.outcome = ecs::JournalOutcome::Blocked;
        entry.errorCode = QStringLiteral("instance-stopped,disk-exists");
        entry.message = QStringLiteral("Instance is stopped; \"quoted\", comma\nand 磁盘 'ü'");
        entry.detail = QStringLiteral(R"({"plan":{"diskIds":["d-1"]}})");

        QVERIFY(journal.record(entry));
        QCOMPARE(recorded.count(), 1);
        const auto written = recorded.at(0).at(0).value<JournalEntry>();
        QVERIFY(written.id > 0);
        entry.id = written.id;
        QCOMPARE(written, entry);

        const auto entries = journal.entries();
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 1);
        QCOMPARE(entries->at(0), entry);
        QCOMPARE(entries->at(0).time.timeSpec(), Qt::UTC);
        QCOMPARE(entries->at(0).time.time().msec(), 123);
    }

    void secretsInAnyTextFieldNeverReachTheFile()
    {
        // Text quoted from a SignatureDoesNotMatch answer, in each field a caller could fill.
        const QString token = QStringLiteral("CAN4RY-journal-token");
        const QString quoted = QStringLiteral("string to sign: GET&%2F&SecurityToken%3D") + token
            + QStringLiteral("%26");
        auto journal = std::make_unique<Journal>(path());
        QVERIFY(journal->open());
        JournalEntry entry;
        entry.operationId = QStringLiteral("op-secret");
        entry.kind = ecs::JournalKind::Call;
        entry.action = QStringLiteral("DescribeInstances");
        entry.outcome = ecs::JournalOutcome::Failed;
        entry.errorCode = quoted;
        entry.message = quoted;
        entry.detail = QString::fromUtf8(QJsonDocument(
            QJsonObject { { QStringLiteral("message"), quoted },
                { QStringLiteral("SecurityToken"),
                    token } }).toJson(QJsonDocument::Compact));
        QVERIFY(journal->record(entry));
        journal.reset(); // closed: what is on disk is all there is

        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.contains(token.toUtf8()));
        QFile wal(path() + QStringLiteral("-wal"));
        if (wal.open(QIODevice::ReadOnly))
            QVERIFY(!wal.readAll().contains(token.toUtf8()));
        Journal reopened(path());
        QVERIFY(reopened.open());
        const auto entries = reopened.entries();
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 1);
        for (const QString &text :
            { entries->at(0).errorCode, entries->at(0).message, entries->at(0).detail })
            QVERIFY2(!text.contains(token) && text.contains(ecs::RedactedText), qPrintable(text));
        QVERIFY(!QJsonDocument::fromJson(entries->at(0).detail.toUtf8()).isNull());
    }

    void emptyFieldsAndTimeAreFilledIn()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        JournalEntry entry; // every string null, no disks, no time
        entry.kind = ecs::JournalKind::Job;
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QVERIFY2(journal.record(entry), qPrintable(journal.problem()));
        const QDateTime after = QDateTime::currentDateTimeUtc();
        const auto entries = journal.entries();
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 1);
        const JournalEntry &read = entries->at(0);
        QVERIFY(read.time >= before && read.time <= after);
        QCOMPARE(read.kind, ecs::JournalKind::Job);
        QCOMPARE(read.diskIds, QStringList());
        QCOMPARE(read.message, QString());
    }

    void equalityComparesEveryField()
    {
        JournalEntry base = makeEntry(QStringLiteral("i-1"), t0);
        QVERIFY(base == makeEntry(QStringLiteral("i-1"), t0));
        const QList<std::function<void(JournalEntry &)>> changes {
            [](JournalEntry &e) { e.id = 9; },
            [](JournalEntry &e) { e.time = e.time.addMSecs(1); },
            [](JournalEntry &e) { e.operationId += QLatin1Char('x'); },
            [](JournalEntry &e) { e.kind += QLatin1Char('x'); },
            [](JournalEntry &e) { e.profile += QLatin1Char('x'); },
            [](JournalEntry &e) { e.regionId += QLatin1Char('x'); },
            [](JournalEntry &e) { e.instanceId += QLatin1Char('x'); },
            [](JournalEntry &e) { e.snapshotGroupId += QLatin1Char('x'); },
            [](JournalEntry &e) { e.diskIds.append(QStringLiteral("d-x")); },
            [](JournalEntry &e) { e.action += QLatin1Char('x'); },
            [](JournalEntry &e) { e.requestId += QLatin1Char('x'); },
            [](JournalEntry &e) { e.outcome += QLatin1Char('x'); },
            [](JournalEntry &e) { e.errorCode += QLatin1Char('x'); },
            [](JournalEntry &e) { e.message += QLatin1Char('x'); },
            [](JournalEntry &e) { e.detail += QLatin1Char('x'); },
        };
        for (qsizetype i = 0; i < changes.size(); ++i) {
            JournalEntry changed = base;
            changes.at(i)(changed);
            QVERIFY2(changed != base, qPrintable(QString::number(i)));
            QVERIFY2(!(changed == base), qPrintable(QString::number(i)));
        }
    }

    void idsIncrease()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        QSignalSpy recorded(&journal, &Journal::recorded);
        for (int i = 0; i < 3; ++i)
            QVERIFY(journal.record(makeEntry(QStringLiteral("i-1"))));
        QCOMPARE(recorded.count(), 3);
        const qint64 first = recorded.at(0).at(0).value<JournalEntry>().id;
        const qint64 second = recorded.at(1).at(0).value<JournalEntry>().id;
        const qint64 third = recorded.at(2).at(0).value<JournalEntry>().id;
        QVERIFY(first > 0);
        QVERIFY(second > first);
        QVERIFY(third > second);
        QCOMPARE(idsOf(*journal.entries()), (QList<qint64> { first, second, third }));
    }

    void queryByInstanceAndOperation()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        QVERIFY(journal.record(makeEntry(QStringLiteral("i-1"), t0, QStringLiteral("op-a"))));
        QVERIFY(journal.record(makeEntry(QStringLiteral("i-2"), t0, QStringLiteral("op-b"))));
        QVERIFY(journal.record(
            makeEntry(QStringLiteral("i-1"), t0.addSecs(1), QStringLiteral("op-c"))));

        JournalQuery byInstance;
        byInstance.instanceId = QStringLiteral("i-1");
        const auto forI1 = journal.entries(byInstance);
        QVERIFY(forI1.has_value());
        QCOMPARE(
            instancesOf(*forI1), (QStringList { QStringLiteral("i-1"), QStringLiteral("i-1") }));
        QCOMPARE(forI1->at(0).operationId, QStringLiteral("op-a")); // oldest first
        QCOMPARE(forI1->at(1).operationId, QStringLiteral("op-c"));

        JournalQuery byOperation;
        byOperation.operationId = QStringLiteral("op-b");
        const auto forOpB = journal.entries(byOperation);
        QVERIFY(forOpB.has_value());
        QCOMPARE(instancesOf(*forOpB), QStringList { QStringLiteral("i-2") });

        byOperation.instanceId = QStringLiteral("i-1"); // both must match
        QCOMPARE(journal.entries(byOperation)->size(), 0);
    }

    void queryByDateRange()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        for (int i = 0; i < 4; ++i)
            QVERIFY(journal.record(makeEntry(QStringLiteral("i-%1").arg(i), t0.addSecs(i))));

        JournalQuery range;
        range.from = t0.addSecs(1); // inclusive
        range.to = t0.addSecs(3); // exclusive
        QCOMPARE(instancesOf(*journal.entries(range)),
            (QStringList { QStringLiteral("i-1"), QStringLiteral("i-2") }));

        // The same instants in another time zone select the same entries.
        range.from = range.from.toOffsetFromUtc(-5 * 3600);
        range.to = range.to.toOffsetFromUtc(9 * 3600);
        QCOMPARE(instancesOf(*journal.entries(range)),
            (QStringList { QStringLiteral("i-1"), QStringLiteral("i-2") }));

        // One millisecond past the bound moves it past the entry.
        range.from = t0.addSecs(1).addMSecs(1);
        range.to = t0.addSecs(3).addMSecs(1);
        QCOMPARE(instancesOf(*journal.entries(range)),
            (QStringList { QStringLiteral("i-2"), QStringLiteral("i-3") }));

        JournalQuery openEnded;
        openEnded.from = t0.addSecs(2);
        QCOMPARE(instancesOf(*journal.entries(openEnded)),
            (QStringList { QStringLiteral("i-2"), QStringLiteral("i-3") }));
        openEnded = {};
        openEnded.to = t0.addSecs(1);
        QCOMPARE(instancesOf(*journal.entries(openEnded)), QStringList { QStringLiteral("i-0") });
    }

    void limitGivesTheNewestFirst()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        // Recorded out of time order: ordering is by time, not by id.
        const QList<int> offsets { 2, 0, 4, 1, 3 };
        for (int offset : offsets)
            QVERIFY(
                journal.record(makeEntry(QStringLiteral("i-%1").arg(offset), t0.addSecs(offset))));
        JournalQuery query;
        query.limit = 2;
        QCOMPARE(instancesOf(*journal.entries(query)),
            (QStringList { QStringLiteral("i-4"), QStringLiteral("i-3") }));
        QCOMPARE(instancesOf(*journal.entries()),
            (QStringList { QStringLiteral("i-0"), QStringLiteral("i-1"), QStringLiteral("i-2"),
                QStringLiteral("i-3"), QStringLiteral("i-4") }));
    }

    void reopenKeepsEntries()
    {
        JournalEntry first = makeEntry(QStringLiteral("i-1"), t0);
        {
            Journal journal(path());
            QVERIFY(journal.open());
            QVERIFY(journal.record(first));
            first.id = journal.entries()->at(0).id;
        }
        Journal journal(path());
        QVERIFY(journal.open());
        QCOMPARE(*journal.entries(), QList<JournalEntry> { first });
        QVERIFY(journal.record(makeEntry(QStringLiteral("i-2"), t0.addSecs(1))));
        QVERIFY(journal.entries()->at(1).id > first.id);
    }

    void eachJournalHasItsOwnConnection()
    {
        const auto before = QSqlDatabase::connectionNames().size();
        {
            Journal a(path());
            Journal b(m_dir->filePath(QStringLiteral("other.sqlite")));
            QVERIFY(a.open());
            QVERIFY(b.open());
            QCOMPARE(QSqlDatabase::connectionNames().size(), before + 2);
            QVERIFY(a.record(makeEntry(QStringLiteral("i-a"))));
            QCOMPARE(b.entries()->size(), 0);
        }
        QCOMPARE(QSqlDatabase::connectionNames().size(), before);
    }

    void corruptFileIsLeftUntouched()
    {
        QByteArray garbage;
        for (int i = 0; i < 5000; ++i)
            garbage.append(char((i * 7919) % 251));
        QVERIFY(writeFile(path(), garbage));
        {
            Journal journal(path());
            QSignalSpy problems(&journal, &Journal::problemChanged);
            QVERIFY(!journal.open());
            QVERIFY(!journal.isOpen());
            QVERIFY2(journal.problem().contains(QDir::toNativeSeparators(path())),
                qPrintable(journal.problem()));
            QCOMPARE(problems.count(), 1);

            const JournalEntry entry = makeEntry(QStringLiteral("i-1"), t0);
            QVERIFY(!journal.record(entry));
            QCOMPARE(journal.unsaved(), QList<JournalEntry> { entry });
            QVERIFY(journal.problem().contains(QDir::toNativeSeparators(path())));
            QCOMPARE(problems.count(), 2); // now it also counts the kept entry
            QVERIFY(!journal.entries().has_value());
            QVERIFY(!journal.flush());
            QCOMPARE(problems.count(), 2); // nothing changed: no signal
        }
        QCOMPARE(fileBytes(path()), garbage);
        QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
            QStringList { QStringLiteral("journal.sqlite") });
    }

    void damagedPageIsDetected()
    {
        {
            Journal journal(path());
            QVERIFY(journal.open());
            for (int i = 0; i < 200; ++i)
                QVERIFY(journal.record(makeEntry(QStringLiteral("i-%1").arg(i), t0)));
        } // closing checkpoints the write-ahead log into the file
        QByteArray bytes = fileBytes(path());
        // The page size is a big-endian 16-bit number at offset 16 of the header.
        const int pageSize = (quint8(bytes.at(16)) << 8) | quint8(bytes.at(17));
        QVERIFY(bytes.size() >= 3 * pageSize);
        // Page 1 (the header and schema) stays valid; page 2, the table's root, does not.
        bytes.replace(pageSize, pageSize, QByteArray(pageSize, '\x5a'));
        QVERIFY(writeFile(path(), bytes));
        {
            Journal journal(path());
            QVERIFY(!journal.open());
            QVERIFY2(journal.problem().contains(QDir::toNativeSeparators(path())),
                qPrintable(journal.problem()));
            QVERIFY(!journal.record(makeEntry(QStringLiteral("i-new"))));
        }
        QCOMPARE(fileBytes(path()), bytes);
    }

    void otherProgramsDatabaseIsRefused()
    {
        {
            OtherConnection other(path());
            QCOMPARE(other.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")), QString());
        }
        const QByteArray before = fileBytes(path());
        QVERIFY(!before.isEmpty());
        {
            Journal journal(path());
            QVERIFY(!journal.open());
            QVERIFY(journal.problem().contains(QDir::toNativeSeparators(path())));
            QVERIFY(!journal.record(makeEntry(QStringLiteral("i-1"))));
        }
        QCOMPARE(fileBytes(path()), before);
    }

    void newerSchemaIsRefused()
    {
        {
            OtherConnection other(path());
            QCOMPARE(other.exec(QStringLiteral("CREATE TABLE entries (id INTEGER PRIMARY KEY)")),
                QString());
            QCOMPARE(
                other.exec(
                    QStringLiteral("PRAGMA user_version = %1").arg(Journal::SchemaVersion + 1)),
                QString());
        }
        const QByteArray before = fileBytes(path());
        {
            Journal journal(path());
            QVERIFY(!journal.open());
            QVERIFY(journal.problem().contains(QDir::toNativeSeparators(path())));
            QVERIFY2(journal.problem().contains(QString::number(Journal::SchemaVersion + 1)),
                qPrintable(journal.problem()));
            const JournalEntry entry = makeEntry(QStringLiteral("i-1"), t0);
            QVERIFY(!journal.record(entry));
            QCOMPARE(journal.unsaved(), QList<JournalEntry> { entry });
        }
        QCOMPARE(fileBytes(path()), before);
    }

    void version1FileIsMigratedKeepingItsEntries()
    {
        {
            // The schema the first release wrote, with one entry in it.
            OtherConnection other(path());
            QCOMPARE(
                other.exec(QStringLiteral(
                    "CREATE TABLE entries (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    " time TEXT NOT NULL, operation_id TEXT NOT NULL DEFAULT '',"
                    " kind TEXT NOT NULL DEFAULT '', profile TEXT NOT NULL DEFAULT '',"
                    " region_id TEXT NOT NULL DEFAULT '', instance_id TEXT NOT NULL DEFAULT '',"
                    " snapshot_group_id TEXT NOT NULL DEFAULT '',"
                    " disk_ids TEXT NOT NULL DEFAULT '[]', action TEXT NOT NULL DEFAULT '',"
                    " request_id TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL DEFAULT '',"
                    " error_code TEXT NOT NULL DEFAULT '', message TEXT NOT NULL DEFAULT '')")),
                QString());
            QCOMPARE(other.exec(QStringLiteral(
                         "INSERT INTO entries (time, operation_id, kind, instance_id, action, "
                         "outcome, message) VALUES ('2024-05-01T08:30:15.123Z', 'op-old', 'call', "
                         "'i-old', 'ResetDisks', 'succeeded', 'from version 1')")),
                QString());
            QCOMPARE(other.exec(QStringLiteral("PRAGMA user_version = 1")), QString());
        }
        Journal journal(path());
        QVERIFY2(journal.open(), qPrintable(journal.problem()));
        const auto old = journal.entries();
        QVERIFY(old.has_value());
        QCOMPARE(old->size(), 1);
        QCOMPARE(old->first().message, QStringLiteral("from version 1"));
        QCOMPARE(old->first().detail, QString());
        JournalEntry entry = makeEntry(QStringLiteral("i-new"), t0);
        entry.detail = QStringLiteral(R"({"step":"rollback"})");
        QVERIFY(journal.record(entry));
        const auto all = journal.entries();
        QVERIFY(all.has_value());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->last().detail, entry.detail);
        {
            OtherConnection other(path());
            QCOMPARE(other.scalar(QStringLiteral("PRAGMA user_version")).toInt(),
                Journal::SchemaVersion);
        }
    }

    void lockedFileKeepsEntriesUntilReleased()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        QVERIFY(journal.record(makeEntry(QStringLiteral("i-0"), t0)));
        QSignalSpy problems(&journal, &Journal::problemChanged);
        QSignalSpy recorded(&journal, &Journal::recorded);

        OtherConnection other(path());
        QCOMPARE(other.exec(QStringLiteral("BEGIN EXCLUSIVE")), QString());
        const JournalEntry second = makeEntry(QStringLiteral("i-1"), t0.addSecs(1));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!journal.record(second));
        const qint64 elapsed = timer.elapsed();
        qInfo("record() on a locked journal failed after %lld ms", elapsed);
        QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
        QCOMPARE(journal.unsaved(), QList<JournalEntry> { second });
        QVERIFY2(journal.problem().contains(QDir::toNativeSeparators(path())),
            qPrintable(journal.problem()));
        QCOMPARE(problems.count(), 1);
        QCOMPARE(problems.at(0).at(0).toString(), journal.problem());
        QCOMPARE(recorded.count(), 0);
        // Write-ahead log: reading does not wait for the other program's write lock.
        QCOMPARE(instancesOf(journal.entries().value_or(QList<JournalEntry>())),
            QStringList { QStringLiteral("i-0") });

        const JournalEntry third = makeEntry(QStringLiteral("i-2"), t0.addSecs(2));
        QVERIFY(!journal.record(third));
        QCOMPARE(journal.unsaved(), (QList<JournalEntry> { second, third }));
        QCOMPARE(problems.count(), 2); // the count of kept entries changed

        QCOMPARE(other.exec(QStringLiteral("ROLLBACK")), QString());
        const JournalEntry fourth = makeEntry(QStringLiteral("i-3"), t0.addSecs(3));
        QVERIFY2(journal.record(fourth), qPrintable(journal.problem()));
        QCOMPARE(journal.unsaved(), QList<JournalEntry>());
        QCOMPARE(journal.problem(), QString());
        QCOMPARE(problems.count(), 3);
        QCOMPARE(problems.at(2).at(0).toString(), QString());
        QCOMPARE(recorded.count(), 3);
        QStringList recordedInstances;
        for (const auto &arguments : std::as_const(recorded))
            recordedInstances.append(arguments.at(0).value<JournalEntry>().instanceId);
        QCOMPARE(recordedInstances,
            (QStringList { QStringLiteral("i-1"), QStringLiteral("i-2"), QStringLiteral("i-3") }));
        QCOMPARE(instancesOf(*journal.entries()),
            (QStringList { QStringLiteral("i-0"), QStringLiteral("i-1"), QStringLiteral("i-2"),
                QStringLiteral("i-3") }));
        const QList<qint64> ids = idsOf(*journal.entries());
        QVERIFY(ids.at(1) < ids.at(2) && ids.at(2) < ids.at(3));
    }

    void lockedAtOpenFailsFastAndRecovers()
    {
        // Another program creates the file and holds it: with the rollback journal (the
        // mode of a new file) an exclusive lock keeps readers out too.
        OtherConnection other(path());
        QCOMPARE(other.exec(QStringLiteral("BEGIN EXCLUSIVE")), QString());
        Journal journal(path());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!journal.open());
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY2(journal.problem().contains(QDir::toNativeSeparators(path())),
            qPrintable(journal.problem()));
        QVERIFY(!journal.record(makeEntry(QStringLiteral("i-1"))));
        QCOMPARE(journal.unsaved().size(), 1);

        QCOMPARE(other.exec(QStringLiteral("ROLLBACK")), QString());
        QVERIFY2(journal.flush(), qPrintable(journal.problem()));
        QVERIFY(journal.isOpen());
        QCOMPARE(journal.problem(), QString());
        QCOMPARE(journal.entries()->size(), 1);
    }

    void uncreatableFolderKeepsEntries()
    {
        // A regular file where the folder should be: mkpath fails, even for root.
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("blocker")), "x"));
        const QString inside = m_dir->filePath(QStringLiteral("blocker/journal.sqlite"));
        Journal journal(inside);
        QVERIFY(!journal.open());
        QVERIFY(journal.problem().contains(QDir::toNativeSeparators(inside)));
        QVERIFY(!journal.record(makeEntry(QStringLiteral("i-1"))));
        QCOMPARE(journal.unsaved().size(), 1);
    }

    void readOnlyFileKeepsEntriesUntilWritable()
    {
        if (geteuid() == 0)
            QSKIP("root ignores file permissions");
        {
            Journal creator(path());
            QVERIFY(creator.open());
        }
        QFile file(path());
        const auto permissions = file.permissions();
        QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::ReadUser));
        const QByteArray before = fileBytes(path());
        Journal journal(path());
        QVERIFY(!journal.open());
        QVERIFY(journal.problem().contains(QDir::toNativeSeparators(path())));
        QVERIFY(!journal.record(makeEntry(QStringLiteral("i-1"))));
        QCOMPARE(journal.unsaved().size(), 1);
        QCOMPARE(fileBytes(path()), before);

        QVERIFY(file.setPermissions(permissions));
        QVERIFY2(journal.record(makeEntry(QStringLiteral("i-2"))), qPrintable(journal.problem()));
        QCOMPARE(instancesOf(*journal.entries()),
            (QStringList { QStringLiteral("i-1"), QStringLiteral("i-2") }));
    }

    void readOnlyFolderKeepsEntries()
    {
        if (geteuid() == 0)
            QSKIP("root ignores file permissions");
        QFile folder(m_dir->path());
        const auto permissions = folder.permissions();
        QVERIFY(folder.setPermissions(QFile::ReadOwner | QFile::ExeOwner));
        Journal journal(path());
        const bool opened = journal.open();
        QVERIFY(folder.setPermissions(permissions));
        QVERIFY(!opened);
        QVERIFY(journal.problem().contains(QDir::toNativeSeparators(path())));
        QVERIFY(!QFile::exists(path()));
    }

    void thousandEntries()
    {
        Journal journal(path());
        QVERIFY(journal.open());
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 1000; ++i)
            QVERIFY(journal.record(makeEntry(QStringLiteral("i-%1").arg(i % 10), t0.addMSecs(i))));
        const qint64 writing = timer.restart();
        JournalQuery query;
        query.instanceId = QStringLiteral("i-3");
        query.limit = 50;
        const auto newest = journal.entries(query);
        const qint64 reading = timer.restart();
        Journal reopened(path());
        QVERIFY(reopened.open());
        const qint64 opening = timer.elapsed();
        qInfo("1000 record() calls: %lld ms; a limited query: %lld ms; open with check: %lld ms",
            writing, reading, opening);
        QVERIFY(newest.has_value());
        QCOMPARE(newest->size(), 50);
        QCOMPARE(newest->at(0).time, t0.addMSecs(993));
        QCOMPARE(journal.entries()->size(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
