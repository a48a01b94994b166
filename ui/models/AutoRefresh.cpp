#include "AutoRefresh.h"

#include "SnapshotGroupTableModel.h"

namespace ecs {

AutoRefresh::AutoRefresh(SnapshotGroupTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &AutoRefresh::refreshDue);
    connect(model, &QAbstractItemModel::rowsInserted, this, &AutoRefresh::scheduleUpdate);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &AutoRefresh::scheduleUpdate);
    connect(model, &QAbstractItemModel::modelReset, this, &AutoRefresh::scheduleUpdate);
    connect(model, &QAbstractItemModel::dataChanged, this, &AutoRefresh::scheduleUpdate);
    update();
}

void AutoRefresh::setIntervalMs(int ms)
{
    m_timer.setInterval(ms);
}

void AutoRefresh::setEnabled(bool enabled)
{
    m_enabled = enabled;
    update();
}

void AutoRefresh::scheduleUpdate()
{
    // A refresh can change thousands of rows, one dataChanged each; look once after them.
    if (m_updatePending)
        return;
    m_updatePending = true;
    QMetaObject::invokeMethod(this, &AutoRefresh::update, Qt::QueuedConnection);
}

void AutoRefresh::update()
{
    m_updatePending = false;
    const bool wanted = m_enabled && m_model && m_model->hasProgressing();
    if (wanted && !m_timer.isActive())
        m_timer.start(); // an already running timer keeps its rhythm
    else if (!wanted)
        m_timer.stop();
}

} // namespace ecs
