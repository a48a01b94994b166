#pragma once

#include "rollback/RollbackJob.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>

namespace ecs {

// The steps of one RollbackJob, in the job's order, with the state and the latest detail
// the job reported for each. A plain model fed by RollbackJob::stepChanged, so it tests
// without a window.
class StepListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StepColumn, StateColumn, DetailColumn, ColumnCount };
    enum Role {
        StepStateRole = Qt::UserRole + 1, // int(RollbackJob::StepState)
        StepKeyRole, // RollbackJob::stepKey(), e.g. "dry-run"
    };

    explicit StepListModel(QObject *parent = nullptr);

    static QList<RollbackJob::Step> allSteps();
    // The word shown for a state; a step still pending when the job has ended "did not run".
    static QString stateText(RollbackJob::StepState state, bool jobEnded = false);
    static QIcon stateIcon(RollbackJob::StepState state, bool jobEnded = false);

    // Takes the states the job already has (a window opened on a running job).
    void loadFrom(const RollbackJob &job);
    void setStep(RollbackJob::Step step, RollbackJob::StepState state, const QString &detail);
    void setJobEnded(bool ended);
    RollbackJob::StepState state(RollbackJob::Step step) const;
    QString detail(RollbackJob::Step step) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<RollbackJob::Step> m_steps;
    QHash<RollbackJob::Step, RollbackJob::StepState> m_states;
    QHash<RollbackJob::Step, QString> m_details;
    bool m_jobEnded = false;
};

} // namespace ecs
