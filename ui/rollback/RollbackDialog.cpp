#include "RollbackDialog.h"

#include "DiskChecklistModel.h"
#include "PrecautionsNote.h"
#include "PreconditionListWidget.h"
#include "StopRemedyPanel.h"
#include "UiLogging.h"
#include "journal/OperationRecorder.h"
#include "model/Disk.h"
#include "rollback/FactsGatherer.h"
#include "rollback/PreconditionCheck.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTableView>

#include <algorithm>

namespace ecs {

RollbackDialog::RollbackDialog(
    const ConsoleContext &context, const RollbackTarget &target, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_target(target)
    , m_gatherer(new FactsGatherer(context.api, target, this))
{
    setObjectName(QStringLiteral("rollbackDialog"));
    setWindowTitle(tr("Rollback instance"));
    setAccessibleName(tr("Rollback instance"));
    setSizeGripEnabled(true);
    setMinimumSize(640, 520); // bounded by the screen in fitToScreen()
    resize(900, 820);
    if (m_target.regionId.isEmpty())
        m_target.regionId = context.regionId;
    createWidgets();
    connect(m_gatherer, &FactsGatherer::finished, this, &RollbackDialog::factsGathered);
    updateHeader();
    startCheck();
}

RollbackDialog::~RollbackDialog() = default;

void RollbackDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        fitToScreen();
    }
}

void RollbackDialog::fitToScreen()
{
    // 900×820 is comfortable at 100% on a desktop; at 150% on a laptop it would put OK and
    // Cancel below the screen. The pages scroll, the buttons sit under them: shrinking the
    // window keeps them in view.
    const QScreen *where = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!where)
        return;
    const QRect available = where->availableGeometry();
    const QSize frame = frameGeometry().size() - size(); // the window manager's decoration
    const QSize room = available.size() - frame;
    setMinimumSize(minimumSize().boundedTo(room));
    resize(size().boundedTo(room));
    // Then wholly on that screen: centred on the parent may push it past an edge.
    QRect placed = frameGeometry();
    placed.moveRight(qMin(placed.right(), available.right()));
    placed.moveBottom(qMin(placed.bottom(), available.bottom()));
    placed.moveLeft(qMax(placed.left(), available.left()));
    placed.moveTop(qMax(placed.top(), available.top()));
    move(placed.topLeft());
}

void RollbackDialog::setGuidedMode(bool guided)
{
    if (guided == m_guided)
        return;
    m_guided = guided;
    placeSections();
    updateState();
}

bool RollbackDialog::isChecking() const
{
    return m_gatherer->isRunning();
}

bool RollbackDialog::isOkEnabled() const
{
    return m_okButton->isEnabled();
}

RollbackPlan RollbackDialog::plan() const
{
    RollbackPlan plan;
    plan.target = m_target;
    plan.target.instanceId = instanceId();
    plan.diskIds = m_report.selectedDiskIds();
    plan.safetySnapshot = m_safetySnapshot->isChecked();
    plan.startAfterRollback = m_startAfter->isChecked();
    plan.onChangeBeforeCall = m_skipChangedDisks->isChecked()
        ? RollbackPlan::ChangePolicy::SkipChangedDisks
        : RollbackPlan::ChangePolicy::StopJob;
    plan.profileName = m_context.profileName;
    plan.waits = m_context.waits;
    return plan;
}

QString RollbackDialog::instanceId() const
{
    if (!m_target.instanceId.isEmpty())
        return m_target.instanceId;
    if (m_facts && m_facts->group)
        return m_facts->group->instanceId;
    return {};
}

QString RollbackDialog::instanceName() const
{
    return m_facts && m_facts->instance ? m_facts->instance->instanceName : QString();
}

void RollbackDialog::startCheck()
{
    if (m_stopPanel->isBusy())
        return;
    m_gatherer->start(); // abandons a run under way
    updateState();
}

void RollbackDialog::factsGathered(const RollbackFacts &facts)
{
    m_facts = facts;
    recheck();
    updateHeader();
    // A check that finds the rollback impossible goes to the journal with its reasons, as
    // the CLI's checks do: support staff can see later what was tried and why it stopped.
    // (A check that passes is journalled by the job, if the user goes on.)
    if (!m_report.allowsRollback()) {
        const QString instanceId
            = facts.instance ? facts.instance->instanceId : m_target.instanceId;
        OperationRecorder recorder(m_context.journal, m_context.profileName, m_target.regionId,
            instanceId, m_target.snapshotGroupId);
        recorder.check(m_report);
    }
}

