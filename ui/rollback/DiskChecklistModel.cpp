#include "DiskChecklistModel.h"

#include "model/Disk.h"

#include <QGuiApplication>
#include <QPalette>

namespace ecs {

DiskChecklistModel::DiskChecklistModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void DiskChecklistModel::setDisks(const QList<DiskEligibility> &disks)
{
    bool sameDisks = disks.size() == m_disks.size();
    for (int row = 0; sameDisks && row < disks.size(); ++row)
        sameDisks = disks.at(row).diskId == m_disks.at(row).diskId;

    // The same disks again (a click re-ran the check): update in place, so the view keeps
    // its current row and scroll position.
    if (!sameDisks)
        beginResetModel();
    m_disks = disks;
    m_checked.clear();
    for (const DiskEligibility &disk : std::as_const(m_disks))
        m_checked.append(disk.selected && disk.canRollBack);
    if (!sameDisks)
        endResetModel();
    else if (!m_disks.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QStringList DiskChecklistModel::checkedDiskIds() const
{
    QStringList ids;
    for (int row = 0; row < m_disks.size(); ++row) {
        if (m_checked.at(row))
            ids.append(m_disks.at(row).diskId);
    }
    return ids;
}

void DiskChecklistModel::setAllChecked(bool checked)
{
    bool changed = false;
    for (int row = 0; row < m_disks.size(); ++row) {
        const bool value = checked && m_disks.at(row).canRollBack;
        changed = changed || m_checked.at(row) != value;
        m_checked[row] = value;
    }
    if (!changed)
        return;
    Q_EMIT dataChanged(index(0, DiskId), index(rowCount() - 1, DiskId), { Qt::CheckStateRole });
    Q_EMIT checkedChanged();
}

bool DiskChecklistModel::isCheckable(int row) const
{
    return row >= 0 && row < m_disks.size() && m_disks.at(row).canRollBack;
}

int DiskChecklistModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_disks.size());
}

int DiskChecklistModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiskChecklistModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DiskEligibility &disk = m_disks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(disk, index.column());
    case Qt::CheckStateRole:
        if (index.column() == DiskId)
            return m_checked.at(index.row()) ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        return disk.canRollBack
            ? tr("Disk %1 can be rolled back from snapshot %2.").arg(disk.diskId, disk.snapshotId)
            : whyNot(disk);
    case Qt::ForegroundRole:
        // Not checkable: the disabled look, from the palette (the row stays enabled so the
        // keyboard and screen readers still reach the reason).
        if (!disk.canRollBack)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QString DiskChecklistModel::displayText(const DiskEligibility &disk, int column) const
{
    switch (column) {
    case DiskId:
        return disk.diskId;
    case Type:
        if (disk.diskType == DiskTypeName::System)
            return tr("System");
        if (disk.diskType == DiskTypeName::Data)
            return tr("Data");
        return disk.diskType;
    case Category:
        return disk.category.isEmpty() ? tr("(gone)") : disk.category;
    case Size:
        return disk.sizeGiB > 0 ? QString::number(disk.sizeGiB) : QString();
    case SnapshotId:
        return disk.snapshotId;
    case CanRollBack:
        return disk.canRollBack ? tr("Yes")
                                : tr("No: %1").arg(disk.reasons.join(QStringLiteral("; ")));
    default:
        return {};
    }
}

QString DiskChecklistModel::whyNot(const DiskEligibility &disk) const
{
    if (disk.reasons.isEmpty())
        return tr("Disk %1 cannot be rolled back.").arg(disk.diskId);
    return tr("Disk %1 cannot be rolled back:\n%2")
        .arg(disk.diskId, disk.reasons.join(QLatin1Char('\n')));
}

QVariant DiskChecklistModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DiskId:
        return tr("Disk ID");
    case Type:
        return tr("System/Data");
    case Category:
        return tr("Category");
    case Size:
        return tr("Size (GiB)");
    case SnapshotId:
        return tr("Snapshot ID");
    case CanRollBack:
        return tr("Can roll back");
    default:
        return {};
    }
}

Qt::ItemFlags DiskChecklistModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == DiskId && isCheckable(index.row()))
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool DiskChecklistModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != DiskId || !isCheckable(index.row()))
        return false;
    const bool checked = value.toInt() == Qt::Checked;
    if (m_checked.at(index.row()) == checked)
        return true;
    m_checked[index.row()] = checked;
    Q_EMIT dataChanged(index, index, { Qt::CheckStateRole });
    Q_EMIT checkedChanged();
    return true;
}

} // namespace ecs
