#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ecs::emulator {

// The service's XML for a JSON answer, written from the same object so the two formats
// cannot drift apart. Object keys become elements; an array repeats its key's element once
// per item, which is how ECS lists look in XML: {"Instances":{"Instance":[a,b]}} is
// <Instances><Instance>a</Instance><Instance>b</Instance></Instances>. Strings are text,
// numbers are written as JSON writes them, booleans as true/false, null as an empty
// element. Keys are used as element names as they are (the service's all are XML names).
// `firstKeys` of the root object come first, in that order, then the rest sorted.
QByteArray jsonToXml(
    const QString &rootName, const QJsonObject &object, const QStringList &firstKeys = {});

} // namespace ecs::emulator
