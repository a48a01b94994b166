#include "DiskProgressModel.h"

#include "rollback/RollbackJob.h"

#include <QApplication>
#include <QStyle>

namespace ecs {

namespace {

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name),
        QApplication::style() ? QApplication::style()->standardIcon(fallback) : QIcon());
}

} // namespace

DiskProgressModel::DiskProgressModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QString DiskProgressModel::stateText(RollbackDiskState state)
{
    switch (state) {
    case RollbackDiskState::Waiting:
        return tr("Waiting");
    case RollbackDiskState::Sent:
        return tr("Sent");
    case RollbackDiskState::RollingBack:
        return tr("Rolling back…");
    case RollbackDiskState::RolledBack:
        return tr("Rolled back");
    case RollbackDiskState::Failed:
        return tr("Failed");
    case RollbackDiskState::NotSent:
        return tr("Not rolled back");
    case RollbackDiskState::Unknown:
        return tr("Unknown");
    }
    return {};
}

QIcon DiskProgressModel::stateIcon(RollbackDiskState state)
{
    switch (state) {
    case RollbackDiskState::Waiting:
        return {};
    case RollbackDiskState::Sent:
    case RollbackDiskState::RollingBack:
        return themed("view-refresh", QStyle::SP_BrowserReload);
    case RollbackDiskState::RolledBack:
        return themed("dialog-ok-apply", QStyle::SP_DialogApplyButton);
    case RollbackDiskState::Failed:
        return themed("dialog-error", QStyle::SP_MessageBoxCritical);
    case RollbackDiskState::NotSent:
        return themed("dialog-information", QStyle::SP_MessageBoxInformation);
    case RollbackDiskState::Unknown:
        return themed("dialog-warning", QStyle::SP_MessageBoxWarning);
    }
    return {};
}

void DiskProgressModel::loadFrom(const RollbackJob &job)
{
    beginResetModel();
    m_diskIds = job.plan().diskIds;
    m_states.clear();
    m_details.clear();
    m_snapshots.clear();
    for (const QString &diskId : qAsConst(m_diskIds)) {
        m_states.insert(diskId, job.diskState(diskId));
        m_details.insert(diskId, job.diskMessage(diskId));
    }
    endResetModel();
    setSnapshots(job.report());
}

void DiskProgressModel::setDisk(
    const QString &diskId, RollbackDiskState state, const QString &detail)
{
    if (!m_diskIds.contains(diskId))
        return;
    m_states.insert(diskId, state);
    m_details.insert(diskId, detail);
    rowChanged(diskId);
}

void DiskProgressModel::setSnapshots(const PreconditionReport &report)
{
    for (const DiskEligibility &disk : report.disks) {
        if (!m_diskIds.contains(disk.diskId) || disk.snapshotId.isEmpty()
            || m_snapshots.value(disk.diskId) == disk.snapshotId)
            continue;
        m_snapshots.insert(disk.diskId, disk.snapshotId);
        rowChanged(disk.diskId);
    }
}

RollbackDiskState DiskProgressModel::state(const QString &diskId) const
{
    return m_states.value(diskId, RollbackDiskState::NotSent);
}

void DiskProgressModel::rowChanged(const QString &diskId)
{
    const int row = int(m_diskIds.indexOf(diskId));
    if (row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int DiskProgressModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_diskIds.size());
}

int DiskProgressModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DiskProgressModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &diskId = m_diskIds.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case DiskColumn:
            return diskId;
        case SnapshotColumn:
            // Until the check has read the group, which snapshot is not known here.
            return m_snapshots.value(
                diskId, role == Qt::DisplayRole ? QStringLiteral("—") : tr("Not known yet"));
        case StateColumn:
            return stateText(state(diskId));
        case DetailColumn:
            return m_details.value(diskId);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn)
            return m_details.value(diskId);
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return stateIcon(state(diskId));
        break;
    case DiskStateRole:
        return int(state(diskId));
    }
    return {};
}

QVariant DiskProgressModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DiskColumn:
        return tr("Disk");
    case SnapshotColumn:
        return tr("Snapshot");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace ecs
