#include "OutcomeBanner.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

namespace ecs {

namespace {

QIcon outcomeIcon(RollbackJob::Outcome outcome)
{
    QStyle *style = QApplication::style();
    switch (outcome) {
    case RollbackJob::Outcome::Succeeded:
        return QIcon::fromTheme(
            QStringLiteral("dialog-ok-apply"), style->standardIcon(QStyle::SP_DialogApplyButton));
    case RollbackJob::Outcome::Blocked:
    case RollbackJob::Outcome::Cancelled:
        return QIcon::fromTheme(QStringLiteral("dialog-information"),
            style->standardIcon(QStyle::SP_MessageBoxInformation));
    case RollbackJob::Outcome::RolledBackStartFailed:
    case RollbackJob::Outcome::Partial:
    case RollbackJob::Outcome::Unknown:
    case RollbackJob::Outcome::RolledBackButChanged:
    case RollbackJob::Outcome::Interrupted:
        return QIcon::fromTheme(
            QStringLiteral("dialog-warning"), style->standardIcon(QStyle::SP_MessageBoxWarning));
    case RollbackJob::Outcome::Failed:
        break;
    }
    return QIcon::fromTheme(
        QStringLiteral("dialog-error"), style->standardIcon(QStyle::SP_MessageBoxCritical));
}

} // namespace

OutcomeBanner::OutcomeBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(this))
    , m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("outcomeBanner"));
    setFrameShape(QFrame::StyledPanel);
    // Set apart from the lists by the palette's own alternate colour, not a chosen one.
    setBackgroundRole(QPalette::AlternateBase);
    setAutoFillBackground(true);
    setAccessibleName(tr("Outcome"));

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setObjectName(QStringLiteral("outcomeTitle"));
    m_title->setAccessibleName(tr("Outcome"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setObjectName(QStringLiteral("outcomeDetails"));
    m_details->setAccessibleName(tr("Outcome details"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_icon->setAlignment(Qt::AlignTop);

    auto *text = new QVBoxLayout;
    text->addWidget(m_title);
    text->addWidget(m_details);
    auto *layout = new QHBoxLayout(this);
    layout->addWidget(m_icon);
    layout->addLayout(text, 1);
}

QString OutcomeBanner::outcomeTitle(RollbackJob::Outcome outcome)
{
    switch (outcome) {
    case RollbackJob::Outcome::Succeeded:
        return tr("Succeeded");
    case RollbackJob::Outcome::RolledBackStartFailed:
        return tr("Rolled back but not started");
    case RollbackJob::Outcome::Blocked:
        return tr("Blocked: nothing was rolled back");
    case RollbackJob::Outcome::Failed:
        return tr("Failed");
    case RollbackJob::Outcome::Partial:
        return tr("Partial: only some disks were rolled back");
    case RollbackJob::Outcome::Unknown:
        return tr("Unknown: the outcome could not be confirmed");
    case RollbackJob::Outcome::Cancelled:
        return tr("Cancelled: nothing was rolled back");
    case RollbackJob::Outcome::RolledBackButChanged:
        return tr("Rolled back, but the instance changed meanwhile");
    case RollbackJob::Outcome::Interrupted:
        return tr("Interrupted: the rollback is still running on the service");
    }
    return {};
}

void OutcomeBanner::showOutcome(const RollbackJob &job)
{
    const int size = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    m_icon->setPixmap(outcomeIcon(job.outcome()).pixmap(size, size));
    m_title->setText(outcomeTitle(job.outcome()));

    QStringList lines { job.summary() };
    const QString status = job.finalInstance().status;
    lines.append(tr("Instance %1 is now: %2")
                     .arg(job.plan().target.instanceId,
                         status.isEmpty() ? tr("not known (it was not read again)") : status));
    if (!job.safetySnapshotGroupId().isEmpty())
        lines.append(tr("Safety instance snapshot: %1").arg(job.safetySnapshotGroupId()));
    if (job.error().isError() && !job.error().requestId().isEmpty())
        lines.append(tr("Request ID: %1").arg(job.error().requestId()));
    m_details->setText(lines.join(QLatin1Char('\n')));
    setAccessibleDescription(m_title->text() + QLatin1Char('\n') + m_details->text());
}

QString OutcomeBanner::title() const
{
    return m_title->text();
}

QString OutcomeBanner::details() const
{
    return m_details->text();
}

} // namespace ecs
