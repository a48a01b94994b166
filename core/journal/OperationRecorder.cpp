#include "OperationRecorder.h"

#include "Journal.h"
#include "rollback/PreconditionReport.h"

#include <QUuid>

#include <utility>

namespace ecs {

OperationRecorder::OperationRecorder(Journal *journal, QString profile, QString regionId,
    QString instanceId, QString snapshotGroupId)
    : m_journal(journal)
    , m_operationId(QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_profile(std::move(profile))
    , m_regionId(std::move(regionId))
    , m_instanceId(std::move(instanceId))
    , m_snapshotGroupId(std::move(snapshotGroupId))
{ }

OperationRecorder OperationRecorder::resuming(Journal *journal, QString operationId,
    QString profile, QString regionId, QString instanceId, QString snapshotGroupId)
{
    OperationRecorder recorder(journal, std::move(profile), std::move(regionId),
        std::move(instanceId), std::move(snapshotGroupId));
    recorder.m_operationId = std::move(operationId);
    return recorder;
}

Journal *OperationRecorder::journal() const
{
    return m_journal.data();
}

JournalEntry OperationRecorder::base() const
{
    JournalEntry entry;
    entry.operationId = m_operationId;
    entry.profile = m_profile;
    entry.regionId = m_regionId;
    entry.instanceId = m_instanceId;
    entry.snapshotGroupId = m_snapshotGroupId;
    return entry;
}

void OperationRecorder::check(const PreconditionReport &report)
{
    if (!m_journal)
        return;
    JournalEntry entry = base();
    entry.kind = JournalKind::Check;
    entry.action = QStringLiteral("CheckPreconditions");
    entry.outcome = report.allowsRollback() ? JournalOutcome::Passed : JournalOutcome::Blocked;
    entry.diskIds = report.selectedDiskIds();
    QStringList kinds;
    QStringList titles;
    const QList<PreconditionItem> blocking = report.blockingItems();
    for (const PreconditionItem &item : blocking) {
        // Each kind once: the same per-disk check failing for three disks is one code.
        const QString kind = preconditionKindName(item.kind);
        if (!kinds.contains(kind))
            kinds.append(kind);
        // The disk is named, or "Disk exists; Disk exists" would not say which.
        titles.append(item.diskId.isEmpty() || item.title.contains(item.diskId)
                ? item.title
                : item.title + QLatin1String(" (") + item.diskId + QLatin1Char(')'));
    }
    entry.errorCode = kinds.join(QLatin1Char(','));
    entry.message = titles.join(QLatin1String("; "));
    m_journal->record(entry);
}

void OperationRecorder::call(const QString &action, const QStringList &diskIds,
    const QString &requestId, const QString &outcome, const ApiError &error, const QString &message)
{
    if (!m_journal)
        return;
    JournalEntry entry = base();
    entry.kind = JournalKind::Call;
    entry.action = action;
    entry.diskIds = diskIds;
    entry.outcome = outcome;
    entry.requestId = requestId.isEmpty() ? error.requestId() : requestId;
    if (error.kind() == ApiError::Kind::Service)
        entry.errorCode = error.code();
    else if (error.isError())
        entry.errorCode = ApiError::kindName(error.kind());
    entry.message = message.isEmpty() ? error.message() : message;
    m_journal->record(entry);
}

void OperationRecorder::intent(const QString &action, const QStringList &diskIds)
{
    call(action, diskIds, {}, JournalOutcome::Sending);
}

void OperationRecorder::step(const QString &stepKey, const QString &outcome, const QString &message)
{
    if (!m_journal)
        return;
    JournalEntry entry = base();
    entry.kind = JournalKind::Step;
    entry.action = stepKey;
    entry.outcome = outcome;
    entry.message = message;
    m_journal->record(entry);
}

void OperationRecorder::job(const QString &action, const QStringList &diskIds,
    const QString &outcome, const QString &message, const QString &detail)
{
    if (!m_journal)
        return;
    JournalEntry entry = base();
    entry.kind = JournalKind::Job;
    entry.action = action;
    entry.diskIds = diskIds;
    entry.outcome = outcome;
    entry.message = message;
    entry.detail = detail;
    m_journal->record(entry);
}

} // namespace ecs
