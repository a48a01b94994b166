// RollbackDialog: building the widgets and placing them, on one scrolling page or on the
// guided mode's step pages. The state lives in RollbackDialog.cpp.
#include "DiskChecklistModel.h"
#include "PrecautionsNote.h"
#include "PreconditionListWidget.h"
#include "RollbackDialog.h"
#include "StopRemedyPanel.h"
#include "profiles/InlineMessage.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QShortcut>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace ecs {

namespace {

// A page that scrolls when the window is short; returns the layout to fill.
QVBoxLayout *addScrollPage(QStackedWidget *stack)
{
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(content);
    stack->addWidget(scroll);
    return layout;
}

QPushButton *makeButton(const QString &text, const QString &objectName, const QString &accessible)
{
    auto *button = new QPushButton(text);
    button->setObjectName(objectName);
    button->setAccessibleName(accessible);
    // Only Cancel may be pressed by Enter: a rollback is never one keystroke away.
    button->setAutoDefault(false);
    return button;
}

} // namespace

void RollbackDialog::createWidgets()
{
    auto *title = new QLabel(tr("Rollback instance"));
    title->setObjectName(QStringLiteral("dialogTitle"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    title->setAccessibleName(tr("Rollback instance"));
    m_instanceLine = new QLabel;
    m_instanceLine->setObjectName(QStringLiteral("instanceLine"));
    m_instanceLine->setAccessibleName(tr("Instance snapshot and instance"));
    m_instanceLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_instanceLine->setWordWrap(true);
    m_stepLabel = new QLabel;
    m_stepLabel->setObjectName(QStringLiteral("stepLabel"));
    m_stepLabel->setAccessibleName(tr("Step"));
    QFont stepFont = m_stepLabel->font();
    stepFont.setBold(true);
    m_stepLabel->setFont(stepFont);

    // Created top to bottom, so the focus chain follows the reading order.
    m_precautions = new PrecautionsNote;
    m_checkSection = createPreconditionSection();
    m_optionSection = createOptionSection();
    m_diskSection = createDiskSection();
    m_confirmSection = createConfirmSection();

    m_stack = new QStackedWidget;
    m_stack->setObjectName(QStringLiteral("pages"));
    m_singlePage = addScrollPage(m_stack);
    for (int step = 0; step < 4; ++step)
        m_stepPages.append(addScrollPage(m_stack));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_instanceLine);
    layout->addWidget(m_stepLabel);
    layout->addWidget(m_stack, 1);
    layout->addWidget(createButtonRow());

    auto *refresh = new QShortcut(QKeySequence(Qt::Key_F5), this);
    connect(refresh, &QShortcut::activated, this, [this] {
        if (m_checkAgain->isEnabled())
            startCheck();
    });
    placeSections();
}

QGroupBox *RollbackDialog::createPreconditionSection()
{
    auto *box = new QGroupBox(tr("Preconditions"));
    box->setObjectName(QStringLiteral("preconditionSection"));
    m_checkingBar = new QProgressBar;
    m_checkingBar->setObjectName(QStringLiteral("checkingBar"));
    m_checkingBar->setRange(0, 0);
    m_checkingBar->setTextVisible(false);
    m_checkingBar->setMaximumWidth(120);
    m_checkingBar->setAccessibleName(tr("Checking"));
    m_checkingLabel = new QLabel;
    m_checkingLabel->setObjectName(QStringLiteral("checkingLabel"));
    m_checkingLabel->setAccessibleName(tr("Check status"));
    m_checkAgain = makeButton(
        tr("Check &again"), QStringLiteral("checkAgainButton"), tr("Check again (F5)"));
    m_checkAgain->setToolTip(tr("Read the instance, its disks and snapshots again (F5)"));
    connect(m_checkAgain, &QPushButton::clicked, this, &RollbackDialog::startCheck);
    auto *statusRow = new QHBoxLayout;
    statusRow->addWidget(m_checkingBar);
    statusRow->addWidget(m_checkingLabel, 1);
    statusRow->addWidget(m_checkAgain);

    m_list = new PreconditionListWidget;
    m_list->setMinimumHeight(200);
    connect(
        m_list, &PreconditionListWidget::remedyRequested, this, &RollbackDialog::remedyRequested);
    m_stopPanel = new StopRemedyPanel(m_context);
    connect(m_stopPanel, &StopRemedyPanel::busyChanged, this, &RollbackDialog::updateState);
    connect(m_stopPanel, &StopRemedyPanel::finished, this, &RollbackDialog::startCheck);

    auto *layout = new QVBoxLayout(box);
    layout->addLayout(statusRow);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_stopPanel);
    return box;
}

