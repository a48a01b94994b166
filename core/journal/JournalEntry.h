#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace ecs {

// Machine names for JournalEntry::kind and ::outcome (stable: exported, queried).
namespace JournalKind {
inline const QString Check = QStringLiteral("check"); // a precondition check and its result
inline const QString Call = QStringLiteral("call"); // one mutating API call (or dry run)
inline const QString Job = QStringLiteral("job"); // a job's start and end
// A step of a job starting or ending (action = the step's key): the write-ahead record
// that lets the next start find where an interrupted job stood.
inline const QString Step = QStringLiteral("step");
} // namespace JournalKind

namespace JournalOutcome {
inline const QString Passed = QStringLiteral("passed"); // check passed / dry run passed
inline const QString Blocked = QStringLiteral("blocked"); // check found blocking items
inline const QString Started = QStringLiteral("started");
inline const QString Succeeded = QStringLiteral("succeeded");
inline const QString Failed = QStringLiteral("failed");
// Sent, but no answer came back (timeout, dropped connection): resolved by reading state.
inline const QString Unknown = QStringLiteral("unknown");
inline const QString Cancelled = QStringLiteral("cancelled");
inline const QString Partial = QStringLiteral("partial"); // some disks rolled back, not all
// A job that stopped watching while the service still carries out what it accepted (the
// wait ran out, the app quit): resumable.
inline const QString Interrupted = QStringLiteral("interrupted");
// Written before a mutating call goes out; the answer follows as another entry. An intent
// with no answer after it means the app stopped while the call was on its way.
inline const QString Sending = QStringLiteral("sending");
// A job taken up again after an interruption (same operation ID).
inline const QString Resumed = QStringLiteral("resumed");
inline const QString Done = QStringLiteral("done"); // a step ended well
inline const QString Skipped = QStringLiteral("skipped"); // a step that did not apply
} // namespace JournalOutcome

// One line of the audit journal. Never holds a secret: the profile is its name only, and
// messages are the service's error messages or our own text.
struct JournalEntry
{
    qint64 id = 0; // assigned by the journal
    QDateTime time; // UTC; the journal sets it when left invalid
    QString operationId; // groups the entries of one job (a UUID)
    QString kind; // JournalKind
    QString profile; // profile name, e.g. "Sandbox", "app:prod"
    QString regionId;
    QString instanceId;
    QString snapshotGroupId;
    QStringList diskIds;
    QString action; // API action ("ResetDisks", "StopInstance") or the job's name
    QString requestId;
    QString outcome; // JournalOutcome
    QString errorCode; // service Code, or our ApiError kind name for transport errors
    QString message; // plain text for people
    // JSON object for machines: the plan of a job's start, the step of a step record
    // (kind Step); empty when none. Written so that a job can be recovered after a crash.
    QString detail;

    bool operator==(const JournalEntry &other) const;
    bool operator!=(const JournalEntry &other) const { return !(*this == other); }
};

} // namespace ecs

Q_DECLARE_METATYPE(ecs::JournalEntry)
