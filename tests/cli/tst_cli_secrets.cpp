// Issue 10, item 3, through the real binaries: ecs-rollback-cli with an STS canary token and
// the wrong secret in its environment, against the ecs-emulator executable, whose
// SignatureDoesNotMatch quotes the string-to-sign (V1: the token percent-encoded twice;
// V3: the canonical request with x-acs-security-token). The canary must appear in no
// output, no journal column and no export.
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString Canary = QStringLiteral("Q4nAry"); // survives any percent-encoding
const QString KeyId = QStringLiteral("STS.NUcliRedaction01");
const QString Token = QStringLiteral("CAIS+Q4nAryT0ken/CliToken==");
const QString WrongSecret = QStringLiteral("Q4nAryWrong+Secret/2");
constexpr int RunTimeoutMs = 30000;

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signatureErrorsShowNoSecret_data();
    void signatureErrorsShowNoSecret();

private:
    CliRun run(const QStringList &arguments) const;
    QStringList journalCells() const;

    QTemporaryDir m_dir;
    QProcess m_emulator;
    QString m_url;
};

void TestCliSecrets::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_emulator.start(QStringLiteral(ECS_EMULATOR_PATH),
        { QStringLiteral("--scenario"), QStringLiteral("demo"), QStringLiteral("--access-key"),
            KeyId + QStringLiteral(":the-real-secret-0002:") + Token });
    QVERIFY(m_emulator.waitForStarted(15000));
    QTRY_VERIFY_WITH_TIMEOUT(m_emulator.canReadLine(), 15000);
    const QString line = QString::fromUtf8(m_emulator.readLine()).trimmed();
    const QString prefix = QStringLiteral("ecs-emulator listening on ");
    QVERIFY2(line.startsWith(prefix), qPrintable(line));
    m_url = line.mid(prefix.size()) + QLatin1Char('/');
}

void TestCliSecrets::cleanupTestCase()
{
    m_emulator.terminate();
    m_emulator.waitForFinished(15000);
}

CliRun TestCliSecrets::run(const QStringList &arguments) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("ALIBABA_CLOUD_"))
            || name.startsWith(QLatin1String("ALICLOUD_")))
            env.remove(name);
    }
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), KeyId);
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), WrongSecret);
    env.insert(QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN"), Token);
    // Everything the app logs, as someone debugging would switch it on.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("ecs.*=true"));

    QProcess process;
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(ECS_CLI_PATH),
        QStringList {
            QStringLiteral("--journal-file"), m_dir.filePath(QStringLiteral("journal.sqlite")) }
            + arguments);
    CliRun result;
    if (!process.waitForStarted())
        return result;
    process.closeWriteChannel(); // nothing is confirmed
    if (!process.waitForFinished(RunTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QStringList TestCliSecrets::journalCells() const
{
    QStringList cells;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("scan"));
        db.setDatabaseName(m_dir.filePath(QStringLiteral("journal.sqlite")));
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

void TestCliSecrets::signatureErrorsShowNoSecret_data()
{
    QTest::addColumn<QString>("signature");
    QTest::newRow("V3") << QStringLiteral("v3");
    QTest::newRow("V1") << QStringLiteral("v1");
}

void TestCliSecrets::signatureErrorsShowNoSecret()
{
    QFETCH(QString, signature);
    const QStringList common { QStringLiteral("--endpoint"), m_url, QStringLiteral("--signature"),
        signature, QStringLiteral("--region"), QStringLiteral("cn-hangzhou") };
    const QList<QStringList> commands {
        { QStringLiteral("regions") },
        { QStringLiteral("--json"), QStringLiteral("regions") },
        { QStringLiteral("check"), QStringLiteral("ssg-demo-healthy") },
        { QStringLiteral("--json"), QStringLiteral("check"), QStringLiteral("ssg-demo-healthy") },
        { QStringLiteral("--yes"), QStringLiteral("stop"), QStringLiteral("i-demo-running") },
    };
    // ECS answers a wrong V1 signature with IncompleteSignature, a wrong V3 one with
    // SignatureDoesNotMatch (ERROR-CODES.md); both quote the service's string-to-sign.
    const QString code = signature == QLatin1String("v1") ? QStringLiteral("IncompleteSignature")
                                                          : QStringLiteral("SignatureDoesNotMatch");
    bool sawSignatureError = false;
    for (const QStringList &command : commands) {
        const CliRun result = run(common + command);
        const QString name = command.join(QLatin1Char(' '));
        QVERIFY2(result.exitCode == 1, qPrintable(name + QLatin1String(": ") + result.err));
        sawSignatureError = sawSignatureError || QString(result.out + result.err).contains(code);
        QVERIFY2(!result.out.contains(Canary, Qt::CaseInsensitive), qPrintable(result.out));
        QVERIFY2(!result.err.contains(Canary, Qt::CaseInsensitive), qPrintable(result.err));
    }
    QVERIFY(sawSignatureError);

    const QStringList cells = journalCells();
    QVERIFY2(cells.join(QLatin1Char('|')).contains(code), qPrintable(cells.join(QLatin1Char('|'))));
    for (const QString &cell : cells)
        QVERIFY2(!cell.contains(Canary, Qt::CaseInsensitive), qPrintable(cell));
    for (const QString &format : { QStringLiteral("csv"), QStringLiteral("json") }) {
        const CliRun exported
            = run({ QStringLiteral("journal"), QStringLiteral("--format"), format });
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(exported.out.contains(code));
        QVERIFY2(!exported.out.contains(Canary, Qt::CaseInsensitive), qPrintable(exported.out));
    }
}

QTEST_GUILESS_MAIN(TestCliSecrets)
#include "tst_cli_secrets.moc"
