#include "Journal.h"

#include "api/Redaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSignalBlocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

#include <utility>

namespace ecs {

namespace {

// ecs.core.journal: open and write failures with the file path and SQLite's text. Never an
// entry's message: the journal's content is the user's, not the log's.
Q_LOGGING_CATEGORY(lcEcsJournal, "ecs.core.journal", QtInfoMsg)

// SQLite primary result codes (sqlite3.h), as QSqlError::nativeErrorCode() reports them.
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteNotADatabase = 26;

// How long a statement waits for another connection's lock: short, because record() runs on
// the GUI thread, and an entry that cannot be written is kept in memory anyway.
constexpr int busyTimeoutMs = 200;

// The columns in JournalEntry order; SELECT and INSERT use the same list.
constexpr QLatin1String columnList("time, operation_id, kind, profile, region_id, instance_id, "
                                   "snapshot_group_id, disk_ids, action, request_id, outcome, "
                                   "error_code, message, detail");

// Text columns are NOT NULL with '' as default, so SQL over the file needs no IS NULL.
constexpr const char *schemaStatements[] = {
    "CREATE TABLE IF NOT EXISTS entries ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " time TEXT NOT NULL," // ISO 8601 UTC with ms: sorts as text
    " operation_id TEXT NOT NULL DEFAULT '',"
    " kind TEXT NOT NULL DEFAULT '',"
    " profile TEXT NOT NULL DEFAULT '',"
    " region_id TEXT NOT NULL DEFAULT '',"
    " instance_id TEXT NOT NULL DEFAULT '',"
    " snapshot_group_id TEXT NOT NULL DEFAULT '',"
    " disk_ids TEXT NOT NULL DEFAULT '[]'," // JSON array
    " action TEXT NOT NULL DEFAULT '',"
    " request_id TEXT NOT NULL DEFAULT '',"
    " outcome TEXT NOT NULL DEFAULT '',"
    " error_code TEXT NOT NULL DEFAULT '',"
    " message TEXT NOT NULL DEFAULT '',"
    " detail TEXT NOT NULL DEFAULT '')", // JSON object for machines (v2), '' when none
    "CREATE INDEX IF NOT EXISTS entries_instance_time ON entries (instance_id, time)",
    "CREATE INDEX IF NOT EXISTS entries_time ON entries (time)",
    "PRAGMA user_version = 2",
};
static_assert(Journal::SchemaVersion == 2, "schemaStatements set user_version 2");

// From each version to the next; index 0 takes version 1 to 2.
constexpr const char *migrationStatements[] = {
    // v2: the write-ahead records of crash-safe jobs carry their plan and step as JSON.
    "ALTER TABLE entries ADD COLUMN detail TEXT NOT NULL DEFAULT ''",
};

int sqliteCode(const QSqlError &error)
{
    // Extended codes carry the primary code in their low byte.
    return error.nativeErrorCode().toInt() & 0xff;
}

QString errorText(const QSqlError &error)
{
    const QString text = error.databaseText();
    return text.isEmpty() ? error.driverText() : text;
}

QString timeText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// A null QString binds as SQL NULL, which the NOT NULL columns refuse.
QVariant text(const QString &value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

QString diskIdsText(const QStringList &diskIds)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(diskIds)).toJson(QJsonDocument::Compact));
}

QStringList diskIdsFromText(const QString &json)
{
    QStringList ids;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array)
        ids.append(value.toString());
    return ids;
}

JournalEntry entryFromRow(const QSqlQuery &query)
{
    JournalEntry entry;
    entry.id = query.value(0).toLongLong();
    entry.time = QDateTime::fromString(query.value(1).toString(), Qt::ISODateWithMs);
    entry.operationId = query.value(2).toString();
    entry.kind = query.value(3).toString();
    entry.profile = query.value(4).toString();
    entry.regionId = query.value(5).toString();
    entry.instanceId = query.value(6).toString();
    entry.snapshotGroupId = query.value(7).toString();
    entry.diskIds = diskIdsFromText(query.value(8).toString());
    entry.action = query.value(9).toString();
    entry.requestId = query.value(10).toString();
    entry.outcome = query.value(11).toString();
    entry.errorCode = query.value(12).toString();
    entry.message = query.value(13).toString();
    entry.detail = query.value(14).toString();
    return entry;
}

