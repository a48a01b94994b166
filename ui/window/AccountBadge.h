#pragma once

#include <QLabel>

namespace ecs {

// The top bar's answer to "which account am I about to change?": the profile, the endpoint
// it talks to, and — unmistakably — whether it is the sandbox. Always visible (a widget in
// a QToolBar hides only through its action, which is how an earlier badge stuck on).
class AccountBadge : public QLabel
{
    Q_OBJECT

public:
    explicit AccountBadge(QWidget *parent = nullptr);

    // While a profile is being activated: nothing of the old account is claimed.
    void showSwitching(const QString &profileName);
    void showAccount(const QString &profileName, const QString &endpointHost, bool sandbox);
    bool isSandbox() const { return m_sandbox; }

private:
    bool m_sandbox = false;
};

} // namespace ecs
