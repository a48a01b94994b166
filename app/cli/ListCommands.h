#pragma once

#include "Command.h"

namespace ecs::cli {

// profiles: the credential sources, in lookup order, with why one cannot be used.
class ProfilesCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;
};

// regions: DescribeRegions.
class RegionsCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;
};

// instance-snapshots: DescribeSnapshotGroups of the region, every page, filtered by
// --instance, --status and --name on the service side.
class InstanceSnapshotsCommand : public Command
{
    Q_OBJECT

public:
    using Command::Command;
    void start() override;

private:
    void list();
};

} // namespace ecs::cli
