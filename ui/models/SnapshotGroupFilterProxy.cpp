#include "SnapshotGroupFilterProxy.h"

#include "ModelRoles.h"

namespace ecs {

SnapshotGroupFilterProxy::SnapshotGroupFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ModelRole::Sort);
    setDynamicSortFilter(true);
}

void SnapshotGroupFilterProxy::setSearchText(const QString &text)
{
    const QString search = text.trimmed().toLower();
    if (search == m_search)
        return;
    m_search = search;
    invalidateFilter();
}

bool SnapshotGroupFilterProxy::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_search.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(ModelRole::SearchText).toString().contains(m_search);
}

bool SnapshotGroupFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(ModelRole::Sort);
    const QVariant b = right.data(ModelRole::Sort);
    const QPartialOrdering order = QVariant::compare(a, b);
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater || left.column() == 0)
        return false;
    // Equal: the ID column decides, so equal rows keep one order.
    const QVariant idA = left.sibling(left.row(), 0).data(ModelRole::Sort);
    const QVariant idB = right.sibling(right.row(), 0).data(ModelRole::Sort);
    return QVariant::compare(idA, idB) == QPartialOrdering::Less;
}

} // namespace ecs
