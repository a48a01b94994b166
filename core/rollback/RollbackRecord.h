#pragma once

#include "RollbackPlan.h"
#include "journal/JournalEntry.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ecs {

class Journal;

// The write-ahead record of a rollback job, read back: what the journal says a job that
// did not finish (a quit, a crash, a power cut) had done. The job writes its plan at the
// start, every step before and after it runs, and an intent before every mutating call;
// this reads those entries of one operation and says where it stood, so that a resumed
// job finishes it without ever sending the irreversible call again.
struct RollbackRecord
{
    // Where a recorded rollback call stands for one disk.
    enum class CallState {
        NotSent, // no call for this disk was recorded
        Accepted, // the service accepted it
        Refused, // the service refused it: nothing happened to the disk
        Unanswered, // an intent or an Unknown answer: it may have been carried out
    };

    QString operationId;
    RollbackPlan plan;
    QString lastJobOutcome; // JournalOutcome of the newest job entry
    QString lastStep; // key of the newest step record
    QString safetySnapshotGroupId; // from the safety snapshot step, if it was taken
    QHash<QString, CallState> calls; // per disk of the plan
    bool startSent = false; // a StartInstance intent or answer was recorded

    // The job has no final outcome in the journal: started, resumed or interrupted.
    bool isUnfinished() const;
    // The irreversible call was (or may have been) sent for at least one disk.
    bool rollbackSent() const;
    QStringList disksIn(CallState state) const;

    // Reads the entries of one operation (oldest first). nullopt when they are not a
    // rollback job's, or its start record carries no plan (a journal of version 1).
    static std::optional<RollbackRecord> fromEntries(const QList<JournalEntry> &entries);
    // The operations in `entries` (any order) whose rollback job did not finish.
    static QList<RollbackRecord> unfinished(const QList<JournalEntry> &entries);
    // The unfinished rollbacks in `journal` recorded under `profile` (all when empty);
    // none when the journal cannot be read.
    static QList<RollbackRecord> unfinished(const Journal &journal, const QString &profile = {});
};

// The plan as the job's start record keeps it, and back. Polling and retry settings are
// the session's, not part of the record.
QJsonObject rollbackPlanToJson(const RollbackPlan &plan);
std::optional<RollbackPlan> rollbackPlanFromJson(const QJsonObject &json);

} // namespace ecs
