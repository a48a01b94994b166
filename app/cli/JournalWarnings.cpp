#include "JournalWarnings.h"

#include "CliOutput.h"
#include "journal/Journal.h"

#include <QJsonArray>

namespace ecs::cli {

JournalWarnings::JournalWarnings(Journal &journal, CliOutput &output, QObject *parent)
    : QObject(parent)
    , m_journal(journal)
    , m_output(output)
{
    connect(&m_journal, &Journal::problemChanged, this, &JournalWarnings::warn);
}

void JournalWarnings::open()
{
    if (!m_journal.open())
        warn(m_journal.problem());
}

void JournalWarnings::warn(const QString &problem)
{
    // Said when writing starts to fail, not again for each entry that then piles up (the
    // journal's text counts them); said again if it fails anew after a recovery.
    if (problem.isEmpty()) {
        m_warned = false;
        return;
    }
    if (m_warned)
        return;
    m_warned = true;
    m_output.warning(tr("%1 Entries are kept in memory and listed at the end; the operation "
                        "goes on.")
                         .arg(problem));
}

void JournalWarnings::reportUnsaved()
{
    if (m_journal.unsaved().isEmpty() || m_journal.flush())
        return;
    const QList<JournalEntry> unsaved = m_journal.unsaved();
    m_output.warning(
        tr("%n journal entry(s) could not be saved to %1:", nullptr, int(unsaved.size()))
            .arg(m_journal.filePath()));
    for (const JournalEntry &entry : unsaved) {
        QStringList fields { CliOutput::time(entry.time), entry.kind, entry.action, entry.outcome };
        if (!entry.diskIds.isEmpty())
            fields.append(entry.diskIds.join(QLatin1Char(',')));
        if (!entry.requestId.isEmpty())
            fields.append(tr("RequestId %1").arg(entry.requestId));
        if (!entry.errorCode.isEmpty())
            fields.append(entry.errorCode);
        if (!entry.message.isEmpty())
            fields.append(entry.message);
        m_output.progress(QLatin1String("  ") + fields.join(QLatin1String("  ")));
    }
}

QJsonObject JournalWarnings::toJson() const
{
    QJsonArray unsaved;
    for (const JournalEntry &entry : m_journal.unsaved()) {
        unsaved.append(QJsonObject { { QStringLiteral("time"), CliOutput::jsonTime(entry.time) },
            { QStringLiteral("kind"), entry.kind }, { QStringLiteral("action"), entry.action },
            { QStringLiteral("outcome"), entry.outcome },
            { QStringLiteral("requestId"), entry.requestId },
            { QStringLiteral("diskIds"), QJsonArray::fromStringList(entry.diskIds) },
            { QStringLiteral("errorCode"), entry.errorCode },
            { QStringLiteral("message"), entry.message } });
    }
    return QJsonObject { { QStringLiteral("file"), m_journal.filePath() },
        { QStringLiteral("problem"), m_journal.problem() },
        { QStringLiteral("unsaved"), unsaved } };
}

} // namespace ecs::cli
