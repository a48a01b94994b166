#pragma once

#include "api/ApiError.h"
#include "api/responses/Page.h"
#include "model/Disk.h"
#include "model/Instance.h"
#include "model/InstanceStatus.h"
#include "model/OperationProgress.h"
#include "model/Region.h"
#include "model/Snapshot.h"
#include "model/SnapshotGroup.h"

#include <QJsonObject>
#include <QString>

// Values and bodies shared by the model tests. Helpers return values; assertions stay in
// the test slots.
namespace samples {

// Every field set to something other than its default, so a field the reader or writer
// forgets shows up as a difference.
ecs::Region region();
ecs::Instance instance();
ecs::Disk disk();
ecs::Snapshot snapshot();
ecs::SnapshotGroupMember member();
ecs::SnapshotGroup snapshotGroup();
ecs::InstanceStatus instanceStatus();
ecs::OperationProgress operationProgress();

// A UTC time; whole minutes unless seconds are given.
QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0);

// tests/model/data/<name>: a realistic success body (shapes and values after the
// REFERENCE.md examples). Empty when the file is missing or not a JSON object.
QJsonObject body(const QString &name);

// Parsers by short name ("regions", "instances", "disks", "snapshots", "groups", "status",
// "create", "progress", "requestId"): the sample file each is exercised with, and the
// error it gives for `body` (Kind::None when it parsed).
QString sampleFor(const QString &parser);
ecs::ApiError errorOf(const QString &parser, const QJsonObject &body);

// `body` with the value at `path` ("Instances.Instance[0].Status") replaced by the JSON
// text `json` ("3", "\"x\"", "[]" ...), or removed when `json` is "<remove>". Missing
// objects on the way are created; an array index past the end changes nothing.
QJsonObject withValue(const QJsonObject &body, const QString &path, const QString &json);

} // namespace samples

// QCOMPARE prints these when two values differ (found through argument-dependent lookup).
namespace ecs {
char *toString(const Region &value);
char *toString(const Instance &value);
char *toString(const Disk &value);
char *toString(const DiskAttachment &value);
char *toString(const Snapshot &value);
char *toString(const SnapshotGroupMember &value);
char *toString(const SnapshotGroup &value);
char *toString(const InstanceStatus &value);
char *toString(const OperationProgress &value);
char *toString(const Tag &value);

char *jsonText(const QJsonObject &object);

template<typename T>
char *toString(const Page<T> &page)
{
    QJsonObject object { { QStringLiteral("nextToken"), page.nextToken },
        { QStringLiteral("totalCount"), page.totalCount },
        { QStringLiteral("pageNumber"), page.pageNumber },
        { QStringLiteral("pageSize"), page.pageSize },
        { QStringLiteral("items"), static_cast<int>(page.items.size()) } };
    return jsonText(object);
}
} // namespace ecs
