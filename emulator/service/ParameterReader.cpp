#include "ParameterReader.h"

#include "ServiceErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>

namespace ecs::emulator {

namespace {

// N of "<prefix>.N" or "<prefix>.N.<rest>", or 0.
int indexAfter(const QString &name, const QString &prefix)
{
    if (!name.startsWith(prefix) || name.size() <= prefix.size()
        || name.at(prefix.size()) != QLatin1Char('.'))
        return 0;
    const QString rest = name.mid(prefix.size() + 1);
    const qsizetype dot = rest.indexOf(QLatin1Char('.'));
    bool ok = false;
    const int index = (dot < 0 ? rest : rest.left(dot)).toInt(&ok);
    return ok && index > 0 ? index : 0;
}

} // namespace

ParameterReader::ParameterReader(const ApiParameters &parameters)
    : m_parameters(parameters)
{ }

void ParameterReader::fail(const ServiceError &error)
{
    if (!m_error)
        m_error = error;
}

QString ParameterReader::required(const QString &name)
{
    const QString value = text(name);
    if (value.isEmpty())
        fail(serviceErrors::missingParameter(name));
    return value;
}

bool ParameterReader::boolean(const QString &name, bool fallback)
{
    if (!has(name))
        return fallback;
    const QString value = text(name);
    if (value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (value.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return false;
    fail(serviceErrors::invalidParameter(name, QStringLiteral("expected true or false")));
    return fallback;
}

std::optional<int> ParameterReader::integer(const QString &name)
{
    if (!has(name))
        return std::nullopt;
    bool ok = false;
    const int value = text(name).toInt(&ok);
    if (!ok) {
        fail(serviceErrors::invalidParameter(name, QStringLiteral("expected an integer")));
        return std::nullopt;
    }
    return value;
}

std::optional<QStringList> ParameterReader::jsonArray(
    const QString &name, int limit, const ServiceError &tooMany)
{
    if (!has(name))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(text(name).toUtf8());
    QStringList values;
    bool ok = document.isArray();
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array) {
        ok = ok && value.isString();
        values.append(value.toString());
    }
    if (!ok) {
        fail(serviceErrors::invalidParameter(
            name, QStringLiteral("expected a JSON array of strings such as [\"id-1\"]")));
        return QStringList {};
    }
    if (values.size() > limit)
        fail(tooMany);
    return values;
}

QStringList ParameterReader::repeatList(const QString &name) const
{
    QList<QPair<int, QString>> indexed;
    for (auto it = m_parameters.begin(); it != m_parameters.end(); ++it) {
        const int index = indexAfter(it.key(), name);
        if (index > 0 && it.key() == name + QLatin1Char('.') + QString::number(index))
            indexed.append({ index, it.value() });
    }
    std::sort(indexed.begin(), indexed.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList values;
    for (const auto &entry : indexed)
        values.append(entry.second);
    return values;
}

QList<int> ParameterReader::objectIndexes(const QString &prefix) const
{
    QSet<int> indexes;
    for (auto it = m_parameters.begin(); it != m_parameters.end(); ++it) {
        const int index = indexAfter(it.key(), prefix);
        if (index > 0 && it.key().count(QLatin1Char('.')) == prefix.count(QLatin1Char('.')) + 2)
            indexes.insert(index);
    }
    QList<int> sorted(indexes.begin(), indexes.end());
    std::sort(sorted.begin(), sorted.end());
    return sorted;
}

ApiParameters ParameterReader::parametersWithout(const QString &name) const
{
    ApiParameters parameters = m_parameters;
    parameters.remove(name);
    return parameters;
}

QList<Tag> ParameterReader::tags() const
{
    QList<Tag> tags;
    const QList<int> indexes = objectIndexes(QStringLiteral("Tag"));
    for (int index : indexes) {
        const QString prefix = QStringLiteral("Tag.%1.").arg(index);
        tags.append(
            Tag { text(prefix + QLatin1String("Key")), text(prefix + QLatin1String("Value")) });
    }
    return tags;
}

} // namespace ecs::emulator
