#pragma once

#include "rollback/RollbackJob.h"
#include "rollback/RollbackPlan.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace ecs {

class DiskProgressModel;
class OutcomeBanner;
class StepListModel;

// A window (not modal) following one RollbackJob: its steps, its disks, the latest
// progress text, and at the end what came of it. It does not own the job, and closing it
// only hides it: a rollback sent to the service goes on regardless, and only the Cancel
// button stops a job, while the job still can be stopped. Closing it while the job runs
// asks first (the question says what is in flight); the coordinator shows it again when
// asked for that instance, and when the job ends.
class RollbackProgressWindow : public QWidget
{
    Q_OBJECT

public:
    explicit RollbackProgressWindow(RollbackJob *job, QWidget *parent = nullptr);

    RollbackJob *job() const { return m_job; }
    StepListModel *stepModel() const { return m_steps; }
    DiskProgressModel *diskModel() const { return m_disks; }
    // The question a close while the job runs opens (tests, screenshots); null otherwise.
    QWidget *closeQuestion() const { return m_closeQuestion; }
    // What the job is doing, for people: "Step 6 of 8, Wait for the disks. The rollback
    // call was sent: the service carries it out whatever this window does."
    static QString inFlightText(const RollbackJob &job);

Q_SIGNALS:
    // "Roll back the rest": the job's retryPlan(), for the caller to run as a new job.
    void retryRequested(const ecs::RollbackPlan &plan);

protected:
    void showEvent(QShowEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *createHeader(const RollbackPlan &plan);
    void connectJob();
    void onStepChanged(RollbackJob::Step step, RollbackJob::StepState state, const QString &detail);
    void onFinished();
    void updateCancel();
    void cancelJob();

    QPointer<RollbackJob> m_job;
    StepListModel *m_steps;
    DiskProgressModel *m_disks;
    QTreeView *m_stepView;
    QTreeView *m_diskView;
    QLabel *m_progress;
    QLabel *m_closeNote;
    OutcomeBanner *m_banner;
    QPushButton *m_cancel;
    QPushButton *m_retry;
    QPushButton *m_close;
    QPointer<QWidget> m_closeQuestion;
};

} // namespace ecs
