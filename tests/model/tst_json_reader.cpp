// The strict/tolerant field reader under the response parsers, and ECS time texts.
#include "api/responses/EcsTime.h"
#include "api/responses/JsonReader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace ecs;

namespace {

QJsonObject parseJson(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingAndNullGiveDefaults();
    void presentValuesAreRead();
    void firstErrorWins();
    void nestedReadersShareTheError();
    void listPathsAndItems();
    void integerLimits_data();
    void integerLimits();
    void integerInString_data();
    void integerInString();
    void percent_data();
    void percent();
    void describeNamesJsonTypes();
    void rootFailureHasAPlaceholderPath();
    void longBadValuesAreShortened();

    void parseTimes_data();
    void parseTimes();
    void formatTimes();
};

void TestJsonReader::missingAndNullGiveDefaults()
{
    JsonReader reader(parseJson(R"({"S": null, "B": null, "I": null, "T": null, "O": null})"));
    for (const char *key : { "S", "Missing" }) {
        QCOMPARE(reader.string(key), QString());
        QCOMPARE(reader.boolean(key, true), true);
        QCOMPARE(reader.integer(key, IntRange::any(), -1), -1);
        QCOMPARE(reader.integerInString(key, IntRange::nonNegative(), 9), 9);
        QCOMPARE(reader.percent(key), 0);
        QVERIFY(reader.time(key).isNull());
        QVERIFY(reader.object(key).object().isEmpty());
        QVERIFY(reader.list(key, "Item").isEmpty());
        QVERIFY(!reader.has(key));
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.error()));
}

void TestJsonReader::presentValuesAreRead()
{
    JsonReader reader(parseJson(R"({"S": "text", "E": "", "B": true, "I": -7, "N": "12",
        "P": "75%", "T": "2025-01-15T08:30:00Z", "O": {"Inner": "x"}})"));
    QCOMPARE(reader.string("S"), QStringLiteral("text"));
    QCOMPARE(reader.requiredString("S"), QStringLiteral("text"));
    QCOMPARE(reader.string("E"), QString());
    QCOMPARE(reader.boolean("B"), true);
    QCOMPARE(reader.integer("I"), -7);
    QCOMPARE(reader.integerInString("N"), 12);
    QCOMPARE(reader.percent("P"), 75);
    QCOMPARE(reader.time("T"), QDateTime(QDate(2025, 1, 15), QTime(8, 30), Qt::UTC));
    QCOMPARE(reader.object("O").string("Inner"), QStringLiteral("x"));
    QVERIFY(reader.has("E"));
    QVERIFY2(!reader.hasError(), qPrintable(reader.error()));
}

void TestJsonReader::firstErrorWins()
{
    JsonReader reader(parseJson(R"({"A": 1, "B": "x", "C": 2.5})"));
    QCOMPARE(reader.string("A"), QString());
    QCOMPARE(reader.integer("B", IntRange::any(), 4), 4); // the fallback, not a guess
    QCOMPARE(reader.integer("C", IntRange::any(), 5), 5);
    QCOMPARE(reader.requiredString("Missing"), QString());
    QVERIFY(reader.hasError());
    QCOMPARE(reader.error(), QStringLiteral("A: expected a string, got a number"));
    // Reading goes on after an error, with correct values where the data is correct.
    QCOMPARE(reader.string("B"), QStringLiteral("x"));
}

void TestJsonReader::nestedReadersShareTheError()
{
    JsonReader root(parseJson(R"({"Outer": {"Inner": {"Leaf": false}}})"));
    JsonReader inner = root.object("Outer").object("Inner");
    QCOMPARE(inner.path(), QStringLiteral("Outer.Inner"));
    QCOMPARE(inner.pathOf("Leaf"), QStringLiteral("Outer.Inner.Leaf"));
    QVERIFY(!root.hasError());
    inner.string("Leaf");
    QVERIFY(root.hasError());
    QCOMPARE(root.error(), QStringLiteral("Outer.Inner.Leaf: expected a string, got a boolean"));

    JsonReader other(parseJson(R"({"Outer": {}})"));
    other.fail("Outer", QStringLiteral("custom problem"));
    QCOMPARE(other.error(), QStringLiteral("Outer: custom problem"));
}

