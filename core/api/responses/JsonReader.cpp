#include "JsonReader.h"

#include "EcsTime.h"

#include <QJsonArray>
#include <QVariant>

#include <cmath>
#include <limits>
#include <optional>
#include <utility>

namespace ecs {

namespace {

QString join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

// A short copy of a bad text value: enough to recognise it, never a whole page.
QString shortened(const QString &text)
{
    constexpr int maxChars = 40;
    return text.size() > maxChars ? text.left(maxChars) + QStringLiteral("…") : text;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + shortened(text) + QLatin1Char('"');
}

QString numberText(const QJsonValue &value)
{
    // QVariant keeps integers exact (a qint64 stays 3000000000, not 3e+09).
    return value.toVariant().toString();
}

QString rangeText(IntRange range)
{
    return QStringLiteral("%1 to %2").arg(range.minimum).arg(range.maximum);
}

bool isAbsent(const QJsonValue &value)
{
    return value.isUndefined() || value.isNull();
}

// Only ASCII digits with an optional minus: no spaces, signs, units or exponents, which
// QString::toLongLong() would partly accept. Longer digit runs saturate, so that they are
// reported as out of range rather than as not a number.
std::optional<qint64> wholeNumber(QStringView text)
{
    constexpr qsizetype maxDigits = 18; // below the qint64 limit
    const bool negative = text.startsWith(u'-');
    const QStringView digits = text.mid(negative ? 1 : 0);
    if (digits.isEmpty())
        return std::nullopt;
    qint64 number = 0;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        const char16_t c = digits.at(i).unicode();
        if (c < u'0' || c > u'9')
            return std::nullopt;
        if (i < maxDigits)
            number = number * 10 + (c - u'0');
        else
            number = std::numeric_limits<qint64>::max();
    }
    return negative ? -number : number;
}

bool inRange(qint64 number, IntRange range)
{
    return number >= range.minimum && number <= range.maximum;
}

} // namespace

JsonReader::JsonReader(const QJsonObject &object)
    : JsonReader(object, QString(), std::make_shared<State>())
{ }

JsonReader::JsonReader(QJsonObject object, QString path, std::shared_ptr<State> state)
    : m_object(std::move(object))
    , m_path(std::move(path))
    , m_state(std::move(state))
{ }

QString JsonReader::pathOf(const char *key) const
{
    return join(m_path, QLatin1String(key));
}

QString JsonReader::describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

void JsonReader::fail(const char *key, const QString &problem)
{
    failAt(pathOf(key), problem);
}

void JsonReader::failAt(const QString &path, const QString &problem)
{
    if (m_state->error.isEmpty())
        m_state->error
            = (path.isEmpty() ? QStringLiteral("(answer)") : path) + QLatin1String(": ") + problem;
}

QJsonValue JsonReader::value(const char *key) const
{
    return m_object.value(QLatin1String(key));
}

bool JsonReader::has(const char *key) const
{
    return !isAbsent(value(key));
}

QString JsonReader::string(const char *key)
{
    const QJsonValue v = value(key);
    if (isAbsent(v))
        return {};
    if (!v.isString()) {
        fail(key, QStringLiteral("expected a string, got ") + describe(v));
        return {};
    }
    return v.toString();
}

QString JsonReader::requiredString(const char *key)
{
    const QJsonValue v = value(key);
    if (v.isUndefined()) {
        fail(key, QStringLiteral("required field is missing"));
        return {};
    }
    if (v.isNull()) {
        fail(key, QStringLiteral("required field is null"));
        return {};
    }
    const QString text = string(key);
    if (v.isString() && text.isEmpty())
        fail(key, QStringLiteral("required field is empty"));
    return text;
}

bool JsonReader::boolean(const char *key, bool fallback)
{
    const QJsonValue v = value(key);
    if (isAbsent(v))
        return fallback;
    if (!v.isBool()) {
        // "true" as text is refused too: the service sends JSON booleans, and guessing
        // would hide a broken answer.
        fail(key, QStringLiteral("expected a boolean, got ") + describe(v));
        return fallback;
    }
    return v.toBool();
}

int JsonReader::checkedInteger(const char *key, const QJsonValue &v, IntRange range, int fallback)
{
    const double number = v.toDouble();
    if (!std::isfinite(number) || std::trunc(number) != number) {
        fail(key, QStringLiteral("expected an integer, got ") + numberText(v));
        return fallback;
    }
    if (number < range.minimum || number > range.maximum) {
        fail(key,
            QStringLiteral("out of range: %1 (allowed %2)").arg(numberText(v), rangeText(range)));
        return fallback;
    }
    return static_cast<int>(number);
}

