#pragma once

#include <QDateTime>
#include <QFrame>

class QLabel;

namespace ecs {

// The rollback dialog's compact "Precautions" box: what a rollback costs, in the order the
// web console lists it. The snapshot's creation time joins once it is known.
class PrecautionsNote : public QFrame
{
    Q_OBJECT

public:
    explicit PrecautionsNote(QWidget *parent = nullptr);

    void setCreationTime(const QDateTime &creationTime);
    QString text() const;

private:
    void updateText();

    QDateTime m_creationTime;
    QLabel *m_label;
};

} // namespace ecs
