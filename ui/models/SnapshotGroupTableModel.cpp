#include "SnapshotGroupTableModel.h"

#include "SnapshotTexts.h"

#include <QApplication>
#include <QIcon>
#include <QStyle>

namespace ecs {

SnapshotGroupTableModel::SnapshotGroupTableModel(QObject *parent)
    : KeyedRowsModel<SnapshotGroup>(parent)
{ }

int SnapshotGroupTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int SnapshotGroupTableModel::progressOf(const SnapshotGroup &group)
{
    if (group.status == SnapshotGroupStatusName::Accomplished)
        return 100;
    if (group.status == SnapshotGroupStatusName::Failed)
        return -1;
    if (group.snapshots.isEmpty())
        return 0;
    int sum = 0;
    for (const SnapshotGroupMember &member : group.snapshots)
        sum += member.progress;
    return sum / static_cast<int>(group.snapshots.size());
}

QString SnapshotGroupTableModel::statusText(const SnapshotGroup &group)
{
    return SnapshotTexts::status(group.status, progressOf(group));
}

bool SnapshotGroupTableModel::hasProgressing() const
{
    for (const SnapshotGroup &group : rows()) {
        if (group.status == SnapshotGroupStatusName::Progressing)
            return true;
    }
    return false;
}

QVariant SnapshotGroupTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SnapshotGroup &group = groupAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(group, column);
    case Qt::ToolTipRole:
        return toolTipData(group, column);
    case Qt::AccessibleTextRole:
        return accessibleText(group, column);
    case Qt::DecorationRole:
        // Failed is told by text and icon, never by colour alone.
        if (column == Status && group.status == SnapshotGroupStatusName::Failed
            && qobject_cast<QApplication *>(QCoreApplication::instance()))
            return QIcon::fromTheme(QStringLiteral("dialog-error"),
                QApplication::style()->standardIcon(QStyle::SP_MessageBoxCritical));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Disks)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(group, column);
    case ModelRole::SearchText:
        return QStringList { group.snapshotGroupId, group.name, group.instanceId }
            .join(QLatin1Char(' '))
            .toLower();
    case ModelRole::IsAction:
        return column == Actions;
    case GroupIdRole:
        return group.snapshotGroupId;
    case InstanceIdRole:
        return group.instanceId;
    case IsProgressingRole:
        return group.status == SnapshotGroupStatusName::Progressing;
    default:
        return {};
    }
}

QVariant SnapshotGroupTableModel::displayData(const SnapshotGroup &group, int column) const
{
    switch (column) {
    case IdAndName:
        // As the web console: the ID, and the name under it when there is one.
        return group.name.isEmpty() ? group.snapshotGroupId
                                    : group.snapshotGroupId + QLatin1Char('\n') + group.name;
    case Instance:
        return group.instanceId;
    case Status:
        return statusText(group);
    case CreationTime:
        return SnapshotTexts::time(group.creationTime);
    case Disks:
        return QString::number(group.snapshots.size());
    case Description:
        return group.description;
    case Actions:
        return tr("Rollback instance");
    default:
        return {};
    }
}

QVariant SnapshotGroupTableModel::toolTipData(const SnapshotGroup &group, int column) const
{
    switch (column) {
    case IdAndName:
        return group.name.isEmpty() ? group.snapshotGroupId
                                    : tr("%1 (%2)").arg(group.name, group.snapshotGroupId);
    case Instance:
        return group.instanceId.isEmpty()
            ? tr("The snapshots of this group come from more than one instance")
            : group.instanceId;
    case Disks: {
        QStringList lines;
        for (const SnapshotGroupMember &member : group.snapshots) {
            lines << tr("%1 (%2), snapshot %3")
                         .arg(member.sourceDiskId, SnapshotTexts::diskType(member.sourceDiskType),
                             member.snapshotId);
        }
        return lines.join(QLatin1Char('\n'));
    }
    case Description:
        return group.description;
    case CreationTime:
        return group.creationTime.toLocalTime().toString(Qt::TextDate);
    case Actions:
        return tr("Roll back the disks of %1 from this instance snapshot")
            .arg(group.instanceId.isEmpty() ? group.snapshotGroupId : group.instanceId);
    default:
        return {};
    }
}

QVariant SnapshotGroupTableModel::sortData(const SnapshotGroup &group, int column) const
{
    switch (column) {
    case IdAndName:
        return group.snapshotGroupId;
    case Instance:
        return group.instanceId;
    case Status:
        return progressOf(group);
    case CreationTime:
        return group.creationTime;
    case Disks:
        return static_cast<int>(group.snapshots.size());
    case Description:
        return group.description;
    default:
        return {};
    }
}

QString SnapshotGroupTableModel::accessibleText(const SnapshotGroup &group, int column) const
{
    switch (column) {
    case IdAndName:
        return group.name.isEmpty() ? group.snapshotGroupId
                                    : tr("%1, named %2").arg(group.snapshotGroupId, group.name);
    case Disks:
        return tr("%n disk(s)", nullptr, static_cast<int>(group.snapshots.size()));
    case Actions:
        return tr("Rollback instance from %1").arg(group.snapshotGroupId);
    default:
        return displayData(group, column).toString();
    }
}

QVariant SnapshotGroupTableModel::headerData(
    int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal
        || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdAndName:
        return tr("Instance Snapshot ID/Name");
    case Instance:
        return tr("Instance");
    case Status:
        return tr("Status");
    case CreationTime:
        return tr("Creation Time");
    case Disks:
        return tr("Disks");
    case Description:
        return tr("Description");
    case Actions:
        return tr("Actions");
    default:
        return {};
    }
}

} // namespace ecs
