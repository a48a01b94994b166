#pragma once

#include "api/ApiParameters.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace ecs::emulator {

// One HTTP request as the emulator's checks see it: everything copied out of Qt's request
// object, so it can outlive the socket (added latency answers later) and tests can build one
// by hand without a server.
struct DecodedRequest
{
    QByteArray method; // "GET", "POST", ... upper case
    QString path; // decoded path, "/" for API calls
    QByteArray host; // the Host header as sent
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased, values as sent
    ApiParameters queryParameters; // fully percent-decoded
    ApiParameters bodyParameters; // from an application/x-www-form-urlencoded body
    QByteArray body;

    QByteArray header(const QByteArray &lowerCaseName) const;
    bool hasHeader(const QByteArray &lowerCaseName) const;

    // Query and form parameters together; a body value wins over a query value of the same
    // name (pop-core sends everything in the body, nothing in the query).
    ApiParameters allParameters() const;
};

} // namespace ecs::emulator
