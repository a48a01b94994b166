#include "SecretStore.h"

#include <utility>

namespace ecs {

SecretStoreError::SecretStoreError(Kind kind, QString detail)
    : m_kind(kind)
    , m_detail(std::move(detail))
{ }

QString SecretStoreError::message() const
{
    // Every failure leads to the same next step, so every message offers it.
    const QString sessionOnly
        = tr("You can enter the secret for this session only; it will not be saved.");
    QString what;
    switch (m_kind) {
    case Kind::None:
        return {};
    case Kind::NoBackend:
        what = tr("The system keychain is unavailable: no keychain service (Secret Service, "
                  "KWallet) could be reached.");
        break;
    case Kind::AccessDenied:
        what = tr("The system keychain is unavailable: it is locked or access was denied.");
        break;
    case Kind::Failed:
        what = tr("The system keychain is unavailable: it reported an error.");
        break;
    }
    return what + QLatin1Char(' ') + sessionOnly;
}

} // namespace ecs
