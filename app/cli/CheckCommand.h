#pragma once

#include "Command.h"

namespace ecs::cli {

class JournalWarnings;

// check SSG_ID [--disk ID]...: reads the facts, runs every rollback precondition and
// prints each item with its explanation, facts and remedy, and the disks' eligibility.
// Exit 0 when the selection can be rolled back, 3 when not. The check is journalled.
class CheckCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void report(const RollbackFacts &facts);

    JournalWarnings *m_journal = nullptr;
};

} // namespace ecs::cli
