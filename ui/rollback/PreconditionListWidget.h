#pragma once

#include "rollback/Precondition.h"

#include <QList>
#include <QTreeWidget>

namespace ecs {

// The rollback dialog's list of preconditions, grouped: the instance and its snapshot
// first, then one group per disk (selected disks before the others). Each group's row says
// how its checks came out and is expanded only when something needs attention, so ~45
// rows show what matters first. Under it, one row per PreconditionItem with its outcome
// (standard icon plus the word, so colour is never the only signal), title and
// explanation, and the facts as child rows (and tooltip); blocking first, then warnings,
// then what passed. A failure on a disk that is not selected does not block and says so
// ("Not selected: Failed"). Rows whose remedy the dialog can run get a button.
class PreconditionListWidget : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { OutcomeColumn, CheckColumn, ActionColumn };

    explicit PreconditionListWidget(QWidget *parent = nullptr);

    // `selectedDiskIds`: the disks the rollback would roll back (PreconditionReport).
    void setItems(const QList<PreconditionItem> &items, const QStringList &selectedDiskIds);
    // The rows of items (not the group rows), in the order shown.
    QList<QTreeWidgetItem *> itemRows() const;
    // Disables the remedy buttons while a check or a remedy runs.
    void setRemediesEnabled(bool enabled);
    // The remedy buttons in row order (for the dialog's tab order).
    QList<QWidget *> remedyButtons() const;

    static QString outcomeText(PreconditionOutcome outcome);

Q_SIGNALS:
    void remedyRequested(ecs::Remedy remedy);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QIcon outcomeIcon(PreconditionOutcome outcome) const;
    void addRow(QTreeWidgetItem *group, const PreconditionItem &item, bool selected);
    QTreeWidgetItem *addGroup(
        const QString &title, const QList<PreconditionItem> &items, bool selected);

    QList<QWidget *> m_buttons;
    bool m_remediesEnabled = true;
};

} // namespace ecs