int JsonReader::integer(const char *key, IntRange range, int fallback)
{
    const QJsonValue v = value(key);
    if (isAbsent(v))
        return fallback;
    if (!v.isDouble()) {
        fail(key, QStringLiteral("expected an integer, got ") + describe(v));
        return fallback;
    }
    return checkedInteger(key, v, range, fallback);
}

int JsonReader::integerInString(const char *key, IntRange range, int fallback)
{
    const QJsonValue v = value(key);
    if (isAbsent(v))
        return fallback;
    if (v.isDouble())
        return checkedInteger(key, v, range, fallback);
    if (!v.isString()) {
        fail(key, QStringLiteral("expected a whole number as a string, got ") + describe(v));
        return fallback;
    }
    const QString text = v.toString();
    if (text.isEmpty())
        return fallback;
    const std::optional<qint64> number = wholeNumber(text);
    if (!number) {
        fail(key, QStringLiteral("expected a whole number, got ") + quoted(text));
        return fallback;
    }
    if (!inRange(*number, range)) {
        fail(key,
            QStringLiteral("out of range: %1 (allowed %2)").arg(shortened(text), rangeText(range)));
        return fallback;
    }
    return static_cast<int>(*number);
}

int JsonReader::percent(const char *key)
{
    const QJsonValue v = value(key);
    if (!v.isString())
        return integerInString(key, IntRange::percent());
    const QString text = v.toString();
    if (text.isEmpty())
        return 0;
    // "100%" as documented; a bare "100" is taken too, the SDK does not check either.
    const QStringView digits
        = text.endsWith(u'%') ? QStringView(text).chopped(1) : QStringView(text);
    const std::optional<qint64> number = wholeNumber(digits);
    if (!number || !inRange(*number, IntRange::percent())) {
        fail(key, QStringLiteral("expected a percentage from 0% to 100%, got ") + quoted(text));
        return 0;
    }
    return static_cast<int>(*number);
}

QDateTime JsonReader::time(const char *key)
{
    const QJsonValue v = value(key);
    if (isAbsent(v))
        return {};
    if (!v.isString()) {
        fail(key, QStringLiteral("expected a time as a string, got ") + describe(v));
        return {};
    }
    bool ok = false;
    const QDateTime parsed = parseEcsTime(v.toString(), &ok);
    if (!ok) {
        fail(key,
            QStringLiteral("expected a UTC time like 2025-01-15T08:30:00Z, got ")
                + quoted(v.toString()));
        return {};
    }
    return parsed;
}

JsonReader JsonReader::object(const char *key)
{
    const QJsonValue v = value(key);
    if (!isAbsent(v) && !v.isObject())
        fail(key, QStringLiteral("expected an object, got ") + describe(v));
    return JsonReader(v.toObject(), pathOf(key), m_state);
}

QList<JsonReader> JsonReader::list(const char *wrapper, const char *item)
{
    QList<JsonReader> readers;
    const QJsonValue outer = value(wrapper);
    if (isAbsent(outer))
        return readers;
    if (!outer.isObject()) {
        fail(wrapper, QStringLiteral("expected an object, got ") + describe(outer));
        return readers;
    }
    const QString wrapperPath = pathOf(wrapper);
    const QJsonValue inner = outer.toObject().value(QLatin1String(item));
    const QString itemPath = join(wrapperPath, QLatin1String(item));
    if (isAbsent(inner))
        return readers;
    if (!inner.isArray()) {
        failAt(itemPath, QStringLiteral("expected an array, got ") + describe(inner));
        return readers;
    }
    const QJsonArray array = inner.toArray();
    readers.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonValue element = array.at(i);
        const QString elementPath = itemPath + QStringLiteral("[%1]").arg(i);
        if (!element.isObject()) {
            failAt(elementPath, QStringLiteral("expected an object, got ") + describe(element));
            continue;
        }
        readers.append(JsonReader(element.toObject(), elementPath, m_state));
    }
    return readers;
}

QList<JsonReader> JsonReader::requiredList(const char *wrapper, const char *item)
{
    const QJsonValue outer = value(wrapper);
    if (outer.isUndefined())
        fail(wrapper, QStringLiteral("required list is missing"));
    else if (outer.isNull())
        fail(wrapper, QStringLiteral("required list is null"));
    return list(wrapper, item);
}

} // namespace ecs
