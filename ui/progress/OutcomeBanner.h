#pragma once

#include "rollback/RollbackJob.h"

#include <QFrame>

class QLabel;

namespace ecs {

// The end of a rollback, said plainly: a title naming the outcome with a standard icon
// (never colour alone), the job's summary and what state things are in now.
class OutcomeBanner : public QFrame
{
    Q_OBJECT

public:
    explicit OutcomeBanner(QWidget *parent = nullptr);

    static QString outcomeTitle(RollbackJob::Outcome outcome);

    void showOutcome(const RollbackJob &job);
    QString title() const;
    QString details() const;

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
};

} // namespace ecs
