#include "DecodedRequest.h"

namespace ecs::emulator {

QByteArray DecodedRequest::header(const QByteArray &lowerCaseName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerCaseName)
            return header.second;
    }
    return {};
}

bool DecodedRequest::hasHeader(const QByteArray &lowerCaseName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerCaseName)
            return true;
    }
    return false;
}

ApiParameters DecodedRequest::allParameters() const
{
    ApiParameters all = queryParameters;
    for (auto it = bodyParameters.cbegin(); it != bodyParameters.cend(); ++it)
        all.insert(it.key(), it.value());
    return all;
}

} // namespace ecs::emulator
