#include "RollbackProgressWindow.h"

#include "DiskProgressModel.h"
#include "OutcomeBanner.h"
#include "StepListModel.h"

#include <QCloseEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace ecs {

namespace {

QTreeView *createTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setSectionResizeMode(
        model->columnCount() - 1, QHeaderView::Stretch); // the detail takes what is left
    return view;
}

QLabel *selectable(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(accessibleName);
    return label;
}

} // namespace

RollbackProgressWindow::RollbackProgressWindow(RollbackJob *job, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_job(job)
    , m_steps(new StepListModel(this))
    , m_disks(new DiskProgressModel(this))
    , m_stepView(createTable(m_steps, QStringLiteral("stepView"), this))
    , m_diskView(createTable(m_disks, QStringLiteral("diskView"), this))
    , m_progress(selectable({}, tr("Progress"), this))
    , m_closeNote(new QLabel(this))
    , m_banner(new OutcomeBanner(this))
    , m_cancel(new QPushButton(tr("&Cancel"), this))
    , m_retry(new QPushButton(tr("&Roll back the rest"), this))
    , m_close(new QPushButton(tr("C&lose"), this))
{
    setObjectName(QStringLiteral("rollbackProgressWindow"));
    const RollbackPlan plan = m_job ? m_job->plan() : RollbackPlan {};
    setWindowTitle(tr("Rolling back %1").arg(plan.target.instanceId));
    setAccessibleName(tr("Rollback progress"));

    m_stepView->setAccessibleName(tr("Steps"));
    m_diskView->setAccessibleName(tr("Disks"));
    m_progress->setObjectName(QStringLiteral("progressText"));
    m_closeNote->setObjectName(QStringLiteral("closeNote"));
    m_closeNote->setWordWrap(true);
    m_closeNote->setAccessibleName(tr("About closing this window"));
    m_closeNote->setText(tr("Closing this window does not stop the rollback; use Cancel to stop "
                            "it before the disks are sent."));
    m_banner->hide();
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the rollback"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setAccessibleName(tr("Roll back the rest"));
    m_retry->setToolTip(tr("Open a new rollback for the disks that were not rolled back"));
    m_retry->hide();
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setAccessibleName(tr("Close"));
    m_close->setToolTip(tr("Hides this window. A rollback already sent goes on."));
    m_close->setDefault(true);

    auto *stepsLabel = new QLabel(tr("&Steps"), this);
    stepsLabel->setBuddy(m_stepView);
    auto *disksLabel = new QLabel(tr("&Disks"), this);
    disksLabel->setBuddy(m_diskView);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_cancel);
    buttons->addStretch(1);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createHeader(plan));
    layout->addWidget(stepsLabel);
    layout->addWidget(m_stepView);
    layout->addWidget(disksLabel);
    layout->addWidget(m_diskView, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_banner);
    layout->addWidget(m_closeNote);
    layout->addLayout(buttons);
    setTabOrder(m_stepView, m_diskView);
    setTabOrder(m_diskView, m_cancel);
    setTabOrder(m_cancel, m_retry);
    setTabOrder(m_retry, m_close);

    connect(m_cancel, &QPushButton::clicked, this, &RollbackProgressWindow::cancelJob);
    connect(m_close, &QPushButton::clicked, this, &QWidget::close);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_job)
            Q_EMIT retryRequested(m_job->retryPlan());
    });
    // Escape closes the window like Close (asking first while the job runs): it never
    // cancels anything.
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, this, &QWidget::close);

    if (m_job) {
        m_steps->loadFrom(*m_job);
        m_disks->loadFrom(*m_job);
        connectJob();
        // Opened on a job that already ended: show how it ended.
        if (!m_job->isRunning() && !m_job->summary().isEmpty())
            onFinished();
    }
    updateCancel();
    resize(780, 640);
}

QWidget *RollbackProgressWindow::createHeader(const RollbackPlan &plan)
{
    auto *header = new QWidget(this);
    auto *form = new QFormLayout(header);
    form->setContentsMargins(0, 0, 0, 0);
    const auto add = [&](const QString &label, const QString &value, const QString &name) {
        QLabel *field = selectable(value, label, header);
        field->setObjectName(name);
        form->addRow(label + QLatin1Char(':'), field);
    };
    add(tr("Instance"), plan.target.instanceId, QStringLiteral("instanceLabel"));
    add(tr("Instance snapshot"), plan.target.snapshotGroupId, QStringLiteral("snapshotLabel"));
    add(tr("Disks"), plan.diskIds.join(QStringLiteral(", ")), QStringLiteral("disksLabel"));
    add(tr("Options"),
        QStringList { plan.safetySnapshot ? tr("safety snapshot first") : tr("no safety snapshot"),
            plan.startAfterRollback ? tr("start afterwards") : tr("leave stopped") }
            .join(QStringLiteral(", ")),
        QStringLiteral("optionsLabel"));
    return header;
}

void RollbackProgressWindow::showEvent(QShowEvent *event)
{
    // Every step in sight without scrolling: there are few, and the last ones matter most.
    // The row's own hint can leave out the state icon before the view is laid out, so the
    // icon's height (plus the delegate's margin) is the floor.
    const int iconRow = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_stepView) + 2;
    const int rowHeight = qMax(m_stepView->sizeHintForRow(0), iconRow);
    m_stepView->setFixedHeight(m_stepView->header()->sizeHint().height()
        + m_steps->rowCount() * rowHeight + 2 * m_stepView->frameWidth());
    QWidget::showEvent(event);
}

