#include "CliOutput.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace ecs::cli {

QTextStream &CliOutput::out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &CliOutput::err()
{
    static QTextStream stream(stderr);
    return stream;
}

void CliOutput::printJson(const QJsonValue &value)
{
    QJsonDocument document;
    if (value.isArray())
        document.setArray(value.toArray());
    else
        document.setObject(value.toObject());
    out() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out().flush();
}

void CliOutput::line(const QString &text)
{
    out() << text << '\n';
}

void CliOutput::table(const QStringList &header, const QList<QStringList> &rows)
{
    line(formatTable(header, rows));
}

QString CliOutput::formatTable(
    const QStringList &header, const QList<QStringList> &rows, const QString &indent)
{
    QList<qsizetype> widths;
    auto measure = [&widths](const QStringList &row) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (i >= widths.size())
                widths.append(0);
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    };
    measure(header);
    for (const QStringList &row : rows)
        measure(row);
    QStringList lines;
    auto format = [&widths, &lines, &indent](const QStringList &row) {
        QString text = indent;
        for (qsizetype i = 0; i < row.size(); ++i)
            text += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        lines.append(text);
    };
    if (!header.isEmpty())
        format(header);
    for (const QStringList &row : rows)
        format(row);
    return lines.join(QLatin1Char('\n'));
}

void CliOutput::progress(const QString &text)
{
    err() << text << '\n';
    err().flush();
}

void CliOutput::warning(const QString &text)
{
    progress(CliText::tr("Warning: %1").arg(text));
}

void CliOutput::error(const QString &text)
{
    progress(CliText::tr("Error: %1").arg(text));
}

void CliOutput::prompt(const QString &text)
{
    err() << text;
    err().flush();
}

void CliOutput::flush()
{
    out().flush();
    err().flush();
    std::fflush(stdout);
    std::fflush(stderr);
}

QString CliOutput::time(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1String(" UTC");
}

QJsonValue CliOutput::jsonTime(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue::Null;
    return time.toUTC().toString(Qt::ISODate);
}

QString CliOutput::yesNo(bool value)
{
    return value ? CliText::tr("yes") : CliText::tr("no");
}

} // namespace ecs::cli
