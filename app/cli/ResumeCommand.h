#pragma once

#include "Command.h"
#include "rollback/RollbackJob.h"

#include <QPointer>

namespace ecs::cli {

class InterruptWatcher;
class JournalWarnings;
class RollbackProgress;

// resume OPERATION_ID: takes up a rollback that the journal shows unfinished (the app
// quit, crashed or lost power while it ran): reads the disks and the instance, finishes
// waiting, starting and verifying, and records the true outcome. It never sends the
// rollback call again (RollbackJob::resume()). Progress and result as for rollback.
class ResumeCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void resume();
    void onJobFinished(RollbackJob::Outcome outcome);
    void onInterrupted();

    InterruptWatcher *m_interrupts = nullptr;
    JournalWarnings *m_journal = nullptr;
    QPointer<RollbackJob> m_job;
    RollbackProgress *m_progress = nullptr;
    int m_interruptCount = 0;
};

} // namespace ecs::cli
