#include "FirstRun.h"

#include "ConsoleSession.h"

#include <QSettings>

namespace ecs {

StartProfile FirstRun::decide(
    bool sandboxRequested, const QString &lastProfileId, const QList<ProfileChoice> &choices)
{
    const QString sandbox = ConsoleSession::sandboxProfileId();
    if (sandboxRequested)
        return { sandbox, {} };
    if (!lastProfileId.isEmpty()) {
        for (const ProfileChoice &choice : choices) {
            if (choice.id == lastProfileId && choice.usable)
                return { choice.id, {} };
        }
    }
    for (const ProfileChoice &choice : choices) {
        if (choice.usable && choice.id != sandbox)
            return { choice.id, {} };
    }
    return { sandbox, sandboxHint() };
}

bool FirstRun::sandboxRequested(const QStringList &arguments)
{
    // arguments[0] is the program.
    return arguments.indexOf(QStringLiteral("--sandbox"), 1) > 0;
}

namespace {
const QLatin1String lastProfileKey("session/lastProfile");
}

QString FirstRun::lastProfileId()
{
    return QSettings().value(lastProfileKey).toString();
}

void FirstRun::rememberProfile(const QString &profileId)
{
    QSettings().setValue(lastProfileKey, profileId);
}

QString FirstRun::sandboxHint()
{
    return tr("You are in the sandbox: a simulated account. To work on a real account, add a "
              "profile in Profiles… or set ALIBABA_CLOUD_ACCESS_KEY_ID and "
              "ALIBABA_CLOUD_ACCESS_KEY_SECRET, or configure the aliyun CLI, and restart.");
}

} // namespace ecs
