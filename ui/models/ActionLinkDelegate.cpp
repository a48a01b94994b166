#include "ActionLinkDelegate.h"

#include "ModelRoles.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

namespace ecs {

ActionLinkDelegate::ActionLinkDelegate(QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    view->installEventFilter(this);
}

bool ActionLinkDelegate::isAction(const QModelIndex &index)
{
    return index.isValid() && index.data(ModelRole::IsAction).toBool();
}

void ActionLinkDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!isAction(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear(); // the style draws background, selection and focus; we draw the text
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const bool enabled = opt.state.testFlag(QStyle::State_Enabled);
    const bool selected = opt.state.testFlag(QStyle::State_Selected);
    const QPalette::ColorGroup group = !enabled    ? QPalette::Disabled
        : opt.state.testFlag(QStyle::State_Active) ? QPalette::Active
                                                   : QPalette::Inactive;
    QColor colour = opt.palette.color(group, QPalette::Link);
    if (selected)
        colour = opt.palette.color(group, QPalette::HighlightedText);
    else if (!enabled)
        colour = opt.palette.color(group, QPalette::Text);

    QFont font = opt.font;
    font.setUnderline(enabled);
    const QRect textRect
        = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -2, 0);
    painter->save();
    painter->setFont(font);
    painter->setPen(colour);
    const QString elided = QFontMetrics(font).elidedText(text, Qt::ElideRight, textRect.width());
    painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, elided);
    painter->restore();
}

bool ActionLinkDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease && isAction(index)
        && (index.flags() & Qt::ItemIsEnabled)) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton
            && option.rect.contains(mouse->position().toPoint())) {
            Q_EMIT activated(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool ActionLinkDelegate::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool trigger = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter
            || key->key() == Qt::Key_Space;
        const QModelIndex current = m_view->currentIndex();
        if (trigger && (key->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier
            && isAction(current) && (current.flags() & Qt::ItemIsEnabled)
            && m_view->itemDelegateForIndex(current) == this) {
            Q_EMIT activated(current);
            return true;
        }
    }
    // Not QStyledItemDelegate::eventFilter: that one treats `watched` as an editor.
    return QObject::eventFilter(watched, event);
}

} // namespace ecs
