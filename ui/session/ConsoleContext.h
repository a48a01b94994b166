#pragma once

#include "rollback/StateWaiter.h"

#include <QString>

namespace ecs {

class EcsApi;
class Journal;

// What a page or dialog of the console needs to talk to the service: handed down by the
// main window from the current ConsoleSession, so widgets never own connections.
struct ConsoleContext
{
    EcsApi *api = nullptr;
    Journal *journal = nullptr; // may be null: nothing is journalled
    QString regionId;
    QString profileName; // for the journal and the window title
    QString profileDisplayName; // as the profile list shows it, for messages
    bool sandbox = false;
    WaitOptions waits; // polling of instances and disks (shorter on the sandbox)
    // Changes with every activation (even of the same profile, whose secret may have been
    // edited) and every region switch: rows loaded under another generation are another
    // account's or region's, and are dropped at once.
    quint64 generation = 0;
};

} // namespace ecs
