#pragma once

#include <QSortFilterProxyModel>

namespace ecs {

// Search and sort for the snapshot tables. Search is a case-insensitive substring of the
// row's ModelRole::SearchText (ID, name and instance ID for instance snapshots; ID, name
// and source disk for disk snapshots); sorting uses ModelRole::Sort, so times sort as
// times and "Progressing (40%)" as 40. Rows that compare equal fall back to the first
// column, so the order never jumps between refreshes.
class SnapshotGroupFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SnapshotGroupFilterProxy(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    QString searchText() const { return m_search; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QString m_search; // trimmed, lower-case
};

} // namespace ecs
