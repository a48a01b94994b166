#pragma once

#include <QStyledItemDelegate>

class QAbstractItemView;

namespace ecs {

// Draws the cells that answer ModelRole::IsAction (the "Rollback instance" column) as a
// link, in the palette's Link colour and underlined (so it reads as a link without
// colour too), and reports a click on one, or Enter/Space while one is the view's
// current cell, as activated(). Other cells are drawn as usual.
//
// Enter never reaches a delegate (QAbstractItemView turns it into its own activated()),
// hence the event filter on the view.
class ActionLinkDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // Becomes a child of `view` and watches its key presses; set it on the view (or the
    // action column) with setItemDelegate*().
    explicit ActionLinkDelegate(QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;

Q_SIGNALS:
    // `index` is in the view's model (the proxy, usually).
    void activated(const QModelIndex &index);

protected:
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    static bool isAction(const QModelIndex &index);

    QAbstractItemView *m_view;
};

} // namespace ecs
