#include "JournalFileExport.h"

#include "journal/Journal.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace ecs {

QString writeJournalExport(
    const QString &path, JournalExportFormat format, const QList<JournalEntry> &entries)
{
    const QByteArray bytes
        = format == JournalExportFormat::Csv ? journalToCsv(entries) : journalToJson(entries);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        return QCoreApplication::translate("ecs::JournalView", "Could not write %1: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    }
    return {};
}

} // namespace ecs
