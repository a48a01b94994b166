#include "PreconditionListWidget.h"

#include <QHash>
#include <QHeaderView>
#include <QPushButton>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>

namespace ecs {

namespace {

// Blocking first, then warnings, then passed: what needs attention is at the top.
int rank(PreconditionOutcome outcome)
{
    switch (outcome) {
    case PreconditionOutcome::Failed:
        return 0;
    case PreconditionOutcome::Unknown:
        return 1;
    case PreconditionOutcome::Warning:
        return 2;
    case PreconditionOutcome::Passed:
        return 3;
    }
    return 3;
}

// QTreeView measures a row without the column's width, so wrapped text gets the height of
// its unwrapped lines and the rest is cut off. This delegate measures the text wrapped at
// the width the column really has.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    { }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() != PreconditionListWidget::CheckColumn)
            return size;
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QStyle *style = m_view->style();
        const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
        const int width = m_view->columnWidth(index.column()) - 2 * margin;
        if (width <= 0)
            return size;
        const QRect text
            = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, opt.text);
        size.setHeight(qMax(size.height(), text.height() + 2 * margin));
        return size;
    }

private:
    QTreeView *m_view;
};

} // namespace

PreconditionListWidget::PreconditionListWidget(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("preconditionList"));
    setAccessibleName(tr("Preconditions"));
    setColumnCount(3);
    setHeaderLabels({ tr("Outcome"), tr("Check"), tr("Action") });
    setWordWrap(true);
    setItemDelegate(new WrappingDelegate(this));
    setUniformRowHeights(false);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setTextElideMode(Qt::ElideNone);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(OutcomeColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(CheckColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(ActionColumn, QHeaderView::ResizeToContents);
    // Wrapped rows are measured at the column's width: measure again when it changes, or
    // the last line of an explanation is cut off.
    connect(header(), &QHeaderView::sectionResized, this, [this] { scheduleDelayedItemsLayout(); });
}

void PreconditionListWidget::resizeEvent(QResizeEvent *event)
{
    QTreeWidget::resizeEvent(event);
    scheduleDelayedItemsLayout();
}

QString PreconditionListWidget::outcomeText(PreconditionOutcome outcome)
{
    switch (outcome) {
    case PreconditionOutcome::Passed:
        return tr("Passed");
    case PreconditionOutcome::Warning:
        return tr("Warning");
    case PreconditionOutcome::Failed:
        return tr("Failed");
    case PreconditionOutcome::Unknown:
        return tr("Unknown");
    }
    return {};
}

QIcon PreconditionListWidget::outcomeIcon(PreconditionOutcome outcome) const
{
    switch (outcome) {
    case PreconditionOutcome::Passed:
        return style()->standardIcon(QStyle::SP_DialogApplyButton, nullptr, this);
    case PreconditionOutcome::Warning:
        return style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this);
    case PreconditionOutcome::Failed:
        return style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this);
    case PreconditionOutcome::Unknown:
        return style()->standardIcon(QStyle::SP_MessageBoxQuestion, nullptr, this);
    }
    return {};
}

void PreconditionListWidget::setItems(
    const QList<PreconditionItem> &items, const QStringList &selectedDiskIds)
{
    // The buttons are deleted with their rows by clear().
    m_buttons.clear();
    clear();
    QList<PreconditionItem> instanceItems;
    QStringList diskOrder;
    QHash<QString, QList<PreconditionItem>> byDisk;
    for (const PreconditionItem &item : items) {
        if (item.diskId.isEmpty()) {
            instanceItems.append(item);
            continue;
        }
        if (!byDisk.contains(item.diskId))
            diskOrder.append(item.diskId);
        byDisk[item.diskId].append(item);
    }
    // Selected disks first, each group in the report's order otherwise.
    std::stable_partition(diskOrder.begin(), diskOrder.end(),
        [&](const QString &diskId) { return selectedDiskIds.contains(diskId); });
    if (!instanceItems.isEmpty())
        addGroup(tr("Instance and instance snapshot"), instanceItems, true);
    for (const QString &diskId : std::as_const(diskOrder)) {
        const bool selected = selectedDiskIds.contains(diskId);
        addGroup(selected ? tr("Disk %1").arg(diskId) : tr("Disk %1 (not selected)").arg(diskId),
            byDisk.value(diskId), selected);
    }
}