void RollbackDialog::diskChoiceChanged()
{
    m_userChoseDisks = true;
    recheck();
}

void RollbackDialog::recheck()
{
    if (!m_facts)
        return;
    // Pure and local: a click in the checklist sends no request.
    const PreconditionReport proposed = checkPreconditions(*m_facts);
    if (!m_userChoseDisks) {
        m_report = proposed;
    } else {
        // The user's choice, less any disk that can no longer be rolled back (the state may
        // have changed since the last check).
        const QStringList checked = m_diskModel->checkedDiskIds();
        QStringList selection;
        for (const DiskEligibility &disk : proposed.disks) {
            if (disk.canRollBack && checked.contains(disk.diskId))
                selection.append(disk.diskId);
        }
        m_report = checkPreconditions(*m_facts, selection);
    }
    const int scroll = m_list->verticalScrollBar()->value();
    m_list->setItems(m_report.items, m_report.selectedDiskIds());
    m_list->verticalScrollBar()->setValue(scroll);
    m_diskModel->setDisks(m_report.disks);
    fitDiskTable();
    fixTabOrder();
    updateState();
}

void RollbackDialog::updateHeader()
{
    const QString groupName = m_facts && m_facts->group ? m_facts->group->name : QString();
    const QString group = groupName.isEmpty()
        ? m_target.snapshotGroupId
        : tr("%1 (%2)").arg(groupName, m_target.snapshotGroupId);
    const QString name = instanceName();
    const QString id = instanceId();
    const QString instance = id.isEmpty() ? tr("(not known yet)")
        : name.isEmpty()                  ? id
                                          : tr("%1 (%2)").arg(name, id);
    m_instanceLine->setText(tr("Instance snapshot: %1\nInstance: %2").arg(group, instance));
    if (m_facts && m_facts->group)
        m_precautions->setCreationTime(m_facts->group->creationTime);
}

void RollbackDialog::updateState()
{
    const bool checking = m_gatherer->isRunning();
    const bool busy = checking || m_stopPanel->isBusy();
    m_checkingBar->setVisible(checking);
    if (checking) {
        m_checkingLabel->setText(tr("Checking…"));
    } else if (m_facts) {
        const int blocking = static_cast<int>(m_report.blockingItems().size());
        const int warnings = static_cast<int>(m_report.warnings().size());
        // Failures on disks that are not selected are listed too, but counted apart: the
        // count must match the rows that say "Failed".
        const QStringList selected = m_report.selectedDiskIds();
        const int notSelected = static_cast<int>(std::count_if(
            m_report.items.cbegin(), m_report.items.cend(), [&](const PreconditionItem &item) {
                return item.blocks() && !item.diskId.isEmpty() && !selected.contains(item.diskId)
                    && item.kind != PreconditionKind::DiskSelection; // those block anyway
            }));
        const QString time
            = QLocale().toString(m_facts->gatheredAt.toLocalTime().time(), QLocale::ShortFormat);
        QString counts = tr("%1, %2").arg(
            tr("%n blocking", nullptr, blocking), tr("%n warning(s)", nullptr, warnings));
        if (notSelected > 0)
            counts = tr("%1, %2").arg(
                counts, tr("%n failed on disks not selected", nullptr, notSelected));
        m_checkingLabel->setText(tr("Checked at %1: %2").arg(time, counts));
    }
    m_checkAgain->setEnabled(!busy);
    m_list->setRemediesEnabled(!busy);
    m_diskView->setEnabled(!checking && m_facts.has_value());
    m_selectAll->setEnabled(!busy && m_facts.has_value());
    m_selectNone->setEnabled(!busy && m_facts.has_value());

    if (m_guided && m_step == 3)
        m_confirmSummary->setText(summaryHtml());

    const QString reason = blockReason();
    m_okButton->setEnabled(reason.isEmpty());
    m_reasonLabel->setText(reason);
}

QString RollbackDialog::blockReason() const
{
    if (m_gatherer->isRunning())
        return tr("Checking…");
    if (m_stopPanel->isBusy())
        return tr("Not possible yet: the instance is being stopped");
    if (!m_facts)
        return tr("Not possible yet: not checked");
    if (!m_report.allowsRollback()) {
        const QList<PreconditionItem> blocking = m_report.blockingItems();
        if (blocking.isEmpty())
            return tr("Not possible yet: select at least one disk");
        return tr("Not possible yet: %1").arg(blocking.first().title);
    }
    if (m_guided && m_confirmEdit->text() != instanceId())
        return tr("Type the instance ID to confirm");
    return {};
}

