#pragma once

#include "DiskSnapshotTableModel.h"
#include "PagedLoader.h"

namespace ecs {

// Fills a DiskSnapshotTableModel from DescribeSnapshots (100 a page); see PagedLoader.
class DiskSnapshotLoader : public PagedLoader
{
    Q_OBJECT

public:
    explicit DiskSnapshotLoader(EcsApi *api, QObject *parent = nullptr);

    // Cancels a running load first.
    void load(const QString &regionId, DiskSnapshotTableModel *model, bool refresh);
};

} // namespace ecs
