#include "StateMessageWidget.h"

#include <QFontDatabase>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace ecs {

StateMessageWidget::StateMessageWidget(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_retry(new QPushButton(tr("&Try again"), this))
    , m_detailsButton(new QPushButton(tr("&Details"), this))
    , m_details(new QLabel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignHCenter);
    m_title->setWordWrap(true);
    m_text->setAlignment(Qt::AlignHCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy->setRange(0, 0); // indeterminate: a page count is not known in advance
    m_busy->setMaximumWidth(240);
    m_busy->setTextVisible(false);
    m_title->setAccessibleName(tr("State"));
    m_text->setAccessibleName(tr("What to do"));
    m_busy->setAccessibleName(tr("Loading"));
    m_retry->setAccessibleName(tr("Try again"));
    connect(m_retry, &QPushButton::clicked, this, &StateMessageWidget::retryRequested);
    m_detailsButton->setObjectName(QStringLiteral("detailsButton"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setFlat(true);
    m_detailsButton->setAccessibleName(tr("Details"));
    m_details->setObjectName(QStringLiteral("details"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont)); // a canonical request
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setAccessibleName(tr("What the service answered"));
    m_details->hide();
    m_detailsButton->hide();
    connect(m_detailsButton, &QPushButton::toggled, m_details, &QWidget::setVisible);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    layout->addWidget(m_busy, 0, Qt::AlignHCenter);
    layout->addWidget(m_retry, 0, Qt::AlignHCenter);
    layout->addWidget(m_detailsButton, 0, Qt::AlignHCenter);
    layout->addWidget(m_details);
    layout->addStretch(2);
}

void StateMessageWidget::showLoading(const QString &text)
{
    m_title->setText(text);
    m_text->clear();
    m_text->hide();
    m_busy->show();
    m_retry->hide();
    m_detailsButton->setChecked(false);
    m_detailsButton->hide();
    m_details->clear();
}

void StateMessageWidget::showMessage(
    const QString &title, const QString &text, bool offerRetry, const QString &details)
{
    m_title->setText(title);
    m_text->setText(text);
    m_text->show();
    m_busy->hide();
    m_retry->setVisible(offerRetry);
    // Only when they add something to the headline.
    const bool hasDetails = !details.isEmpty() && details != title;
    m_details->setText(hasDetails ? details : QString());
    m_detailsButton->setChecked(false);
    m_detailsButton->setVisible(hasDetails);
}

QString StateMessageWidget::details() const
{
    return m_details->text();
}

QString StateMessageWidget::title() const
{
    return m_title->text();
}

QString StateMessageWidget::text() const
{
    return m_text->text();
}

} // namespace ecs
