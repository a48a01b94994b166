#pragma once

#include "KeyedRowsModel.h"
#include "ModelRoles.h"
#include "model/Snapshot.h"

namespace ecs {

// The Disk Snapshots tab: one row per Snapshot (DescribeSnapshots). Same row handling,
// roles and proxy as SnapshotGroupTableModel; no action column (rollback starts from an
// instance snapshot).
class DiskSnapshotTableModel : public KeyedRowsModel<Snapshot>
{
    Q_OBJECT

public:
    enum Column { IdAndName, SourceDisk, Status, Size, CreationTime, InstantAccess, ColumnCount };
    enum Role {
        SortRole = ModelRole::Sort,
        SnapshotIdRole = ModelRole::FirstModelRole,
        SourceDiskIdRole,
        IsProgressingRole,
    };

    explicit DiskSnapshotTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendSnapshots(const QList<Snapshot> &snapshots) { appendRows(snapshots); }
    void replaceSnapshots(const QList<Snapshot> &snapshots) { replaceRows(snapshots); }
    const Snapshot &snapshotAt(int row) const { return rowAt(row); }
    int rowOfSnapshot(const QString &snapshotId) const { return rowOf(snapshotId); }
    bool hasProgressing() const;

protected:
    QString keyOf(const Snapshot &snapshot) const override { return snapshot.snapshotId; }

private:
    QVariant displayData(const Snapshot &snapshot, int column) const;
    QVariant sortData(const Snapshot &snapshot, int column) const;
};

} // namespace ecs
