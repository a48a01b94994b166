#pragma once

#include "ProfileChoice.h"

#include <QCoreApplication>
#include <QStringList>

namespace ecs {

// The profile the console opens with.
struct StartProfile
{
    QString profileId;
    // Shown by the main window when the sandbox was chosen because nothing else can be
    // used (a first run); empty otherwise.
    QString hint;
};

// Decides where the console starts:
//   1. `--sandbox` on the command line: the sandbox;
//   2. else the profile the user last chose, if it is still usable;
//   3. else the first usable credential source (environment, aliyun CLI, app profiles);
//   4. else the sandbox, with a hint on how to reach a real account.
class FirstRun
{
    Q_DECLARE_TR_FUNCTIONS(ecs::FirstRun)

public:
    // `choices` as ConsoleSession::profileChoices() lists them.
    static StartProfile decide(
        bool sandboxRequested, const QString &lastProfileId, const QList<ProfileChoice> &choices);

    // Whether the command line asks for the sandbox ("--sandbox").
    static bool sandboxRequested(const QStringList &arguments);
    // The profile the user last chose (QSettings "session/lastProfile", written by
    // ConsoleSession), or empty.
    static QString lastProfileId();
    static void rememberProfile(const QString &profileId);
    static QString sandboxHint();
};

} // namespace ecs
