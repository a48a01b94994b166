#pragma once

#include "Command.h"
#include "rollback/PreconditionReport.h"
#include "rollback/RollbackJob.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>

namespace ecs::cli {

class ConfirmationPrompt;
class InterruptWatcher;
class JournalWarnings;
class RollbackProgress;

// rollback SSG_ID [--disk ID]... [--start] [--no-safety-snapshot]:
//   1. check every precondition (exit 3 and why, if one is not met);
//   2. show what will happen and ask for the instance ID to be typed (unless --yes);
//   3. run the RollbackJob, progress on stderr, result on stdout.
// SIGINT/SIGTERM cancel until the rollback call is sent. After it, the first one lets the
// step in flight end and stops the job Interrupted (the journal holds every step; `resume`
// finishes it), the second stops at once.
class RollbackCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    enum class Stage { Checking, Confirming, Running };

    void warnAboutUnfinished();
    void onFacts(const RollbackFacts &facts);
    void showPlan();
    void confirm();
    void runJob();
    void onJobFinished(RollbackJob::Outcome outcome);
    void onInterrupted();
    // Ends before the job: prints `summary` (text, or JSON with `outcome`), exits `code`.
    void endEarly(int code, const QString &outcome, const QString &summary, QJsonObject json = {});
    QString retryCommand() const;
    QJsonArray leftOutJson() const; // the group's disks not selected, and why

    Stage m_stage = Stage::Checking;
    RollbackFacts m_facts;
    PreconditionReport m_report;
    RollbackPlan m_plan;
    QString m_checkOperationId;
    InterruptWatcher *m_interrupts = nullptr;
    JournalWarnings *m_journal = nullptr;
    ConfirmationPrompt *m_prompt = nullptr;
    QPointer<RollbackJob> m_job;
    RollbackProgress *m_progress = nullptr;
};

} // namespace ecs::cli
