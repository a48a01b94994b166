#pragma once

#include <QString>

namespace ecs {

// Region Status values as the service spells them (REFERENCE §E). Kept as strings so a
// value the service adds later survives a round trip.
namespace RegionStatusName {
inline const QString Available = QStringLiteral("available");
inline const QString SoldOut = QStringLiteral("soldOut");
} // namespace RegionStatusName

// One entry of DescribeRegions (REFERENCE §1).
struct Region
{
    QString regionId; // "cn-hangzhou"
    QString localName; // display name in the requested AcceptLanguage
    QString regionEndpoint; // "ecs.cn-hangzhou.aliyuncs.com"
    QString status; // RegionStatusName

    bool isAvailable() const { return status == RegionStatusName::Available; }
};

inline bool operator==(const Region &a, const Region &b)
{
    return a.regionId == b.regionId && a.localName == b.localName
        && a.regionEndpoint == b.regionEndpoint && a.status == b.status;
}

inline bool operator!=(const Region &a, const Region &b)
{
    return !(a == b);
}

} // namespace ecs