QSqlError createSchema(QSqlDatabase &db)
{
    if (!db.transaction())
        return db.lastError();
    QSqlQuery create(db);
    for (const char *statement : schemaStatements) {
        if (!create.exec(QString::fromLatin1(statement))) {
            const QSqlError error = create.lastError();
            create.finish();
            db.rollback();
            return error;
        }
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        return error;
    }
    return {};
}

// Write-ahead log: one fsync per entry where the rollback journal needs several (about 4 ms
// instead of 18 ms per record() on the build machine), and readers never wait for a writer.
// It is a property of the file; where it is unavailable (some network file systems) the
// rollback journal stays. synchronous=FULL keeps each written entry through a power cut.
// One transaction from `version` to SchemaVersion: a migration that fails leaves the file
// as it was.
QSqlError migrateSchema(QSqlDatabase &db, int version)
{
    if (!db.transaction())
        return db.lastError();
    QSqlQuery migrate(db);
    for (int from = version; from < Journal::SchemaVersion; ++from) {
        if (!migrate.exec(QString::fromLatin1(migrationStatements[from - 1]))) {
            const QSqlError error = migrate.lastError();
            migrate.finish();
            db.rollback();
            return error;
        }
    }
    if (!migrate.exec(QStringLiteral("PRAGMA user_version = %1").arg(Journal::SchemaVersion))) {
        const QSqlError error = migrate.lastError();
        migrate.finish();
        db.rollback();
        return error;
    }
    migrate.finish();
    if (!db.commit())
        return db.lastError();
    return {};
}

void useWriteAheadLog(const QSqlDatabase &db)
{
    QSqlQuery pragma(db);
    if (!pragma.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !pragma.next()
        || pragma.value(0).toString() != QLatin1String("wal"))
        qCInfo(lcEcsJournal).noquote()
            << "no write-ahead log, keeping the rollback journal:" << errorText(pragma.lastError());
    pragma.finish();
    pragma.exec(QStringLiteral("PRAGMA synchronous = FULL"));
}

} // namespace

