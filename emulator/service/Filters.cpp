#include "Filters.h"

#include <QRegularExpression>

namespace ecs::emulator {

bool matchesWildcard(const QString &pattern, const QString &value)
{
    if (pattern.isEmpty())
        return true;
    if (!pattern.contains(QLatin1Char('*')))
        return pattern == value;
    QString expression;
    const QStringList parts = pattern.split(QLatin1Char('*'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            expression += QLatin1String(".*");
        expression += QRegularExpression::escape(parts.at(i));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(expression))
        .match(value)
        .hasMatch();
}

bool matchesTags(const QList<Tag> &filter, const QList<Tag> &tags)
{
    for (const Tag &wanted : filter) {
        bool found = false;
        for (const Tag &tag : tags)
            found = found
                || (tag.key == wanted.key && (wanted.value.isEmpty() || tag.value == wanted.value));
        if (!found)
            return false;
    }
    return true;
}

bool isOneOf(const QString &value, const QStringList &allowed, Qt::CaseSensitivity sensitivity)
{
    return allowed.contains(value, sensitivity);
}

} // namespace ecs::emulator
