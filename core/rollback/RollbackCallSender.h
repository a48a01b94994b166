#pragma once

#include "RollbackDiskState.h"
#include "RollbackPlan.h"
#include "api/ApiError.h"
#include "api/Requests.h"
#include "journal/OperationRecorder.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

namespace ecs {

class EcsApi;

// Sends the irreversible part of a rollback, and its dry run, for a list of
// (disk, snapshot) pairs: ResetDisks in batches of at most ten, or one ResetDisk per disk
// once the service has refused ResetDisks as an action it does not offer (the SDK calls
// ResetDisks "about to be deprecated").
//
// No call is ever sent twice by accident:
// - a refusal (4xx) is final for its disks, and the calls after it are not sent;
// - only a Throttling* refusal, which the service gives before acting, is sent again,
//   after a pause and a bounded number of times;
// - a lost answer (ApiError::leavesOutcomeUnknown) is resolved by watching the disks: a
//   disk leaving In_use shows the service acted; if none does within the watch window the
//   disks stay Unknown, nothing more is sent, and the job reports it;
// - a re-sent call refused with InvalidOperation.DiskResetInProgress means an earlier
//   attempt was carried out after all: the disks are read, as after a lost answer, and
//   the reset under way is reported as this job's.
class RollbackCallSender : public QObject
{
    Q_OBJECT

public:
    RollbackCallSender(EcsApi *api, QString regionId, QList<DiskSnapshotPair> pairs,
        const RollbackPlan &plan, OperationRecorder *recorder, QObject *parent = nullptr);

    // The same calls with DryRun=true; dryRunFinished() follows (no error: passed).
    void sendDryRun();
    // Leaves out every disk not in `diskIds` (the re-check found they changed); before
    // send() only.
    void restrictTo(const QStringList &diskIds);
    // The real calls; finished() follows once every call has an outcome or sending stopped.
    void send();
    bool isSending() const { return m_sending; }
    // For a quit: the call in flight still gets its answer, but nothing more is sent (the
    // batches not sent yet, a throttled batch waiting for its pause) and a watch after a
    // lost answer ends now, leaving its disks Unknown. finished() follows.
    void interrupt();

    // After a dry run of ResetDisks was refused as unsupported, the real calls use
    // ResetDisk too.
    bool usesPerDiskCalls() const { return m_perDisk; }
    RollbackDiskState state(const QString &diskId) const;
    // The first refusal that stopped sending, or the lost answer; none if all accepted.
    ApiError error() const { return m_error; }

Q_SIGNALS:
    void diskChanged(const QString &diskId, ecs::RollbackDiskState state, const QString &detail);
    void progressed(const QString &description);
    void dryRunFinished(const ecs::ApiError &error);
    void finished();

private:
    // One call's worth of pairs: up to ten for ResetDisks, one for ResetDisk.
    QList<QList<DiskSnapshotPair>> batches() const;
    void sendNextDryRun();
    void sendNextBatch();
    void sendBatch(const QList<DiskSnapshotPair> &batch, bool dryRun, int attempt);
    void onAnswer(const QList<DiskSnapshotPair> &batch, bool dryRun, int attempt,
        const ApiError &error, const QString &requestId, const QStringList &refusedByItem,
        const QHash<QString, QString> &itemErrors);
    void watchAfterLostAnswer(const QList<DiskSnapshotPair> &batch, const QString &why);
    void readDuringWatch();
    void endWatch(bool serviceActed);
    void markRestNotSent();
    void setState(const QString &diskId, RollbackDiskState state, const QString &detail = {});
    QString actionName() const;
    static bool isUnsupportedAction(const ApiError &error);
    static bool isResetInProgress(const ApiError &error);
    static QStringList diskIdsOf(const QList<DiskSnapshotPair> &batch);

    EcsApi *m_api;
    QString m_regionId;
    QList<DiskSnapshotPair> m_pairs;
    RollbackPlan m_plan;
    OperationRecorder *m_recorder;
    QHash<QString, RollbackDiskState> m_states;
    ApiError m_error;
    QList<QList<DiskSnapshotPair>> m_queue;
    QList<DiskSnapshotPair> m_watched;
    QTimer m_watchTimer;
    QElapsedTimer m_watchClock;
    bool m_perDisk = false;
    bool m_sending = false;
    bool m_interrupted = false;
};

} // namespace ecs
