// Issue 10, item 3: on SignatureDoesNotMatch the gateway quotes its string-to-sign, which
// holds the STS token (V1: percent-encoded twice; V3: in the canonical request). With a
// recognisable canary token and secret, signed with the wrong secret against the emulator,
// nothing the app keeps or shows may contain them: the ApiError, the log, every column of
// the journal file, and its CSV and JSON exports.
#include "EmbeddedEmulator.h"
#include "LogCapture.h"
#include "api/EcsApi.h"
#include "api/EcsClient.h"
#include "api/Redaction.h"
#include "journal/Journal.h"
#include "journal/OperationRecorder.h"
#include "scenarios/Scenario.h"

#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace ecs;
using namespace ecs::emulator;

namespace {

// Every form of the token and the secret keeps this run of letters: percent-encoding
// leaves letters alone, so finding it anywhere means something leaked.
const QString Canary = QStringLiteral("Q4nAry");
const QString KeyId = QStringLiteral("STS.NUredactionKey01");
const QString Token = QStringLiteral("CAIS+Q4nAryT0ken/StsToken==");
const Credential ServerKey { KeyId, QStringLiteral("the-real-secret-0001"), Token };
const Credential ClientKey { KeyId, QStringLiteral("Q4nAryWrong+Secret/1"), Token };

template<typename T>
std::optional<Result<T>> await(const std::function<void(ResultHandler<T>)> &start)
{
    auto answer = std::make_shared<std::optional<Result<T>>>();
    start([answer](const Result<T> &result) { *answer = result; });
    if (!QTest::qWaitFor([answer] { return answer->has_value(); }, 10000))
        return std::nullopt;
    return *answer;
}

// Every text column of every row of the journal file, read with SQLite directly.
QStringList journalCells(const QString &path)
{
    QStringList cells;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("scan"));
        db.setDatabaseName(path);
        if (!db.open())
            return { QStringLiteral("<cannot open>") };
        QSqlQuery rows(db);
        rows.exec(QStringLiteral("SELECT * FROM entries"));
        while (rows.next()) {
            for (int column = 0; column < rows.record().count(); ++column)
                cells << rows.value(column).toString();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("scan"));
    return cells;
}

QString leakIn(const QStringList &texts)
{
    for (const QString &text : texts) {
        if (text.contains(Canary, Qt::CaseInsensitive))
            return text;
    }
    return {};
}

} // namespace

class TestSecretRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signatureErrorLeavesNoSecret_data();
    void signatureErrorLeavesNoSecret();
    void journalRedactsWhatItIsGiven();
};

void TestSecretRedaction::signatureErrorLeavesNoSecret_data()
{
    QTest::addColumn<int>("signature");
    QTest::newRow("V3") << int(signing::SignatureVersion::V3);
    QTest::newRow("V1") << int(signing::SignatureVersion::V1);
}

