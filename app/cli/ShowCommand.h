#pragma once

#include "Command.h"

namespace ecs::cli {

// show SSG_ID: the instance snapshot, its instance, and for each of its disk snapshots
// the source disk, its type, the snapshot's progress and availability, and where the
// disk is now.
class ShowCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void print(const RollbackFacts &facts);
    void printJson(const RollbackFacts &facts);
    // "In_use, /dev/xvda", "released", "Available (detached)", "In_use on i-other".
    QString diskNow(const RollbackFacts &facts, const QString &diskId) const;
};

} // namespace ecs::cli
