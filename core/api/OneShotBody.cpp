#include "OneShotBody.h"

#include <cstring>

namespace ecs {

OneShotBody::OneShotBody(QByteArray data, QObject *parent)
    : QIODevice(parent)
    , m_data(std::move(data))
{
    open(QIODevice::ReadOnly);
}

qint64 OneShotBody::readData(char *data, qint64 maxSize)
{
    const qint64 count = qMin(maxSize, qint64(m_data.size()) - pos());
    if (count <= 0)
        return 0;
    std::memcpy(data, m_data.constData() + pos(), static_cast<size_t>(count));
    return count;
}

qint64 OneShotBody::writeData(const char *, qint64)
{
    return -1;
}

} // namespace ecs
