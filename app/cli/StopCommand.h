#pragma once

#include "Command.h"

namespace ecs {
class StopInStandardModeJob;
}

namespace ecs::cli {

class ConfirmationPrompt;
class InterruptWatcher;
class JournalWarnings;

// stop INSTANCE_ID: the "stop in standard mode" remedy (StopInstance with
// StoppedMode=KeepCharging, waiting until Stopped; an instance stopped in economical mode
// is started and stopped again). Asks for the instance ID unless --yes. Exit 0 stopped,
// 1 failed, 4 refused or cancelled.
class StopCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void confirm();
    void runJob();
    void onInterrupted();
    void end(int code, const QString &outcome, const QString &message);

    QString m_instanceId;
    QString m_operationId;
    QString m_lastProgress;
    InterruptWatcher *m_interrupts = nullptr;
    JournalWarnings *m_journal = nullptr;
    ConfirmationPrompt *m_prompt = nullptr;
    StopInStandardModeJob *m_job = nullptr;
};

} // namespace ecs::cli
