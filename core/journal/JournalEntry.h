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

    bool operator==(const JournalEntry &other) const;
    bool operator!=(const JournalEntry &other) const { return !(*this == other); }
};

} // namespace ecs

Q_DECLARE_METATYPE(ecs::JournalEntry)
