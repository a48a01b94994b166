#pragma once

#include "rollback/PreconditionReport.h"

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace ecs {

// The "Cloud disk snapshot" checklist of the rollback dialog: one row per member disk of
// the instance snapshot, checkable (Qt::CheckStateRole, first column) only when the disk
// itself can be rolled back. The model keeps the user's choice; the dialog turns it into
// a selection for checkPreconditions() whenever checkedChanged() fires.
class DiskChecklistModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DiskId, Type, Category, Size, SnapshotId, CanRollBack, ColumnCount };
    Q_ENUM(Column)

    explicit DiskChecklistModel(QObject *parent = nullptr);

    // Shows `disks` (a report's); the check marks are their DiskEligibility::selected. A
    // disk that cannot be rolled back is never shown checked.
    void setDisks(const QList<DiskEligibility> &disks);
    const QList<DiskEligibility> &disks() const { return m_disks; }

    QStringList checkedDiskIds() const; // in the group's order
    // Checks every disk that can be rolled back, or none.
    void setAllChecked(bool checked);
    bool isCheckable(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

Q_SIGNALS:
    // The set of checked disks changed by setData() or setAllChecked(), not by setDisks().
    void checkedChanged();

private:
    QString displayText(const DiskEligibility &disk, int column) const;
    QString whyNot(const DiskEligibility &disk) const;

    QList<DiskEligibility> m_disks;
    QList<bool> m_checked; // one per disk
};

} // namespace ecs
