#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace ecs {

// The row bookkeeping shared by the snapshot tables: rows of value type T, each with a
// unique ID (keyOf), appended page by page while a listing arrives, or replaced in
// place on refresh. Replacing never resets the model: changed rows get dataChanged, gone
// rows are removed, new ones appended, so a view keeps its selection and scroll position.
// A template without Q_OBJECT of its own; the concrete models add it.
template<typename T>
class KeyedRowsModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

    void clear()
    {
        if (m_rows.isEmpty())
            return;
        beginResetModel();
        m_rows.clear();
        m_rowById.clear();
        endResetModel();
    }

    // Rows whose ID is already present update that row instead of duplicating it (a
    // listing that changes under us between pages may repeat an item).
    void appendRows(const QList<T> &items)
    {
        QList<T> fresh;
        QSet<QString> freshIds;
        fresh.reserve(items.size());
        for (const T &item : items) {
            const QString id = keyOf(item);
            const int row = rowOf(id);
            if (row >= 0)
                updateRow(row, item);
            else if (!freshIds.contains(id)) {
                freshIds.insert(id);
                fresh.append(item);
            }
        }
        if (fresh.isEmpty())
            return;
        const int first = rowCount();
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (const T &item : fresh) {
            m_rowById.insert(keyOf(item), static_cast<int>(m_rows.size()));
            m_rows.append(item);
        }
        endInsertRows();
    }

    void replaceRows(const QList<T> &items)
    {
        QHash<QString, int> wanted; // ID → index in items
        wanted.reserve(items.size());
        for (int i = 0; i < items.size(); ++i)
            wanted.insert(keyOf(items.at(i)), i);

        // Remove gone rows from the end, one contiguous run per signal pair.
        int row = rowCount() - 1;
        while (row >= 0) {
            if (wanted.contains(keyOf(m_rows.at(row)))) {
                --row;
                continue;
            }
            const int last = row;
            while (row >= 0 && !wanted.contains(keyOf(m_rows.at(row))))
                --row;
            beginRemoveRows({}, row + 1, last);
            m_rows.remove(row + 1, last - row);
            endRemoveRows();
        }
        m_rowById.clear();
        for (int i = 0; i < m_rows.size(); ++i)
            m_rowById.insert(keyOf(m_rows.at(i)), i);

        // appendRows updates survivors in place and puts new ones at the end (the proxy
        // sorts).
        appendRows(items);
    }

    const T &rowAt(int row) const { return m_rows.at(row); }
    // -1 when absent.
    int rowOf(const QString &id) const { return m_rowById.value(id, -1); }
    const QList<T> &rows() const { return m_rows; }

protected:
    virtual QString keyOf(const T &item) const = 0;

private:
    void updateRow(int row, const T &item)
    {
        if (m_rows.at(row) == item)
            return;
        m_rows[row] = item;
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }

    QList<T> m_rows;
    QHash<QString, int> m_rowById;
};

} // namespace ecs