void TestJsonReader::listPathsAndItems()
{
    JsonReader reader(parseJson(R"({"Disks": {"Disk": [{"DiskId": "d-1"}, {"DiskId": "d-2"}]},
        "Bad": {"Item": [{}, 3]}})"));
    const QList<JsonReader> disks = reader.list("Disks", "Disk");
    QCOMPARE(disks.size(), 2);
    QCOMPARE(disks.at(1).path(), QStringLiteral("Disks.Disk[1]"));
    QCOMPARE(disks.at(1).object().value(QLatin1String("DiskId")).toString(), QStringLiteral("d-2"));
    QVERIFY(!reader.hasError());

    // Items that are not objects are skipped and reported.
    QCOMPARE(reader.list("Bad", "Item").size(), 1);
    QCOMPARE(reader.error(), QStringLiteral("Bad.Item[1]: expected an object, got a number"));
}

void TestJsonReader::integerLimits_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("zero") << QStringLiteral("0") << 0 << QString();
    QTest::newRow("int max") << QStringLiteral("2147483647") << std::numeric_limits<int>::max()
                             << QString();
    QTest::newRow("int min") << QStringLiteral("-2147483648") << std::numeric_limits<int>::min()
                             << QString();
    QTest::newRow("whole double") << QStringLiteral("4.0") << 4 << QString();
    QTest::newRow("int max + 1")
        << QStringLiteral("2147483648") << -1
        << QStringLiteral("V: out of range: 2147483648 (allowed -2147483648 to 2147483647)");
    QTest::newRow("int min - 1")
        << QStringLiteral("-2147483649") << -1
        << QStringLiteral("V: out of range: -2147483649 (allowed -2147483648 to 2147483647)");
    QTest::newRow("fraction") << QStringLiteral("0.1") << -1
                              << QStringLiteral("V: expected an integer, got 0.1");
    QTest::newRow("exponent") << QStringLiteral("1e300") << -1
                              << QStringLiteral(
                                     "V: out of range: 1e+300 (allowed -2147483648 to 2147483647)");
    QTest::newRow("text") << QStringLiteral("\"5\"") << -1
                          << QStringLiteral("V: expected an integer, got a string");
    QTest::newRow("array") << QStringLiteral("[5]") << -1
                           << QStringLiteral("V: expected an integer, got an array");
}

void TestJsonReader::integerLimits()
{
    QFETCH(QString, json);
    QFETCH(int, expected);
    QFETCH(QString, error);
    JsonReader reader(
        QJsonDocument::fromJson(QStringLiteral("{\"V\": %1}").arg(json).toUtf8()).object());
    QCOMPARE(reader.integer("V", IntRange::any(), -1), expected);
    QCOMPARE(reader.error(), error);
}

void TestJsonReader::integerInString_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("error");

    QTest::newRow("digits") << QStringLiteral("\"2000\"") << 2000 << QString();
    QTest::newRow("number") << QStringLiteral("40") << 40 << QString();
    QTest::newRow("empty") << QStringLiteral("\"\"") << -1 << QString();
    QTest::newRow("leading zeros") << QStringLiteral("\"007\"") << 7 << QString();
    QTest::newRow("plus sign") << QStringLiteral("\"+5\"") << -1
                               << QStringLiteral("V: expected a whole number, got \"+5\"");
    QTest::newRow("hex") << QStringLiteral("\"0x10\"") << -1
                         << QStringLiteral("V: expected a whole number, got \"0x10\"");
    QTest::newRow("arabic digits") << QStringLiteral("\"٤٠\"") << -1
                                   << QStringLiteral("V: expected a whole number, got \"٤٠\"");
    QTest::newRow("minus only") << QStringLiteral("\"-\"") << -1
                                << QStringLiteral("V: expected a whole number, got \"-\"");
    QTest::newRow("negative") << QStringLiteral("\"-1\"") << -1
                              << QStringLiteral("V: out of range: -1 (allowed 0 to 2147483647)");
    QTest::newRow("object") << QStringLiteral(
        "{}") << -1 << QStringLiteral("V: expected a whole number as a string, got an object");
}