void RollbackProgressWindow::connectJob()
{
    connect(m_job, &RollbackJob::stepChanged, this, &RollbackProgressWindow::onStepChanged);
    connect(m_job, &RollbackJob::diskChanged, m_disks, &DiskProgressModel::setDisk);
    connect(m_job, &RollbackJob::progressed, m_progress, &QLabel::setText);
    connect(m_job, &RollbackJob::finished, this, &RollbackProgressWindow::onFinished);
    // Gone with its owner: nothing left to cancel (and the job is not asked, half-destroyed).
    connect(m_job, &QObject::destroyed, this, [this] {
        m_cancel->setEnabled(false);
        m_retry->setEnabled(false);
    });
}

void RollbackProgressWindow::onStepChanged(
    RollbackJob::Step step, RollbackJob::StepState state, const QString &detail)
{
    m_steps->setStep(step, state, detail);
    // The checks have read which snapshot each disk returns to.
    if (m_job && (step == RollbackJob::Step::Check || step == RollbackJob::Step::Recheck))
        m_disks->setSnapshots(m_job->report());
    if (!detail.isEmpty())
        m_progress->setText(RollbackJob::stepName(step) + QStringLiteral(": ") + detail);
    updateCancel();
}

void RollbackProgressWindow::onFinished()
{
    if (!m_job)
        return;
    m_steps->setJobEnded(true);
    m_disks->setSnapshots(m_job->report());
    m_banner->showOutcome(*m_job);
    m_banner->show();
    m_progress->hide();
    setWindowTitle(
        tr("Rollback of %1: %2")
            .arg(m_job->plan().target.instanceId, OutcomeBanner::outcomeTitle(m_job->outcome())));
    const RollbackJob::Outcome outcome = m_job->outcome();
    const bool retryable = outcome == RollbackJob::Outcome::Partial
        || outcome == RollbackJob::Outcome::Unknown || outcome == RollbackJob::Outcome::Failed;
    const bool offerRetry = retryable && !m_job->retryPlan().diskIds.isEmpty();
    m_retry->setVisible(offerRetry);
    if (offerRetry) {
        m_retry->setToolTip(tr("Open a new rollback for %1")
                                .arg(m_job->retryPlan().diskIds.join(QStringLiteral(", "))));
    }
    m_closeNote->hide();
    updateCancel();
}

void RollbackProgressWindow::updateCancel()
{
    const bool running = m_job && m_job->isRunning();
    const bool cancellable = m_job && m_job->isCancellable();
    m_cancel->setEnabled(cancellable);
    // Nothing to cancel once the outcome shows; before start() it shows, disabled.
    m_cancel->setVisible(m_banner->isHidden());
    if (running && !cancellable) {
        const QString sent = tr("The rollback has been sent and cannot be cancelled");
        m_cancel->setToolTip(sent);
        m_closeNote->setText(
            sent + QStringLiteral(". ") + tr("Closing this window does not stop it."));
    } else {
        m_cancel->setToolTip(tr("Stop before anything is rolled back"));
    }
}

QString RollbackProgressWindow::inFlightText(const RollbackJob &job)
{
    const int number = int(job.currentStep()) + 1;
    QString text = tr("Step %1 of %2, %3.")
                       .arg(number)
                       .arg(int(RollbackJob::Step::Verify) + 1)
                       .arg(RollbackJob::stepName(job.currentStep()));
    text += QLatin1Char(' ');
    text += job.isCancellable()
        ? tr("The rollback call has not been sent yet: nothing has been rolled back.")
        : tr("The rollback call was sent: the service carries it out whatever this console "
             "does.");
    return text;
}

void RollbackProgressWindow::closeEvent(QCloseEvent *event)
{
    if (!m_job || !m_job->isRunning() || m_closeQuestion) {
        QWidget::closeEvent(event);
        return;
    }
    // Hiding loses nothing, but a window that vanishes mid-rollback worries people: say so.
    event->ignore();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Hide the progress window?"),
        tr("The rollback of %1 goes on without this window.").arg(m_job->plan().target.instanceId),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeQuestion"));
    box->setInformativeText(inFlightText(*m_job) + QStringLiteral("\n\n")
        + tr("This window opens again when the rollback ends, or from Rollback instance on "
             "the instance's row."));
    QPushButton *hide = box->addButton(tr("&Hide window"), QMessageBox::AcceptRole);
    QPushButton *keep = box->addButton(tr("&Keep open"), QMessageBox::RejectRole);
    box->setDefaultButton(keep);
    box->setEscapeButton(keep);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::WindowModal);
    m_closeQuestion = box;
    connect(box, &QMessageBox::buttonClicked, this, [this, hide](QAbstractButton *button) {
        if (button == hide)
            QWidget::hide(); // not close(): the coordinator keeps the window for the job
    });
    box->open();
}

void RollbackProgressWindow::cancelJob()
{
    if (m_job)
        m_job->cancel();
    updateCancel();
}

} // namespace ecs
