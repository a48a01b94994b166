#pragma once

#include "StateWaiter.h"
#include "api/ApiError.h"
#include "api/Requests.h"
#include "api/Result.h"
#include "api/responses/Page.h"
#include "journal/OperationRecorder.h"
#include "model/SnapshotGroup.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace ecs {

class EcsApi;

// The "instance snapshot of the current state" taken before a rollback:
// CreateSnapshotGroup(InstanceId, DiskId.N) with a ClientToken, then DescribeSnapshotGroups
// until the group is accomplished or failed. A create whose answer was lost (timeout,
// dropped connection) is sent again with the same ClientToken, which the service
// answers with the same group instead of a second one.
class SafetySnapshotJob : public QObject
{
    Q_OBJECT

public:
    enum class Outcome { Accomplished, Failed, Cancelled };
    Q_ENUM(Outcome)

    // A create whose answer was lost is sent at most this often in all.
    static constexpr int MaxCreateAttempts = 3;

    // Empty `diskIds`: every disk of the instance.
    SafetySnapshotJob(EcsApi *api, QString regionId, QString instanceId, QStringList diskIds,
        WaitOptions options, OperationRecorder recorder, QObject *parent = nullptr);

    // Name and description of the new instance snapshot; defaults name the app and time.
    // A name or description the service would refuse fails the job before anything is sent.
    void setName(const QString &name) { m_name = name; }
    void setDescription(const QString &description) { m_description = description; }

    // "Before-rollback-<UTC time, ISO 8601>": the service allows no spaces in a name.
    static QString defaultName(const QDateTime &time);
    // Why the service would refuse this Name / Description (REFERENCE §6), or "".
    static QString nameProblem(const QString &name);
    static QString descriptionProblem(const QString &description);

    // finished() follows once, later. `timeoutMs` bounds the whole job, create included.
    void start();
    // Stops waiting, with finished(Cancelled) before it returns; the service keeps creating
    // a group already requested, and a create in flight is still journalled.
    void cancel();
    bool isRunning() const { return m_running; }
    Outcome outcome() const { return m_outcome; }
    QString snapshotGroupId() const { return m_snapshotGroupId; }
    QString clientToken() const { return m_clientToken; }
    QString message() const { return m_message; }
    ApiError error() const { return m_error; }

Q_SIGNALS:
    // 0–100 over the group's member snapshots.
    void progressed(int percent, const QString &description);
    void finished(ecs::SafetySnapshotJob::Outcome outcome);

private:
    void create();
    void createAnswered(const Result<QString> &result);
    void poll();
    void pollAnswered(const Result<Page<SnapshotGroup>> &result);
    void finish(Outcome outcome, const QString &message = {}, const ApiError &error = {});

    EcsApi *m_api;
    QString m_regionId;
    QString m_instanceId;
    QStringList m_diskIds;
    WaitOptions m_options;
    OperationRecorder m_recorder;
    QString m_name;
    QString m_description;
    CreateSnapshotGroupRequest m_request; // built once by start(), re-sent unchanged
    QString m_clientToken;
    QString m_snapshotGroupId;
    QTimer m_pollTimer;
    QTimer m_deadline;
    QObject *m_callContext = nullptr; // parent of the polls' handlers and timers of one run
    int m_createAttempts = 0;
    int m_failedReadsInARow = 0;
    Outcome m_outcome = Outcome::Cancelled;
    QString m_message;
    ApiError m_error;
    bool m_running = false;
};

} // namespace ecs
