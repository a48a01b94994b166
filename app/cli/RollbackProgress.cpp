#include "RollbackProgress.h"

#include "CliOutput.h"
#include "ExitCodes.h"

#include <QJsonArray>

namespace ecs::cli {

namespace {

constexpr int StepCount = int(RollbackJob::Step::Verify) + 1;
const QString DetailIndent = QStringLiteral("      ");

const QList<RollbackJob::Step> &allSteps()
{
    static const QList<RollbackJob::Step> steps { RollbackJob::Step::Check,
        RollbackJob::Step::SafetySnapshot, RollbackJob::Step::DryRun, RollbackJob::Step::Recheck,
        RollbackJob::Step::Rollback, RollbackJob::Step::WaitForDisks,
        RollbackJob::Step::StartInstance, RollbackJob::Step::Verify };
    return steps;
}

} // namespace

RollbackProgress::RollbackProgress(RollbackJob &job, CliOutput &output, QObject *parent)
    : QObject(parent)
    , m_job(job)
    , m_output(output)
{
    connect(&job, &RollbackJob::stepChanged, this, &RollbackProgress::onStep);
    connect(&job, &RollbackJob::diskChanged, this, &RollbackProgress::onDisk);
    connect(&job, &RollbackJob::progressed, this, &RollbackProgress::onProgress);
}

QString RollbackProgress::diskStateText(RollbackDiskState state)
{
    switch (state) {
    case RollbackDiskState::Waiting:
        return tr("waiting");
    case RollbackDiskState::Sent:
        return tr("request sent");
    case RollbackDiskState::RollingBack:
        return tr("rolling back");
    case RollbackDiskState::RolledBack:
        return tr("rolled back");
    case RollbackDiskState::Failed:
        return tr("FAILED");
    case RollbackDiskState::NotSent:
        return tr("not rolled back (not sent)");
    case RollbackDiskState::Unknown:
        return tr("UNKNOWN");
    }
    return {};
}

int RollbackProgress::exitCode(RollbackJob::Outcome outcome)
{
    switch (outcome) {
    case RollbackJob::Outcome::Succeeded:
        return ExitDone;
    case RollbackJob::Outcome::Blocked:
        return ExitBlocked;
    case RollbackJob::Outcome::Failed:
        return ExitError;
    case RollbackJob::Outcome::Cancelled:
        return ExitRefused;
    case RollbackJob::Outcome::Partial:
    case RollbackJob::Outcome::Unknown:
    case RollbackJob::Outcome::RolledBackStartFailed:
    case RollbackJob::Outcome::RolledBackButChanged:
    case RollbackJob::Outcome::Interrupted:
        return ExitIncomplete;
    }
    return ExitError;
}

QString RollbackProgress::resumeCommand(
    const QStringList &repeatArguments, const QString &operationId)
{
    return (
        QStringList { QStringLiteral("ecs-rollback-cli"), QStringLiteral("resume"), operationId }
        + repeatArguments)
        .join(QLatin1Char(' '));
}

QString RollbackProgress::stepPrefix(RollbackJob::Step step) const
{
    return QStringLiteral("[%1/%2] %3%4")
        .arg(int(step) + 1)
        .arg(StepCount)
        .arg(RollbackJob::stepName(step))
        .arg(QChar(0x2026)); // …
}

void RollbackProgress::onStep(
    RollbackJob::Step step, RollbackJob::StepState state, const QString &detail)
{
    const bool newState = m_shownStates.value(step, RollbackJob::StepState::Pending) != state;
    m_shownStates.insert(step, state);
    switch (state) {
    case RollbackJob::StepState::Pending:
        return;
    case RollbackJob::StepState::Running:
        // Later updates of a running step's detail come with progressed() too, in longer
        // words ("25%" / "Creating instance snapshot ssg-…: 25%"): shown from there only.
        if (newState) {
            m_shownDetails.clear();
            m_shownDetails.insert(detail);
            m_output.progress(stepPrefix(step) + QLatin1Char(' ') + detail);
        }
        return;
    case RollbackJob::StepState::Done:
        m_output.progress(stepPrefix(step) + QLatin1Char(' ') + tr("done")
            + (detail.isEmpty() ? QString() : QLatin1String(" (") + detail + QLatin1Char(')')));
        break;
    case RollbackJob::StepState::Skipped:
        m_output.progress(stepPrefix(step) + QLatin1Char(' ') + tr("skipped")
            + (detail.isEmpty() ? QString() : QLatin1String(" (") + detail + QLatin1Char(')')));
        break;
    case RollbackJob::StepState::Failed:
        m_output.progress(stepPrefix(step) + QLatin1Char(' ') + tr("FAILED")
            + (detail.isEmpty() ? QString() : QLatin1String(": ") + detail));
        break;
    }
    m_shownDetails.clear();
}

void RollbackProgress::onDisk(const QString &diskId, RollbackDiskState state, const QString &detail)
{
    QString text = tr("disk %1: %2").arg(diskId, diskStateText(state));
    if (!detail.isEmpty())
        text += QLatin1String(" (") + detail + QLatin1Char(')');
    m_output.progress(DetailIndent + text);
}

void RollbackProgress::onProgress(const QString &description)
{
    detailLine(description);
}

void RollbackProgress::detailLine(const QString &text)
{
    if (text.isEmpty() || m_shownDetails.contains(text))
        return;
    m_shownDetails.insert(text);
    m_output.progress(DetailIndent + text);
}

void RollbackProgress::printResult(const QString &retryCommand) const
{
    m_output.line(tr("Outcome: %1").arg(RollbackJob::outcomeName(m_job.outcome())));
    m_output.line(m_job.summary());
    QList<QStringList> rows;
    for (const QString &diskId : m_job.plan().diskIds) {
        rows.append({ diskId, m_snapshotByDisk.value(diskId, QStringLiteral("-")),
            diskStateText(m_job.diskState(diskId)), m_job.diskMessage(diskId) });
    }
    if (!rows.isEmpty()) {
        m_output.line();
        m_output.line(CliOutput::formatTable(
            { tr("DISK"), tr("SNAPSHOT"), tr("STATE"), tr("DETAIL") }, rows, QStringLiteral("  ")));
    }
    if (!m_job.safetySnapshotGroupId().isEmpty())
        m_output.line(tr("Safety instance snapshot: %1").arg(m_job.safetySnapshotGroupId()));
    if (!retryCommand.isEmpty()) {
        m_output.line();
        m_output.line(m_job.outcome() == RollbackJob::Outcome::Interrupted
                ? tr("To finish it:")
                : tr("To roll back the disks that were not rolled back:"));
        m_output.line(QLatin1String("  ") + retryCommand);
    }
    m_output.line(tr("Operation ID: %1").arg(m_job.operationId()));
}

QJsonObject RollbackProgress::resultJson(const QString &retryCommand) const
{
    QJsonArray steps;
    for (RollbackJob::Step step : allSteps()) {
        steps.append(QJsonObject { { QStringLiteral("step"), RollbackJob::stepKey(step) },
            { QStringLiteral("title"), RollbackJob::stepName(step) },
            { QStringLiteral("state"), RollbackJob::stepStateKey(m_job.stepState(step)) } });
    }
    QJsonArray disks;
    for (const QString &diskId : m_job.plan().diskIds) {
        disks.append(QJsonObject { { QStringLiteral("diskId"), diskId },
            { QStringLiteral("snapshotId"), m_snapshotByDisk.value(diskId) },
            { QStringLiteral("state"), rollbackDiskStateName(m_job.diskState(diskId)) },
            { QStringLiteral("message"), m_job.diskMessage(diskId) } });
    }
    const RollbackPlan &plan = m_job.plan();
    QJsonObject json { { QStringLiteral("outcome"), RollbackJob::outcomeName(m_job.outcome()) },
        { QStringLiteral("summary"), m_job.summary() },
        { QStringLiteral("regionId"), plan.target.regionId },
        { QStringLiteral("snapshotGroupId"), plan.target.snapshotGroupId },
        { QStringLiteral("instanceId"), plan.target.instanceId },
        { QStringLiteral("safetySnapshot"), plan.safetySnapshot },
        { QStringLiteral("startAfterRollback"), plan.startAfterRollback },
        { QStringLiteral("steps"), steps }, { QStringLiteral("disks"), disks },
        { QStringLiteral("safetySnapshotGroupId"),
            m_job.safetySnapshotGroupId().isEmpty() ? QJsonValue(QJsonValue::Null)
                                                    : QJsonValue(m_job.safetySnapshotGroupId()) },
        { QStringLiteral("operationId"), m_job.operationId() },
        { QStringLiteral("retryCommand"),
            retryCommand.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(retryCommand) } };
    const ApiError error = m_job.error();
    if (error.isError()) {
        json.insert(QStringLiteral("error"),
            QJsonObject { { QStringLiteral("kind"), ApiError::kindName(error.kind()) },
                { QStringLiteral("code"), error.code() },
                { QStringLiteral("message"), error.message() },
                { QStringLiteral("requestId"), error.requestId() } });
    }
    return json;
}

} // namespace ecs::cli