QTreeWidgetItem *PreconditionListWidget::addGroup(
    const QString &title, const QList<PreconditionItem> &items, bool selected)
{
    QList<PreconditionItem> sorted = items;
    std::stable_sort(
        sorted.begin(), sorted.end(), [](const PreconditionItem &a, const PreconditionItem &b) {
            return rank(a.outcome) < rank(b.outcome);
        });
    int failed = 0;
    int warnings = 0;
    for (const PreconditionItem &item : std::as_const(sorted)) {
        if (item.blocks())
            ++failed;
        else if (item.outcome == PreconditionOutcome::Warning)
            ++warnings;
    }
    auto *group = new QTreeWidgetItem(this);
    QFont bold = group->font(CheckColumn);
    bold.setBold(true);
    group->setFont(CheckColumn, bold);
    QString summary;
    if (failed > 0)
        summary = selected ? tr("%n failed", nullptr, failed)
                           : tr("%n failed, not blocking: not selected", nullptr, failed);
    else if (warnings > 0)
        summary = tr("%n warning(s)", nullptr, warnings);
    else
        summary = tr("all %n passed", nullptr, int(sorted.size()));
    group->setText(CheckColumn, tr("%1 — %2").arg(title, summary));
    const PreconditionOutcome worst
        = sorted.isEmpty() ? PreconditionOutcome::Passed : sorted.first().outcome;
    group->setIcon(OutcomeColumn, outcomeIcon(worst));
    group->setData(CheckColumn, Qt::AccessibleTextRole, group->text(CheckColumn));
    group->setFirstColumnSpanned(false);
    for (const PreconditionItem &item : std::as_const(sorted))
        addRow(group, item, selected);
    // Collapsed when there is nothing to look at.
    group->setExpanded(failed > 0 || warnings > 0);
    return group;
}

QList<QTreeWidgetItem *> PreconditionListWidget::itemRows() const
{
    QList<QTreeWidgetItem *> rows;
    for (int g = 0; g < topLevelItemCount(); ++g) {
        QTreeWidgetItem *group = topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i)
            rows.append(group->child(i));
    }
    return rows;
}

void PreconditionListWidget::addRow(
    QTreeWidgetItem *group, const PreconditionItem &item, bool selected)
{
    auto *row = new QTreeWidgetItem(group);
    row->setIcon(OutcomeColumn, outcomeIcon(item.outcome));
    // A failure on a disk that is not rolled back does not block: never a bare "Failed".
    const bool notSelected = !selected && item.blocks()
        && item.kind != PreconditionKind::DiskSelection; // a disk asked for by name blocks
    const QString outcome = notSelected ? tr("Not selected: %1").arg(outcomeText(item.outcome))
                                        : outcomeText(item.outcome);
    row->setText(OutcomeColumn, outcome);
    if (notSelected)
        row->setForeground(OutcomeColumn, palette().brush(QPalette::Disabled, QPalette::Text));
    const QString title = item.title;
    row->setText(CheckColumn, title + QLatin1Char('\n') + item.explanation);
    row->setData(OutcomeColumn, Qt::UserRole, static_cast<int>(item.kind));
    row->setData(CheckColumn, Qt::UserRole, item.diskId);
    row->setData(CheckColumn, Qt::AccessibleTextRole,
        tr("%1. %2. %3").arg(outcome, title, item.explanation));
    if (!item.facts.isEmpty()) {
        const QString tip
            = tr("What the service reported:\n%1").arg(item.facts.join(QLatin1Char('\n')));
        row->setToolTip(OutcomeColumn, tip);
        row->setToolTip(CheckColumn, tip);
        for (const QString &fact : item.facts) {
            auto *child = new QTreeWidgetItem(row);
            child->setText(CheckColumn, fact);
            child->setFirstColumnSpanned(false);
        }
    }

    QString buttonText;
    if (item.remedy == Remedy::StopInStandardMode)
        buttonText = tr("Stop in standard mode");
    else if (item.remedy == Remedy::Refresh)
        buttonText = tr("Check again");
    if (buttonText.isEmpty() || item.outcome == PreconditionOutcome::Passed)
        return;
    auto *button = new QPushButton(buttonText);
    button->setObjectName(item.remedy == Remedy::StopInStandardMode
            ? QStringLiteral("stopRemedyButton")
            : QStringLiteral("refreshRemedyButton"));
    button->setAccessibleName(tr("%1 (remedy for: %2)").arg(buttonText, title));
    button->setAutoDefault(false);
    button->setEnabled(m_remediesEnabled);
    const Remedy remedy = item.remedy;
    connect(
        button, &QPushButton::clicked, this, [this, remedy] { Q_EMIT remedyRequested(remedy); });
    // A container keeps the button at its natural height inside a tall, wrapped row.
    auto *cell = new QWidget;
    auto *layout = new QVBoxLayout(cell);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(button);
    layout->addStretch();
    setItemWidget(row, ActionColumn, cell);
    m_buttons.append(button);
}

void PreconditionListWidget::setRemediesEnabled(bool enabled)
{
    m_remediesEnabled = enabled;
    for (QWidget *button : std::as_const(m_buttons))
        button->setEnabled(enabled);
}

QList<QWidget *> PreconditionListWidget::remedyButtons() const
{
    return m_buttons;
}

} // namespace ecs
