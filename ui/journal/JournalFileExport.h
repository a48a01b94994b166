#pragma once

#include "journal/JournalEntry.h"

#include <QList>
#include <QString>

namespace ecs {

enum class JournalExportFormat { Csv, Json };

// Writes `entries` as CSV or JSON (journalToCsv / journalToJson) to `path` atomically:
// a half-written export never replaces a good file. "" on success, else why not.
QString writeJournalExport(
    const QString &path, JournalExportFormat format, const QList<JournalEntry> &entries);

} // namespace ecs
