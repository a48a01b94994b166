#include "DiskSnapshotTableModel.h"

#include "SnapshotTexts.h"

namespace ecs {

namespace {

int sortableProgress(const Snapshot &snapshot)
{
    if (snapshot.status == SnapshotStatusName::Failed)
        return -1;
    return snapshot.isAccomplished() ? 100 : snapshot.progress;
}

} // namespace

DiskSnapshotTableModel::DiskSnapshotTableModel(QObject *parent)
    : KeyedRowsModel<Snapshot>(parent)
{ }

int DiskSnapshotTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DiskSnapshotTableModel::hasProgressing() const
{
    for (const Snapshot &snapshot : rows()) {
        if (snapshot.status == SnapshotStatusName::Progressing)
            return true;
    }
    return false;
}

QVariant DiskSnapshotTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Snapshot &snapshot = snapshotAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(snapshot, column);
    case Qt::AccessibleTextRole:
        return displayData(snapshot, column)
            .toString()
            .replace(QLatin1Char('\n'), QLatin1String(", "));
    case Qt::ToolTipRole:
        if (column == IdAndName)
            return snapshot.description.isEmpty() ? snapshot.snapshotId : snapshot.description;
        if (column == CreationTime)
            return snapshot.creationTime.toLocalTime().toString(Qt::TextDate);
        return {};
    case Qt::TextAlignmentRole:
        if (column == Size)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(snapshot, column);
    case ModelRole::SearchText:
        return QStringList { snapshot.snapshotId, snapshot.snapshotName, snapshot.sourceDiskId }
            .join(QLatin1Char(' '))
            .toLower();
    case ModelRole::IsAction:
        return false;
    case SnapshotIdRole:
        return snapshot.snapshotId;
    case SourceDiskIdRole:
        return snapshot.sourceDiskId;
    case IsProgressingRole:
        return snapshot.status == SnapshotStatusName::Progressing;
    default:
        return {};
    }
}

QVariant DiskSnapshotTableModel::displayData(const Snapshot &snapshot, int column) const
{
    switch (column) {
    case IdAndName:
        return snapshot.snapshotName.isEmpty()
            ? snapshot.snapshotId
            : snapshot.snapshotId + QLatin1Char('\n') + snapshot.snapshotName;
    case SourceDisk:
        return tr("%1 (%2)").arg(
            snapshot.sourceDiskId, SnapshotTexts::diskType(snapshot.sourceDiskType));
    case Status:
        return SnapshotTexts::status(snapshot.status, snapshot.progress);
    case Size:
        return tr("%1 GiB").arg(snapshot.sourceDiskSize);
    case CreationTime:
        return SnapshotTexts::time(snapshot.creationTime);
    case InstantAccess:
        return snapshot.instantAccess ? tr("Enabled") : tr("Disabled");
    default:
        return {};
    }
}

QVariant DiskSnapshotTableModel::sortData(const Snapshot &snapshot, int column) const
{
    switch (column) {
    case IdAndName:
        return snapshot.snapshotId;
    case SourceDisk:
        return snapshot.sourceDiskId;
    case Status:
        return sortableProgress(snapshot);
    case Size:
        return snapshot.sourceDiskSize;
    case CreationTime:
        return snapshot.creationTime;
    case InstantAccess:
        return snapshot.instantAccess ? 1 : 0;
    default:
        return {};
    }
}

QVariant DiskSnapshotTableModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdAndName:
        return tr("Snapshot ID/Name");
    case SourceDisk:
        return tr("Source Disk");
    case Status:
        return tr("Status");
    case Size:
        return tr("Size");
    case CreationTime:
        return tr("Creation Time");
    case InstantAccess:
        return tr("Instant Access");
    default:
        return {};
    }
}

} // namespace ecs
