#include "ReportText.h"

#include "CliOutput.h"

#include <QJsonArray>

namespace ecs::cli {

namespace {

const QString Indent = QStringLiteral("           ");

} // namespace

ReportText::ReportText(
    const RollbackFacts &facts, const PreconditionReport &report, QStringList repeatArguments)
    : m_facts(facts)
    , m_report(report)
    , m_repeatArguments(std::move(repeatArguments))
{ }

QString ReportText::instanceId() const
{
    if (m_facts.instance)
        return m_facts.instance->instanceId;
    return m_facts.group ? m_facts.group->instanceId : QString();
}

QString ReportText::heading() const
{
    QString text = CliText::tr("Instance snapshot %1").arg(m_facts.snapshotGroupId);
    if (m_facts.group && !m_facts.group->name.isEmpty())
        text += QLatin1String(" (") + m_facts.group->name + QLatin1Char(')');
    if (!instanceId().isEmpty())
        text += CliText::tr(" of instance %1").arg(instanceId());
    text += CliText::tr(", region %1").arg(m_facts.regionId);
    return text + QLatin1Char('\n')
        + CliText::tr("Checked at %1").arg(CliOutput::time(m_facts.gatheredAt));
}

QString ReportText::outcomeLabel(PreconditionOutcome outcome)
{
    switch (outcome) {
    case PreconditionOutcome::Passed:
        return CliText::tr("ok");
    case PreconditionOutcome::Warning:
        return CliText::tr("WARNING");
    case PreconditionOutcome::Failed:
        return CliText::tr("FAILED");
    case PreconditionOutcome::Unknown:
        return CliText::tr("UNKNOWN");
    }
    return {};
}

QString ReportText::suggestedCommand(const QStringList &arguments) const
{
    return (QStringList { QStringLiteral("ecs-rollback-cli") } + arguments + m_repeatArguments)
        .join(QLatin1Char(' '));
}

QString ReportText::remedy(Remedy remedy) const
{
    switch (remedy) {
    case Remedy::None:
        return {};
    case Remedy::StopInStandardMode:
        return CliText::tr("stop the instance in standard mode (KeepCharging): %1")
            .arg(suggestedCommand({ QStringLiteral("stop"), instanceId() }));
    case Remedy::CreateSafetySnapshot:
        return CliText::tr("'rollback' takes an instance snapshot of the current disks first "
                           "unless --no-safety-snapshot is given");
    case Remedy::Refresh:
        return CliText::tr("check again in a moment: %1")
            .arg(suggestedCommand({ QStringLiteral("check"), m_facts.snapshotGroupId }));
    }
    return {};
}

QString ReportText::itemText(const PreconditionItem &item) const
{
    QStringList lines;
    lines.append(QLatin1String("  ") + outcomeLabel(item.outcome).leftJustified(9) + item.title);
    if (!item.explanation.isEmpty())
        lines.append(Indent + item.explanation);
    for (const QString &fact : item.facts)
        lines.append(Indent + QLatin1String("- ") + fact);
    if (const QString what = remedy(item.remedy); !what.isEmpty())
        lines.append(Indent + CliText::tr("Remedy: %1").arg(what));
    return lines.join(QLatin1Char('\n'));
}

QString ReportText::itemsText(const QList<PreconditionItem> &items) const
{
    QStringList parts;
    QString currentDisk;
    for (const PreconditionItem &item : items) {
        if (!item.diskId.isEmpty() && item.diskId != currentDisk) {
            currentDisk = item.diskId;
            parts.append(CliText::tr("Disk %1:").arg(currentDisk));
        }
        parts.append(itemText(item));
    }
    return parts.join(QLatin1Char('\n'));
}

QString ReportText::allItems() const
{
    QList<PreconditionItem> ordered;
    for (const PreconditionItem &item : m_report.items) {
        if (item.diskId.isEmpty())
            ordered.append(item);
    }
    QStringList groupDisks;
    for (const DiskEligibility &disk : m_report.disks) {
        groupDisks.append(disk.diskId);
        ordered += m_report.itemsForDisk(disk.diskId);
    }
    // Then the disks the group has no snapshot of (attached since, or a stray --disk).
    for (const PreconditionItem &item : m_report.items) {
        if (!item.diskId.isEmpty() && !groupDisks.contains(item.diskId))
            ordered.append(item);
    }
    return itemsText(ordered);
}

QString ReportText::blockers() const
{
    return itemsText(m_report.blockingItems());
}

QString ReportText::warnings(const QList<PreconditionKind> &except) const
{
    QList<PreconditionItem> shown;
    for (const PreconditionItem &item : m_report.warnings()) {
        if (!except.contains(item.kind))
            shown.append(item);
    }
    return itemsText(shown);
}

QString ReportText::disks() const
{
    QList<QStringList> rows;
    for (const DiskEligibility &disk : m_report.disks) {
        QString verdict = disk.canRollBack
            ? CliText::tr("yes")
            : CliText::tr("no: %1").arg(disk.reasons.join(QLatin1String("; ")));
        rows.append({ disk.diskId, disk.diskType, disk.snapshotId,
            disk.category.isEmpty() ? QStringLiteral("-") : disk.category,
            disk.sizeGiB > 0 ? CliText::tr("%1 GiB").arg(disk.sizeGiB) : QStringLiteral("-"),
            disk.device.isEmpty() ? QStringLiteral("-") : disk.device,
            CliOutput::yesNo(disk.selected), verdict });
    }
    return CliOutput::formatTable(
        { CliText::tr("DISK"), CliText::tr("TYPE"), CliText::tr("SNAPSHOT"),
            CliText::tr("CATEGORY"), CliText::tr("SIZE"), CliText::tr("DEVICE"),
            CliText::tr("SELECTED"), CliText::tr("CAN ROLL BACK") },
        rows, QStringLiteral("  "));
}

QString ReportText::verdict() const
{
    if (m_report.allowsRollback())
        return CliText::tr("Result: the selected disk(s) can be rolled back: %1.")
            .arg(m_report.selectedDiskIds().join(QLatin1String(", ")));
    const QList<PreconditionItem> blocking = m_report.blockingItems();
    if (blocking.isEmpty())
        return CliText::tr("Result: nothing can be rolled back: no disk is selected.");
    QStringList titles;
    for (const PreconditionItem &item : blocking) {
        titles.append(item.diskId.isEmpty() || item.title.contains(item.diskId)
                ? item.title
                : CliText::tr("%1 (%2)").arg(item.title, item.diskId));
    }
    return CliText::tr("Result: cannot be rolled back. Not met: %1.")
        .arg(titles.join(QLatin1String("; ")));
}

QString ReportText::narrowerSelectionHint() const
{
    if (m_report.allowsRollback())
        return {};
    for (const PreconditionItem &item : m_report.blockingItems()) {
        if (item.diskId.isEmpty())
            return {}; // something instance-wide blocks every disk
    }
    QStringList arguments { QStringLiteral("rollback"), m_facts.snapshotGroupId };
    int eligible = 0;
    for (const DiskEligibility &disk : m_report.disks) {
        if (disk.canRollBack) {
            arguments << QStringLiteral("--disk") << disk.diskId;
            ++eligible;
        }
    }
    if (eligible == 0)
        return {};
    return CliText::tr("%n disk(s) can be rolled back on their own: %1", nullptr, eligible)
        .arg(suggestedCommand(arguments));
}

QJsonObject ReportText::itemToJson(const PreconditionItem &item)
{
    QJsonObject json { { QStringLiteral("kind"), preconditionKindName(item.kind) },
        { QStringLiteral("outcome"), preconditionOutcomeName(item.outcome) },
        { QStringLiteral("title"), item.title },
        { QStringLiteral("explanation"), item.explanation },
        { QStringLiteral("facts"), QJsonArray::fromStringList(item.facts) },
        { QStringLiteral("remedy"), remedyName(item.remedy) },
        { QStringLiteral("blocks"), item.blocks() } };
    if (!item.diskId.isEmpty())
        json.insert(QStringLiteral("diskId"), item.diskId);
    return json;
}

QJsonObject ReportText::toJson() const
{
    QJsonArray items;
    for (const PreconditionItem &item : m_report.items)
        items.append(itemToJson(item));
    QJsonArray disks;
    for (const DiskEligibility &disk : m_report.disks) {
        disks.append(QJsonObject { { QStringLiteral("diskId"), disk.diskId },
            { QStringLiteral("snapshotId"), disk.snapshotId },
            { QStringLiteral("diskType"), disk.diskType },
            { QStringLiteral("category"), disk.category },
            { QStringLiteral("sizeGiB"), disk.sizeGiB }, { QStringLiteral("device"), disk.device },
            { QStringLiteral("selected"), disk.selected },
            { QStringLiteral("canRollBack"), disk.canRollBack },
            { QStringLiteral("reasons"), QJsonArray::fromStringList(disk.reasons) } });
    }
    return QJsonObject { { QStringLiteral("snapshotGroupId"), m_facts.snapshotGroupId },
        { QStringLiteral("regionId"), m_facts.regionId },
        { QStringLiteral("instanceId"), instanceId() },
        { QStringLiteral("checkedAt"), CliOutput::jsonTime(m_facts.gatheredAt) },
        { QStringLiteral("allowsRollback"), m_report.allowsRollback() },
        { QStringLiteral("selectedDiskIds"),
            QJsonArray::fromStringList(m_report.selectedDiskIds()) },
        { QStringLiteral("items"), items }, { QStringLiteral("disks"), disks } };
}

} // namespace ecs::cli
