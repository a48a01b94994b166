#pragma once

#include "rollback/RollbackJob.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

namespace ecs::cli {

class CliOutput;

// A RollbackJob as the CLI shows it: every step and disk change as a line on stderr
// while it runs ("[3/8] Check preconditions again… done"), then the result on stdout —
// the summary and each disk's state as text, or one JSON object with --json.
class RollbackProgress : public QObject
{
    Q_OBJECT

public:
    RollbackProgress(RollbackJob &job, CliOutput &output, QObject *parent = nullptr);

    // The disk → snapshot pairs the job was given, for the result.
    void setSnapshots(const QHash<QString, QString> &snapshotByDisk)
    {
        m_snapshotByDisk = snapshotByDisk;
    }

    // The final text on stdout; `retryCommand` is printed when not empty.
    void printResult(const QString &retryCommand) const;
    QJsonObject resultJson(const QString &retryCommand) const;

    static QString diskStateText(RollbackDiskState state); // for people: "rolling back"
    // The process's exit code for a job's outcome (ExitCodes.h).
    static int exitCode(RollbackJob::Outcome outcome);
    // "ecs-rollback-cli resume OPERATION_ID --profile …", to print after an interruption.
    static QString resumeCommand(const QStringList &repeatArguments, const QString &operationId);

private:
    void onStep(RollbackJob::Step step, RollbackJob::StepState state, const QString &detail);
    void onDisk(const QString &diskId, RollbackDiskState state, const QString &detail);
    void onProgress(const QString &description);
    void detailLine(const QString &text);
    QString stepPrefix(RollbackJob::Step step) const;

    RollbackJob &m_job;
    CliOutput &m_output;
    QHash<QString, QString> m_snapshotByDisk;
    QHash<RollbackJob::Step, RollbackJob::StepState> m_shownStates;
    // The news already shown for the current step: polls repeat the same description.
    QSet<QString> m_shownDetails;
};

} // namespace ecs::cli