void TestSecretRedaction::signatureErrorLeavesNoSecret()
{
    QFETCH(int, signature);
    QString error;
    EmbeddedEmulator emulator(Scenario::builtIn(QStringLiteral("demo"), &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(emulator.start(), QString());
    // After start(), which accepts its own generated key only.
    QCOMPARE(emulator.server().addAccessKey(ServerKey), QString());

    QNetworkAccessManager network;
    EcsClient client(&network);
    ClientSettings settings;
    settings.endpointOverride = emulator.url();
    settings.defaultRegionId = QStringLiteral("cn-hangzhou");
    settings.signatureVersion = signing::SignatureVersion(signature);
    settings.retry = RetryPolicy::none();
    client.setSettings(settings);
    client.setCredential(ClientKey);
    EcsApi api(&client);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    QObject context;
    QStringList logLines;
    ApiError readError;
    ApiError callError;
    {
        LogCapture log;
        const auto regions = await<QList<Region>>(
            [&](ResultHandler<QList<Region>> done) { api.describeRegions({}, &context, done); });
        QVERIFY(regions && !regions->ok());
        readError = regions->error();

        StopInstanceRequest stop;
        stop.instanceId = QStringLiteral("i-demo-running");
        const auto stopped = await<QString>(
            [&](ResultHandler<QString> done) { api.stopInstance(stop, &context, done); });
        QVERIFY(stopped && !stopped->ok());
        callError = stopped->error();
        logLines = log.messages();
    }

    const bool v1 = signature == int(signing::SignatureVersion::V1);
    for (const ApiError &e : { readError, callError }) {
        // ECS answers a wrong V1 signature with IncompleteSignature, a wrong V3 one with
        // SignatureDoesNotMatch (ERROR-CODES.md).
        QCOMPARE(e.code(),
            v1 ? QStringLiteral("IncompleteSignature") : QStringLiteral("SignatureDoesNotMatch"));
        // Still useful: the gateway's string-to-sign is kept, less its secrets. V1's holds
        // every parameter, the STS token among them; V3's only a hash of the request.
        QVERIFY2(e.message().contains(
                     v1 ? QLatin1String("string to sign") : QLatin1String("StringToSign")),
            qPrintable(e.message()));
        if (v1)
            QVERIFY2(e.message().contains(RedactedText), qPrintable(e.message()));
        const QString leak = leakIn(
            { e.message(), e.detail(), e.summary(), e.hostId(), e.recommend(), e.requestId() });
        QVERIFY2(leak.isEmpty(), qPrintable(leak));
    }
    QVERIFY(!logLines.isEmpty());
    QVERIFY2(leakIn(logLines).isEmpty(), qPrintable(leakIn(logLines)));

    // The failed call journalled as the rollback engine does it.
    Journal journal(journalPath);
    OperationRecorder recorder(&journal, QStringLiteral("sts-profile"),
        QStringLiteral("cn-hangzhou"), QStringLiteral("i-demo-running"), {});
    recorder.call(QStringLiteral("StopInstance"), {}, {}, JournalOutcome::Failed, callError);
    recorder.job(QStringLiteral("Rollback"), {}, JournalOutcome::Failed, readError.summary());
    QVERIFY2(journal.problem().isEmpty(), qPrintable(journal.problem()));
    const auto entries = journal.entries();
    QVERIFY(entries && entries->size() == 2);
    QVERIFY(entries->constFirst().message.contains(
        v1 ? QLatin1String("string to sign") : QLatin1String("StringToSign")));

    const QStringList cells = journalCells(journalPath);
    QVERIFY(cells.size() > 20);
    QVERIFY2(leakIn(cells).isEmpty(), qPrintable(leakIn(cells)));
    const QString csv = QString::fromUtf8(journalToCsv(*entries));
    const QString json = QString::fromUtf8(journalToJson(*entries));
    QVERIFY(csv.contains(callError.code()));
    QVERIFY2(leakIn({ csv, json }).isEmpty(), qPrintable(leakIn({ csv, json })));
}

// Defence in depth: text that reaches the journal unredacted (a future caller, a message
// built by hand) is cleaned of what can be recognised without the credential.
void TestSecretRedaction::journalRedactsWhatItIsGiven()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    Journal journal(path);
    JournalEntry entry;
    entry.kind = JournalKind::Call;
    entry.action = QStringLiteral("StopInstance");
    entry.outcome = JournalOutcome::Failed;
    entry.errorCode = QStringLiteral("SignatureDoesNotMatch");
    entry.message = QStringLiteral("server string to sign is:POST&%2F&AccessKeyId%3DSTS.x"
                                   "%26SecurityToken%3DCAIS%252BQ4nAry%26Timestamp%3D1\n"
                                   "x-acs-security-token:CAIS+Q4nAry\n"
                                   "Authorization: ACS3-HMAC-SHA256 Credential=STS.x,"
                                   "SignedHeaders=host,Signature=Q4nAry0123");
    QVERIFY(journal.record(entry));
    const QStringList cells = journalCells(path);
    QVERIFY2(leakIn(cells).isEmpty(), qPrintable(leakIn(cells)));
    QVERIFY(cells.join(QLatin1Char('|')).contains(QLatin1String("Timestamp%3D1")));
}

QTEST_GUILESS_MAIN(TestSecretRedaction)
#include "tst_secret_redaction.moc"
