#pragma once

#include "Command.h"
#include "journal/JournalEntry.h"

#include <QByteArray>

namespace ecs::cli {

// journal [--instance ID] [--since DATE] [--until DATE] [--format text|csv|json]
// [--output FILE]: the audit journal's entries, oldest first. A journal that cannot be
// read is an error (exit 1) with the journal's own explanation.
class JournalCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    QByteArray textTable(const QList<JournalEntry> &entries) const;
    bool write(const QByteArray &data);
};

} // namespace ecs::cli
