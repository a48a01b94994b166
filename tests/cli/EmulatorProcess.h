#pragma once

#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

// One finished run of ecs-rollback-cli.
struct CliRun
{
    int exitCode = -1; // -1: it crashed, did not start or ran out of time
    QByteArray out;
    QByteArray err;
};

// ecs-rollback-cli against a separate ecs-emulator process, whose world outlives each run
// of the client as an account's does: the environment credentials, the emulator's
// endpoint, a journal of the test's own, the admin endpoint for faults, timing and the
// request log. For tests that drive the real binaries (crash, interference).
class EmulatorProcess
{
public:
    static constexpr int RunTimeoutMs = 90000;

    EmulatorProcess();
    ~EmulatorProcess();

    // "" when the emulator listens, else why not.
    QString start();
    // A fresh world (the demo scenario), no faults, an empty request log, a new journal.
    void reset();

    QString journalPath() const { return m_journalPath; }
    QStringList common(QStringList arguments) const;
    // `environment` adds to (or overrides) the run's environment, e.g. another secret.
    CliRun run(const QStringList &arguments, const QHash<QString, QString> &environment = {}) const;
    // Started (stdin closed), not waited for.
    std::unique_ptr<QProcess> startCli(
        const QStringList &arguments, const QHash<QString, QString> &environment = {}) const;

    QJsonObject admin(const QByteArray &method, const QString &route, const QJsonObject &body = {});
    // Calls of `action` the emulator received; for ResetDisks, real ones or dry runs.
    int callsOf(const QString &action, bool dryRun = false);
    // A field of a record of the world (e.g. "Disks", "DiskId", id, "ContentMarker").
    QString worldValue(
        const QString &list, const QString &idKey, const QString &id, const QString &field);

private:
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
    QProcess m_emulator;
    QUrl m_url;
    QNetworkAccessManager m_network;
    QString m_journalPath;
    int m_runs = 0;
};
