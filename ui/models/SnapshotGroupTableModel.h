#pragma once

#include "KeyedRowsModel.h"
#include "ModelRoles.h"
#include "model/SnapshotGroup.h"

namespace ecs {

// The Instance Snapshots tab: one row per SnapshotGroup, with the web console's columns.
// Filled page by page by SnapshotGroupLoader; sorted and searched by
// SnapshotGroupFilterProxy through SortRole and ModelRole::SearchText.
class SnapshotGroupTableModel : public KeyedRowsModel<SnapshotGroup>
{
    Q_OBJECT

public:
    enum Column {
        IdAndName,
        Instance,
        Status,
        CreationTime,
        Disks,
        Description,
        Actions,
        ColumnCount
    };
    enum Role {
        SortRole = ModelRole::Sort,
        GroupIdRole = ModelRole::FirstModelRole,
        InstanceIdRole,
        IsProgressingRole,
    };

    explicit SnapshotGroupTableModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendGroups(const QList<SnapshotGroup> &groups) { appendRows(groups); }
    void replaceGroups(const QList<SnapshotGroup> &groups) { replaceRows(groups); }
    const SnapshotGroup &groupAt(int row) const { return rowAt(row); }
    int rowOfGroup(const QString &snapshotGroupId) const { return rowOf(snapshotGroupId); }
    bool hasProgressing() const;

    // Average of the members' progress for a progressing group, 100 when accomplished,
    // -1 when failed (so failed groups sort below every progressing one).
    static int progressOf(const SnapshotGroup &group);
    static QString statusText(const SnapshotGroup &group);

protected:
    QString keyOf(const SnapshotGroup &group) const override { return group.snapshotGroupId; }

private:
    QVariant displayData(const SnapshotGroup &group, int column) const;
    QVariant toolTipData(const SnapshotGroup &group, int column) const;
    QVariant sortData(const SnapshotGroup &group, int column) const;
    QString accessibleText(const SnapshotGroup &group, int column) const;
};

} // namespace ecs
