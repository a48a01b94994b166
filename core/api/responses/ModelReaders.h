#pragma once

#include "JsonReader.h"
#include "TagStyle.h"
#include "model/Disk.h"
#include "model/Instance.h"
#include "model/InstanceStatus.h"
#include "model/OperationProgress.h"
#include "model/Region.h"
#include "model/Snapshot.h"
#include "model/SnapshotGroup.h"

#include <QList>

namespace ecs {

// One model value from one object of an answer, wire names as in REFERENCE.md. Problems
// are recorded in `reader` (see JsonReader); the caller checks reader.hasError() once.
// ResponseWriters.h has the inverse, field for field.
Region readRegion(JsonReader &reader);
Instance readInstance(JsonReader &reader);
DiskAttachment readDiskAttachment(JsonReader &reader);
Disk readDisk(JsonReader &reader);
Snapshot readSnapshot(JsonReader &reader);
SnapshotGroupMember readSnapshotGroupMember(JsonReader &reader);
SnapshotGroup readSnapshotGroup(JsonReader &reader);
InstanceStatus readInstanceStatus(JsonReader &reader);
RelatedItem readRelatedItem(JsonReader &reader);
OperationProgress readOperationProgress(JsonReader &reader);

// The `Tags` wrapper of `reader`'s object: {"Tags": {"Tag": [ ... ]}}.
QList<Tag> readTags(JsonReader &reader, TagStyle style);

} // namespace ecs