void TestJsonReader::integerInString()
{
    QFETCH(QString, json);
    QFETCH(int, expected);
    QFETCH(QString, error);
    JsonReader reader(
        QJsonDocument::fromJson(QStringLiteral("{\"V\": %1}").arg(json).toUtf8()).object());
    QCOMPARE(reader.integerInString("V", IntRange::nonNegative(), -1), expected);
    QCOMPARE(reader.error(), error);
}

void TestJsonReader::percent_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("expected");
    QTest::addColumn<bool>("ok");

    QTest::newRow("100%") << QStringLiteral("\"100%\"") << 100 << true;
    QTest::newRow("0%") << QStringLiteral("\"0%\"") << 0 << true;
    QTest::newRow("bare") << QStringLiteral("\"64\"") << 64 << true;
    QTest::newRow("number") << QStringLiteral("64") << 64 << true;
    QTest::newRow("empty") << QStringLiteral("\"\"") << 0 << true;
    QTest::newRow("101%") << QStringLiteral("\"101%\"") << 0 << false;
    QTest::newRow("-1%") << QStringLiteral("\"-1%\"") << 0 << false;
    QTest::newRow("double sign") << QStringLiteral("\"50%%\"") << 0 << false;
    QTest::newRow("space") << QStringLiteral("\"50 %\"") << 0 << false;
    QTest::newRow("number 101") << QStringLiteral("101") << 0 << false;
}

void TestJsonReader::percent()
{
    QFETCH(QString, json);
    QFETCH(int, expected);
    QFETCH(bool, ok);
    JsonReader reader(
        QJsonDocument::fromJson(QStringLiteral("{\"P\": %1}").arg(json).toUtf8()).object());
    QCOMPARE(reader.percent("P"), expected);
    QCOMPARE(reader.hasError(), !ok);
    if (!ok)
        QVERIFY(reader.error().startsWith(QLatin1String("P: ")));
}

void TestJsonReader::describeNamesJsonTypes()
{
    QCOMPARE(JsonReader::describe(QJsonValue()), QStringLiteral("null"));
    QCOMPARE(JsonReader::describe(QJsonValue(true)), QStringLiteral("a boolean"));
    QCOMPARE(JsonReader::describe(QJsonValue(1.5)), QStringLiteral("a number"));
    QCOMPARE(JsonReader::describe(QJsonValue(QStringLiteral("x"))), QStringLiteral("a string"));
    QCOMPARE(JsonReader::describe(QJsonArray()), QStringLiteral("an array"));
    QCOMPARE(JsonReader::describe(QJsonObject()), QStringLiteral("an object"));
    QCOMPARE(JsonReader::describe(QJsonValue(QJsonValue::Undefined)), QStringLiteral("nothing"));
}

void TestJsonReader::rootFailureHasAPlaceholderPath()
{
    JsonReader reader(QJsonObject {});
    reader.fail("", QStringLiteral("not an ECS answer"));
    QCOMPARE(reader.error(), QStringLiteral("(answer): not an ECS answer"));
}