QWidget *RollbackDialog::createOptionSection()
{
    auto *section = new QWidget;
    section->setObjectName(QStringLiteral("optionSection"));
    m_startAfter = new QCheckBox(tr("&Start the instance immediately after Rollback"));
    m_startAfter->setObjectName(QStringLiteral("startAfterCheckBox"));
    m_startAfter->setAccessibleName(tr("Start the instance immediately after Rollback"));
    m_startAfter->setChecked(false);
    m_safetySnapshot = new QCheckBox(
        tr("Create an instance snapshot of the current disks &first (recommended)"));
    m_safetySnapshot->setObjectName(QStringLiteral("safetySnapshotCheckBox"));
    m_safetySnapshot->setAccessibleName(
        tr("Create an instance snapshot of the current disks first"));
    m_safetySnapshot->setToolTip(tr("If taking this snapshot fails, nothing is rolled back."));
    // Never remembered: the protective default comes back for every rollback, and turning it
    // off is a decision for this one, said next to the box and again in the confirmation.
    m_safetySnapshot->setChecked(true);
    m_noSafetySnapshotWarning = new InlineMessage;
    m_noSafetySnapshotWarning->setObjectName(QStringLiteral("noSafetySnapshotWarning"));
    m_noSafetySnapshotWarning->hide();
    connect(m_safetySnapshot, &QCheckBox::toggled, m_noSafetySnapshotWarning, [this](bool checked) {
        if (checked) {
            m_noSafetySnapshotWarning->clear();
            m_noSafetySnapshotWarning->hide();
            return;
        }
        m_noSafetySnapshotWarning->showMessage(InlineMessage::Kind::Warning,
            tr("Only for this rollback: the current data of the selected disks cannot be "
               "recovered afterwards."));
        m_noSafetySnapshotWarning->show();
    });
    // Not remembered: each rollback's answer to "what if the state moves" is its own.
    m_skipChangedDisks = new QCheckBox(
        tr("If a disk changes before the rollback call, &leave it out and roll back the rest"));
    m_skipChangedDisks->setObjectName(QStringLiteral("skipChangedDisksCheckBox"));
    m_skipChangedDisks->setAccessibleName(
        tr("If a disk changes before the rollback call, leave it out"));
    m_skipChangedDisks->setToolTip(
        tr("Every precondition is checked again right before the irreversible call. If a disk "
           "was detached or its snapshot deleted meanwhile, the rollback stops and nothing is "
           "rolled back, unless this is checked. A change to the instance always stops it."));
    m_skipChangedDisks->setChecked(false);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_startAfter);
    layout->addWidget(m_safetySnapshot);
    layout->addWidget(m_noSafetySnapshotWarning);
    layout->addWidget(m_skipChangedDisks);
    return section;
}

QGroupBox *RollbackDialog::createDiskSection()
{
    auto *box = new QGroupBox(tr("Cloud disk snapshot"));
    box->setObjectName(QStringLiteral("diskSection"));
    m_diskModel = new DiskChecklistModel(this);
    connect(
        m_diskModel, &DiskChecklistModel::checkedChanged, this, &RollbackDialog::diskChoiceChanged);
    m_diskView = new QTableView;
    m_diskView->setObjectName(QStringLiteral("diskTable"));
    m_diskView->setAccessibleName(tr("Disks to roll back"));
    m_diskView->setModel(m_diskModel);
    m_diskView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_diskView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_diskView->verticalHeader()->hide();
    m_diskView->setWordWrap(false);
    m_diskView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_diskView->horizontalHeader()->setStretchLastSection(true);
    m_selectAll = makeButton(tr("Sele&ct all"), QStringLiteral("selectAllButton"),
        tr("Select all disks that can be rolled back"));
    m_selectNone
        = makeButton(tr("Select n&one"), QStringLiteral("selectNoneButton"), tr("Select no disk"));
    connect(m_selectAll, &QPushButton::clicked, this, [this] { m_diskModel->setAllChecked(true); });
    connect(
        m_selectNone, &QPushButton::clicked, this, [this] { m_diskModel->setAllChecked(false); });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_selectAll);
    buttons->addWidget(m_selectNone);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_diskView);
    layout->addLayout(buttons);
    return box;
}

QWidget *RollbackDialog::createConfirmSection()
{
    auto *section = new QWidget;
    section->setObjectName(QStringLiteral("confirmSection"));
    m_confirmSummary = new QLabel;
    m_confirmSummary->setObjectName(QStringLiteral("confirmSummary"));
    m_confirmSummary->setAccessibleName(tr("What will be rolled back"));
    m_confirmSummary->setWordWrap(true);
    m_confirmSummary->setTextFormat(Qt::RichText);
    m_confirmSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *prompt = new QLabel;
    prompt->setObjectName(QStringLiteral("confirmPrompt"));
    prompt->setWordWrap(true);
    m_confirmEdit = new QLineEdit;
    m_confirmEdit->setObjectName(QStringLiteral("confirmInstanceIdEdit"));
    m_confirmEdit->setAccessibleName(tr("Instance ID to confirm"));
    prompt->setText(tr("&Type the instance ID to confirm the rollback:"));
    prompt->setBuddy(m_confirmEdit);
    connect(m_confirmEdit, &QLineEdit::textChanged, this, &RollbackDialog::updateState);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_confirmSummary);
    layout->addSpacing(8);
    layout->addWidget(prompt);
    layout->addWidget(m_confirmEdit);
    layout->addStretch();
    return section;
}

