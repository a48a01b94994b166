#include "DiskSnapshotsTab.h"

#include "StateMessageWidget.h"
#include "models/DiskSnapshotLoader.h"
#include "models/DiskSnapshotTableModel.h"
#include "models/LoadStateMessage.h"
#include "models/SnapshotGroupFilterProxy.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ecs {

DiskSnapshotsTab::DiskSnapshotsTab(QWidget *parent)
    : QWidget(parent)
    , m_model(new DiskSnapshotTableModel(this))
    , m_proxy(new SnapshotGroupFilterProxy(this))
    , m_search(new QLineEdit(this))
    , m_count(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTableView(m_stack))
    , m_state(new StateMessageWidget(m_stack))
{
    m_proxy->setSourceModel(m_model);
    m_search->setPlaceholderText(tr("Search by snapshot ID, name or source disk ID"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search disk snapshots"));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setSearchText(text);
        updateCount();
    });
    m_view->setModel(m_proxy);
    m_view->setAccessibleName(tr("Disk snapshots"));
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_state, &StateMessageWidget::retryRequested, this, [this] { reload(false); });
    m_stack->addWidget(m_state);
    m_stack->addWidget(m_view);

    auto *top = new QHBoxLayout;
    top->addWidget(m_search, 1);
    top->addWidget(m_count);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
    m_state->showMessage(tr("No profile yet"), tr("Choose a profile at the top."), false);
}

void DiskSnapshotsTab::setContext(const ConsoleContext &context)
{
    const bool changed = context.generation != m_context.generation || context.api != m_context.api
        || context.regionId != m_context.regionId;
    m_context = context;
    if (changed) {
        showSwitching(tr("Loading disk snapshots in %1…").arg(m_context.regionId));
        m_stale = true;
    }
    if (m_stale && isVisible())
        ensureLoaded();
}

void DiskSnapshotsTab::showSwitching(const QString &text)
{
    // Rows of another account or region never stay on screen (see InstanceSnapshotsTab).
    if (m_loader)
        m_loader->cancel();
    m_model->clear();
    updateCount();
    m_state->showLoading(text);
    m_stack->setCurrentWidget(m_state);
}

void DiskSnapshotsTab::showProblem(const QString &title, const QString &text)
{
    showSwitching({});
    m_state->showMessage(title, text, false);
}

void DiskSnapshotsTab::ensureLoaded()
{
    if (m_stale)
        reload(false);
}

void DiskSnapshotsTab::reload(bool refresh)
{
    if (!m_context.api)
        return;
    m_stale = false;
    if (!m_loader || m_loaderApi != m_context.api) {
        m_loaderApi = m_context.api;
        delete m_loader;
        m_loader = new DiskSnapshotLoader(m_context.api, this);
        connect(m_loader, &DiskSnapshotLoader::pageLoaded, this, [this] {
            m_stack->setCurrentWidget(m_view);
            updateCount();
        });
        connect(m_loader, &DiskSnapshotLoader::finished, this, &DiskSnapshotsTab::onLoadFinished);
    }
    const bool keepRows = refresh && m_model->rowCount() > 0;
    if (!keepRows) {
        m_state->showLoading(tr("Loading disk snapshots in %1…").arg(m_context.regionId));
        m_stack->setCurrentWidget(m_state);
    }
    m_loader->load(m_context.regionId, m_model, keepRows);
}

void DiskSnapshotsTab::onLoadFinished(const ApiError &error)
{
    if (error.isError() && m_model->rowCount() == 0) {
        const LoadStateMessage message = LoadStateMessage::forError(
            error, QStringLiteral("DescribeSnapshots"), m_context.profileDisplayName);
        m_state->showMessage(message.title, message.advice, true, message.details);
        m_stack->setCurrentWidget(m_state);
        return;
    }
    if (m_model->rowCount() == 0) {
        const LoadStateMessage message
            = LoadStateMessage::forEmptyDiskSnapshots(m_context.regionId);
        m_state->showMessage(message.title, message.advice, true);
        m_stack->setCurrentWidget(m_state);
        return;
    }
    m_stack->setCurrentWidget(m_view);
    updateCount();
}

void DiskSnapshotsTab::updateCount()
{
    m_count->setText(tr("%n disk snapshot(s)", nullptr, m_model->rowCount()));
}

} // namespace ecs
