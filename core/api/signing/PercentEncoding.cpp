#include "PercentEncoding.h"

namespace ecs::signing {

namespace {

bool isUnreserved(char byte)
{
    return (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z')
        || (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' || byte == '~';
}

} // namespace

QByteArray percentEncodeBytes(const QByteArray &utf8)
{
    // Spelled out rather than QByteArray::toPercentEncoding(): the signature depends on every
    // byte of this, so the rule is kept visible here and independent of Qt's defaults.
    static constexpr char hexDigits[] = "0123456789ABCDEF";
    QByteArray encoded;
    encoded.reserve(utf8.size() * 3);
    for (const char byte : utf8) {
        if (isUnreserved(byte)) {
            encoded.append(byte);
            continue;
        }
        const auto value = static_cast<unsigned char>(byte);
        encoded.append('%');
        encoded.append(hexDigits[value >> 4]);
        encoded.append(hexDigits[value & 0x0F]);
    }
    return encoded;
}

QByteArray percentEncode(const QString &text)
{
    return percentEncodeBytes(text.toUtf8());
}

QByteArray encodedQuery(const ApiParameters &parameters)
{
    // QMap iterates in QString (UTF-16 code unit) order, which is also the order of the
    // official JS SDK's Object.keys().sort(); for ECS's ASCII names it is plain byte order.
    QByteArray query;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it) {
        if (!query.isEmpty())
            query.append('&');
        query.append(percentEncode(it.key()));
        query.append('=');
        query.append(percentEncode(it.value()));
    }
    return query;
}

} // namespace ecs::signing
