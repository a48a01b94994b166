#pragma once

#include <QList>
#include <QString>

namespace ecs {

// One entry of the console's profile selector: the built-in sandbox or a credential
// source of the CredentialCatalogue.
struct ProfileChoice
{
    QString id; // "sandbox", "env", "cli:<name>", "app:<name>"
    QString displayName; // for people
    bool usable = false; // false: activating it fails, `reason` says why
    QString reason; // empty when usable
};

} // namespace ecs