void TestJsonReader::longBadValuesAreShortened()
{
    // An HTML page or a runaway string in a field must not end up whole in a message.
    const QString garbage(5000, QLatin1Char('x'));
    JsonReader reader(QJsonObject { { QStringLiteral("T"), garbage } });
    QVERIFY(reader.time("T").isNull());
    QCOMPARE(reader.error(),
        QStringLiteral("T: expected a UTC time like 2025-01-15T08:30:00Z, got \"")
            + QString(40, QLatin1Char('x')) + QStringLiteral("…\""));

    JsonReader digits(QJsonObject { { QStringLiteral("N"), QString(5000, QLatin1Char('9')) } });
    QCOMPARE(digits.integerInString("N"), 0);
    QVERIFY(digits.error().startsWith(QLatin1String("N: out of range: 9999")));
    QVERIFY(digits.error().size() < 120);
}

void TestJsonReader::parseTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QDateTime>("expected");

    const auto utc = [](int y, int mo, int d, int h, int mi, int s) {
        return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
    };
    QTest::newRow("seconds") << QStringLiteral("2021-03-23T10:58:48Z") << true
                             << utc(2021, 3, 23, 10, 58, 48);
    QTest::newRow("minutes") << QStringLiteral("2017-12-10T04:04Z") << true
                             << utc(2017, 12, 10, 4, 4, 0);
    QTest::newRow("leap day") << QStringLiteral("2024-02-29T23:59:59Z") << true
                              << utc(2024, 2, 29, 23, 59, 59);
    QTest::newRow("empty") << QString() << true << QDateTime();
    QTest::newRow("no Z") << QStringLiteral("2021-03-23T10:58:48") << false << QDateTime();
    QTest::newRow("lower z") << QStringLiteral("2021-03-23T10:58:48z") << false << QDateTime();
    QTest::newRow("offset") << QStringLiteral("2021-03-23T10:58:48+08:00") << false << QDateTime();
    QTest::newRow("millis") << QStringLiteral("2021-03-23T10:58:48.123Z") << false << QDateTime();
    QTest::newRow("date only") << QStringLiteral("2021-03-23") << false << QDateTime();
    QTest::newRow("hour 24") << QStringLiteral("2021-03-23T24:00Z") << false << QDateTime();
    QTest::newRow("second 60") << QStringLiteral("2021-03-23T10:58:60Z") << false << QDateTime();
    QTest::newRow("not leap") << QStringLiteral("2023-02-29T00:00Z") << false << QDateTime();
    QTest::newRow("month 13") << QStringLiteral("2021-13-01T00:00Z") << false << QDateTime();
    QTest::newRow("signs") << QStringLiteral("+021-03-23T10:58Z") << false << QDateTime();
    QTest::newRow("space") << QStringLiteral("2021-03-23 10:58Z") << false << QDateTime();
    QTest::newRow("whitespace") << QStringLiteral(" 2021-03-23T10:58Z") << false << QDateTime();
    QTest::newRow("words") << QStringLiteral("yesterday") << false << QDateTime();
}

void TestJsonReader::parseTimes()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QDateTime, expected);
    bool parsedOk = !ok;
    const QDateTime parsed = parseEcsTime(text, &parsedOk);
    QCOMPARE(parsedOk, ok);
    QCOMPARE(parsed, expected);
    if (parsed.isValid())
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
}

void TestJsonReader::formatTimes()
{
    const QDateTime time(QDate(2021, 3, 23), QTime(10, 58, 48), Qt::UTC);
    QCOMPARE(formatEcsTime(time), QStringLiteral("2021-03-23T10:58:48Z"));
    QCOMPARE(formatEcsTime(time, TimePrecision::Minutes), QStringLiteral("2021-03-23T10:58Z"));
    QCOMPARE(formatEcsTime(QDateTime()), QString());
    const QDateTime shanghai(QDate(2021, 3, 23), QTime(18, 58, 48), Qt::OffsetFromUTC, 8 * 3600);
    QCOMPARE(formatEcsTime(shanghai), QStringLiteral("2021-03-23T10:58:48Z"));
    bool ok = false;
    QCOMPARE(parseEcsTime(formatEcsTime(shanghai), &ok), shanghai);
    QVERIFY(ok);
}

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_json_reader.moc"
