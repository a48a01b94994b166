#pragma once

#include "rollback/Precondition.h"

#include <QList>
#include <QTreeWidget>

namespace ecs {

// The rollback dialog's list of preconditions: one top-level row per PreconditionItem with
// its outcome (standard icon plus the word, so colour is never the only signal), title and
// explanation, and the facts as child rows (and tooltip). Rows whose remedy the dialog can
// run get a button. Blocking rows come first, then warnings, then what passed.
class PreconditionListWidget : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { OutcomeColumn, CheckColumn, ActionColumn };

    explicit PreconditionListWidget(QWidget *parent = nullptr);

    void setItems(const QList<PreconditionItem> &items);
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
    void addRow(const PreconditionItem &item);

    QList<QWidget *> m_buttons;
    bool m_remediesEnabled = true;
};

} // namespace ecs
