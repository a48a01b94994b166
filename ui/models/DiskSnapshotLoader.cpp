#include "DiskSnapshotLoader.h"

namespace ecs {

DiskSnapshotLoader::DiskSnapshotLoader(EcsApi *api, QObject *parent)
    : PagedLoader(api, parent)
{ }

void DiskSnapshotLoader::load(const QString &regionId, DiskSnapshotTableModel *model, bool refresh)
{
    DescribeSnapshotsRequest request;
    request.regionId = regionId;
    request.maxResults = 100;
    EcsApi *ecs = api();
    run<Snapshot>(model, refresh,
        [ecs, request](QObject *context, PageHandler<Snapshot> onPage, DoneHandler done) {
            return ecs->listSnapshots(request, context, std::move(onPage), std::move(done));
        });
}

} // namespace ecs
