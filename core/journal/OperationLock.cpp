#include "OperationLock.h"

#include <QDir>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>

namespace ecs {

namespace {

std::unique_ptr<QLockFile> lockFile(const QString &journalPath, const QString &operationId)
{
    if (journalPath.isEmpty() || operationId.isEmpty())
        return nullptr;
    const QString path = OperationLock::lockFilePath(journalPath, operationId);
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto file = std::make_unique<QLockFile>(path);
    file->setStaleLockTime(0); // stale only when its process is gone, never by age
    return file;
}

} // namespace

OperationLock::OperationLock(const QString &journalPath, const QString &operationId)
    : m_file(lockFile(journalPath, operationId))
{ }

OperationLock::~OperationLock() = default; // QLockFile unlocks on destruction

bool OperationLock::tryLock()
{
    if (m_locked)
        return true;
    m_locked = !m_file || m_file->tryLock(0);
    return m_locked;
}

void OperationLock::unlock()
{
    if (m_file && m_locked)
        m_file->unlock();
    m_locked = false;
}

bool OperationLock::isLocked() const
{
    return m_locked;
}

std::optional<QString> OperationLock::holder(const QString &journalPath, const QString &operationId)
{
    const std::unique_ptr<QLockFile> file = lockFile(journalPath, operationId);
    if (!file || file->tryLock(0)) {
        return std::nullopt; // free (a stale lock was just taken over, and is let go here)
    }
    qint64 pid = 0;
    QString host;
    QString program;
    if (!file->getLockInfo(&pid, &host, &program))
        return QStringLiteral("?");
    return QStringLiteral("%1 (PID %2)")
        .arg(program.isEmpty() ? QStringLiteral("?") : program)
        .arg(pid);
}

QString OperationLock::lockFilePath(const QString &journalPath, const QString &operationId)
{
    // Operation IDs are UUIDs; anything else is made a safe file name.
    QString name = operationId;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    return journalPath + QStringLiteral(".locks/") + name + QStringLiteral(".lock");
}

} // namespace ecs
