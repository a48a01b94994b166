#pragma once

#include "PagedQuery.h"
#include "Requests.h"
#include "Result.h"
#include "model/Disk.h"
#include "model/Instance.h"
#include "model/InstanceStatus.h"
#include "model/OperationProgress.h"
#include "model/Region.h"
#include "model/Snapshot.h"
#include "model/SnapshotGroup.h"
#include "responses/ResponseParsers.h"

#include <functional>

namespace ecs {

class ApiCall;
class EcsClient;

template<typename T>
using ResultHandler = std::function<void(const Result<T> &)>;
template<typename T>
using PageHandler = std::function<void(const Page<T> &)>;
using DoneHandler = std::function<void(const ApiError &)>;

// The typed face of the ECS API: one method per action, each returning at once and
// calling its handler once, later, with the parsed value or the error.
//
// Every handler is tied to a `context` object: if the context is destroyed first, the
// handler is never called (and a read still in flight is cancelled; a mutating call is
// left to finish, since aborting it would only hide its outcome).
//
// With DryRun set, a passed dry run (the service's `DryRunOperation` answer) is
// delivered as success; a failed one as the error the real call would have met.
class EcsApi
{
public:
    explicit EcsApi(EcsClient *client);

    EcsClient *client() const { return m_client; }

    ApiCall *describeRegions(const DescribeRegionsRequest &request, QObject *context,
        ResultHandler<QList<Region>> handler);

    // One page; use the list* methods below to walk every page.
    ApiCall *describeInstances(const DescribeInstancesRequest &request, QObject *context,
        ResultHandler<Page<Instance>> handler);
    ApiCall *describeDisks(
        const DescribeDisksRequest &request, QObject *context, ResultHandler<Page<Disk>> handler);
    ApiCall *describeSnapshots(const DescribeSnapshotsRequest &request, QObject *context,
        ResultHandler<Page<Snapshot>> handler);
    ApiCall *describeSnapshotGroups(const DescribeSnapshotGroupsRequest &request, QObject *context,
        ResultHandler<Page<SnapshotGroup>> handler);
    ApiCall *describeInstanceStatus(const DescribeInstanceStatusRequest &request, QObject *context,
        ResultHandler<Page<InstanceStatus>> handler);

    // Every page, handed over as it arrives; `done` is called once at the end.
    PagedQuery *listInstances(const DescribeInstancesRequest &request, QObject *context,
        PageHandler<Instance> onPage, DoneHandler done);
    PagedQuery *listDisks(const DescribeDisksRequest &request, QObject *context,
        PageHandler<Disk> onPage, DoneHandler done);
    PagedQuery *listSnapshots(const DescribeSnapshotsRequest &request, QObject *context,
        PageHandler<Snapshot> onPage, DoneHandler done);
    PagedQuery *listSnapshotGroups(const DescribeSnapshotGroupsRequest &request, QObject *context,
        PageHandler<SnapshotGroup> onPage, DoneHandler done);
    PagedQuery *listInstanceStatus(const DescribeInstanceStatusRequest &request, QObject *context,
        PageHandler<InstanceStatus> onPage, DoneHandler done);

    // The new group's ID.
    ApiCall *createSnapshotGroup(const CreateSnapshotGroupRequest &request, QObject *context,
        ResultHandler<QString> handler);
    ApiCall *deleteSnapshotGroup(const DeleteSnapshotGroupRequest &request, QObject *context,
        ResultHandler<QList<OperationProgress>> handler);
    // Per-disk outcomes (empty for a passed dry run).
    ApiCall *resetDisks(const ResetDisksRequest &request, QObject *context,
        ResultHandler<QList<OperationProgress>> handler);
    // These three answer with the RequestId only.
    ApiCall *resetDisk(
        const ResetDiskRequest &request, QObject *context, ResultHandler<QString> handler);
    ApiCall *stopInstance(
        const StopInstanceRequest &request, QObject *context, ResultHandler<QString> handler);
    ApiCall *startInstance(
        const StartInstanceRequest &request, QObject *context, ResultHandler<QString> handler);

private:
    template<typename T, typename Request, typename Parser>
    ApiCall *invoke(const QString &action, const Request &request, QObject *context,
        ResultHandler<T> handler, Parser parse, bool dryRun = false);
    template<typename T, typename Request, typename Parser>
    PagedQuery *list(const QString &action, const Request &request, QObject *context,
        PagedQuery::Options options, Parser parse, PageHandler<T> onPage, DoneHandler done);

    EcsClient *m_client;
};

} // namespace ecs
