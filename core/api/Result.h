#pragma once

#include "ApiError.h"

#include <optional>
#include <utility>

namespace ecs {

// Either a value or the ApiError that prevented it. Constructed from one or the other.
template<typename T>
class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(ApiError error)
        : m_error(std::move(error))
    {
        Q_ASSERT(m_error.isError());
    }

    bool ok() const { return m_value.has_value(); }
    const T &value() const
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    T &value()
    {
        Q_ASSERT(ok());
        return *m_value;
    }
    const ApiError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    ApiError m_error;
};

} // namespace ecs
