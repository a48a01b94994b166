#include "SnapshotGroupLoader.h"

namespace ecs {

SnapshotGroupLoader::SnapshotGroupLoader(EcsApi *api, QObject *parent)
    : PagedLoader(api, parent)
{ }

void SnapshotGroupLoader::load(
    const QString &regionId, SnapshotGroupTableModel *model, bool refresh)
{
    DescribeSnapshotGroupsRequest request;
    request.regionId = regionId;
    request.maxResults = 100;
    EcsApi *ecs = api();
    run<SnapshotGroup>(model, refresh,
        [ecs, request](QObject *context, PageHandler<SnapshotGroup> onPage, DoneHandler done) {
            return ecs->listSnapshotGroups(request, context, std::move(onPage), std::move(done));
        });
}

} // namespace ecs
