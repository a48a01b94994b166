#include "PrecautionsNote.h"

#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QVBoxLayout>

namespace ecs {

PrecautionsNote::PrecautionsNote(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("precautions"));
    setFrameShape(QFrame::StyledPanel);
    // A note box set apart by a palette role, never a fixed colour.
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    m_label->setObjectName(QStringLiteral("precautionsText"));
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setAccessibleName(tr("Precautions"));
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(size));
    icon->setAlignment(Qt::AlignTop);
    icon->setAccessibleName(tr("Warning"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    updateText();
}

void PrecautionsNote::setCreationTime(const QDateTime &creationTime)
{
    m_creationTime = creationTime;
    updateText();
}

QString PrecautionsNote::text() const
{
    return m_label->text();
}

void PrecautionsNote::updateText()
{
    const QString since = m_creationTime.isValid()
        ? QLocale().toString(m_creationTime.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped()
        : tr("the instance snapshot was created");
    // A tight list: the box should read as a note, not as a page of its own.
    m_label->setText(tr("<b>Precautions</b>"
                        "<ul style=\"margin-left:-20px; -qt-list-indent:1;\">"
                        "<li>A rollback cannot be undone.</li>"
                        "<li>Data written since %1 on the selected disks is lost.</li>"
                        "<li>The instance must be stopped.</li>"
                        "<li>A pay-as-you-go (PostPaid) VPC instance stopped in economical mode "
                        "may not start again: its compute resources were released.</li>"
                        "<li>After rolling back a system disk, host configuration (passwords, "
                        "key pairs, host name) may need attention.</li>"
                        "<li>A disk resized since the snapshot needs its partition and file "
                        "system grown again.</li></ul>")
                         .arg(since));
}

} // namespace ecs
