#pragma once

#include "Page.h"
#include "api/Result.h"
#include "model/Disk.h"
#include "model/Instance.h"
#include "model/InstanceStatus.h"
#include "model/OperationProgress.h"
#include "model/Region.h"
#include "model/Snapshot.h"
#include "model/SnapshotGroup.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace ecs {

// Typed results from the JSON object of a successful ECS answer (decodeResponse() has
// already turned error bodies into ApiErrors). Every parser requires a non-empty
// `RequestId`: a success body without one is not an ECS answer. A body that does not
// match REFERENCE.md gives ApiError::Kind::Parse whose detail() is the first problem with
// its path, e.g. "Instances.Instance[3].Status: expected a string, got a number", and
// whose message() says which answer it was and repeats that detail. The Describe*
// parsers require their list wrapper (`Regions`, `Instances`, `Disks`, ...): without it
// the answer is not an empty listing, and saying "none" would be wrong.

Result<QList<Region>> parseDescribeRegions(const QJsonObject &body);
Result<Page<Instance>> parseDescribeInstances(const QJsonObject &body);
Result<Page<Disk>> parseDescribeDisks(const QJsonObject &body);
Result<Page<Snapshot>> parseDescribeSnapshots(const QJsonObject &body);
Result<Page<SnapshotGroup>> parseDescribeSnapshotGroups(const QJsonObject &body);
Result<Page<InstanceStatus>> parseDescribeInstanceStatus(const QJsonObject &body);
// CreateSnapshotGroup: the new group's SnapshotGroupId (required).
Result<QString> parseCreateSnapshotGroup(const QJsonObject &body);
// DeleteSnapshotGroup, ResetDisks: OperationProgressSet.OperationProgress[].
Result<QList<OperationProgress>> parseOperationProgressSet(const QJsonObject &body);
// ResetDisk, StopInstance, StartInstance: the RequestId.
Result<QString> parseRequestIdOnly(const QJsonObject &body);

} // namespace ecs
