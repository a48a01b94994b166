// PreconditionChecker: is the instance paid up? ResetDisks/ResetDisk refuse an expired
// subscription and an instance in arrears with 403 InstanceExpiredOrInArrears
// (ResetDisks and ResetDisk in Alibaba Cloud's API metadata; docs/EMULATOR.md).

#include "PreconditionChecker.h"

namespace ecs {

void PreconditionChecker::checkInstancePaidUp(const Instance &instance)
{
    const PreconditionKind kind = PreconditionKind::InstanceNotExpired;
    const QString id = instance.instanceId;
    // The check is pure: "now" is when the facts were read, never the clock.
    const bool subscription = instance.instanceChargeType == ChargeTypeName::PrePaid;
    const bool expired = subscription && instance.expiredTime.isValid()
        && m_facts.gatheredAt.isValid() && instance.expiredTime <= m_facts.gatheredAt;
    const bool inArrears
        = instance.lockReasons.contains(LockReasonName::Financial, Qt::CaseInsensitive);

    QStringList facts { tr("Instance %1 charge type: %2").arg(id, instance.instanceChargeType) };
    if (subscription && instance.expiredTime.isValid())
        facts << tr("Instance %1 subscription ends: %2").arg(id, formatTime(instance.expiredTime));
    if (inArrears)
        facts << tr("Instance %1 has a financial operation lock").arg(id);

    if (!expired && !inArrears) {
        m_instanceItems.append(
            makeItem(kind, PreconditionOutcome::Passed, tr("Instance is paid up"),
                subscription ? tr("The subscription of instance %1 has not expired.").arg(id)
                             : tr("Instance %1 is not in arrears.").arg(id),
                facts));
        return;
    }
    // One item whichever it is (an expired subscription usually also carries the financial
    // lock): the service answers both with the same code, and the user does the same thing.
    m_instanceItems.append(makeItem(kind, PreconditionOutcome::Failed,
        expired ? tr("Instance subscription has expired") : tr("Instance is in arrears"),
        (expired ? tr("The subscription of instance %1 expired on %2.")
                       .arg(id, formatTime(instance.expiredTime))
                 : tr("Instance %1 is locked because of an overdue payment.").arg(id))
            + QLatin1Char(' ')
            + tr("The service refuses to roll back the disks of an expired or unpaid instance "
                 "(InstanceExpiredOrInArrears). Renew the subscription or settle the account, "
                 "then check again."),
        facts));
}

} // namespace ecs