QWidget *RollbackDialog::createButtonRow()
{
    auto *row = new QWidget;
    m_reasonLabel = new QLabel;
    m_reasonLabel->setObjectName(QStringLiteral("reasonLabel"));
    m_reasonLabel->setAccessibleName(tr("Why the rollback cannot start yet"));
    m_reasonLabel->setWordWrap(true);
    m_backButton = makeButton(tr("< &Back"), QStringLiteral("backButton"), tr("Back"));
    m_nextButton = makeButton(tr("&Next >"), QStringLiteral("nextButton"), tr("Next"));
    m_okButton = makeButton(tr("OK &Rollback"), QStringLiteral("okButton"), tr("OK Rollback"));
    m_cancelButton = new QPushButton(tr("Cancel"));
    m_cancelButton->setObjectName(QStringLiteral("cancelButton"));
    m_cancelButton->setAccessibleName(tr("Cancel"));
    m_cancelButton->setDefault(true);
    connect(m_backButton, &QPushButton::clicked, this, [this] { showStep(m_step - 1); });
    connect(m_nextButton, &QPushButton::clicked, this, [this] { showStep(m_step + 1); });
    connect(m_okButton, &QPushButton::clicked, this, &RollbackDialog::okClicked);
    connect(m_cancelButton, &QPushButton::clicked, this, &QDialog::reject);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_reasonLabel, 1);
    layout->addWidget(m_backButton);
    layout->addWidget(m_nextButton);
    layout->addWidget(m_okButton);
    layout->addWidget(m_cancelButton);
    return row;
}

void RollbackDialog::placeSections()
{
    // addWidget() moves a widget out of its old layout, so the sections simply change page.
    if (!m_guided) {
        m_singlePage->addWidget(m_precautions);
        m_singlePage->addWidget(m_checkSection, 1);
        m_singlePage->addWidget(m_optionSection);
        m_singlePage->addWidget(m_diskSection);
        m_singlePage->addWidget(m_confirmSection);
        m_confirmSection->hide();
    } else {
        m_stepPages[0]->addWidget(m_precautions);
        m_stepPages[0]->addWidget(m_checkSection, 1);
        m_stepPages[1]->addWidget(m_diskSection);
        m_stepPages[1]->addStretch();
        m_stepPages[2]->addWidget(m_optionSection);
        m_stepPages[2]->addStretch();
        m_stepPages[3]->addWidget(m_confirmSection, 1);
        m_confirmSection->show();
    }
    m_stepLabel->setVisible(m_guided);
    m_backButton->setVisible(m_guided);
    m_nextButton->setVisible(m_guided);
    m_okButton->setText(m_guided ? tr("&Roll back") : tr("OK &Rollback"));
    m_okButton->setAccessibleName(m_guided ? tr("Roll back") : tr("OK Rollback"));
    if (m_guided)
        showStep(0);
    else
        m_stack->setCurrentIndex(0);
}

void RollbackDialog::showStep(int step)
{
    m_step = qBound(0, step, 3);
    m_stack->setCurrentIndex(1 + m_step);
    static const char *const names[] = {
        QT_TR_NOOP("Review the preconditions"),
        QT_TR_NOOP("Choose the disks"),
        QT_TR_NOOP("Choose the options"),
        QT_TR_NOOP("Confirm"),
    };
    m_stepLabel->setText(tr("Step %1 of 4: %2").arg(m_step + 1).arg(tr(names[m_step])));
    m_backButton->setEnabled(m_step > 0);
    m_nextButton->setVisible(m_step < 3);
    m_okButton->setVisible(m_step == 3);
    // On the last step Enter in the ID field must not press Cancel (the default elsewhere).
    m_cancelButton->setDefault(m_step < 3);
    if (m_step == 3)
        m_confirmEdit->setFocus();
    updateState();
}

void RollbackDialog::fixTabOrder()
{
    // The remedy buttons are created with each report, after everything else: put them
    // right after the list so Tab still goes top to bottom.
    QWidget *previous = m_list;
    for (QWidget *button : m_list->remedyButtons()) {
        QWidget::setTabOrder(previous, button);
        previous = button;
    }
}

} // namespace ecs

namespace ecs {

void RollbackDialog::fitDiskTable()
{
    constexpr int maxRows = 8;
    const int rows = qBound(1, m_diskModel->rowCount(), maxRows);
    int height = m_diskView->horizontalHeader()->sizeHint().height() + 2 * m_diskView->frameWidth();
    for (int row = 0; row < rows; ++row)
        height += row < m_diskModel->rowCount()
            ? m_diskView->rowHeight(row)
            : m_diskView->verticalHeader()->defaultSectionSize();
    m_diskView->setFixedHeight(height);
}

} // namespace ecs
