#include "JsonToXml.h"

#include <QJsonArray>
#include <QLocale>
#include <QXmlStreamWriter>

#include <cmath>

namespace ecs::emulator {

namespace {

QString numberText(double value)
{
    // Integers as integers (JSON's 100, not 1e+02); 2^53 is where doubles stop being exact.
    if (std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QString::number(static_cast<qint64>(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

void writeValue(QXmlStreamWriter &xml, const QString &name, const QJsonValue &value);

void writeMembers(QXmlStreamWriter &xml, const QJsonObject &object, const QStringList &firstKeys)
{
    for (const QString &key : firstKeys) {
        if (object.contains(key))
            writeValue(xml, key, object.value(key));
    }
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!firstKeys.contains(it.key()))
            writeValue(xml, it.key(), it.value());
    }
}

void writeValue(QXmlStreamWriter &xml, const QString &name, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Array:
        // No element of its own: each item is one `name` element.
        for (const QJsonValue &item : value.toArray())
            writeValue(xml, name, item);
        return;
    case QJsonValue::Object:
        xml.writeStartElement(name);
        writeMembers(xml, value.toObject(), {});
        xml.writeEndElement();
        return;
    case QJsonValue::String:
        xml.writeTextElement(name, value.toString());
        return;
    case QJsonValue::Double:
        xml.writeTextElement(name, numberText(value.toDouble()));
        return;
    case QJsonValue::Bool:
        xml.writeTextElement(
            name, value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        return;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        xml.writeEmptyElement(name);
        return;
    }
}

} // namespace

QByteArray jsonToXml(
    const QString &rootName, const QJsonObject &object, const QStringList &firstKeys)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    xml.writeStartElement(rootName);
    writeMembers(xml, object, firstKeys);
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace ecs::emulator
