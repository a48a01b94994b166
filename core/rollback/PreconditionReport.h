#pragma once

#include "Precondition.h"
#include "api/Requests.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ecs {

// One disk of the instance snapshot as the rollback dialog lists it ("Cloud disk
// snapshot"): whether it can be rolled back, and why not.
struct DiskEligibility
{
    QString diskId; // the member's SourceDiskId
    QString snapshotId;
    QString diskType; // DiskTypeName, from the member (system/data)
    QString category; // from the disk now; empty when it no longer exists
    int sizeGiB = 0; // the disk now, else the snapshot's source size
    QString device;
    bool selected = false; // see checkPreconditions()
    // None of this disk's own items blocks. Instance-wide items are not counted here
    // (a running instance does not make every disk ineligible): see allowsRollback().
    bool canRollBack = false;
    QStringList reasons; // the titles of this disk's blocking items
};

// The outcome of checkPreconditions(): every item, instance-wide and per disk, and the
// disks of the group (one per member, in the group's order).
struct PreconditionReport
{
    QList<PreconditionItem> items;
    QList<DiskEligibility> disks;

    // True when nothing blocks: every instance-wide item and every item of a selected
    // disk is Passed or Warning, and at least one disk is selected.
    bool allowsRollback() const;
    // True when what blocks is only what could not be checked (Unknown: a read failed, a
    // network timeout), nothing Failed: "could not check", not "not met".
    bool couldNotCheck() const;
    // The items that stop the rollback: blocking instance-wide items and blocking items of
    // selected disks. An unselected disk's failures are reported, not blocking.
    QList<PreconditionItem> blockingItems() const;
    // Every Warning item (not the failures).
    QList<PreconditionItem> warnings() const;
    QList<PreconditionItem> itemsForDisk(const QString &diskId) const;
    // The first item of `kind` (for diskId if given), or nullptr. Instance-wide items come
    // first, so without a diskId SystemDiskUnchanged finds the instance-wide item.
    const PreconditionItem *find(PreconditionKind kind, const QString &diskId = {}) const;
    QStringList selectedDiskIds() const;
    // (disk, snapshot) for each selected disk, in the group's order: what ResetDisks gets.
    QList<DiskSnapshotPair> rollbackPairs() const;
    // The remedies offered by blocking items, each once.
    QList<Remedy> remedies() const;
};

} // namespace ecs
