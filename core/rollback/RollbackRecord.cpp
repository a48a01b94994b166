#include "RollbackRecord.h"

#include "journal/Journal.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ecs {

namespace {

const QString jobAction = QStringLiteral("Rollback");
const QString safetySnapshotStep = QStringLiteral("safety-snapshot");

bool isRollbackCall(const QString &action)
{
    // Dry runs are journalled as "ResetDisks (DryRun)": they change nothing.
    return action == QLatin1String("ResetDisks") || action == QLatin1String("ResetDisk");
}

RollbackRecord::CallState callState(const QString &outcome)
{
    if (outcome == JournalOutcome::Succeeded)
        return RollbackRecord::CallState::Accepted;
    if (outcome == JournalOutcome::Failed)
        return RollbackRecord::CallState::Refused;
    // Sending (no answer followed), Unknown, and Partial (which disks of the call were
    // refused is not recorded): only reading the disks tells.
    return RollbackRecord::CallState::Unanswered;
}

QString policyName(RollbackPlan::ChangePolicy policy)
{
    return policy == RollbackPlan::ChangePolicy::SkipChangedDisks
        ? QStringLiteral("skip-changed-disks")
        : QStringLiteral("stop-job");
}

} // namespace

bool RollbackRecord::isUnfinished() const
{
    return lastJobOutcome == JournalOutcome::Started || lastJobOutcome == JournalOutcome::Resumed
        || lastJobOutcome == JournalOutcome::Interrupted;
}

bool RollbackRecord::rollbackSent() const
{
    return std::any_of(calls.cbegin(), calls.cend(), [](CallState state) {
        return state == CallState::Accepted || state == CallState::Unanswered;
    });
}

QStringList RollbackRecord::disksIn(CallState state) const
{
    QStringList ids;
    for (const QString &diskId : plan.diskIds) {
        if (calls.value(diskId, CallState::NotSent) == state)
            ids.append(diskId);
    }
    return ids;
}

std::optional<RollbackRecord> RollbackRecord::fromEntries(const QList<JournalEntry> &entries)
{
    RollbackRecord record;
    bool hasPlan = false;
    for (const JournalEntry &entry : entries) {
        if (entry.kind == JournalKind::Job && entry.action == jobAction) {
            if (!hasPlan) {
                const QJsonObject detail = QJsonDocument::fromJson(entry.detail.toUtf8()).object();
                const std::optional<RollbackPlan> plan
                    = rollbackPlanFromJson(detail.value(QLatin1String("plan")).toObject());
                if (!plan)
                    return std::nullopt;
                record.plan = *plan;
                record.operationId = entry.operationId;
                hasPlan = true;
            }
            record.lastJobOutcome = entry.outcome;
        } else if (entry.kind == JournalKind::Step) {
            record.lastStep = entry.action;
            if (entry.action == safetySnapshotStep && entry.outcome == JournalOutcome::Done)
                record.safetySnapshotGroupId = entry.message;
        } else if (entry.kind == JournalKind::Call && isRollbackCall(entry.action)) {
            for (const QString &diskId : entry.diskIds)
                record.calls.insert(diskId, callState(entry.outcome));
        } else if (entry.kind == JournalKind::Call
            && entry.action == QLatin1String("StartInstance")) {
            record.startSent = true;
        }
    }
    if (!hasPlan)
        return std::nullopt;
    return record;
}

QList<RollbackRecord> RollbackRecord::unfinished(const QList<JournalEntry> &entries)
{
    QHash<QString, QList<JournalEntry>> byOperation;
    QStringList order;
    for (const JournalEntry &entry : entries) {
        if (entry.operationId.isEmpty())
            continue;
        if (!byOperation.contains(entry.operationId))
            order.append(entry.operationId);
        byOperation[entry.operationId].append(entry);
    }
    QList<RollbackRecord> result;
    for (const QString &operationId : qAsConst(order)) {
        QList<JournalEntry> ofOperation = byOperation.value(operationId);
        std::stable_sort(ofOperation.begin(), ofOperation.end(),
            [](const JournalEntry &a, const JournalEntry &b) {
                return a.time != b.time ? a.time < b.time : a.id < b.id;
            });
        const std::optional<RollbackRecord> record = fromEntries(ofOperation);
        if (record && record->isUnfinished())
            result.append(*record);
    }
    return result;
}

QList<RollbackRecord> RollbackRecord::unfinished(const Journal &journal, const QString &profile)
{
    const std::optional<QList<JournalEntry>> entries = journal.entries();
    if (!entries)
        return {};
    QList<RollbackRecord> result;
    for (const RollbackRecord &record : unfinished(*entries)) {
        if (profile.isEmpty() || record.plan.profileName == profile)
            result.append(record);
    }
    return result;
}

QJsonObject rollbackPlanToJson(const RollbackPlan &plan)
{
    return QJsonObject {
        { QStringLiteral("regionId"), plan.target.regionId },
        { QStringLiteral("snapshotGroupId"), plan.target.snapshotGroupId },
        { QStringLiteral("instanceId"), plan.target.instanceId },
        { QStringLiteral("diskIds"), QJsonArray::fromStringList(plan.diskIds) },
        { QStringLiteral("safetySnapshot"), plan.safetySnapshot },
        { QStringLiteral("startAfterRollback"), plan.startAfterRollback },
        { QStringLiteral("onChangeBeforeCall"), policyName(plan.onChangeBeforeCall) },
        { QStringLiteral("profileName"), plan.profileName },
    };
}

std::optional<RollbackPlan> rollbackPlanFromJson(const QJsonObject &json)
{
    RollbackPlan plan;
    plan.target.regionId = json.value(QLatin1String("regionId")).toString();
    plan.target.snapshotGroupId = json.value(QLatin1String("snapshotGroupId")).toString();
    plan.target.instanceId = json.value(QLatin1String("instanceId")).toString();
    for (const QJsonValue &diskId : json.value(QLatin1String("diskIds")).toArray())
        plan.diskIds.append(diskId.toString());
    if (plan.target.regionId.isEmpty() || plan.target.instanceId.isEmpty() || plan.diskIds.isEmpty()
        || plan.diskIds.contains(QString()))
        return std::nullopt;
    plan.safetySnapshot = json.value(QLatin1String("safetySnapshot")).toBool();
    plan.startAfterRollback = json.value(QLatin1String("startAfterRollback")).toBool();
    plan.onChangeBeforeCall = json.value(QLatin1String("onChangeBeforeCall")).toString()
            == policyName(RollbackPlan::ChangePolicy::SkipChangedDisks)
        ? RollbackPlan::ChangePolicy::SkipChangedDisks
        : RollbackPlan::ChangePolicy::StopJob;
    plan.profileName = json.value(QLatin1String("profileName")).toString();
    return plan;
}

} // namespace ecs
