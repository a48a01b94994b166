#include "InlineMessage.h"

#include <QAccessible>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace ecs {

InlineMessage::InlineMessage(QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_action(new QPushButton(this))
{
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_busy->setRange(0, 0); // indeterminate: the keychain gives no progress
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(fontMetrics().height() / 2 + 2);
    m_busy->setAccessibleName(tr("Working"));
    m_action->setObjectName(QStringLiteral("messageAction"));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_icon, 0, Qt::AlignTop);
    row->addWidget(m_text, 1);
    // Below the text, so a long explanation keeps the width of the form.
    auto *actionRow = new QHBoxLayout;
    actionRow->addStretch();
    actionRow->addWidget(m_action);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addLayout(actionRow);
    layout->addWidget(m_busy);
    clear();
}

void InlineMessage::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    switch (kind) {
    case Kind::Busy:
    case Kind::Information:
        break;
    case Kind::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_icon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(size, size));
    m_icon->setVisible(kind != Kind::Busy);
    m_text->setText(text);
    setAccessibleDescription(text);
    m_busy->setVisible(kind == Kind::Busy);
    m_action->setVisible(kind != Kind::Busy && !m_action->text().isEmpty());
    setVisible(true);
    // Screen readers announce the new state.
    QAccessibleEvent event(m_text, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&event);
}

void InlineMessage::clear()
{
    m_text->clear();
    m_action->setText({});
    m_action->hide();
    m_busy->hide();
    setVisible(false);
}

QString InlineMessage::text() const
{
    return m_text->text();
}

void InlineMessage::showAction(const QString &text)
{
    m_action->setText(text);
    m_action->setAccessibleName(QString(text).remove(QLatin1Char('&')));
    m_action->setVisible(true);
}

} // namespace ecs
