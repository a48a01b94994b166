#include "ErrorCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ecs::emulator {

const ErrorCatalog &ErrorCatalog::builtIn()
{
    static const ErrorCatalog catalog = [] {
        QFile file(QStringLiteral(":/emulator/error-codes.json"));
        // A resource compiled in: it cannot be missing or malformed in a build that
        // passed its tests (tst_error_catalog reads it).
        file.open(QIODevice::ReadOnly);
        return fromJson(QJsonDocument::fromJson(file.readAll()).object());
    }();
    return catalog;
}

ErrorCatalog ErrorCatalog::fromJson(const QJsonObject &json)
{
    ErrorCatalog catalog;
    const QJsonObject actions = json.value(QLatin1String("actions")).toObject();
    for (auto action = actions.constBegin(); action != actions.constEnd(); ++action) {
        auto &codes = catalog.m_entries[action.key()];
        for (const QJsonValue &value : action.value().toArray()) {
            const QJsonObject entry = value.toObject();
            const QString code = entry.value(QLatin1String("code")).toString();
            codes[code].append(ServiceError { entry.value(QLatin1String("status")).toInt(), code,
                entry.value(QLatin1String("message")).toString() });
        }
    }
    return catalog;
}

QList<ServiceError> ErrorCatalog::entries(const QString &action, const QString &code) const
{
    return m_entries.value(action).value(code);
}

bool ErrorCatalog::documents(const QString &action, const QString &code) const
{
    return m_entries.value(action).contains(code);
}

QStringList ErrorCatalog::actions() const
{
    QStringList names = m_entries.keys();
    names.sort();
    return names;
}

ServiceError ErrorCatalog::asDocumented(const QString &action, const ServiceError &error) const
{
    const QList<ServiceError> documented = entries(action, error.code);
    if (documented.isEmpty())
        return error;
    ServiceError chosen = documented.first();
    for (const ServiceError &entry : documented) {
        if (entry.httpStatus == error.httpStatus)
            chosen = entry;
    }
    if (chosen.message.contains(QLatin1String("%s")))
        chosen.message = error.message;
    return chosen;
}

} // namespace ecs::emulator
