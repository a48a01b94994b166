#pragma once

// Internal to core/rollback: the working state of one checkPreconditions() call. The
// checks are split over three files (PreconditionCheck.cpp: the order and the selection;
// InstanceChecks.cpp: the group and the instance; DiskChecks.cpp: one group member) but
// share one translation context, "ecs::PreconditionCheck".

#include "PreconditionReport.h"
#include "RollbackFacts.h"

#include <QCoreApplication>
#include <QStringList>

#include <optional>

namespace ecs {

class PreconditionChecker
{
    Q_DECLARE_TR_FUNCTIONS(ecs::PreconditionCheck)

public:
    explicit PreconditionChecker(const RollbackFacts &facts);

    PreconditionReport run(const std::optional<QStringList> &selectedDiskIds);

private:
    // What is known about the group's system disk, decided once: the instance-wide item
    // depends on the selection, the system member's own item does not.
    enum class SystemDisk {
        NotChecked, // no usable instance (released, another one, none named)
        NotInGroup, // the group holds data disks only
        Unchanged,
        Replaced,
        NotKnown, // a read failed
    };

    static PreconditionItem makeItem(PreconditionKind kind, PreconditionOutcome outcome,
        const QString &title, const QString &explanation, const QStringList &facts = {},
        Remedy remedy = Remedy::None, const QString &diskId = {});
    // An item that could not be checked because `action` failed; Remedy::Refresh.
    static PreconditionItem unknownItem(PreconditionKind kind, const QString &explanation,
        const QString &action, const ApiError &error, const QString &diskId = {});
    // The title of an item that could not be checked ("Unknown whether …").
    static QString unknownTitle(PreconditionKind kind);
    static QString formatTime(const QDateTime &time);
    static QString yesNo(bool value);

    // InstanceChecks.cpp
    void checkGroupUnreadable();
    void checkGroupMissing();
    void checkGroupAccomplished();
    void checkGroupSingleInstance();
    void checkInstance();
    void checkInstanceLocks(const Instance &instance);
    void checkInstancePaidUp(const Instance &instance); // InstanceBilling.cpp
    void checkInstanceStopped(const Instance &instance);
    void checkStoppedMode(const Instance &instance);
    SystemDisk systemDiskState() const;

    // DiskChecks.cpp: appends the member's items to m_diskItems.
    DiskEligibility checkMember(const SnapshotGroupMember &member);
    void checkDisk(const Disk &disk, const QString &diskId);
    void checkDiskAttached(const Disk &disk);
    // DiskCompatibility.cpp: what the disk is and how it is encrypted, against the snapshot.
    void checkDiskCategory(const Disk &disk);
    void checkSnapshotEncryption(const Disk &disk, const Snapshot &snapshot);
    void checkMemberSnapshot(const SnapshotGroupMember &member);
    void checkUnfinishedSnapshots(const SnapshotGroupMember &member);
    void checkSystemDiskOfMember(const SnapshotGroupMember &member);
    void checkDisksNotInSnapshot();

    // PreconditionCheck.cpp: the items that depend on the selection.
    void checkSystemDiskUnchanged(const QStringList &selected);
    void checkDiskSelection(const std::optional<QStringList> &requested,
        const QStringList &selected, const QList<DiskEligibility> &disks);
    // True when some disk is blocked only by Unknown items of its own.
    bool anyDiskOnlyUnchecked(const QList<DiskEligibility> &disks) const;
    void addDataLoss(const QStringList &selected);
    QStringList systemDiskFacts() const;

    const RollbackFacts &m_facts;
    const SnapshotGroup *m_group = nullptr;
    // The instance the disks must be attached to: the group's, else the one read.
    QString m_instanceId;
    // The instance was read and is the group's: its attached disks can be looked at.
    bool m_instanceUsable = false;
    const SnapshotGroupMember *m_systemMember = nullptr;
    SystemDisk m_systemDisk = SystemDisk::NotChecked;
    // No member snapshot can be used yet: SnapshotGroupAccomplished blocks for all of
    // them, so the members' own SnapshotReady items are left out (one item, one cause).
    bool m_groupUnusable = false;
    QList<PreconditionItem> m_instanceItems;
    QList<PreconditionItem> m_diskItems;
};

} // namespace ecs
