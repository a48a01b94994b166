#include "Paging.h"

#include "ServiceErrors.h"

#include <algorithm>

namespace ecs::emulator {

namespace {

const QByteArray tokenPrefix = QByteArrayLiteral("ecs-emulator-offset:");

} // namespace

QString nextTokenFor(qsizetype offset)
{
    const QByteArray plain = tokenPrefix + QByteArray::number(offset);
    return QString::fromLatin1(plain.toBase64());
}

PageWindow readTokenWindow(ParameterReader &reader, const PageLimits &limits)
{
    PageWindow window;
    const bool tokenStyle
        = reader.has(QStringLiteral("MaxResults")) || reader.has(QStringLiteral("NextToken"));
    const bool numberStyle
        = reader.has(QStringLiteral("PageNumber")) || reader.has(QStringLiteral("PageSize"));
    if (limits.pageSizeMaximum > 0 && numberStyle && !tokenStyle)
        return readNumberWindow(reader, limits.pageSizeMaximum, limits.fallback);

    window.size = std::clamp(reader.integer(QStringLiteral("MaxResults")).value_or(limits.fallback),
        limits.minimum, limits.maximum);
    const QString token = reader.text(QStringLiteral("NextToken"));
    if (!token.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(token.toLatin1());
        bool ok = decoded.startsWith(tokenPrefix);
        const qsizetype offset = ok ? decoded.mid(tokenPrefix.size()).toLongLong(&ok) : 0;
        if (!ok || offset < 0) {
            reader.fail(serviceErrors::invalidParameter(
                QStringLiteral("NextToken"), QStringLiteral("not a token from this service")));
            return window;
        }
        window.offset = offset;
    }
    window.pageNumber = int(window.offset / window.size) + 1;
    return window;
}

PageWindow readNumberWindow(ParameterReader &reader, int maximum, int fallback)
{
    PageWindow window;
    window.byToken = false;
    window.size
        = std::clamp(reader.integer(QStringLiteral("PageSize")).value_or(fallback), 1, maximum);
    window.pageNumber = std::max(1, reader.integer(QStringLiteral("PageNumber")).value_or(1));
    window.offset = qsizetype(window.pageNumber - 1) * window.size;
    return window;
}

} // namespace ecs::emulator
