#pragma once

#include "ParameterReader.h"
#include "api/responses/Page.h"

#include <QList>

namespace ecs::emulator {

// The paging of the Describe* actions (REFERENCE §0.4). Listings are in ID order, so a
// NextToken (an opaque offset) stays valid while other resources change.
struct PageLimits
{
    int minimum = 1; // MaxResults below this is raised to it
    int maximum = 100; // and above this lowered to it
    int fallback = 10; // MaxResults absent
    int pageSizeMaximum = 0; // >0: the deprecated PageNumber/PageSize are accepted too
};

struct PageWindow
{
    qsizetype offset = 0;
    int size = 10;
    int pageNumber = 1;
    bool byToken = true; // false: PageNumber/PageSize paging, no NextToken in the answer
};

// NextToken + MaxResults (clamped), or PageNumber/PageSize when the action has them and
// the caller sent them without MaxResults/NextToken. A token that is not ours →
// InvalidParameter.
PageWindow readTokenWindow(ParameterReader &reader, const PageLimits &limits);
// PageNumber (≥1) and PageSize (clamped into 1..maximum) only: DescribeInstanceStatus.
PageWindow readNumberWindow(ParameterReader &reader, int maximum, int fallback);

QString nextTokenFor(qsizetype offset);

// The page of `matching` that `window` selects, each item converted by `convert`.
template<typename Record, typename Convert>
auto pageOf(const QList<Record> &matching, const PageWindow &window, Convert convert)
{
    using Item = decltype(convert(matching.first()));
    Page<Item> page;
    page.totalCount = int(matching.size());
    page.pageSize = window.size;
    page.pageNumber = window.pageNumber;
    const qsizetype end = std::min(matching.size(), window.offset + window.size);
    for (qsizetype i = window.offset; i < end; ++i)
        page.items.append(convert(matching.at(i)));
    if (window.byToken && end < matching.size())
        page.nextToken = nextTokenFor(end);
    return page;
}

} // namespace ecs::emulator
