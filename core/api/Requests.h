#pragma once

#include "ApiParameters.h"
#include "model/Tag.h"

#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>

namespace ecs {

// The parameters of the actions the app uses (REFERENCE.md §1–12), each able to encode
// itself as the flat RPC parameters the service expects and to say what is wrong with
// it before anything is sent. Only what the rollback flow needs is modelled.

struct DescribeRegionsRequest
{
    QString acceptLanguage = QStringLiteral("en-US"); // language of LocalName
    QString instanceChargeType;
    QString resourceType;
    ApiParameters toParameters() const;
    QString problem() const { return {}; }
};

struct DescribeInstancesRequest
{
    QString regionId;
    QStringList instanceIds; // ≤100, sent as a JSON array in InstanceIds
    QString status;
    QString instanceName;
    bool dryRun = false;
    int maxResults = 100; // 10–100
    QString nextToken;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct DescribeDisksRequest
{
    QString regionId;
    QString instanceId;
    // Absent: no filter. Present and empty: the service answers with no disks.
    std::optional<QStringList> diskIds;
    QString diskType; // all, system, data
    QString status;
    bool dryRun = false;
    int maxResults = 100; // 10–500
    QString nextToken;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct DescribeSnapshotsRequest
{
    QString regionId;
    QString instanceId;
    QString diskId;
    std::optional<QStringList> snapshotIds; // ≤100
    QString status; // progressing, accomplished, failed, all
    QString snapshotType;
    bool dryRun = false;
    int maxResults = 100; // 1–100
    QString nextToken;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct DescribeSnapshotGroupsRequest
{
    QString regionId;
    QString instanceId;
    QStringList snapshotGroupIds; // SnapshotGroupId.N, ≤10
    QStringList statuses; // Status.N, ≤3
    QString name;
    int maxResults = 100; // 1–100
    QString nextToken;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct DescribeInstanceStatusRequest
{
    QString regionId;
    QStringList instanceIds; // InstanceId.N (a repeat list, not JSON), ≤100
    QString zoneId;
    int pageNumber = 1;
    int pageSize = 50; // 1–50
    ApiParameters toParameters() const;
    QString problem() const;
};

struct CreateSnapshotGroupRequest
{
    QString regionId;
    QString instanceId;
    QStringList diskIds; // DiskId.N
    QStringList excludeDiskIds; // ExcludeDiskId.N, not with diskIds
    QString name;
    QString description;
    QString clientToken; // ≤64 ASCII: makes a re-sent create safe
    QList<Tag> tags;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct DeleteSnapshotGroupRequest
{
    QString regionId;
    QString snapshotGroupId;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct DiskSnapshotPair
{
    QString diskId;
    QString snapshotId;
};

struct ResetDisksRequest
{
    static constexpr int MaxDisksPerCall = 10;
    QString regionId;
    QList<DiskSnapshotPair> disks; // Disk.N.DiskId / Disk.N.SnapshotId, 1–10
    bool dryRun = false;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct ResetDiskRequest
{
    QString regionId; // picks the endpoint only: the action has no RegionId parameter
    QString diskId;
    QString snapshotId;
    bool dryRun = false;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct StopInstanceRequest
{
    QString regionId; // endpoint only
    QString instanceId;
    QString stoppedMode; // KeepCharging (standard) or StopCharging (economical); empty: default
    bool forceStop = false;
    bool dryRun = false;
    ApiParameters toParameters() const;
    QString problem() const;
};

struct StartInstanceRequest
{
    QString regionId; // endpoint only
    QString instanceId;
    bool dryRun = false;
    ApiParameters toParameters() const;
    QString problem() const;
};

// `["a","b"]`, as the SDK sends JSON-array string parameters.
QString jsonArrayParameter(const QStringList &values);

} // namespace ecs
