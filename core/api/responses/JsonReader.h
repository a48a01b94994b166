#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <limits>
#include <memory>

namespace ecs {

// The values an integer field may take; anything outside is a parse error, not a clamp.
struct IntRange
{
    int minimum = std::numeric_limits<int>::min();
    int maximum = std::numeric_limits<int>::max();

    static constexpr IntRange any() { return {}; }
    static constexpr IntRange nonNegative() { return { 0, std::numeric_limits<int>::max() }; }
    static constexpr IntRange percent() { return { 0, 100 }; }
};

// Reads typed fields out of one object of an ECS answer, by wire name, and remembers the
// first problem as "<path>: <what was wrong>", e.g.
// "Instances.Instance[3].Status: expected a string, got a number".
//
// Tolerant where the official SDK is: a missing or null optional field gives the
// default, a missing list wrapper or item key gives an empty list (except for the
// listing an answer is about: requiredList()), unknown fields are ignored. Strict where a wrong
// value would be silently wrong: wrong JSON types, required fields missing or empty, fractions or
// out-of-range numbers for integers, bad times.
//
// Readers for nested objects and list items share the first error with the reader they
// came from, so a parser reads everything and checks hasError() once at the end. After an
// error the readers keep returning defaults; the first error stays.
class JsonReader
{
public:
    explicit JsonReader(const QJsonObject &object);

    const QJsonObject &object() const { return m_object; }
    // Where this object sits in the answer ("" for the body, "Disks.Disk[2]" ...).
    const QString &path() const { return m_path; }
    QString pathOf(const char *key) const;

    bool hasError() const { return !m_state->error.isEmpty(); }
    const QString &error() const { return m_state->error; }

    // Present and not null.
    bool has(const char *key) const;

    QString string(const char *key);
    // Present, a string, and not empty: ids and the RequestId.
    QString requiredString(const char *key);
    bool boolean(const char *key, bool fallback = false);
    // A JSON number with no fraction inside `range`. Numeric strings are refused: use
    // integerInString() where the API documents a String.
    int integer(const char *key, IntRange range = IntRange::any(), int fallback = 0);
    // A field the API documents as a String holding a whole number (SourceDiskSize: "40").
    // A plain JSON integer is accepted too; "" gives `fallback`.
    int integerInString(
        const char *key, IntRange range = IntRange::nonNegative(), int fallback = 0);
    // A percentage written as "100%" (the `%` may be missing); 0–100. "" gives 0.
    int percent(const char *key);
    // An ECS time (see parseEcsTime()); "" gives a null QDateTime.
    QDateTime time(const char *key);

    // A nested object; missing or null gives an empty object, so its fields default.
    JsonReader object(const char *key);
    // The objects of a list wrapper `{"<wrapper>": {"<item>": [ {...}, ... ]}}`. A missing
    // or null wrapper or item key, or an empty array, gives an empty list.
    QList<JsonReader> list(const char *wrapper, const char *item);
    // The same for the listing a Describe* answer is about: a missing or null wrapper is
    // an error, since an answer without it is not an empty listing but not the answer.
    QList<JsonReader> requiredList(const char *wrapper, const char *item);

    // Records "<path>.<key>: <problem>" unless an error is already recorded.
    void fail(const char *key, const QString &problem);

    // "a string", "an array", "null" ...: for messages.
    static QString describe(const QJsonValue &value);

private:
    struct State
    {
        QString error;
    };

    JsonReader(QJsonObject object, QString path, std::shared_ptr<State> state);
    void failAt(const QString &path, const QString &problem);
    QJsonValue value(const char *key) const;
    int checkedInteger(const char *key, const QJsonValue &value, IntRange range, int fallback);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<State> m_state;
};

} // namespace ecs
