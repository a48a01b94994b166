#include "EcsApi.h"

#include "ApiCall.h"
#include "EcsClient.h"

namespace ecs {

namespace {

template<typename Request>
QString regionOf(const Request &request)
{
    return request.regionId;
}

QString regionOf(const DescribeRegionsRequest &)
{
    return {}; // no RegionId: the client's default region picks the endpoint
}

// A passed dry run comes back as the error DryRunOperation; the typed value for it.
template<typename T>
T dryRunValue(const ApiError &)
{
    return T();
}

template<>
QString dryRunValue<QString>(const ApiError &error)
{
    return error.requestId();
}

} // namespace

EcsApi::EcsApi(EcsClient *client)
    : m_client(client)
{ }

template<typename T, typename Request, typename Parser>
ApiCall *EcsApi::invoke(const QString &action, const Request &request, QObject *context,
    ResultHandler<T> handler, Parser parse, bool dryRun)
{
    const QString problem = request.problem();
    ApiCall *call = problem.isEmpty()
        ? m_client->call(action, request.toParameters(), regionOf(request))
        : m_client->reject(action, problem);
    QObject::connect(call, &ApiCall::finished, context, [call, handler, parse, dryRun] {
        if (call->ok()) {
            handler(parse(call->json()));
        } else if (dryRun && call->error().isDryRunPassed()) {
            handler(Result<T>(dryRunValue<T>(call->error())));
        } else {
            handler(Result<T>(call->error()));
        }
    });
    if (call->isIdempotent())
        QObject::connect(context, &QObject::destroyed, call, &ApiCall::cancel);
    return call;
}

template<typename T, typename Request, typename Parser>
PagedQuery *EcsApi::list(const QString &action, const Request &request, QObject *context,
    PagedQuery::Options options, Parser parse, PageHandler<T> onPage, DoneHandler done)
{
    auto *query = new PagedQuery(m_client, action, request.toParameters(), options, m_client);
    if (const QString problem = request.problem(); !problem.isEmpty())
        query->rejectBeforeSending(ApiError(ApiError::Kind::Configuration, problem));
    QObject::connect(
        query, &PagedQuery::pageReceived, context, [query, parse, onPage](const QJsonObject &page) {
            const Result<Page<T>> parsed = parse(page);
            if (parsed.ok())
                onPage(parsed.value());
            else
                query->fail(parsed.error()); // a page we cannot read ends the listing
        });
    QObject::connect(query, &PagedQuery::finished, context, done);
    QObject::connect(context, &QObject::destroyed, query, &PagedQuery::cancel);
    query->start();
    return query;
}

ApiCall *EcsApi::describeRegions(
    const DescribeRegionsRequest &request, QObject *context, ResultHandler<QList<Region>> handler)
{
    return invoke<QList<Region>>(QStringLiteral("DescribeRegions"), request, context,
        std::move(handler), &parseDescribeRegions);
}

ApiCall *EcsApi::describeInstances(const DescribeInstancesRequest &request, QObject *context,
    ResultHandler<Page<Instance>> handler)
{
    return invoke<Page<Instance>>(QStringLiteral("DescribeInstances"), request, context,
        std::move(handler), &parseDescribeInstances, request.dryRun);
}

ApiCall *EcsApi::describeDisks(
    const DescribeDisksRequest &request, QObject *context, ResultHandler<Page<Disk>> handler)
{
    return invoke<Page<Disk>>(QStringLiteral("DescribeDisks"), request, context, std::move(handler),
        &parseDescribeDisks, request.dryRun);
}

ApiCall *EcsApi::describeSnapshots(const DescribeSnapshotsRequest &request, QObject *context,
    ResultHandler<Page<Snapshot>> handler)
{
    return invoke<Page<Snapshot>>(QStringLiteral("DescribeSnapshots"), request, context,
        std::move(handler), &parseDescribeSnapshots, request.dryRun);
}

ApiCall *EcsApi::describeSnapshotGroups(const DescribeSnapshotGroupsRequest &request,
    QObject *context, ResultHandler<Page<SnapshotGroup>> handler)
{
    return invoke<Page<SnapshotGroup>>(QStringLiteral("DescribeSnapshotGroups"), request, context,
        std::move(handler), &parseDescribeSnapshotGroups);
}

ApiCall *EcsApi::describeInstanceStatus(const DescribeInstanceStatusRequest &request,
    QObject *context, ResultHandler<Page<InstanceStatus>> handler)
{
    return invoke<Page<InstanceStatus>>(QStringLiteral("DescribeInstanceStatus"), request, context,
        std::move(handler), &parseDescribeInstanceStatus);
}

PagedQuery *EcsApi::listInstances(const DescribeInstancesRequest &request, QObject *context,
    PageHandler<Instance> onPage, DoneHandler done)
{
    return list<Instance>(QStringLiteral("DescribeInstances"), request, context,
        { PagedQuery::Style::NextToken, request.maxResults, {}, {}, 10000 },
        &parseDescribeInstances, std::move(onPage), std::move(done));
}

PagedQuery *EcsApi::listDisks(const DescribeDisksRequest &request, QObject *context,
    PageHandler<Disk> onPage, DoneHandler done)
{
    return list<Disk>(QStringLiteral("DescribeDisks"), request, context,
        { PagedQuery::Style::NextToken, request.maxResults, {}, {}, 10000 }, &parseDescribeDisks,
        std::move(onPage), std::move(done));
}

PagedQuery *EcsApi::listSnapshots(const DescribeSnapshotsRequest &request, QObject *context,
    PageHandler<Snapshot> onPage, DoneHandler done)
{
    return list<Snapshot>(QStringLiteral("DescribeSnapshots"), request, context,
        { PagedQuery::Style::NextToken, request.maxResults, {}, {}, 10000 },
        &parseDescribeSnapshots, std::move(onPage), std::move(done));
}

PagedQuery *EcsApi::listSnapshotGroups(const DescribeSnapshotGroupsRequest &request,
    QObject *context, PageHandler<SnapshotGroup> onPage, DoneHandler done)
{
    return list<SnapshotGroup>(QStringLiteral("DescribeSnapshotGroups"), request, context,
        { PagedQuery::Style::NextToken, request.maxResults, {}, {}, 10000 },
        &parseDescribeSnapshotGroups, std::move(onPage), std::move(done));
}

PagedQuery *EcsApi::listInstanceStatus(const DescribeInstanceStatusRequest &request,
    QObject *context, PageHandler<InstanceStatus> onPage, DoneHandler done)
{
    return list<InstanceStatus>(QStringLiteral("DescribeInstanceStatus"), request, context,
        { PagedQuery::Style::PageNumber, request.pageSize, QStringLiteral("InstanceStatuses"),
            QStringLiteral("InstanceStatus"), 10000 },
        &parseDescribeInstanceStatus, std::move(onPage), std::move(done));
}

ApiCall *EcsApi::createSnapshotGroup(
    const CreateSnapshotGroupRequest &request, QObject *context, ResultHandler<QString> handler)
{
    return invoke<QString>(QStringLiteral("CreateSnapshotGroup"), request, context,
        std::move(handler), &parseCreateSnapshotGroup);
}

ApiCall *EcsApi::deleteSnapshotGroup(const DeleteSnapshotGroupRequest &request, QObject *context,
    ResultHandler<QList<OperationProgress>> handler)
{
    return invoke<QList<OperationProgress>>(QStringLiteral("DeleteSnapshotGroup"), request, context,
        std::move(handler), &parseOperationProgressSet);
}

ApiCall *EcsApi::resetDisks(const ResetDisksRequest &request, QObject *context,
    ResultHandler<QList<OperationProgress>> handler)
{
    return invoke<QList<OperationProgress>>(QStringLiteral("ResetDisks"), request, context,
        std::move(handler), &parseOperationProgressSet, request.dryRun);
}

ApiCall *EcsApi::resetDisk(
    const ResetDiskRequest &request, QObject *context, ResultHandler<QString> handler)
{
    return invoke<QString>(QStringLiteral("ResetDisk"), request, context, std::move(handler),
        &parseRequestIdOnly, request.dryRun);
}

ApiCall *EcsApi::stopInstance(
    const StopInstanceRequest &request, QObject *context, ResultHandler<QString> handler)
{
    return invoke<QString>(QStringLiteral("StopInstance"), request, context, std::move(handler),
        &parseRequestIdOnly, request.dryRun);
}

ApiCall *EcsApi::startInstance(
    const StartInstanceRequest &request, QObject *context, ResultHandler<QString> handler)
{
    return invoke<QString>(QStringLiteral("StartInstance"), request, context, std::move(handler),
        &parseRequestIdOnly, request.dryRun);
}

} // namespace ecs
