#include "JournalView.h"

#include "JournalModel.h"
#include "journal/Journal.h"

#include <QApplication>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace ecs {

namespace {

bool matches(const JournalEntry &entry, const JournalQuery &query)
{
    return (query.instanceId.isEmpty() || entry.instanceId == query.instanceId)
        && (!query.from.isValid() || entry.time >= query.from)
        && (!query.to.isValid() || entry.time < query.to);
}

} // namespace

JournalView::JournalView(QWidget *parent)
    : QWidget(parent)
    , m_model(new JournalModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_problem(new QLabel(this))
    , m_instance(new QLineEdit(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_search(new QLineEdit(this))
    , m_refresh(new QPushButton(tr("&Refresh"), this))
    , m_exportCsv(new QPushButton(tr("Export &CSV…"), this))
    , m_exportJson(new QPushButton(tr("Export &JSON…"), this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_empty(new QLabel(this))
    , m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("journalView"));
    setAccessibleName(tr("Journal"));

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(JournalModel::SortRole);
    m_proxy->setFilterRole(JournalModel::SearchRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("journalTable"));
    m_view->setAccessibleName(tr("Journal entries"));
    m_view->setModel(m_proxy);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(JournalModel::TimeColumn, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setSectionResizeMode(QHeaderView::Interactive);
    // IDs keep their recognisable ends ("6A1B…F0C2") when a column is narrowed.
    m_view->setTextElideMode(Qt::ElideMiddle);

    m_problem->setObjectName(QStringLiteral("journalProblem"));
    m_problem->setAccessibleName(tr("Journal problem"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_problem->setFrameShape(QFrame::StyledPanel);
    m_problem->setBackgroundRole(QPalette::AlternateBase);
    m_problem->setAutoFillBackground(true);
    m_problem->setMargin(6);
    m_problem->hide();

    m_empty->setObjectName(QStringLiteral("journalEmpty"));
    m_empty->setAccessibleName(tr("Journal state"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);

    m_status->setObjectName(QStringLiteral("journalStatus"));
    m_status->setAccessibleName(tr("Export status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_refresh->setAccessibleName(tr("Refresh the journal"));
    m_refresh->setIcon(QIcon::fromTheme(
        QStringLiteral("view-refresh"), style()->standardIcon(QStyle::SP_BrowserReload)));
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportCsv->setAccessibleName(tr("Export the shown entries as CSV"));
    m_exportJson->setObjectName(QStringLiteral("exportJsonButton"));
    m_exportJson->setAccessibleName(tr("Export the shown entries as JSON"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_exportCsv);
    buttons->addWidget(m_exportJson);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problem);
    layout->addWidget(createFilters());
    layout->addWidget(m_stack, 1);
    layout->addLayout(buttons);

    connect(m_refresh, &QPushButton::clicked, this, &JournalView::refresh);
    auto *refreshKey = new QShortcut(QKeySequence::Refresh, this);
    connect(refreshKey, &QShortcut::activated, this, &JournalView::refresh);
    connect(m_exportCsv, &QPushButton::clicked, this,
        [this] { startExport(JournalExportFormat::Csv); });
    connect(m_exportJson, &QPushButton::clicked, this,
        [this] { startExport(JournalExportFormat::Json); });
    // The journal is a local file: reading it again per keystroke is cheap.
    connect(m_instance, &QLineEdit::textChanged, this, &JournalView::refresh);
    connect(m_from, &QDateEdit::dateChanged, this, &JournalView::refresh);
    connect(m_to, &QDateEdit::dateChanged, this, &JournalView::refresh);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        updateEmptyState();
    });
    updateEmptyState();
}

QWidget *JournalView::createFilters()
{
    auto *filters = new QWidget(this);
    const auto labelled = [filters](const QString &text, QWidget *buddy) {
        auto *label = new QLabel(text, filters);
        label->setBuddy(buddy);
        return label;
    };
    m_instance->setObjectName(QStringLiteral("instanceFilter"));
    m_instance->setAccessibleName(tr("Instance ID"));
    m_instance->setPlaceholderText(tr("Any instance"));
    m_instance->setClearButtonEnabled(true);
    const QDate today = QDate::currentDate();
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMaximumDate(today.addYears(1));
    }
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setAccessibleName(tr("From date"));
    m_from->setDate(today.addDays(-6)); // the last 7 days, today included
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setAccessibleName(tr("To date, included"));
    m_to->setDate(today);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setAccessibleName(tr("Search the entries"));
    m_search->setPlaceholderText(tr("Request ID, disk, message…"));
    m_search->setClearButtonEnabled(true);

    auto *layout = new QHBoxLayout(filters);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(labelled(tr("&Instance:"), m_instance));
    layout->addWidget(m_instance, 1);
    layout->addWidget(labelled(tr("&From:"), m_from));
    layout->addWidget(m_from);
    layout->addWidget(labelled(tr("&To:"), m_to));
    layout->addWidget(m_to);
    layout->addWidget(labelled(tr("&Search:"), m_search));
    layout->addWidget(m_search, 1);
    return filters;
}

void JournalView::setJournal(Journal *journal)
{
    if (m_journal)
        disconnect(m_journal, nullptr, this, nullptr);
    m_journal = journal;
    if (m_journal) {
        connect(m_journal, &Journal::recorded, this, &JournalView::refresh);
        // Also how an entry kept in memory announces itself: recorded() is for saved ones.
        connect(m_journal, &Journal::problemChanged, this, &JournalView::refresh);
    }
    refresh();
}

void JournalView::setInstanceFilter(const QString &instanceId)
{
    m_instance->setText(instanceId);
}

void JournalView::setDateRange(const QDate &from, const QDate &to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setDate(from);
    m_to->setDate(to);
    refresh();
}

JournalQuery JournalView::query() const
{
    JournalQuery query;
    query.instanceId = m_instance->text().trimmed();
    // Days as the user lives them (local midnight), as the journal stores them (UTC).
    query.from = m_from->date().startOfDay().toUTC();
    query.to = m_to->date().addDays(1).startOfDay().toUTC();
    return query;
}

void JournalView::refresh()
{
    QList<JournalEntry> saved;
    QList<JournalEntry> unsaved;
    if (m_journal) {
        const JournalQuery filter = query();
        saved = m_journal->entries(filter).value_or(QList<JournalEntry> {});
        for (const JournalEntry &entry : m_journal->unsaved()) {
            if (matches(entry, filter))
                unsaved.append(entry);
        }
    }
    m_model->setEntries(saved, unsaved);
    if (!m_columnsFitted && m_model->rowCount() > 0) {
        // Once, when there is something to measure: later the user's widths stay.
        m_columnsFitted = true;
        for (int column = 0; column < JournalModel::ColumnCount; ++column) {
            m_view->resizeColumnToContents(column);
            m_view->setColumnWidth(column, qMin(m_view->columnWidth(column), 320));
        }
    }
    updateProblem();
    updateEmptyState();
}

void JournalView::updateProblem()
{
    const QString problem = m_journal ? m_journal->problem() : QString();
    const int unsaved = m_journal ? int(m_journal->unsaved().size()) : 0;
    m_problem->setVisible(!problem.isEmpty() || unsaved > 0);
    if (m_problem->isHidden())
        return;
    QString text = tr("The audit journal has a problem: %1").arg(problem);
    if (unsaved > 0) {
        text += QLatin1Char('\n')
            + tr("%n entry(s) are held in memory only, shown in italics; they are written when "
                 "the journal can be written again.",
                nullptr, unsaved);
    }
    m_problem->setText(text);
}

void JournalView::updateEmptyState()
{
    if (!m_journal) {
        m_empty->setText(tr("No audit journal is open for this session."));
    } else if (m_model->rowCount() == 0) {
        JournalQuery all;
        all.limit = 1; // is there anything at all? One row tells.
        const bool anything = !m_journal->entries(all).value_or(QList<JournalEntry> {}).isEmpty()
            || !m_journal->unsaved().isEmpty();
        m_empty->setText(
            anything ? tr("No operations match these filters.") : tr("No operations recorded yet"));
    } else if (m_proxy->rowCount() == 0) {
        m_empty->setText(tr("No entries match “%1”.").arg(m_search->text()));
    }
    const bool empty = m_proxy->rowCount() == 0;
    m_stack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
    m_exportCsv->setEnabled(!empty);
    m_exportJson->setEnabled(!empty);
}

QList<JournalEntry> JournalView::shownEntries() const
{
    QList<JournalEntry> shown;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        shown.append(m_model->entry(m_proxy->mapToSource(m_proxy->index(row, 0)).row()));
    return shown;
}

void JournalView::startExport(JournalExportFormat format)
{
    if (m_exportDialog)
        m_exportDialog->deleteLater();
    const bool csv = format == JournalExportFormat::Csv;
    auto *dialog
        = new QFileDialog(this, csv ? tr("Export Journal as CSV") : tr("Export Journal as JSON"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("exportDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setFileMode(QFileDialog::AnyFile);
    dialog->setNameFilter(csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    dialog->setDefaultSuffix(csv ? QStringLiteral("csv") : QStringLiteral("json"));
    dialog->setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog->selectFile(QStringLiteral("ecs-journal.") + dialog->defaultSuffix());
    // open(), not exec(): the window goes on updating while the user picks a file.
    connect(dialog, &QFileDialog::fileSelected, this,
        [this, format](const QString &path) { exportTo(path, format); });
    m_exportDialog = dialog;
    dialog->open();
}

QString JournalView::exportTo(const QString &path, JournalExportFormat format)
{
    const QList<JournalEntry> entries = shownEntries();
    const QString error = writeJournalExport(path, format, entries);
    m_status->setText(error.isEmpty()
            ? tr("Exported %n entry(s) to %1.", nullptr, int(entries.size()))
                  .arg(QDir::toNativeSeparators(path))
            : error);
    return error;
}

} // namespace ecs
