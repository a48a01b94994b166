#include "InstanceSnapshotsTab.h"

#include "StateMessageWidget.h"
#include "models/ActionLinkDelegate.h"
#include "models/AutoRefresh.h"
#include "models/LoadStateMessage.h"
#include "models/SnapshotGroupFilterProxy.h"
#include "models/SnapshotGroupLoader.h"
#include "models/SnapshotGroupTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ecs {

InstanceSnapshotsTab::InstanceSnapshotsTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new SnapshotGroupTableModel(this))
    , m_proxy(new SnapshotGroupFilterProxy(this))
    , m_autoRefresh(new AutoRefresh(m_model, this))
    , m_search(new QLineEdit(this))
    , m_rollbackButton(new QPushButton(
          QIcon(QStringLiteral(":/icons/rollback.svg")), tr("&Rollback instance"), this))
    , m_count(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(m_stack))
    , m_state(new StateMessageWidget(m_stack))
{
    // The delegate watches the view for clicks and keys on the Actions cell.
    m_actionDelegate = new ActionLinkDelegate(m_view);
    m_proxy->setSourceModel(m_model);
    m_search->setPlaceholderText(tr("Search by instance snapshot ID, name or instance ID"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search instance snapshots"));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });
    m_rollbackButton->setAccessibleName(tr("Rollback instance"));
    m_rollbackButton->setToolTip(tr("Roll back the disks of the selected instance snapshot's "
                                    "instance (Enter on a row does the same)"));
    connect(m_rollbackButton, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid())
            requestRollback(current.row());
    });
    m_count->setAccessibleName(tr("Number of instance snapshots"));

    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Instance snapshots"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SnapshotGroupTableModel::CreationTime, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // ID and name on two lines, as the console shows them.
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().lineSpacing() * 2 + 10);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setItemDelegateForColumn(SnapshotGroupTableModel::Actions, m_actionDelegate);
    m_view->setMouseTracking(true); // the link cell shows a hand cursor
    connect(m_actionDelegate, &ActionLinkDelegate::activated, this,
        [this](const QModelIndex &index) { requestRollback(index.row()); });
    connect(m_view, &QTableView::activated, this,
        [this](const QModelIndex &index) { requestRollback(index.row()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &InstanceSnapshotsTab::updateActions);
    connect(m_state, &StateMessageWidget::retryRequested, this, [this] { reload(false); });
    connect(m_autoRefresh, &AutoRefresh::refreshDue, this, [this] { reload(true); });

    m_stack->addWidget(m_state);
    m_stack->addWidget(m_view);

    auto *top = new QHBoxLayout;
    top->addWidget(m_rollbackButton);
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    setTabOrder(m_search, m_view);
    updateActions();
    m_state->showMessage(tr("No profile yet"), tr("Choose a profile at the top."), false);
}

void InstanceSnapshotsTab::setContext(const ConsoleContext &context)
{
    const bool changed = context.generation != m_context.generation || context.api != m_context.api
        || context.regionId != m_context.regionId;
    m_context = context;
    if (!changed)
        return;
    // Another account's or region's rows must not stay on screen, not even while the new
    // ones load: their "Rollback instance" links would act under the wrong credentials.
    clearRows();
    if (m_context.api)
        reload(false);
}

void InstanceSnapshotsTab::showSwitching(const QString &text)
{
    clearRows();
    m_state->showLoading(text);
    m_stack->setCurrentWidget(m_state);
}

void InstanceSnapshotsTab::clearRows()
{
    if (m_loader)
        m_loader->cancel();
    m_model->clear();
    m_count->setText({});
    m_count->setToolTip({});
    updateActions();
}

bool InstanceSnapshotsTab::isShowingRows() const
{
    return m_stack->currentWidget() == m_view;
}

QString InstanceSnapshotsTab::stateText() const
{
    return m_state->title() + QLatin1Char('\n') + m_state->text();
}

void InstanceSnapshotsTab::reload(bool refresh)
{
    if (!m_context.api)
        return;
    if (!m_loader || m_loaderApi != m_context.api) {
        m_loaderApi = m_context.api;
        delete m_loader;
        m_loader = new SnapshotGroupLoader(m_context.api, this);
        connect(m_loader, &SnapshotGroupLoader::pageLoaded, this, [this] {
            const bool firstRows = m_stack->currentWidget() != m_view;
            m_stack->setCurrentWidget(m_view);
            if (firstRows)
                fitColumns();
            updateCount();
        });
        connect(
            m_loader, &SnapshotGroupLoader::finished, this, &InstanceSnapshotsTab::onLoadFinished);
    }
    const bool keepRows = refresh && m_model->rowCount() > 0;
    if (!keepRows) {
        m_state->showLoading(tr("Loading instance snapshots in %1…").arg(m_context.regionId));
        m_stack->setCurrentWidget(m_state);
    }
    m_count->setText(tr("Loading…"));
    m_loader->load(m_context.regionId, m_model, keepRows);
}

void InstanceSnapshotsTab::onLoadFinished(const ApiError &error)
{
    if (error.isError()) {
        const LoadStateMessage message = LoadStateMessage::forError(
            error, QStringLiteral("DescribeSnapshotGroups"), m_context.profileDisplayName);
        if (m_model->rowCount() == 0) {
            m_state->showMessage(message.title, message.advice, true, message.details);
            m_stack->setCurrentWidget(m_state);
        }
        m_count->setText(message.title);
        m_count->setToolTip(message.advice);
        return;
    }
    m_count->setToolTip({});
    if (m_model->rowCount() == 0) {
        const LoadStateMessage message = LoadStateMessage::forEmpty(m_context.regionId);
        m_state->showMessage(message.title, message.advice, true);
        m_stack->setCurrentWidget(m_state);
    } else {
        m_stack->setCurrentWidget(m_view);
    }
    updateCount();
    updateActions();
    Q_EMIT loaded(m_model->rowCount());
}

void InstanceSnapshotsTab::showProblem(const QString &title, const QString &text)
{
    m_state->showMessage(title, text, false);
    m_stack->setCurrentWidget(m_state);
}

void InstanceSnapshotsTab::fitColumns()
{
    // Sized from the first rows only: measuring 10,000 rows would stall the window.
    m_view->horizontalHeader()->setResizeContentsPrecision(50);
    m_view->resizeColumnsToContents();
    m_view->horizontalHeader()->setSectionResizeMode(
        SnapshotGroupTableModel::Description, QHeaderView::Stretch);
}

void InstanceSnapshotsTab::updateCount()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    m_count->setText(shown == total ? tr("%n instance snapshot(s)", nullptr, total)
                                    : tr("%1 of %n shown", nullptr, total).arg(shown));
}

void InstanceSnapshotsTab::updateActions()
{
    m_rollbackButton->setEnabled(m_view->currentIndex().isValid());
}

void InstanceSnapshotsTab::requestRollback(int row)
{
    const QModelIndex index = m_proxy->index(row, 0);
    if (!index.isValid())
        return;
    RollbackTarget target;
    target.regionId = m_context.regionId;
    target.snapshotGroupId = index.data(SnapshotGroupTableModel::GroupIdRole).toString();
    target.instanceId = index.data(SnapshotGroupTableModel::InstanceIdRole).toString();
    Q_EMIT rollbackRequested(target);
}

} // namespace ecs
