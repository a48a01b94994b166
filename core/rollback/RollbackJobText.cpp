// The words of RollbackJob: step names, outcome names and the closing summary.
#include "RollbackJob.h"

namespace ecs {

QString RollbackJob::stepName(Step step)
{
    switch (step) {
    case Step::Check:
        return tr("Check preconditions");
    case Step::SafetySnapshot:
        return tr("Create a safety instance snapshot");
    case Step::Recheck:
        return tr("Check preconditions again");
    case Step::DryRun:
        return tr("Validate with the service (dry run)");
    case Step::Rollback:
        return tr("Roll back the disks");
    case Step::WaitForDisks:
        return tr("Wait for the disks");
    case Step::StartInstance:
        return tr("Start the instance");
    case Step::Verify:
        return tr("Verify the result");
    }
    return {};
}

QString RollbackJob::stepKey(Step step)
{
    switch (step) {
    case Step::Check:
        return QStringLiteral("check");
    case Step::SafetySnapshot:
        return QStringLiteral("safety-snapshot");
    case Step::Recheck:
        return QStringLiteral("recheck");
    case Step::DryRun:
        return QStringLiteral("dry-run");
    case Step::Rollback:
        return QStringLiteral("rollback");
    case Step::WaitForDisks:
        return QStringLiteral("wait-for-disks");
    case Step::StartInstance:
        return QStringLiteral("start-instance");
    case Step::Verify:
        return QStringLiteral("verify");
    }
    return {};
}

QString RollbackJob::stepStateKey(StepState state)
{
    switch (state) {
    case StepState::Pending:
        return QStringLiteral("pending");
    case StepState::Running:
        return QStringLiteral("running");
    case StepState::Done:
        return QStringLiteral("done");
    case StepState::Skipped:
        return QStringLiteral("skipped");
    case StepState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString RollbackJob::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Succeeded:
        return QStringLiteral("succeeded");
    case Outcome::RolledBackStartFailed:
        return QStringLiteral("rolled-back-start-failed");
    case Outcome::Blocked:
        return QStringLiteral("blocked");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Partial:
        return QStringLiteral("partial");
    case Outcome::Unknown:
        return QStringLiteral("unknown");
    case Outcome::Cancelled:
        return QStringLiteral("cancelled");
    case Outcome::RolledBackButChanged:
        return QStringLiteral("rolled-back-but-changed");
    case Outcome::Interrupted:
        return QStringLiteral("interrupted");
    }
    return QStringLiteral("unknown");
}

QString RollbackJob::outcomeSummary(Outcome outcome, const QString &detail) const
{
    const QString comma = QStringLiteral(", ");
    const QString instance = m_plan.target.instanceId;
    QString text;
    switch (outcome) {
    case Outcome::Succeeded:
        text = tr("Rolled back %n disk(s) of %1 from %2.", nullptr, int(m_plan.diskIds.size()))
                   .arg(instance, m_plan.target.snapshotGroupId);
        text += QLatin1Char(' ')
            + (m_plan.startAfterRollback ? tr("The instance is running.")
                                         : tr("The instance is stopped."));
        if (!m_startNote.isEmpty())
            text += QLatin1Char(' ') + m_startNote;
        break;
    case Outcome::RolledBackStartFailed:
        text = tr("The disks were rolled back, but the instance did not start: %1. Start it "
                  "again later, or from the console.")
                   .arg(detail);
        break;
    case Outcome::Partial: {
        QStringList notRolledBack = m_plan.diskIds;
        for (const QString &diskId : disksIn(DiskState::RolledBack))
            notRolledBack.removeAll(diskId);
        text = tr("Only some disks were rolled back. Rolled back: %1. Not rolled back: %2. "
                  "The instance was left stopped; roll back the rest to finish.")
                   .arg(disksIn(DiskState::RolledBack).join(comma), notRolledBack.join(comma));
        if (!m_goneDisks.isEmpty())
            text += QLatin1Char(' ')
                + tr("No longer exists, so it cannot be rolled back: %1.")
                      .arg(m_goneDisks.join(comma));
        if (m_error.isError())
            text += QLatin1Char(' ') + tr("The service said: %1").arg(m_error.summary());
        break;
    }
    case Outcome::Unknown:
        text = tr("The rollback request for %1 got no clear answer (%2), and the disks' state "
                  "does not show whether it was carried out. It was not sent again. The "
                  "instance was left stopped. Rolling these disks back again is safe while it "
                  "stays stopped: they return to the same snapshot.")
                   .arg(disksIn(DiskState::Unknown).join(comma),
                       m_error.isError() ? m_error.summary() : tr("no answer"));
        if (!disksIn(DiskState::RolledBack).isEmpty())
            text += QLatin1Char(' ')
                + tr("Rolled back: %1.").arg(disksIn(DiskState::RolledBack).join(comma));
        break;
    case Outcome::Interrupted: {
        const QStringList resetting = disksIn(DiskState::RollingBack);
        if (!resetting.isEmpty())
            text = tr("The service accepted the rollback and is still carrying it out for %1, "
                      "but this job stopped watching before it ended. Nothing more was sent. "
                      "Resume the operation to wait for the disks and finish it.")
                       .arg(resetting.join(comma));
        else
            text = tr("The job was interrupted after the rollback call, before it could "
                      "finish. Nothing more was sent. Resume the operation to read the disks "
                      "and finish it.");
        if (!disksIn(DiskState::RolledBack).isEmpty())
            text += QLatin1Char(' ')
                + tr("Rolled back: %1.").arg(disksIn(DiskState::RolledBack).join(comma));
        if (!disksIn(DiskState::Unknown).isEmpty())
            text += QLatin1Char(' ')
                + tr("Not known yet: %1.").arg(disksIn(DiskState::Unknown).join(comma));
        break;
    }
    case Outcome::RolledBackButChanged:
        text = tr("The disks were rolled back, but %1 is no longer attached to %2: someone "
                  "changed the instance while the rollback ran. The instance was not "
                  "started; check its disks before starting it.")
                   .arg(m_detachedDisks.join(comma), instance);
        break;
    case Outcome::Failed:
        if (m_error.code() == QLatin1String("InvalidOperation.DiskResetInProgress"))
            text = tr("This job rolled nothing back: a reset of %1 was already under way, "
                      "started by someone else. Wait until the disks are In_use again and "
                      "check what they hold before rolling back.")
                       .arg(disksIn(DiskState::Failed).join(comma));
        else
            text = tr("Nothing was rolled back: %1")
                       .arg(m_error.isError() ? m_error.summary() : detail);
        break;
    case Outcome::Blocked:
    case Outcome::Cancelled:
        text = detail;
        break;
    }
    if (!m_safetySnapshotGroupId.isEmpty())
        text += QLatin1Char(' ')
            + tr("The state before the rollback is kept in instance snapshot %1.")
                  .arg(m_safetySnapshotGroupId);
    return text;
}

} // namespace ecs
