#pragma once

#include "ActionHandler.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ecs::emulator {

// The error codes ECS documents for each action, with their HTTP status and the service's
// wording: emulator/service/data/error-codes.json, extracted from Alibaba Cloud's own API
// metadata by scripts/extract-error-codes.py (docs/EMULATOR.md, "Error codes"). EcsService
// passes every error through asDocumented(), so a documented code is answered exactly as
// the service answers it, whatever text the rule that raised it wrote.
class ErrorCatalog
{
public:
    // The catalogue compiled into the emulator.
    static const ErrorCatalog &builtIn();
    // {"actions": {"ResetDisks": [{"status": 403, "code": "...", "message": "..."}]}}
    static ErrorCatalog fromJson(const QJsonObject &json);

    // Every entry documented for `code` in `action` (some codes are listed twice, with two
    // statuses); empty when the action does not list the code.
    QList<ServiceError> entries(const QString &action, const QString &code) const;
    bool documents(const QString &action, const QString &code) const;
    QStringList actions() const;

    // `error` as the service words it for `action`: the documented status and message
    // (the entry with error's status when several are listed). A message that is only a
    // format placeholder ("%s", "Invalid filter.%s.") keeps the rule's own text, which
    // says what the placeholder would. An undocumented code is returned as it is.
    ServiceError asDocumented(const QString &action, const ServiceError &error) const;

private:
    QHash<QString, QHash<QString, QList<ServiceError>>> m_entries;
};

} // namespace ecs::emulator
