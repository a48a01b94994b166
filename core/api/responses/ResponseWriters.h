#pragma once

#include "Page.h"
#include "TagStyle.h"
#include "model/Disk.h"
#include "model/Instance.h"
#include "model/InstanceStatus.h"
#include "model/OperationProgress.h"
#include "model/Region.h"
#include "model/Snapshot.h"
#include "model/SnapshotGroup.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ecs {

// The inverse of ModelReaders/ResponseParsers, for the local emulator and for tests: the
// service's exact JSON shapes and field names (REFERENCE.md), so that
// parse(toJson(x)) == x. Every field is written, empty ones as "" (the service does the
// same); times as yyyy-MM-ddTHH:mm:ssZ, Instance times as yyyy-MM-ddTHH:mmZ (§2), so an
// Instance time only round-trips when it is whole minutes. Progress is written "100%",
// SourceDiskSize as a string.

// {"<outer>": {"<inner>": items}}: the XML-era list wrapper of every list (§0.1).
QJsonObject wrapList(const QString &outer, const QString &inner, const QJsonArray &items);

QJsonObject toJson(const Tag &tag, TagStyle style);
// The value of a "Tags" field: {"Tag": [ ... ]}.
QJsonObject tagsToJson(const QList<Tag> &tags, TagStyle style);

QJsonObject toJson(const Region &region);
QJsonObject toJson(const Instance &instance);
QJsonObject toJson(const DiskAttachment &attachment);
QJsonObject toJson(const Disk &disk);
QJsonObject toJson(const Snapshot &snapshot);
QJsonObject toJson(const SnapshotGroupMember &member);
QJsonObject toJson(const SnapshotGroup &group);
QJsonObject toJson(const InstanceStatus &status);
QJsonObject toJson(const RelatedItem &item);
QJsonObject toJson(const OperationProgress &progress);

// Whole success bodies, with the paging fields each action has (§0.4): NextToken,
// TotalCount (left out when -1), PageNumber, PageSize for instances, disks and snapshots;
// NextToken only for snapshot groups; no NextToken for instance status.
QJsonObject describeRegionsBody(const QString &requestId, const QList<Region> &regions);
QJsonObject describeInstancesBody(const QString &requestId, const Page<Instance> &page);
QJsonObject describeDisksBody(const QString &requestId, const Page<Disk> &page);
QJsonObject describeSnapshotsBody(const QString &requestId, const Page<Snapshot> &page);
QJsonObject describeSnapshotGroupsBody(const QString &requestId, const Page<SnapshotGroup> &page);
QJsonObject describeInstanceStatusBody(const QString &requestId, const Page<InstanceStatus> &page);
QJsonObject createSnapshotGroupBody(const QString &requestId, const QString &snapshotGroupId);
// DeleteSnapshotGroup, ResetDisks.
QJsonObject operationProgressSetBody(
    const QString &requestId, const QList<OperationProgress> &results);
// ResetDisk, StopInstance, StartInstance.
QJsonObject requestIdOnlyBody(const QString &requestId);

} // namespace ecs
