#include "EcsTime.h"

#include <QDate>
#include <QTime>

namespace ecs {

namespace {

// Two or four ASCII digits at `from`; -1 when any is not a digit. QString::toInt() would
// also take signs, spaces and non-ASCII digits, which a strict reader must refuse.
int digits(const QString &text, int from, int count)
{
    int value = 0;
    for (int i = from; i < from + count; ++i) {
        const char16_t c = text.at(i).unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

} // namespace

QDateTime parseEcsTime(const QString &text, bool *ok)
{
    *ok = true;
    if (text.isEmpty())
        return {};

    // 0123456789012345678 9
    // yyyy-MM-ddTHH:mm:ssZ  (20)  or  yyyy-MM-ddTHH:mmZ  (17)
    const bool withSeconds = text.size() == 20;
    if ((!withSeconds && text.size() != 17) || text.at(4) != u'-' || text.at(7) != u'-'
        || text.at(10) != u'T' || text.at(13) != u':' || text.back() != u'Z'
        || (withSeconds && text.at(16) != u':')) {
        *ok = false;
        return {};
    }
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = withSeconds ? digits(text, 17, 2) : 0;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || !date.isValid()
        || !time.isValid()) {
        *ok = false;
        return {};
    }
    return QDateTime(date, time, Qt::UTC);
}

QString formatEcsTime(const QDateTime &time, TimePrecision precision)
{
    if (!time.isValid())
        return {};
    const QDateTime utc = time.toUTC();
    const QString format = precision == TimePrecision::Minutes
        ? QStringLiteral("yyyy-MM-ddTHH:mm")
        : QStringLiteral("yyyy-MM-ddTHH:mm:ss");
    return utc.toString(format) + QLatin1Char('Z');
}

} // namespace ecs
