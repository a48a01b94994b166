#pragma once

#include <QList>
#include <QString>

namespace ecs {

// One page of a Describe* listing. Fields the action does not send keep their defaults:
// DescribeSnapshotGroups has no TotalCount/PageNumber/PageSize, DescribeInstanceStatus
// no NextToken (REFERENCE §0.4).
template<typename T>
struct Page
{
    QList<T> items;
    QString nextToken; // empty: no more pages
    int totalCount = -1; // -1: not sent
    int pageNumber = 0; // 0: not sent
    int pageSize = 0;

    bool hasMore() const { return !nextToken.isEmpty(); }
};

template<typename T>
bool operator==(const Page<T> &a, const Page<T> &b)
{
    return a.items == b.items && a.nextToken == b.nextToken && a.totalCount == b.totalCount
        && a.pageNumber == b.pageNumber && a.pageSize == b.pageSize;
}

template<typename T>
bool operator!=(const Page<T> &a, const Page<T> &b)
{
    return !(a == b);
}

} // namespace ecs
