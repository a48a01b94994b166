#pragma once

#include "Tag.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace ecs {

// Instance enumerations as the service spells them (REFERENCE §2, §E). The fields stay
// QString so that a value the service adds later is kept and shown, not lost.
namespace InstanceStatusName {
inline const QString Pending = QStringLiteral("Pending");
inline const QString Running = QStringLiteral("Running");
inline const QString Starting = QStringLiteral("Starting");
inline const QString Stopping = QStringLiteral("Stopping");
inline const QString Stopped = QStringLiteral("Stopped");
} // namespace InstanceStatusName

namespace StoppedModeName {
inline const QString KeepCharging = QStringLiteral("KeepCharging");
inline const QString StopCharging = QStringLiteral("StopCharging"); // economical mode
inline const QString NotApplicable = QStringLiteral("Not-applicable");
} // namespace StoppedModeName

namespace ChargeTypeName {
inline const QString PrePaid = QStringLiteral("PrePaid");
inline const QString PostPaid = QStringLiteral("PostPaid");
} // namespace ChargeTypeName

namespace NetworkTypeName {
inline const QString Vpc = QStringLiteral("vpc");
inline const QString Classic = QStringLiteral("classic");
} // namespace NetworkTypeName

// Lock reasons of instances and disks. The docs spell recycling both ways.
namespace LockReasonName {
inline const QString Financial = QStringLiteral("financial");
inline const QString Security = QStringLiteral("security");
inline const QString Recycling = QStringLiteral("recycling");
inline const QString DedicatedHostFinancial = QStringLiteral("dedicatedhostfinancial");
inline const QString Refunded = QStringLiteral("refunded");
} // namespace LockReasonName

namespace OsTypeName {
inline const QString Linux = QStringLiteral("linux");
inline const QString Windows = QStringLiteral("windows");
} // namespace OsTypeName

// The DescribeInstances fields that matter for a rollback (REFERENCE §2).
struct Instance
{
    QString instanceId;
    QString instanceName;
    QString description;
    QString hostName;
    QString regionId;
    QString zoneId;
    QString status; // InstanceStatusName
    QString stoppedMode; // StoppedModeName
    QString instanceChargeType; // ChargeTypeName
    QString instanceNetworkType; // NetworkTypeName
    QString vpcId; // VpcAttributes.VpcId
    QString instanceType;
    QString imageId;
    QString osName;
    QString osType; // OsTypeName
    int cpu = 0;
    int memory = 0; // MiB
    // UTC; the service sends these with minute precision.
    QDateTime creationTime;
    QDateTime startTime;
    QDateTime expiredTime;
    QStringList lockReasons; // OperationLocks.LockReason[].LockReason
    bool deletionProtection = false;
    QList<Tag> tags;

    bool isStopped() const { return status == InstanceStatusName::Stopped; }
    bool isRunning() const { return status == InstanceStatusName::Running; }
    // Stopped in economical mode: compute resources were released, so a later
    // StartInstance can fail for lack of stock.
    bool isStoppedInEconomicalMode() const;
    bool isLocked() const { return !lockReasons.isEmpty(); }
    // A security lock refuses every operation, rollback included.
    bool isLockedForSecurity() const;
    // The combination the console warns about before stopping in economical mode.
    bool isPostPaidVpc() const;
};

bool operator==(const Instance &a, const Instance &b);
inline bool operator!=(const Instance &a, const Instance &b)
{
    return !(a == b);
}

} // namespace ecs
