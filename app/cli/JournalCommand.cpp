#include "JournalCommand.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ExitCodes.h"
#include "journal/Journal.h"

#include <QFileInfo>
#include <QSaveFile>

namespace ecs::cli {

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

} // namespace

void JournalCommand::start()
{
    Journal &journal = m_session.journal();
    QList<JournalEntry> entries;
    // Reading a journal that was never written shows nothing rather than creating one.
    if (QFileInfo::exists(journal.filePath())) {
        if (!journal.open()) {
            m_output.error(journal.problem());
            finish(ExitError);
            return;
        }
        JournalQuery query;
        query.instanceId = m_options.instanceId;
        query.from = m_options.since;
        query.to = m_options.until;
        const std::optional<QList<JournalEntry>> found = journal.entries(query);
        if (!found) {
            m_output.error(journal.problem());
            finish(ExitError);
            return;
        }
        entries = *found;
    }

    QByteArray data;
    if (m_options.format == QLatin1String("csv"))
        data = journalToCsv(entries);
    else if (m_options.format == QLatin1String("json"))
        data = journalToJson(entries);
    else
        data = textTable(entries);
    finish(write(data) ? ExitDone : ExitError);
}

QByteArray JournalCommand::textTable(const QList<JournalEntry> &entries) const
{
    if (entries.isEmpty())
        return tr("No journal entries in %1.\n").arg(m_session.journal().filePath()).toUtf8();
    QList<QStringList> rows;
    for (const JournalEntry &entry : entries) {
        QString detail = entry.errorCode;
        if (!entry.message.isEmpty())
            detail += (detail.isEmpty() ? QString() : QStringLiteral(": ")) + entry.message;
        rows.append({ CliOutput::time(entry.time), entry.operationId.left(8), entry.kind,
            entry.action, orDash(entry.instanceId), orDash(entry.diskIds.join(QLatin1Char(','))),
            entry.outcome, orDash(entry.requestId), orDash(detail) });
    }
    return (CliOutput::formatTable(
                { tr("TIME"), tr("OPERATION"), tr("KIND"), tr("ACTION"), tr("INSTANCE"),
                    tr("DISKS"), tr("OUTCOME"), tr("REQUEST ID"), tr("DETAIL") },
                rows)
        + QLatin1Char('\n'))
        .toUtf8();
}

bool JournalCommand::write(const QByteArray &data)
{
    if (m_options.outputFile.isEmpty()) {
        m_output.out() << QString::fromUtf8(data);
        return true;
    }
    // Written whole or not at all: a half export is worse than none.
    QSaveFile file(m_options.outputFile);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        m_output.error(tr("Could not write %1: %2").arg(m_options.outputFile, file.errorString()));
        return false;
    }
    m_output.progress(
        tr("Wrote the journal (%1 bytes) to %2.").arg(data.size()).arg(m_options.outputFile));
    return true;
}

} // namespace ecs::cli
