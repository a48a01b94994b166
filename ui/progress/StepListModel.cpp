#include "StepListModel.h"

#include <QApplication>
#include <QStyle>

namespace ecs {

namespace {

QIcon themed(const char *name, QStyle::StandardPixmap fallback)
{
    return QIcon::fromTheme(QString::fromLatin1(name),
        QApplication::style() ? QApplication::style()->standardIcon(fallback) : QIcon());
}

} // namespace

StepListModel::StepListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_steps(allSteps())
{ }

QList<RollbackJob::Step> StepListModel::allSteps()
{
    using S = RollbackJob::Step;
    return { S::Check, S::SafetySnapshot, S::Recheck, S::DryRun, S::Rollback, S::WaitForDisks,
        S::StartInstance, S::Verify };
}

QString StepListModel::stateText(RollbackJob::StepState state, bool jobEnded)
{
    switch (state) {
    case RollbackJob::StepState::Pending:
        return jobEnded ? tr("Not run") : tr("Pending");
    case RollbackJob::StepState::Running:
        return jobEnded ? tr("Stopped") : tr("Running…");
    case RollbackJob::StepState::Done:
        return tr("Done");
    case RollbackJob::StepState::Skipped:
        return tr("Skipped");
    case RollbackJob::StepState::Failed:
        return tr("Failed");
    }
    return {};
}

QIcon StepListModel::stateIcon(RollbackJob::StepState state, bool jobEnded)
{
    // Icon and word together: the state never rests on colour alone.
    switch (state) {
    case RollbackJob::StepState::Pending:
        return {};
    case RollbackJob::StepState::Running:
        return jobEnded ? themed("dialog-warning", QStyle::SP_MessageBoxWarning)
                        : themed("view-refresh", QStyle::SP_BrowserReload);
    case RollbackJob::StepState::Done:
        return themed("dialog-ok-apply", QStyle::SP_DialogApplyButton);
    case RollbackJob::StepState::Skipped:
        return themed("go-next", QStyle::SP_ArrowForward);
    case RollbackJob::StepState::Failed:
        return themed("dialog-error", QStyle::SP_MessageBoxCritical);
    }
    return {};
}

void StepListModel::loadFrom(const RollbackJob &job)
{
    beginResetModel();
    m_states.clear();
    m_details.clear();
    for (const RollbackJob::Step step : qAsConst(m_steps))
        m_states.insert(step, job.stepState(step));
    m_jobEnded = false;
    endResetModel();
}

void StepListModel::setStep(
    RollbackJob::Step step, RollbackJob::StepState state, const QString &detail)
{
    const int row = int(m_steps.indexOf(step));
    if (row < 0)
        return;
    m_states.insert(step, state);
    // Each change replaces the detail: "Reading the instance…" must not outlive the reading.
    m_details.insert(step, detail);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void StepListModel::setJobEnded(bool ended)
{
    if (m_jobEnded == ended)
        return;
    m_jobEnded = ended;
    if (!m_steps.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

RollbackJob::StepState StepListModel::state(RollbackJob::Step step) const
{
    return m_states.value(step, RollbackJob::StepState::Pending);
}

QString StepListModel::detail(RollbackJob::Step step) const
{
    return m_details.value(step);
}

int StepListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_steps.size());
}

int StepListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StepListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RollbackJob::Step step = m_steps.at(index.row());
    const RollbackJob::StepState stepState = state(step);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case StepColumn:
            return RollbackJob::stepName(step);
        case StateColumn:
            return stateText(stepState, m_jobEnded);
        case DetailColumn:
            return detail(step);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == DetailColumn)
            return detail(step);
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return stateIcon(stepState, m_jobEnded);
        break;
    case StepStateRole:
        return int(stepState);
    case StepKeyRole:
        return RollbackJob::stepKey(step);
    }
    return {};
}

QVariant StepListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case StepColumn:
        return tr("Step");
    case StateColumn:
        return tr("State");
    case DetailColumn:
        return tr("Detail");
    }
    return {};
}

} // namespace ecs
