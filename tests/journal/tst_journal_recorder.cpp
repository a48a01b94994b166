#include "credentials/Credential.h"
#include "journal/Journal.h"
#include "journal/OperationRecorder.h"
#include "rollback/PreconditionReport.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using ecs::ApiError;
using ecs::Journal;
using ecs::JournalEntry;
using ecs::OperationRecorder;
using ecs::PreconditionItem;
using ecs::PreconditionKind;
using ecs::PreconditionOutcome;
using ecs::PreconditionReport;

namespace {

PreconditionItem item(PreconditionKind kind, PreconditionOutcome outcome, const QString &title,
    const QString &diskId = {})
{
    PreconditionItem result;
    result.kind = kind;
    result.outcome = outcome;
    result.title = title;
    result.diskId = diskId;
    return result;
}

ecs::DiskEligibility disk(const QString &diskId, bool selected)
{
    ecs::DiskEligibility result;
    result.diskId = diskId;
    result.selected = selected;
    return result;
}

// Every byte the journal left in its folder (the database and any side file).
QByteArray folderBytes(const QString &folder)
{
    QByteArray bytes;
    const QDir dir(folder);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden)) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            bytes += file.readAll();
    }
    return bytes;
}

} // namespace

class TestOperationRecorder : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Journal> m_journal;

    QList<JournalEntry> all() const { return m_journal->entries().value_or(QList<JournalEntry>()); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_journal = std::make_unique<Journal>(m_dir->filePath(QStringLiteral("journal.sqlite")));
        QVERIFY(m_journal->open());
    }

    void cleanup() { m_journal.reset(); }

    void callFillsCommonFields()
    {
        OperationRecorder recorder(m_journal.get(), QStringLiteral("Sandbox"),
            QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"), QStringLiteral("ssg-1"));
        const ApiError refused = ApiError::service(403, QStringLiteral("IncorrectInstanceStatus"),
            QStringLiteral("The instance is running."), QStringLiteral("REQ-ERR"));
        recorder.call(QStringLiteral("ResetDisks"), { QStringLiteral("d-1") },
            QStringLiteral("REQ-GIVEN"), ecs::JournalOutcome::Failed, refused);
        recorder.call(QStringLiteral("ResetDisks"), { QStringLiteral("d-1") }, {},
            ecs::JournalOutcome::Failed, refused, QStringLiteral("our own words"));
        recorder.call(QStringLiteral("StopInstance"), {}, {}, ecs::JournalOutcome::Unknown,
            ApiError(ApiError::Kind::Timeout, QStringLiteral("No answer in 30 s.")));
        recorder.call(QStringLiteral("StartInstance"), {}, QStringLiteral("REQ-OK"),
            ecs::JournalOutcome::Succeeded);

        const QList<JournalEntry> entries = all();
        QCOMPARE(entries.size(), 4);
        for (const JournalEntry &entry : entries) {
            QCOMPARE(entry.kind, ecs::JournalKind::Call);
            QCOMPARE(entry.operationId, recorder.operationId());
            QCOMPARE(entry.profile, QStringLiteral("Sandbox"));
            QCOMPARE(entry.regionId, QStringLiteral("cn-hangzhou"));
            QCOMPARE(entry.instanceId, QStringLiteral("i-1"));
            QCOMPARE(entry.snapshotGroupId, QStringLiteral("ssg-1"));
            QVERIFY(entry.time.isValid());
        }
        QCOMPARE(entries.at(0).action, QStringLiteral("ResetDisks"));
        QCOMPARE(entries.at(0).diskIds, QStringList { QStringLiteral("d-1") });
        QCOMPARE(entries.at(0).outcome, ecs::JournalOutcome::Failed);
        QCOMPARE(entries.at(0).requestId, QStringLiteral("REQ-GIVEN"));
        QCOMPARE(entries.at(0).errorCode, QStringLiteral("IncorrectInstanceStatus"));
        QCOMPARE(entries.at(0).message, QStringLiteral("The instance is running."));

        QCOMPARE(entries.at(1).requestId, QStringLiteral("REQ-ERR"));
        QCOMPARE(entries.at(1).message, QStringLiteral("our own words"));

        QCOMPARE(entries.at(2).errorCode, ApiError::kindName(ApiError::Kind::Timeout));
        QVERIFY(!entries.at(2).errorCode.isEmpty());
        QCOMPARE(entries.at(2).outcome, ecs::JournalOutcome::Unknown);

        QCOMPARE(entries.at(3).errorCode, QString());
        QCOMPARE(entries.at(3).message, QString());
        QCOMPARE(entries.at(3).requestId, QStringLiteral("REQ-OK"));
    }

    void oneOperationIdPerRecorder()
    {
        OperationRecorder recorder(m_journal.get(), QStringLiteral("Sandbox"),
            QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"));
        const QString id = recorder.operationId();
        QVERIFY(!QUuid::fromString(id).isNull());
        QVERIFY(!id.contains(QLatin1Char('{')));
        recorder.job(
            QStringLiteral("Rollback"), { QStringLiteral("d-1") }, ecs::JournalOutcome::Started);
        recorder.call(QStringLiteral("ResetDisks"), { QStringLiteral("d-1") }, QStringLiteral("R"),
            ecs::JournalOutcome::Succeeded);
        recorder.job(QStringLiteral("Rollback"), { QStringLiteral("d-1") },
            ecs::JournalOutcome::Succeeded, QStringLiteral("done"));

        OperationRecorder other(m_journal.get(), QStringLiteral("Sandbox"),
            QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"));
        QVERIFY(other.operationId() != id);
        other.job(QStringLiteral("Rollback"), {}, ecs::JournalOutcome::Started);

        ecs::JournalQuery query;
        query.operationId = id;
        const auto entries = m_journal->entries(query);
        QVERIFY(entries.has_value());
        QCOMPARE(entries->size(), 3);
        QCOMPARE(entries->at(0).kind, ecs::JournalKind::Job);
        QCOMPARE(entries->at(0).outcome, ecs::JournalOutcome::Started);
        QCOMPARE(entries->at(2).message, QStringLiteral("done"));
        QCOMPARE(all().size(), 4);
    }

    void checkRecordsBlockingItems()
    {
        OperationRecorder recorder(m_journal.get(), QStringLiteral("Sandbox"),
            QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"), QStringLiteral("ssg-1"));
        PreconditionReport blocked;
        blocked.disks = { disk(QStringLiteral("d-1"), true), disk(QStringLiteral("d-2"), true),
            disk(QStringLiteral("d-3"), false) };
        blocked.items = {
            item(PreconditionKind::InstanceStopped, PreconditionOutcome::Failed,
                QStringLiteral("Instance is stopped")),
            item(PreconditionKind::DataLoss, PreconditionOutcome::Warning,
                QStringLiteral("Data is lost")),
            item(PreconditionKind::DiskExists, PreconditionOutcome::Unknown,
                QStringLiteral("Disk exists"), QStringLiteral("d-1")),
            item(PreconditionKind::DiskExists, PreconditionOutcome::Failed,
                QStringLiteral("Disk exists"), QStringLiteral("d-2")),
        };
        recorder.check(blocked);

        PreconditionReport passed;
        passed.disks = { disk(QStringLiteral("d-1"), true) };
        passed.items = { item(PreconditionKind::InstanceStopped, PreconditionOutcome::Passed,
            QStringLiteral("Instance is stopped")) };
        recorder.check(passed);

        const QList<JournalEntry> entries = all();
        QCOMPARE(entries.size(), 2);
        const JournalEntry &first = entries.at(0);
        QCOMPARE(first.kind, ecs::JournalKind::Check);
        QCOMPARE(first.action, QStringLiteral("CheckPreconditions"));
        QCOMPARE(first.outcome, ecs::JournalOutcome::Blocked);
        QCOMPARE(first.diskIds, (QStringList { QStringLiteral("d-1"), QStringLiteral("d-2") }));
        QCOMPARE(first.errorCode,
            ecs::preconditionKindName(PreconditionKind::InstanceStopped) + QLatin1Char(',')
                + ecs::preconditionKindName(PreconditionKind::DiskExists));
        QCOMPARE(first.message,
            QStringLiteral("Instance is stopped; Disk exists (d-1); Disk exists (d-2)"));
        QCOMPARE(first.snapshotGroupId, QStringLiteral("ssg-1"));

        const JournalEntry &second = entries.at(1);
        QCOMPARE(second.outcome, ecs::JournalOutcome::Passed);
        QCOMPARE(second.errorCode, QString());
        QCOMPARE(second.message, QString());
        QCOMPARE(second.operationId, first.operationId);
    }

    void withoutJournalNothingIsRecorded()
    {
        OperationRecorder none;
        QCOMPARE(none.journal(), nullptr);
        none.job(QStringLiteral("Rollback"), {}, ecs::JournalOutcome::Started);
        none.check(PreconditionReport());

        auto doomed = std::make_unique<Journal>(m_dir->filePath(QStringLiteral("other.sqlite")));
        OperationRecorder late(doomed.get(), QStringLiteral("Sandbox"), {}, {});
        QCOMPARE(late.journal(), doomed.get());
        doomed.reset();
        QCOMPARE(late.journal(), nullptr);
        late.job(QStringLiteral("Rollback"), {}, ecs::JournalOutcome::Started); // no crash
        QCOMPARE(all().size(), 0);
    }

    // The recorder has no way to take a credential; this proves nothing else leaks one.
    void noSecretReachesTheFileOrExports()
    {
        const ecs::Credential credential { QStringLiteral("LTAI5tJournalKeyId42"),
            QStringLiteral("JournalSecret-9f8e7d6c5b"), {} };
        OperationRecorder recorder(m_journal.get(), QStringLiteral("SecretProbeProfile"),
            QStringLiteral("cn-hangzhou"), QStringLiteral("i-1"));
        recorder.call(QStringLiteral("ResetDisks"), { QStringLiteral("d-1") }, {},
            ecs::JournalOutcome::Failed,
            ApiError::service(403, QStringLiteral("Forbidden.RAM"),
                QStringLiteral("You are not authorized to do this action."),
                QStringLiteral("REQ-1")));
        recorder.job(QStringLiteral("Rollback"), { QStringLiteral("d-1") },
            ecs::JournalOutcome::Failed, QStringLiteral("The rollback failed."));

        const QList<QByteArray> outputs { folderBytes(m_dir->path()), ecs::journalToCsv(all()),
            ecs::journalToJson(all()) };
        for (const QByteArray &bytes : outputs) {
            // The scan sees what was recorded, so an absent secret means something.
            QVERIFY(bytes.contains("SecretProbeProfile"));
            QVERIFY(bytes.contains("Forbidden.RAM"));
            for (const QString &secret : { credential.accessKeySecret, credential.accessKeyId }) {
                QVERIFY(!bytes.contains(secret.toUtf8()));
                QVERIFY(!bytes.contains(
                    QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestOperationRecorder)
#include "tst_journal_recorder.moc"
