#pragma once

#include "rollback/RollbackDiskState.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QStringList>

namespace ecs {

class RollbackJob;
struct PreconditionReport;

// The disks of one RollbackJob, in the plan's order: which snapshot each returns to and
// where it stands. Fed by RollbackJob::diskChanged; the snapshot IDs come from the job's
// precondition report once the check has read them.
class DiskProgressModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DiskColumn, SnapshotColumn, StateColumn, DetailColumn, ColumnCount };
    enum Role {
        DiskStateRole = Qt::UserRole + 1, // int(RollbackDiskState)
    };

    explicit DiskProgressModel(QObject *parent = nullptr);

    static QString stateText(RollbackDiskState state);
    static QIcon stateIcon(RollbackDiskState state);

    void loadFrom(const RollbackJob &job);
    void setDisk(const QString &diskId, RollbackDiskState state, const QString &detail);
    // Snapshot IDs of the disks the report lists; disks it does not list keep theirs.
    void setSnapshots(const PreconditionReport &report);

    QStringList diskIds() const { return m_diskIds; }
    RollbackDiskState state(const QString &diskId) const;
    QString snapshotId(const QString &diskId) const { return m_snapshots.value(diskId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rowChanged(const QString &diskId);

    QStringList m_diskIds;
    QHash<QString, RollbackDiskState> m_states;
    QHash<QString, QString> m_details;
    QHash<QString, QString> m_snapshots;
};

} // namespace ecs