void RollbackDialog::remedyRequested(Remedy remedy)
{
    if (remedy == Remedy::Refresh) {
        startCheck();
        return;
    }
    if (remedy != Remedy::StopInStandardMode || !m_facts || !m_facts->instance)
        return;
    m_stopPanel->request(m_target.regionId, instanceId(), instanceName(), m_target.snapshotGroupId,
        m_facts->instance->isStoppedInEconomicalMode());
}

void RollbackDialog::okClicked()
{
    if (!isOkEnabled())
        return;
    // In guided mode the typed instance ID is the confirmation.
    if (m_guided)
        confirm();
    else
        openFinalConfirmation();
}

void RollbackDialog::openFinalConfirmation()
{
    if (m_finalConfirmation)
        return;
    const QString name = instanceName();
    const QString who = name.isEmpty() ? instanceId() : tr("%1 (%2)").arg(name, instanceId());
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Roll back instance"),
        tr("Roll back instance %1?").arg(who), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("rollbackConfirmation"));
    box->setInformativeText(summaryHtml());
    // QMessageBox is narrow by default and would break every disk ID over two lines.
    if (auto *grid = qobject_cast<QGridLayout *>(box->layout())) {
        grid->addItem(new QSpacerItem(560, 0, QSizePolicy::Minimum, QSizePolicy::Expanding),
            grid->rowCount(), 0, 1, grid->columnCount());
    }
    QPushButton *rollBack = box->addButton(tr("&Roll back"), QMessageBox::DestructiveRole);
    rollBack->setObjectName(QStringLiteral("confirmRollbackButton"));
    QPushButton *cancel = box->addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelRollbackButton"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, rollBack] {
        if (box->clickedButton() == rollBack)
            confirm();
    });
    m_finalConfirmation = box;
    box->open(); // window-modal, no nested event loop
}

QString RollbackDialog::summaryHtml() const
{
    const QString name = instanceName();
    const QString who = name.isEmpty() ? instanceId() : tr("%1 (%2)").arg(name, instanceId());
    const QDateTime created
        = m_facts && m_facts->group ? m_facts->group->creationTime : QDateTime();
    const QString since = created.isValid()
        ? QLocale().toString(created.toLocalTime(), QLocale::ShortFormat)
        : tr("the snapshot was taken");
    QString disks;
    for (const DiskEligibility &disk : m_report.disks) {
        if (!disk.selected)
            continue;
        const QString type
            = disk.diskType == DiskTypeName::System ? tr("system disk") : tr("data disk");
        disks += QStringLiteral("<li>")
            + tr("%1 (%2), from snapshot %3")
                  .arg(disk.diskId, type, disk.snapshotId)
                  .toHtmlEscaped()
            + QStringLiteral("</li>");
    }
    if (disks.isEmpty())
        disks = QStringLiteral("<li>") + tr("(no disk selected)") + QStringLiteral("</li>");
    const QString safety = m_safetySnapshot->isChecked()
        ? tr("An instance snapshot of the current disks is created first.")
        : tr("<b>No snapshot of the current disks is created: this cannot be undone.</b>");
    const QString start = m_startAfter->isChecked() ? tr("The instance is started afterwards.")
                                                    : tr("The instance stays stopped afterwards.");
    const QString change = m_skipChangedDisks->isChecked()
        ? tr("A disk that changes before the rollback call is left out.")
        : tr("If anything changes before the rollback call, nothing is rolled back.");
    return tr("<p>Instance <b>%1</b> is rolled back to instance snapshot <b>%2</b>. Data written "
              "on these disks since %3 is lost:</p><ul>%4</ul><p>%5<br>%6<br>%7</p>")
        .arg(who.toHtmlEscaped(), m_target.snapshotGroupId.toHtmlEscaped(), since.toHtmlEscaped(),
            disks, safety, start, change);
}

void RollbackDialog::confirm()
{
    // Deliberately no new check here: the facts may be minutes old, but RollbackJob reads
    // them again itself (its Recheck step) just before the irreversible ResetDisks call, so
    // a second check here would only add a gap of its own.
    const RollbackPlan confirmed = plan();
    qCInfo(lcUi) << "rollback confirmed" << confirmed.target.snapshotGroupId << confirmed.diskIds;
    Q_EMIT rollbackConfirmed(confirmed);
    accept();
}

} // namespace ecs
