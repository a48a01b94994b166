#pragma once

#include "model/Tag.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace ecs::emulator {

// Small matching rules shared by the Describe* filters. An empty filter matches anything.

// Exact match.
inline bool matches(const QString &filter, const QString &value)
{
    return filter.isEmpty() || filter == value;
}

// `*` is a wildcard (InstanceName, REFERENCE §2).
bool matchesWildcard(const QString &pattern, const QString &value);

// Every Tag.N: the key present and, when the filter has a value, with that value.
bool matchesTags(const QList<Tag> &filter, const QList<Tag> &tags);

// Whether `value` is one of `allowed`, compared without case when asked.
bool isOneOf(const QString &value, const QStringList &allowed,
    Qt::CaseSensitivity sensitivity = Qt::CaseSensitive);

} // namespace ecs::emulator
