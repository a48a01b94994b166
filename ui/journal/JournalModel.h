#pragma once

#include "journal/JournalEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace ecs {

// The audit journal's entries as a table, one row per entry. Entries the journal could
// not write yet (Journal::unsaved()) are listed too, marked, so an operation never
// vanishes from view because the file is broken.
class JournalModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        OperationColumn,
        KindColumn,
        ActionColumn,
        InstanceColumn,
        SnapshotGroupColumn,
        DisksColumn,
        OutcomeColumn,
        ErrorCodeColumn,
        RequestIdColumn,
        MessageColumn,
        ProfileColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // time as QDateTime, the rest as text
        UnsavedRole, // bool: not on disk yet
        SearchRole, // the full text of a cell (the operation's whole UUID), for search
    };

    explicit JournalModel(QObject *parent = nullptr);

    void setEntries(const QList<JournalEntry> &saved, const QList<JournalEntry> &unsaved = {});
    QList<JournalEntry> entries() const { return m_entries; }
    JournalEntry entry(int row) const { return m_entries.value(row); }
    bool isUnsaved(int row) const { return row >= m_savedCount; }

    // The time as the table shows it: local, to the second.
    static QString localTimeText(const QDateTime &time);
    static QString outcomeText(const QString &outcome);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const JournalEntry &entry, int column) const;
    QVariant toolTip(const JournalEntry &entry, int column, bool unsaved) const;

    QList<JournalEntry> m_entries;
    int m_savedCount = 0;
};

} // namespace ecs
