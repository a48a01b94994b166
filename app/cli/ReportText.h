#pragma once

#include "rollback/PreconditionReport.h"
#include "rollback/RollbackFacts.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace ecs::cli {

// A precondition report for people (text) and for scripts (JSON). Text comes back as
// strings, so callers choose the channel: 'check' prints it as its result on stdout,
// 'rollback' shows the plan on stderr.
class ReportText
{
public:
    // `repeatArguments`: the global options a suggested command must repeat.
    ReportText(
        const RollbackFacts &facts, const PreconditionReport &report, QStringList repeatArguments);

    // "Instance snapshot ssg-… (name) of instance i-…, region …" and when it was checked.
    QString heading() const;
    // Every item: outcome, title, explanation, facts and remedy; instance-wide items
    // first, then each disk's.
    QString allItems() const;
    // Only the items that block.
    QString blockers() const;
    // The warnings, but for the kinds in `except` (e.g. what the caller already says).
    QString warnings(const QList<PreconditionKind> &except = {}) const;
    // The disks of the group: snapshot, selected, can be rolled back or why not.
    QString disks() const;
    // One closing sentence: can the selection be rolled back.
    QString verdict() const;
    // When only per-disk items block and some disks can be rolled back: the command that
    // rolls back just those. Empty otherwise.
    QString narrowerSelectionHint() const;

    // What the remedy means here, as something to do or run.
    QString remedy(Remedy remedy) const;
    QString suggestedCommand(const QStringList &arguments) const;

    QJsonObject toJson() const;
    static QJsonObject itemToJson(const PreconditionItem &item);

    static QString outcomeLabel(PreconditionOutcome outcome);

private:
    QString itemText(const PreconditionItem &item) const;
    QString itemsText(const QList<PreconditionItem> &items) const;
    QString instanceId() const;

    const RollbackFacts &m_facts;
    const PreconditionReport &m_report;
    QStringList m_repeatArguments;
};

} // namespace ecs::cli
