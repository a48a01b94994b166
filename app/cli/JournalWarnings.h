#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace ecs {
class Journal;
}

namespace ecs::cli {

class CliOutput;

// The journal during an operation (check, stop, rollback): a journal that cannot be
// written is a warning on stderr, never a reason to stop — the operation matters more
// than its record, and the entries it could not save are listed at the end instead.
class JournalWarnings : public QObject
{
    Q_OBJECT

public:
    JournalWarnings(Journal &journal, CliOutput &output, QObject *parent = nullptr);

    // Opens the journal; warns if it cannot be written.
    void open();
    // Tries once more to write the backlog, then lists on stderr what is still unsaved.
    void reportUnsaved();
    // {"file", "problem", "unsaved"} for --json results.
    QJsonObject toJson() const;

private:
    void warn(const QString &problem);

    Journal &m_journal;
    CliOutput &m_output;
    bool m_warned = false;
};

} // namespace ecs::cli
