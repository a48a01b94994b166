#include "AccountBadge.h"

namespace ecs {

AccountBadge::AccountBadge(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("accountBadge"));
    setTextFormat(Qt::PlainText);
    setContentsMargins(8, 2, 8, 2);
}

void AccountBadge::showSwitching(const QString &profileName)
{
    m_sandbox = false;
    setAutoFillBackground(false);
    setText(tr("Switching to %1…").arg(profileName));
    setAccessibleName(text());
    setToolTip({});
}

void AccountBadge::showAccount(
    const QString &profileName, const QString &endpointHost, bool sandbox)
{
    m_sandbox = sandbox;
    if (sandbox) {
        setText(tr("Sandbox: simulated account"));
        setToolTip(tr("Everything here happens in a local ECS emulator; no cloud resource is "
                      "touched."));
    } else {
        setText(tr("%1 · %2").arg(profileName, endpointHost));
        setToolTip(tr("Calls go to %1 with the credentials of profile %2: changes are real.")
                       .arg(endpointHost, profileName));
    }
    setAccessibleName(text());
    // The sandbox stands out (the palette's highlight, so light and dark themes both work);
    // a real account is plain text.
    setAutoFillBackground(sandbox);
    setBackgroundRole(QPalette::Highlight);
    setForegroundRole(sandbox ? QPalette::HighlightedText : QPalette::WindowText);
}

} // namespace ecs
