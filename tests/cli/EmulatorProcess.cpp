#include "EmulatorProcess.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>

namespace {

const QString keyId = QStringLiteral("LTAIcliTestKey");
const QString keySecret = QStringLiteral("cliTestSecret");

} // namespace

EmulatorProcess::EmulatorProcess() = default;

EmulatorProcess::~EmulatorProcess()
{
    m_emulator.terminate();
    m_emulator.waitForFinished(5000);
}

QString EmulatorProcess::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary directory");
    m_emulator.start(QStringLiteral(ECS_EMULATOR_PATH),
        { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--access-key"),
            keyId + QLatin1Char(':') + keySecret });
    if (!m_emulator.waitForStarted())
        return QStringLiteral("ecs-emulator did not start");
    QElapsedTimer clock;
    clock.start();
    while (!m_emulator.canReadLine() && clock.elapsed() < 20000)
        m_emulator.waitForReadyRead(100);
    const QString line = QString::fromUtf8(m_emulator.readLine()).trimmed();
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("listening on (\\S+)")).match(line);
    if (!match.hasMatch())
        return QStringLiteral("ecs-emulator said: ") + line;
    m_url = QUrl(match.captured(1));
    return {};
}

void EmulatorProcess::reset()
{
    // A journal of its own for each run (removing one would leave its -wal behind).
    m_journalPath = m_dir.filePath(QStringLiteral("journal-%1.sqlite").arg(++m_runs));
    admin("POST", QStringLiteral("reset"));
    admin("PUT", QStringLiteral("faults"), QJsonObject {});
    admin("DELETE", QStringLiteral("requests"));
}

QProcessEnvironment EmulatorProcess::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), m_dir.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    for (const QString &name : env.keys()) {
        if (name.startsWith(QLatin1String("ALIBABA_CLOUD_"))
            || name.startsWith(QLatin1String("ALICLOUD_")))
            env.remove(name);
    }
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID"), keyId);
    env.insert(QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET"), keySecret);
    return env;
}

QStringList EmulatorProcess::common(QStringList arguments) const
{
    arguments << QStringLiteral("--profile") << QStringLiteral("env")
              << QStringLiteral("--endpoint") << m_url.toString() << QStringLiteral("--region")
              << QStringLiteral("cn-hangzhou") << QStringLiteral("--journal-file") << m_journalPath;
    return arguments;
}

std::unique_ptr<QProcess> EmulatorProcess::startCli(
    const QStringList &arguments, const QHash<QString, QString> &extra) const
{
    auto process = std::make_unique<QProcess>();
    QProcessEnvironment env = environment();
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        env.insert(it.key(), it.value());
    process->setProcessEnvironment(env);
    process->start(QStringLiteral(ECS_CLI_PATH), common(arguments));
    if (!process->waitForStarted())
        return nullptr;
    process->closeWriteChannel();
    return process;
}

CliRun EmulatorProcess::run(
    const QStringList &arguments, const QHash<QString, QString> &environment) const
{
    CliRun result;
    const std::unique_ptr<QProcess> process = startCli(arguments, environment);
    if (!process)
        return result;
    if (!process->waitForFinished(RunTimeoutMs)) {
        process->kill();
        process->waitForFinished();
        return result;
    }
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    return result;
}

QJsonObject EmulatorProcess::admin(
    const QByteArray &method, const QString &route, const QJsonObject &body)
{
    QUrl url = m_url;
    url.setPath(QStringLiteral("/admin/") + route);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    const bool sendsBody = method == "PUT" || method == "POST";
    QNetworkReply *reply = m_network.sendCustomRequest(
        request, method, sendsBody ? QJsonDocument(body).toJson() : QByteArray());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

int EmulatorProcess::callsOf(const QString &action, bool dryRun)
{
    int count = 0;
    const QJsonArray requests
        = admin("GET", QStringLiteral("requests")).value(QLatin1String("requests")).toArray();
    for (const QJsonValue &request : requests) {
        const bool isDryRun
            = request[QStringLiteral("parameters")][QStringLiteral("DryRun")].toString()
            == QLatin1String("true");
        if (request[QStringLiteral("action")].toString() == action && isDryRun == dryRun)
            ++count;
    }
    return count;
}

QString EmulatorProcess::worldValue(
    const QString &list, const QString &idKey, const QString &id, const QString &field)
{
    const QJsonArray records = admin("GET", QStringLiteral("world")).value(list).toArray();
    for (const QJsonValue &record : records) {
        if (record[idKey].toString() == id)
            return record[field].toString();
    }
    return {};
}
