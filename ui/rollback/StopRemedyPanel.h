#pragma once

#include "session/ConsoleContext.h"

#include <QMessageBox>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;

namespace ecs {

class StopInStandardModeJob;

// The "Stop in standard mode" remedy inside the rollback dialog: asks first (a window-modal
// QMessageBox opened with open(), never exec()), then runs StopInStandardModeJob and shows
// its progress inline ("Stopping… Stopped") or its error. Hidden until first used.
class StopRemedyPanel : public QWidget
{
    Q_OBJECT

public:
    StopRemedyPanel(const ConsoleContext &context, QWidget *parent = nullptr);
    ~StopRemedyPanel() override;

    // Asks whether to stop `instanceId` (of `snapshotGroupId`, for the journal) and, if
    // confirmed, stops it. Ignored while a stop runs.
    void request(const QString &regionId, const QString &instanceId, const QString &instanceName,
        const QString &snapshotGroupId, bool economical);
    bool isBusy() const; // asking or stopping
    QMessageBox *confirmation() const { return m_confirmation; }

Q_SIGNALS:
    void busyChanged(bool busy);
    // The job ended (stopped or not): the dialog reads the state again either way.
    void finished(bool stopped);

private:
    void startJob();
    void jobFinished();
    void setStatus(const QString &text, bool busy);

    ConsoleContext m_context;
    QString m_regionId;
    QString m_instanceId;
    QString m_snapshotGroupId;
    QPointer<QMessageBox> m_confirmation;
    QPointer<StopInStandardModeJob> m_job;
    QLabel *m_status;
    QProgressBar *m_busy;
};

} // namespace ecs
