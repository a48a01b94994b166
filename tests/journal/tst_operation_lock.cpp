// OperationLock: one live process carries an operation; a lock left by a dead one is
// taken over; age alone never makes a lock stale.
#include "journal/OperationLock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using ecs::OperationLock;

class TestOperationLock : public QObject
{
    Q_OBJECT

private:
    QString journalPath() const { return m_dir.filePath(QStringLiteral("journal.sqlite")); }
    QTemporaryDir m_dir;

private Q_SLOTS:
    void freeOperationHasNoHolder()
    {
        QCOMPARE(OperationLock::holder(journalPath(), QStringLiteral("op-free")), std::nullopt);
        OperationLock lock(journalPath(), QStringLiteral("op-free"));
        QVERIFY(lock.tryLock());
        QVERIFY(lock.isLocked());
        lock.unlock();
        QVERIFY(!lock.isLocked());
        QCOMPARE(OperationLock::holder(journalPath(), QStringLiteral("op-free")), std::nullopt);
    }

    void heldLockNamesItsHolderAndCannotBeTakenTwice()
    {
        OperationLock first(journalPath(), QStringLiteral("op-held"));
        QVERIFY(first.tryLock());
        OperationLock second(journalPath(), QStringLiteral("op-held"));
        QVERIFY(!second.tryLock());
        const std::optional<QString> holder
            = OperationLock::holder(journalPath(), QStringLiteral("op-held"));
        QVERIFY(holder.has_value());
        QVERIFY2(holder->contains(QStringLiteral("PID %1").arg(QCoreApplication::applicationPid())),
            qPrintable(*holder));
        // Other operations are not affected.
        OperationLock other(journalPath(), QStringLiteral("op-other"));
        QVERIFY(other.tryLock());
        first.unlock();
        QVERIFY(second.tryLock());
    }

    void lockOfADeadProcessIsTakenOver()
    {
        // What a SIGKILLed job leaves behind, in QLockFile's format: PID, program, host.
        const QString path = OperationLock::lockFilePath(journalPath(), QStringLiteral("op-dead"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray::number(deadPid()) + "\necs-rollback-cli\n"
            + QSysInfo::machineHostName().toUtf8() + '\n');
        file.close();
        QCOMPARE(OperationLock::holder(journalPath(), QStringLiteral("op-dead")), std::nullopt);
        OperationLock lock(journalPath(), QStringLiteral("op-dead"));
        QVERIFY(lock.tryLock());
    }

    void oldLockOfALiveProcessIsNotStale()
    {
        OperationLock first(journalPath(), QStringLiteral("op-long"));
        QVERIFY(first.tryLock());
        // A rollback can run for an hour: make the file look old.
        QFile file(OperationLock::lockFilePath(journalPath(), QStringLiteral("op-long")));
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(
            QDateTime::currentDateTime().addDays(-1), QFileDevice::FileModificationTime));
        file.close();
        OperationLock second(journalPath(), QStringLiteral("op-long"));
        QVERIFY(!second.tryLock());
    }

    void operationIdsBecomeSafeFileNames()
    {
        const QString path
            = OperationLock::lockFilePath(journalPath(), QStringLiteral("../../etc/passwd"));
        QVERIFY2(QFileInfo(path).absolutePath()
                == QFileInfo(journalPath()).absoluteFilePath() + QStringLiteral(".locks"),
            qPrintable(path));
    }

    void withoutJournalTheLockIsAlwaysTaken()
    {
        OperationLock lock(QString(), QStringLiteral("op-1"));
        QVERIFY(lock.tryLock());
        OperationLock again(QString(), QStringLiteral("op-1"));
        QVERIFY(again.tryLock());
    }

private:
    static qint64 deadPid()
    {
        // Highest PIDs first: the kernel hands them out last.
        for (qint64 pid = 4194303; pid > 100000; --pid) {
            if (!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)))
                return pid;
        }
        return 4194303;
    }
};

QTEST_GUILESS_MAIN(TestOperationLock)
#include "tst_operation_lock.moc"
