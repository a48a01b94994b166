#pragma once

#include "JournalEntry.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace ecs {

struct JournalQuery
{
    QString instanceId; // empty: any
    QString operationId; // empty: any
    QDateTime from; // inclusive, UTC; invalid: open
    QDateTime to; // exclusive, UTC; invalid: open
    int limit = 0; // 0: no limit; newest first when limited
};

// The audit journal: an append-only SQLite database (Qt Sql, QSQLITE) in the app's data
// directory. Writing never blocks the caller for long and never loses an entry silently:
// when the file cannot be written (corrupt, locked, read-only, disk full) the entry is kept
// in memory, problem() says why, problemChanged() is emitted, and every later record() or
// flush() tries to write the backlog first. Entries that are never saved are still
// visible through unsaved() (the UI and CLI show them).
//
// A file that is not a journal (damaged, not SQLite, another program's database) or that
// a newer version wrote is never changed: open() fails and says why. Use it from one
// thread: QSqlDatabase connections belong to the thread that made them.
class Journal : public QObject
{
    Q_OBJECT

public:
    // PRAGMA user_version of the schema this version writes.
    static constexpr int SchemaVersion = 2;

    explicit Journal(QString filePath, QObject *parent = nullptr);
    ~Journal() override;

    // <AppDataLocation>/journal.sqlite
    static QString defaultPath();

    // Opens (creating file, directory and schema as needed). False and problem() set
    // when it cannot; record() still keeps entries in memory then, and record() and
    // flush() try to open it again.
    bool open();
    bool isOpen() const { return m_open; }
    QString filePath() const { return m_filePath; }
    // Why the journal cannot be written right now; empty when it can.
    QString problem() const { return m_problem; }

    // Appends `entry` (time set if invalid). Returns true when it is on disk.
    bool record(JournalEntry entry);
    // Writes the backlog; true when nothing is left unsaved.
    bool flush();
    QList<JournalEntry> unsaved() const { return m_backlog; }

    // Oldest first (newest first with a limit); by time, then id. Only what is on disk:
    // see unsaved() for the rest. nullopt and problem() set on failure or when not open.
    std::optional<QList<JournalEntry>> entries(const JournalQuery &query = {}) const;

Q_SIGNALS:
    void recorded(const ecs::JournalEntry &entry);
    void problemChanged(const QString &problem);

private:
    QString openDatabase();
    void closeDatabase();
    // Inserts `entry` and sets its id; on failure `error` gets the driver's text.
    bool writeOne(JournalEntry &entry, QString *error);
    QString withBacklog(const QString &reason) const;
    void setProblem(const QString &problem) const;

    QString m_filePath;
    QString m_connectionName; // unique per Journal: QSqlDatabase connections are named
    bool m_open = false; // open, schema checked, writable
    QString m_openProblem; // why open() failed last; empty after a success
    mutable QString m_problem;
    mutable bool m_problemFromRead = false; // set by a failed entries(), cleared by a good one
    QList<JournalEntry> m_backlog;
};

// Exports: CSV per RFC 4180 with a header row (the column names of the table; diskIds
// joined with ';', times ISO 8601 UTC with milliseconds, CRLF line ends), and JSON as
// {"entries": [{...}]} with the JournalEntry field names (camelCase), indented.
// CSV guards against formula injection: a text field that starts with = + - @, a tab or
// a carriage return gets a leading apostrophe, so a spreadsheet shows it as text.
QByteArray journalToCsv(const QList<JournalEntry> &entries);
QByteArray journalToJson(const QList<JournalEntry> &entries);

} // namespace ecs
