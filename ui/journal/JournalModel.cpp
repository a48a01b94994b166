#include "JournalModel.h"

#include <QApplication>
#include <QFont>
#include <QStyle>

namespace ecs {

JournalModel::JournalModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void JournalModel::setEntries(const QList<JournalEntry> &saved, const QList<JournalEntry> &unsaved)
{
    beginResetModel();
    m_entries = saved;
    m_entries.append(unsaved);
    m_savedCount = int(saved.size());
    endResetModel();
}

QString JournalModel::localTimeText(const QDateTime &time)
{
    // ISO-like order sorts and reads the same in every locale; the zone is the user's.
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                          : QString();
}

QString JournalModel::outcomeText(const QString &outcome)
{
    if (outcome == JournalOutcome::Passed)
        return tr("Passed");
    if (outcome == JournalOutcome::Blocked)
        return tr("Blocked");
    if (outcome == JournalOutcome::Started)
        return tr("Started");
    if (outcome == JournalOutcome::Succeeded)
        return tr("Succeeded");
    if (outcome == JournalOutcome::Failed)
        return tr("Failed");
    if (outcome == JournalOutcome::Unknown)
        return tr("Unknown");
    if (outcome == JournalOutcome::Cancelled)
        return tr("Cancelled");
    if (outcome == JournalOutcome::Partial)
        return tr("Partial");
    return outcome; // written by a newer version: shown as it is
}

int JournalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int JournalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString JournalModel::text(const JournalEntry &entry, int column) const
{
    switch (column) {
    case TimeColumn:
        return localTimeText(entry.time);
    case OperationColumn:
        // The first block of the UUID tells operations apart on screen; the tooltip,
        // search and exports have all of it.
        return entry.operationId.section(QLatin1Char('-'), 0, 0);
    case KindColumn:
        return entry.kind;
    case ActionColumn:
        return entry.action;
    case InstanceColumn:
        return entry.instanceId;
    case SnapshotGroupColumn:
        return entry.snapshotGroupId;
    case DisksColumn:
        return entry.diskIds.join(QStringLiteral(", "));
    case OutcomeColumn:
        return outcomeText(entry.outcome);
    case ErrorCodeColumn:
        return entry.errorCode;
    case RequestIdColumn:
        return entry.requestId;
    case MessageColumn:
        return entry.message;
    case ProfileColumn:
        return entry.profile;
    }
    return {};
}

QVariant JournalModel::toolTip(const JournalEntry &entry, int column, bool unsaved) const
{
    QString tip;
    switch (column) {
    case TimeColumn:
        tip = entry.time.toUTC().toString(Qt::ISODateWithMs);
        break;
    case OperationColumn:
        tip = entry.operationId;
        break;
    case OutcomeColumn:
        tip = entry.outcome;
        break;
    case ActionColumn:
    case RequestIdColumn:
    case DisksColumn:
    case MessageColumn:
        // Elided in the middle when the column is narrow: the whole text is here.
        tip = text(entry, column);
        break;
    default:
        break;
    }
    if (unsaved) {
        const QString note = tr("Not saved to the journal file yet");
        tip = tip.isEmpty() ? note : tip + QLatin1Char('\n') + note;
    }
    return tip.isEmpty() ? QVariant() : QVariant(tip);
}

QVariant JournalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalEntry &entry = m_entries.at(index.row());
    const bool unsaved = isUnsaved(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return text(entry, index.column());
    case Qt::ToolTipRole:
        return toolTip(entry, index.column(), unsaved);
    case Qt::FontRole:
        if (unsaved) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == OutcomeColumn && QApplication::style()) {
            // With the word, never instead of it.
            if (entry.outcome == JournalOutcome::Failed)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical);
            if (entry.outcome == JournalOutcome::Unknown
                || entry.outcome == JournalOutcome::Partial)
                return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        }
        break;
    case SortRole:
        if (index.column() == TimeColumn)
            return entry.time;
        return text(entry, index.column());
    case UnsavedRole:
        return unsaved;
    case SearchRole:
        if (index.column() == OperationColumn)
            return entry.operationId;
        if (index.column() == OutcomeColumn)
            return QString(entry.outcome + QLatin1Char(' ') + outcomeText(entry.outcome));
        return text(entry, index.column());
    }
    return {};
}

QVariant JournalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OperationColumn:
        return tr("Operation");
    case KindColumn:
        return tr("Kind");
    case ActionColumn:
        return tr("Action");
    case InstanceColumn:
        return tr("Instance");
    case SnapshotGroupColumn:
        return tr("Instance snapshot");
    case DisksColumn:
        return tr("Disks");
    case OutcomeColumn:
        return tr("Outcome");
    case ErrorCodeColumn:
        return tr("Error code");
    case RequestIdColumn:
        return tr("Request ID");
    case MessageColumn:
        return tr("Message");
    case ProfileColumn:
        return tr("Profile");
    }
    return {};
}

} // namespace ecs
