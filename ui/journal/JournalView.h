#pragma once

#include "JournalFileExport.h"
#include "journal/Journal.h"

#include <QDate>
#include <QFileDialog>
#include <QPointer>
#include <QWidget>

class QDateEdit;

class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace ecs {

class Journal;
class JournalModel;

// The "Journal" page: what the console did, newest first. The instance and the date range
// go to the journal as a JournalQuery; the search box filters what that returned. Exports
// write the rows shown. A journal that cannot be written says so in a banner, with the
// entries held in memory listed (in italics) rather than hidden.
class JournalView : public QWidget
{
    Q_OBJECT

public:
    explicit JournalView(QWidget *parent = nullptr);

    void setJournal(Journal *journal);
    Journal *journal() const { return m_journal; }
    void refresh();

    // The filters, for callers that open the page on one instance ("Show in journal").
    void setInstanceFilter(const QString &instanceId);
    void setDateRange(const QDate &from, const QDate &to);
    // The query the filters make: whole local days, `to` inclusive.
    JournalQuery query() const;

    JournalModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // Entries as shown (search applied, in the view's order): what an export writes.
    QList<JournalEntry> shownEntries() const;
    // The save dialog of the export in progress (non-modal), or null.
    QFileDialog *exportDialog() const { return m_exportDialog; }
    // Writes the shown entries without a dialog; "" on success, else why not (also shown).
    QString exportTo(const QString &path, JournalExportFormat format);

private:
    QWidget *createFilters();
    void startExport(JournalExportFormat format);
    void updateProblem();
    void updateEmptyState();

    QPointer<Journal> m_journal;
    JournalModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_problem;
    QLineEdit *m_instance;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_search;
    QPushButton *m_refresh;
    QPushButton *m_exportCsv;
    QPushButton *m_exportJson;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    QLabel *m_empty;
    QLabel *m_status;
    QPointer<QFileDialog> m_exportDialog;
    bool m_columnsFitted = false;
};

} // namespace ecs
