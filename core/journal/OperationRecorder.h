#pragma once

#include "JournalEntry.h"
#include "api/ApiError.h"

#include <QPointer>
#include <QString>
#include <QStringList>

namespace ecs {

class Journal;
struct PreconditionReport;

// Writes the journal entries of one operation (a rollback job, a remedy): fills in the
// operation ID, profile, region, instance and instance snapshot once, so call sites
// record only what happened. A null journal records nothing, and neither does one that was
// destroyed since (the recorder holds it through a QPointer). Each recorder makes a new
// operation ID (a UUID without braces); copies share it.
class OperationRecorder
{
public:
    OperationRecorder() = default;
    OperationRecorder(Journal *journal, QString profile, QString regionId, QString instanceId,
        QString snapshotGroupId = {});
    // Takes up an operation recorded earlier (a job resumed after a crash).
    static OperationRecorder resuming(Journal *journal, QString operationId, QString profile,
        QString regionId, QString instanceId, QString snapshotGroupId);

    QString operationId() const { return m_operationId; }
    Journal *journal() const; // out of line: Journal is only forward-declared here

    // A precondition check: Passed, or Blocked with the blocking items' kinds as
    // errorCode and their titles as message.
    void check(const PreconditionReport &report);
    // A mutating call that got an answer or an error. `outcome` is JournalOutcome.
    void call(const QString &action, const QStringList &diskIds, const QString &requestId,
        const QString &outcome, const ApiError &error = {}, const QString &message = {});
    // Before a mutating call goes out: outcome Sending. After a crash, an intent with no
    // answer after it says the call may have reached the service.
    void intent(const QString &action, const QStringList &diskIds);
    // A step of the job starting or ending (JournalKind::Step; action = the step's key).
    void step(const QString &stepKey, const QString &outcome, const QString &message = {});
    // The job's own start and end; `detail` is a JSON object (the plan, at the start).
    void job(const QString &action, const QStringList &diskIds, const QString &outcome,
        const QString &message = {}, const QString &detail = {});

private:
    JournalEntry base() const;

    QPointer<Journal> m_journal;
    QString m_operationId;
    QString m_profile;
    QString m_regionId;
    QString m_instanceId;
    QString m_snapshotGroupId;
};

} // namespace ecs