Journal::Journal(QString filePath, QObject *parent)
    : QObject(parent)
    , m_filePath(std::move(filePath))
    , m_connectionName(
          QLatin1String("ecs-journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{ }

Journal::~Journal()
{
    if (!m_backlog.isEmpty()) {
        // One last attempt; nobody is left to hear about it.
        const QSignalBlocker blocker(this);
        flush();
        if (!m_backlog.isEmpty())
            qCWarning(lcEcsJournal)
                << m_backlog.size() << "entries were never written to" << m_filePath;
    }
    if (QSqlDatabase::contains(m_connectionName)) {
        closeDatabase(); // its QSqlDatabase copy is gone when this returns
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString Journal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QLatin1String("/journal.sqlite");
}

bool Journal::open()
{
    if (m_open)
        return true;
    const QString previous = m_openProblem;
    m_openProblem = openDatabase();
    m_open = m_openProblem.isEmpty();
    if (!m_open) {
        // Closed so that the next attempt opens the path again: a file the user moved
        // away must not stay in use through our file handle.
        closeDatabase();
        if (m_openProblem != previous) // record() retries; the log says it once
            qCWarning(lcEcsJournal).noquote() << m_openProblem;
        setProblem(withBacklog(m_openProblem));
        return false;
    }
    if (m_backlog.isEmpty())
        setProblem({});
    else
        flush(); // clears the problem once all is written
    return m_open;
}

// Empty when the file is a journal we can write; else why not, for people.
QString Journal::openDatabase()
{
    const QString path = QDir::toNativeSeparators(m_filePath);
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return tr("The audit journal %1 cannot be opened: the Qt SQLite driver (QSQLITE) is "
                  "not installed.")
            .arg(path);
    const QFileInfo info(m_filePath);
    if (!QDir().mkpath(info.absolutePath()))
        return tr("The folder of the audit journal %1 could not be created.").arg(path);
    // Refused before SQLite sees it: SQLite would open it for reading and create the
    // write-ahead log's side files with the file's read-only permissions, which then stay
    // read-only after the user makes the journal writable again.
    if (info.exists() && !info.isWritable())
        return tr("The audit journal %1 is read-only.").arg(path);

    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
        ? QSqlDatabase::database(m_connectionName, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs));
    if (!db.isOpen() && !db.open())
        return tr("The audit journal %1 could not be opened: %2.")
            .arg(path, errorText(db.lastError()));

    const auto failed = [&](const QSqlError &error) {
        const int code = sqliteCode(error);
        if (code == sqliteNotADatabase || code == sqliteCorrupt)
            return tr("The audit journal %1 is damaged or is not a database (%2). It was left "
                      "as it is; move it away to start a new journal.")
                .arg(path, errorText(error));
        if (code == sqliteBusy || code == sqliteLocked)
            return tr("The audit journal %1 could not be opened: %2. Another program is "
                      "using it.")
                .arg(path, errorText(error));
        return tr("The audit journal %1 could not be opened: %2.").arg(path, errorText(error));
    };

    // Only reads until the file is known to be ours: nothing is written to a file we do
    // not recognise. quick_check reads every page (milliseconds for a journal's size).
    QSqlQuery check(db);
    if (!check.exec(QStringLiteral("PRAGMA quick_check")))
        return failed(check.lastError());
    QStringList findings;
    while (check.next())
        findings.append(check.value(0).toString());
    if (findings != QStringList { QStringLiteral("ok") })
        return tr("The audit journal %1 is damaged (%2). It was left as it is; move it away to "
                  "start a new journal.")
            .arg(path, findings.mid(0, 3).join(QLatin1String("; ")));

    if (!check.exec(QStringLiteral("PRAGMA user_version")) || !check.next())
        return failed(check.lastError());
    const int version = check.value(0).toInt();
    if (version > SchemaVersion)
        return tr("The audit journal %1 was written by a newer version of this application "
                  "(schema %2; this version knows %3). It is left unchanged; new entries are not "
                  "saved.")
            .arg(path)
            .arg(version)
            .arg(SchemaVersion);
    if (version == 0) {
        // A new, empty file, or some other program's SQLite database.
        if (!check.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !check.next())
            return failed(check.lastError());
        if (check.value(0).toInt() > 0)
            return tr("The file %1 is an SQLite database, but not an audit journal. It was left "
                      "as it is; choose another file.")
                .arg(path);
        check.finish();
        const QSqlError error = createSchema(db);
        if (error.isValid())
            return failed(error);
    }
    check.finish();
    if (version > 0 && version < SchemaVersion) {
        const QSqlError error = migrateSchema(db, version);
        if (error.isValid())
            return failed(error);
    }
    useWriteAheadLog(db);
    return {};
}

void Journal::closeDatabase()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    db.close();
}

bool Journal::record(JournalEntry entry)
{
    if (!entry.time.isValid())
        entry.time = QDateTime::currentDateTimeUtc();
    entry.id = 0;
    // Defence in depth: the texts should come redacted (ApiCall does it), but the
    // journal is kept and exported, so it never takes a secret's word for it.
    entry.errorCode = redactSecrets(entry.errorCode);
    entry.message = redactSecrets(entry.message);
    // The detail is JSON the app builds, but it may quote a service message too.
    entry.detail = redactSecrets(entry.detail);
    // Behind the backlog, so entries reach the file in the order they were recorded.
    m_backlog.append(entry);
    return flush();
}

bool Journal::flush()
{
    if (m_backlog.isEmpty())
        return true;
    if (!open())
        return false; // open() has set the problem, with the backlog's size
    while (!m_backlog.isEmpty()) {
        JournalEntry entry = m_backlog.constFirst();
        QString error;
        if (!writeOne(entry, &error)) {
            setProblem(withBacklog(tr("The audit journal %1 could not be written: %2.")
                                       .arg(QDir::toNativeSeparators(m_filePath), error)));
            return false;
        }
        m_backlog.removeFirst();
        Q_EMIT recorded(entry);
    }
    setProblem({});
    return true;
}

bool Journal::writeOne(JournalEntry &entry, QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery insert(db);
    const bool prepared = insert.prepare(QLatin1String("INSERT INTO entries (") + columnList
        + QLatin1String(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (prepared) {
        insert.addBindValue(timeText(entry.time));
        insert.addBindValue(text(entry.operationId));
        insert.addBindValue(text(entry.kind));
        insert.addBindValue(text(entry.profile));
        insert.addBindValue(text(entry.regionId));
        insert.addBindValue(text(entry.instanceId));
        insert.addBindValue(text(entry.snapshotGroupId));
        insert.addBindValue(diskIdsText(entry.diskIds));
        insert.addBindValue(text(entry.action));
        insert.addBindValue(text(entry.requestId));
        insert.addBindValue(text(entry.outcome));
        insert.addBindValue(text(entry.errorCode));
        insert.addBindValue(text(entry.message));
        insert.addBindValue(text(entry.detail));
    }
    if (prepared && insert.exec()) {
        entry.id = insert.lastInsertId().toLongLong();
        return true;
    }
    const QSqlError sqlError = insert.lastError();
    *error = errorText(sqlError);
    qCWarning(lcEcsJournal).noquote() << "writing to" << m_filePath << "failed:" << *error;
    const int code = sqliteCode(sqlError);
    if (code != sqliteBusy && code != sqliteLocked) {
        // Read-only, damaged, replaced, disk full: the next attempt opens and checks the
        // file again. A lock only needs waiting for.
        insert.finish();
        m_open = false;
        closeDatabase();
    }
    return false;
}

std::optional<QList<JournalEntry>> Journal::entries(const JournalQuery &query) const
{
    const QString path = QDir::toNativeSeparators(m_filePath);
    if (!m_open) {
        setProblem(m_openProblem.isEmpty() ? tr("The audit journal %1 is not open.").arg(path)
                                           : withBacklog(m_openProblem));
        return std::nullopt;
    }
    QStringList conditions;
    QVariantList values;
    if (!query.instanceId.isEmpty()) {
        conditions.append(QStringLiteral("instance_id = ?"));
        values.append(query.instanceId);
    }
    if (!query.operationId.isEmpty()) {
        conditions.append(QStringLiteral("operation_id = ?"));
        values.append(query.operationId);
    }
    // The stored text sorts like the instants it names (fixed width, UTC).
    if (query.from.isValid()) {
        conditions.append(QStringLiteral("time >= ?"));
        values.append(timeText(query.from));
    }
    if (query.to.isValid()) {
        conditions.append(QStringLiteral("time < ?"));
        values.append(timeText(query.to));
    }
    QString sql = QLatin1String("SELECT id, ") + columnList + QLatin1String(" FROM entries");
    if (!conditions.isEmpty())
        sql += QLatin1String(" WHERE ") + conditions.join(QLatin1String(" AND "));
    if (query.limit > 0) {
        sql += QLatin1String(" ORDER BY time DESC, id DESC LIMIT ?");
        values.append(query.limit);
    } else {
        sql += QLatin1String(" ORDER BY time, id");
    }

    QSqlQuery select(QSqlDatabase::database(m_connectionName, false));
    select.setForwardOnly(true);
    bool ok = select.prepare(sql);
    for (const QVariant &value : std::as_const(values))
        select.addBindValue(value);
    ok = ok && select.exec();
    QList<JournalEntry> result;
    while (ok && select.next())
        result.append(entryFromRow(select));
    if (!ok || select.lastError().isValid()) {
        setProblem(tr("The audit journal %1 could not be read: %2.")
                       .arg(path, errorText(select.lastError())));
        m_problemFromRead = true;
        return std::nullopt;
    }
    if (m_problemFromRead)
        setProblem({});
    return result;
}

QString Journal::withBacklog(const QString &reason) const
{
    const auto count = m_backlog.size();
    if (count == 0)
        return reason;
    const QString kept = count == 1
        ? tr("One entry is kept in memory until the journal can be written.")
        : tr(
            "%n entries are kept in memory until the journal can be written.", nullptr, int(count));
    return reason + QLatin1Char(' ') + kept;
}

void Journal::setProblem(const QString &problem) const
{
    m_problemFromRead = false;
    if (problem == m_problem)
        return;
    m_problem = problem;
    // problem() is part of the state that const readers report, hence the cast.
    Q_EMIT const_cast<Journal *>(this)->problemChanged(m_problem);
}

} // namespace ecs
