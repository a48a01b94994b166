#pragma once

#include "PagedLoader.h"
#include "SnapshotGroupTableModel.h"

namespace ecs {

// Fills a SnapshotGroupTableModel from DescribeSnapshotGroups (100 a page); see
// PagedLoader for first load versus refresh and for cancelling.
class SnapshotGroupLoader : public PagedLoader
{
    Q_OBJECT

public:
    explicit SnapshotGroupLoader(EcsApi *api, QObject *parent = nullptr);

    // Cancels a running load first.
    void load(const QString &regionId, SnapshotGroupTableModel *model, bool refresh);
};

} // namespace ecs
