#pragma once

#include "rollback/PreconditionReport.h"
#include "rollback/RollbackFacts.h"
#include "rollback/RollbackPlan.h"
#include "rollback/RollbackTarget.h"
#include "session/ConsoleContext.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

#include <optional>

class QCheckBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;
class QVBoxLayout;

namespace ecs {

class DiskChecklistModel;
class InlineMessage;
class FactsGatherer;
class PreconditionListWidget;
class PrecautionsNote;
class StopRemedyPanel;

// "Rollback instance": the web console's dialog, top to bottom — the instance snapshot and
// instance, precautions, preconditions (with the remedies the app can run), "Start the
// instance immediately after Rollback", the safety snapshot, the "Cloud disk snapshot"
// checklist, and "OK Rollback" / "Cancel" (Cancel is the default and Escape action).
//
// On open the facts are gathered once (FactsGatherer); a change of disk selection re-runs
// the pure checkPreconditions() on them locally, without new requests. "Check again" (F5)
// gathers again. After the final confirmation the dialog emits rollbackConfirmed() and
// accepts; it never runs the rollback itself (the caller creates the RollbackJob).
//
// Guided mode (for support staff) walks through the same sections as steps and asks for
// the instance ID to be typed as the confirmation.
class RollbackDialog : public QDialog
{
    Q_OBJECT

public:
    RollbackDialog(
        const ConsoleContext &context, const RollbackTarget &target, QWidget *parent = nullptr);
    ~RollbackDialog() override;

    void setGuidedMode(bool guided);
    bool isGuidedMode() const { return m_guided; }
    RollbackPlan plan() const;
    const PreconditionReport &report() const { return m_report; }
    bool isOkEnabled() const;
    // True while the facts are gathered.
    bool isChecking() const;

Q_SIGNALS:
    void rollbackConfirmed(const ecs::RollbackPlan &plan);

protected:
    // The first show sizes the dialog to the screen it opens on (fitToScreen()).
    void showEvent(QShowEvent *event) override;

private:
    // RollbackDialogLayout.cpp: the widgets and where they sit.
    void createWidgets();
    QGroupBox *createPreconditionSection();
    QWidget *createOptionSection();
    QGroupBox *createDiskSection();
    QWidget *createConfirmSection();
    QWidget *createButtonRow();
    // Puts the sections on the single page (normal) or on the step pages (guided).
    void placeSections();
    void fitToScreen();
    void showStep(int step);
    void fixTabOrder();
    // The checklist as tall as its rows (up to a point), so the page does not scroll for
    // empty space.
    void fitDiskTable();

    // RollbackDialog.cpp: the state.
    void startCheck();
    void factsGathered(const RollbackFacts &facts);
    void diskChoiceChanged();
    void recheck();
    void updateHeader();
    void updateState();
    QString blockReason() const;
    void remedyRequested(Remedy remedy);
    void okClicked();
    void openFinalConfirmation();
    void confirm();
    // What the rollback will do (instance, disks, options), for both confirmations.
    QString summaryHtml() const;
    QString instanceId() const;
    QString instanceName() const;

    ConsoleContext m_context;
    RollbackTarget m_target;
    FactsGatherer *m_gatherer;
    std::optional<RollbackFacts> m_facts;
    PreconditionReport m_report;
    bool m_userChoseDisks = false; // else the report's proposal is the selection
    bool m_guided = false;
    int m_step = 0;

    QLabel *m_instanceLine = nullptr;
    QLabel *m_stepLabel = nullptr;
    QStackedWidget *m_stack = nullptr;
    QVBoxLayout *m_singlePage = nullptr;
    QList<QVBoxLayout *> m_stepPages;
    PrecautionsNote *m_precautions = nullptr;
    QGroupBox *m_checkSection = nullptr;
    QProgressBar *m_checkingBar = nullptr;
    QLabel *m_checkingLabel = nullptr;
    QPushButton *m_checkAgain = nullptr;
    PreconditionListWidget *m_list = nullptr;
    StopRemedyPanel *m_stopPanel = nullptr;
    QWidget *m_optionSection = nullptr;
    QCheckBox *m_startAfter = nullptr;
    QCheckBox *m_safetySnapshot = nullptr;
    QCheckBox *m_skipChangedDisks = nullptr;
    bool m_fitted = false;
    InlineMessage *m_noSafetySnapshotWarning = nullptr;
    QGroupBox *m_diskSection = nullptr;
    DiskChecklistModel *m_diskModel = nullptr;
    QTableView *m_diskView = nullptr;
    QPushButton *m_selectAll = nullptr;
    QPushButton *m_selectNone = nullptr;
    QWidget *m_confirmSection = nullptr;
    QLabel *m_confirmSummary = nullptr;
    QLineEdit *m_confirmEdit = nullptr;
    QLabel *m_reasonLabel = nullptr;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_nextButton = nullptr;
    QPushButton *m_okButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPointer<QMessageBox> m_finalConfirmation;
};

} // namespace ecs
