#include "journal/Journal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using ecs::JournalEntry;

namespace {

const QByteArray csvHeader = "id,time,operation_id,kind,profile,region_id,instance_id,"
                             "snapshot_group_id,disk_ids,action,request_id,outcome,error_code,"
                             "message,detail\r\n";

JournalEntry makeEntry()
{
    JournalEntry entry;
    entry.id = 7;
    // +08:00 on purpose: exports are in UTC.
    entry.time = QDateTime(QDate(2024, 5, 1), QTime(16, 30, 15, 42), Qt::OffsetFromUTC, 8 * 3600);
    entry.operationId = QStringLiteral("op-1");
    entry.kind = ecs::JournalKind::Call;
    entry.profile = QStringLiteral("Sandbox");
    entry.regionId = QStringLiteral("cn-hangzhou");
    entry.instanceId = QStringLiteral("i-1");
    entry.snapshotGroupId = QStringLiteral("ssg-1");
    entry.diskIds = QStringList { QStringLiteral("d-1"), QStringLiteral("d-2") };
    entry.action = QStringLiteral("ResetDisks");
    entry.requestId = QStringLiteral("REQ-1");
    entry.outcome = ecs::JournalOutcome::Failed;
    entry.errorCode = QStringLiteral("IncorrectInstanceStatus");
    entry.message = QStringLiteral("plain");
    return entry;
}

// The data line of a one-entry export, without its CRLF.
QByteArray dataLine(const QByteArray &csv)
{
    if (!csv.startsWith(csvHeader) || !csv.endsWith("\r\n"))
        return "<malformed: " + csv + '>';
    return csv.mid(csvHeader.size(), csv.size() - csvHeader.size() - 2);
}

} // namespace

class TestJournalExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void csvOfNothingIsTheHeader() { QCOMPARE(ecs::journalToCsv({}), csvHeader); }

    void csvPlainRow()
    {
        QCOMPARE(ecs::journalToCsv({ makeEntry() }),
            csvHeader
                + "7,2024-05-01T08:30:15.042Z,op-1,call,Sandbox,cn-hangzhou,i-1,ssg-1,d-1;d-2,"
                  "ResetDisks,REQ-1,failed,IncorrectInstanceStatus,plain,\r\n");
    }

    void csvQuoting_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QByteArray>("field");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QByteArray("\"one\ntwo\"");
        QTest::newRow("carriage return")
            << QStringLiteral("one\rtwo") << QByteArray("\"one\rtwo\"");
        QTest::newRow("crlf") << QStringLiteral("one\r\ntwo") << QByteArray("\"one\r\ntwo\"");
        QTest::newRow("unicode") << QStringLiteral("磁盘 ü") << QByteArray("磁盘 ü");
        QTest::newRow("equals inside") << QStringLiteral("a=b") << QByteArray("a=b");
        // Formula guard, then RFC 4180 quoting.
        QTest::newRow("formula =") << QStringLiteral("=SUM(A1)") << QByteArray("'=SUM(A1)");
        QTest::newRow("formula +") << QStringLiteral("+1") << QByteArray("'+1");
        QTest::newRow("formula -") << QStringLiteral("-1") << QByteArray("'-1");
        QTest::newRow("formula @") << QStringLiteral("@cmd") << QByteArray("'@cmd");
        QTest::newRow("formula tab") << QStringLiteral("\t=1") << QByteArray("'\t=1");
        QTest::newRow("formula, quoted") << QStringLiteral("=HYPERLINK(\"x\",\"y\")")
                                         << QByteArray("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
    }

    void csvQuoting()
    {
        QFETCH(QString, message);
        QFETCH(QByteArray, field);
        JournalEntry entry = makeEntry();
        entry.message = message;
        const QByteArray line = dataLine(ecs::journalToCsv({ entry }));
        const QByteArray prefix = "IncorrectInstanceStatus,";
        QVERIFY2(line.contains(prefix), line.constData());
        // The message is followed by the (empty) detail field.
        QCOMPARE(line.mid(line.indexOf(prefix) + prefix.size()), field + ',');
    }

    void csvGuardsEveryTextField()
    {
        JournalEntry entry = makeEntry();
        entry.profile = QStringLiteral("=p");
        entry.diskIds = QStringList { QStringLiteral("=d"), QStringLiteral("d-2") };
        entry.requestId = QStringLiteral("@r");
        QCOMPARE(dataLine(ecs::journalToCsv({ entry })),
            QByteArray("7,2024-05-01T08:30:15.042Z,op-1,call,'=p,cn-hangzhou,i-1,ssg-1,'=d;d-2,"
                       "ResetDisks,'@r,failed,IncorrectInstanceStatus,plain,"));
    }

    void jsonShape()
    {
        JournalEntry second = makeEntry();
        second.id = 8;
        second.diskIds.clear();
        // No formula guard in JSON: it is data for programs, not for a spreadsheet.
        second.message = QStringLiteral("=cmd\n\"two\"");
        const QByteArray json = ecs::journalToJson({ makeEntry(), second });
        QVERIFY(json.contains('\n')); // indented

        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(json, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.object().keys(), QStringList { QStringLiteral("entries") });
        const QJsonArray entries = document.object().value(QStringLiteral("entries")).toArray();
        QCOMPARE(entries.size(), 2);

        const QJsonObject first = entries.at(0).toObject();
        const QJsonObject expected {
            { QStringLiteral("id"), 7 },
            { QStringLiteral("time"), QStringLiteral("2024-05-01T08:30:15.042Z") },
            { QStringLiteral("operationId"), QStringLiteral("op-1") },
            { QStringLiteral("kind"), QStringLiteral("call") },
            { QStringLiteral("profile"), QStringLiteral("Sandbox") },
            { QStringLiteral("regionId"), QStringLiteral("cn-hangzhou") },
            { QStringLiteral("instanceId"), QStringLiteral("i-1") },
            { QStringLiteral("snapshotGroupId"), QStringLiteral("ssg-1") },
            { QStringLiteral("diskIds"),
                QJsonArray { QStringLiteral("d-1"), QStringLiteral("d-2") } },
            { QStringLiteral("action"), QStringLiteral("ResetDisks") },
            { QStringLiteral("requestId"), QStringLiteral("REQ-1") },
            { QStringLiteral("outcome"), QStringLiteral("failed") },
            { QStringLiteral("errorCode"), QStringLiteral("IncorrectInstanceStatus") },
            { QStringLiteral("message"), QStringLiteral("plain") },
            // Always there, empty when the entry has none: one shape for every reader.
            { QStringLiteral("detail"), QJsonObject {} },
        };
        QCOMPARE(first, expected);
        QVERIFY(first.value(QStringLiteral("id")).isDouble());

        const QJsonObject other = entries.at(1).toObject();
        QCOMPARE(other.value(QStringLiteral("id")).toInteger(), 8);
        QVERIFY(other.value(QStringLiteral("diskIds")).isArray());
        QCOMPARE(other.value(QStringLiteral("diskIds")).toArray().size(), 0);
        QCOMPARE(other.value(QStringLiteral("message")).toString(), second.message);
    }

    void detailIsQuotedInCsvAndAnObjectInJson()
    {
        JournalEntry entry = makeEntry();
        entry.detail = QStringLiteral(R"({"step":"rollback","disks":["d-1","d-2"]})");
        QCOMPARE(dataLine(ecs::journalToCsv({ entry })),
            QByteArray(
                "7,2024-05-01T08:30:15.042Z,op-1,call,Sandbox,cn-hangzhou,i-1,ssg-1,d-1;d-2,"
                "ResetDisks,REQ-1,failed,IncorrectInstanceStatus,plain,"
                "\"{\"\"step\"\":\"\"rollback\"\",\"\"disks\"\":[\"\"d-1\"\",\"\"d-2\"\"]}\""));

        const QJsonDocument document = QJsonDocument::fromJson(ecs::journalToJson({ entry }));
        const QJsonObject detail = document.object()
                                       .value(QStringLiteral("entries"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("detail"))
                                       .toObject();
        QCOMPARE(detail.value(QStringLiteral("step")).toString(), QStringLiteral("rollback"));
        QCOMPARE(detail.value(QStringLiteral("disks")).toArray().size(), 2);
    }

    void jsonOfNothing()
    {
        const QJsonDocument document = QJsonDocument::fromJson(ecs::journalToJson({}));
        QVERIFY(document.isObject());
        QVERIFY(document.object().value(QStringLiteral("entries")).isArray());
        QCOMPARE(document.object().value(QStringLiteral("entries")).toArray().size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJournalExport)
#include "tst_journal_export.moc"
