#pragma once

#include "ActionHandler.h"
#include "model/Tag.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ecs::emulator {

// Reads an action's flat parameters (REFERENCE §0.1, §S5) and remembers the first
// problem as the ServiceError to answer with, so an action reads everything it needs and
// checks failed() once, like core's JsonReader.
class ParameterReader
{
public:
    explicit ParameterReader(const ApiParameters &parameters);

    bool failed() const { return m_error.has_value(); }
    const ServiceError &error() const { return *m_error; }
    // Keeps only the first error.
    void fail(const ServiceError &error);

    bool has(const QString &name) const { return m_parameters.contains(name); }
    QString text(const QString &name) const { return m_parameters.value(name); }
    // Present and not empty, else MissingParameter.
    QString required(const QString &name);
    // "true"/"false" (any case); anything else is InvalidParameter.
    bool boolean(const QString &name, bool fallback = false);
    // A whole number, or nullopt when absent; InvalidParameter when not a number.
    std::optional<int> integer(const QString &name);
    // A JSON-array string parameter (InstanceIds, DiskIds, SnapshotIds); nullopt when
    // absent. Not an array of strings → InvalidParameter; more than `limit` → `tooMany`.
    std::optional<QStringList> jsonArray(
        const QString &name, int limit, const ServiceError &tooMany);
    // Name.1, Name.2, ... in numeric order (gaps allowed, as the SDK never makes them).
    QStringList repeatList(const QString &name) const;
    // Tag.N.Key / Tag.N.Value.
    QList<Tag> tags() const;
    // Indexes N of "<prefix>.N.<field>" parameters, sorted (Disk.N.DiskId ...).
    QList<int> objectIndexes(const QString &prefix) const;
    // Every parameter but `name`: what a ClientToken is compared against.
    ApiParameters parametersWithout(const QString &name) const;

private:
    const ApiParameters &m_parameters;
    std::optional<ServiceError> m_error;
};

} // namespace ecs::emulator
