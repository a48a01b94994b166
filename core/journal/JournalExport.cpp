#include "Journal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ecs {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
// injection"); an apostrophe makes it text. Messages come from the service and request
// IDs from the wire, so they are not trusted. The cost: a message such as "-1" is
// exported as "'-1".
QString guardFormula(const QString &field)
{
    static const QString starters = QStringLiteral("=+-@\t\r");
    if (!field.isEmpty() && starters.contains(field.front()))
        return QLatin1Char('\'') + field;
    return field;
}

// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
QString csvField(const QString &field)
{
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"'))
        && !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString quoted = field;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvText(const QString &field)
{
    return csvField(guardFormula(field));
}

} // namespace

QByteArray journalToCsv(const QList<JournalEntry> &entries)
{
    const QLatin1String crlf("\r\n");
    QString csv = QStringLiteral("id,time,operation_id,kind,profile,region_id,instance_id,"
                                 "snapshot_group_id,disk_ids,action,request_id,outcome,"
                                 "error_code,message,detail")
        + crlf;
    for (const JournalEntry &entry : entries) {
        const QStringList fields {
            QString::number(entry.id),
            timeText(entry.time),
            csvText(entry.operationId),
            csvText(entry.kind),
            csvText(entry.profile),
            csvText(entry.regionId),
            csvText(entry.instanceId),
            csvText(entry.snapshotGroupId),
            csvText(entry.diskIds.join(QLatin1Char(';'))),
            csvText(entry.action),
            csvText(entry.requestId),
            csvText(entry.outcome),
            csvText(entry.errorCode),
            csvText(entry.message),
            csvText(entry.detail),
        };
        csv += fields.join(QLatin1Char(',')) + crlf;
    }
    return csv.toUtf8();
}

QByteArray journalToJson(const QList<JournalEntry> &entries)
{
    QJsonArray array;
    for (const JournalEntry &entry : entries) {
        array.append(QJsonObject {
            { QStringLiteral("id"), entry.id },
            { QStringLiteral("time"), timeText(entry.time) },
            { QStringLiteral("operationId"), entry.operationId },
            { QStringLiteral("kind"), entry.kind },
            { QStringLiteral("profile"), entry.profile },
            { QStringLiteral("regionId"), entry.regionId },
            { QStringLiteral("instanceId"), entry.instanceId },
            { QStringLiteral("snapshotGroupId"), entry.snapshotGroupId },
            { QStringLiteral("diskIds"), QJsonArray::fromStringList(entry.diskIds) },
            { QStringLiteral("action"), entry.action },
            { QStringLiteral("requestId"), entry.requestId },
            { QStringLiteral("outcome"), entry.outcome },
            { QStringLiteral("errorCode"), entry.errorCode },
            { QStringLiteral("message"), entry.message },
            // An object, so that a reader need not parse JSON inside JSON.
            { QStringLiteral("detail"), QJsonDocument::fromJson(entry.detail.toUtf8()).object() },
        });
    }
    const QJsonObject root { { QStringLiteral("entries"), array } };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace ecs
