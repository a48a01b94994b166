#pragma once

#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace ecs {

// Which process carries an operation. A rollback job holds the lock of its operation from
// its start to its outcome, so that another process (a second console, ecs-rollback-cli
// resume) never takes up an operation that is still running; a resumed job takes the lock
// first and leaves the operation alone when it cannot.
//
// The lock is a QLockFile beside the journal (<journal>.locks/<operation ID>.lock). It
// holds the PID and program of its owner, so a lock left by a killed process is seen as
// stale and taken over; it is never stale by age (a rollback may take an hour).
class OperationLock
{
public:
    // No journal path: a lock that is always taken (nothing else could find the operation).
    OperationLock(const QString &journalPath, const QString &operationId);
    ~OperationLock();
    OperationLock(const OperationLock &) = delete;
    OperationLock &operator=(const OperationLock &) = delete;

    // Takes the lock now, or false when a live process holds it (see holder()).
    bool tryLock();
    void unlock();
    bool isLocked() const;

    // Who holds it: "ecs-rollback-cli (PID 4242)"; nothing when no live process does.
    static std::optional<QString> holder(const QString &journalPath, const QString &operationId);
    static QString lockFilePath(const QString &journalPath, const QString &operationId);

private:
    std::unique_ptr<QLockFile> m_file; // null without a journal path
    bool m_locked = false;
};

} // namespace ecs
