#include "EcsService.h"
#include "ParameterReader.h"
#include "ServiceErrors.h"
#include "api/responses/ResponseWriters.h"

#include <QRegularExpression>

// CreateSnapshotGroup, DeleteSnapshotGroup (REFERENCE §6, §7) and the snapshots' progress.

namespace ecs::emulator {

namespace {

const QString createdFromTag = QStringLiteral("acs:ecs:createFrom");

bool isEssdFamily(const QString &category)
{
    return category == DiskCategoryName::CloudEssd || category == DiskCategoryName::CloudAuto
        || category == DiskCategoryName::CloudEssdEntry;
}

// Name: 2–128 characters, starting with a letter; Description: 2–256; neither a URL.
void checkText(ParameterReader &reader, const char *name, int maximum, bool nameRules)
{
    const QString value = reader.text(QLatin1String(name));
    if (value.isEmpty())
        return;
    static const QRegularExpression namePattern(
        QStringLiteral("^[A-Za-z\\x{4e00}-\\x{9fa5}][A-Za-z0-9\\x{4e00}-\\x{9fa5}._:-]*$"));
    const bool bad = value.size() < 2 || value.size() > maximum
        || value.startsWith(QLatin1String("http://")) || value.startsWith(QLatin1String("https://"))
        || (nameRules && !namePattern.match(value).hasMatch());
    if (bad) {
        reader.fail(
            serviceErrors::error(400, QStringLiteral("InvalidParameter.") + QLatin1String(name),
                QStringLiteral("The specified parameter \"%1\" is not valid.")
                    .arg(QLatin1String(name))));
    }
}

} // namespace

ActionResult EcsService::createSnapshotGroup(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    const QString instanceId = reader.text(QStringLiteral("InstanceId"));
    const QStringList diskIds = reader.repeatList(QStringLiteral("DiskId"));
    const QStringList excluded = reader.repeatList(QStringLiteral("ExcludeDiskId"));
    const QString clientToken = reader.text(QStringLiteral("ClientToken"));
    const QList<Tag> tags = reader.tags();
    checkText(reader, "Name", 128, true);
    checkText(reader, "Description", 256, false);
    if (instanceId.isEmpty() && diskIds.isEmpty()) {
        // Spelled this way in the API's error table (REFERENCE §6).
        reader.fail(serviceErrors::error(400, QStringLiteral("MissingParamter.InstanceId"),
            QStringLiteral("The parameter InstanceId or DiskId.N is required.")));
    }
    if (!diskIds.isEmpty() && !excluded.isEmpty()) {
        reader.fail(serviceErrors::error(400,
            QStringLiteral("InvalidParam.ExcludeDiskIdsAndDiskIds.Conflict"),
            QStringLiteral("DiskId.N and ExcludeDiskId.N cannot be specified together.")));
    }
    if (clientToken.size() > 64
        || !QRegularExpression(QStringLiteral("^[\\x00-\\x7f]*$")).match(clientToken).hasMatch())
        reader.fail(serviceErrors::invalidParameter(
            QStringLiteral("ClientToken"), QStringLiteral("at most 64 ASCII characters")));
    if (tags.size() > 20)
        reader.fail(serviceErrors::invalidParameter(
            QStringLiteral("Tag.N"), QStringLiteral("at most 20 tags")));
    if (reader.failed())
        return serviceErrors::fail(reader.error());

    // Idempotency: the same token with the same parameters is the same group.
    ApiParameters fingerprint = reader.parametersWithout(QStringLiteral("ClientToken"));
    if (!clientToken.isEmpty() && m_clientTokens.contains(clientToken)) {
        const ClientTokenUse &use = m_clientTokens.value(clientToken);
        if (use.parameters != fingerprint) {
            return serviceErrors::fail(
                serviceErrors::error(403, QStringLiteral("IdempotentParameterMismatch"),
                    QStringLiteral("The request uses the same client token as a previous, but "
                                   "non-identical request.")));
        }
        return ActionResult::success(createSnapshotGroupBody({}, use.snapshotGroupId));
    }

    const EmulatedInstance *owner = nullptr;
    if (!instanceId.isEmpty()) {
        const auto found = m_world.instances.constFind(instanceId);
        if (found == m_world.instances.constEnd() || found->instance.regionId != regionId)
            return serviceErrors::fail(serviceErrors::instanceNotFound(instanceId));
        owner = &*found;
        if (owner->instance.isLockedForSecurity())
            return serviceErrors::fail(serviceErrors::lockedForSecurity());
        if (!owner->instance.isRunning() && !owner->instance.isStopped())
            return serviceErrors::fail(serviceErrors::incorrectInstanceStatus(400));
    }

    // Which disks: DiskId.N (within the instance when one is named), else the
    // instance's disks less ExcludeDiskId.N.
    QList<const EmulatedDisk *> disks;
    if (!diskIds.isEmpty()) {
        for (const QString &diskId : diskIds) {
            const auto found = m_world.disks.constFind(diskId);
            if (found == m_world.disks.constEnd() || found->disk.regionId != regionId
                || (owner && !found->disk.isAttachedTo(instanceId)))
                return serviceErrors::fail(serviceErrors::diskNotFound(diskId));
            disks.append(&*found);
        }
    } else {
        for (const EmulatedDisk &record : std::as_const(m_world.disks)) {
            if (record.disk.isAttachedTo(instanceId) && !excluded.contains(record.disk.diskId))
                disks.append(&record);
        }
        if (disks.isEmpty()) {
            return serviceErrors::fail(
                serviceErrors::error(403, QStringLiteral("InvalidInstance.NoDisk"),
                    QStringLiteral("The specified instance has no disk to snapshot.")));
        }
    }
    if (disks.size() > 128) {
        return serviceErrors::fail(
            serviceErrors::error(403, QStringLiteral("NumberExceed.TooManyDisks"),
                QStringLiteral("A snapshot group holds at most 128 disks.")));
    }
    QString sourceInstance = disks.first()->disk.instanceId;
    for (const EmulatedDisk *record : std::as_const(disks)) {
        const Disk &disk = record->disk;
        if (disk.zoneId != disks.first()->disk.zoneId) {
            return serviceErrors::fail(
                serviceErrors::error(400, QStringLiteral("InvalidDiskIds.NotInSameZone"),
                    QStringLiteral("The specified disks are not in the same zone.")));
        }
        if (!isEssdFamily(disk.category)) {
            return serviceErrors::fail(
                serviceErrors::error(400, QStringLiteral("DiskCategory.OperationNotSupported"),
                    QStringLiteral("Snapshot groups support ESSD disks only: %1 is %2.")
                        .arg(disk.diskId, disk.category)));
        }
        if (!disk.isSettled()) {
            return serviceErrors::fail(serviceErrors::error(403,
                QStringLiteral("IncorrectDiskStatus"),
                QStringLiteral("The current status of the disk %1 does not support this operation.")
                    .arg(disk.diskId)));
        }
        if (m_world.hasUnfinishedSnapshot(disk.diskId)) {
            return serviceErrors::fail(serviceErrors::error(403,
                QStringLiteral("IncorrectDiskStatus.CreatingSnapshot"),
                QStringLiteral("A snapshot of the disk %1 is being created.").arg(disk.diskId)));
        }
        const auto attachedTo = m_world.instances.constFind(disk.instanceId);
        if (attachedTo != m_world.instances.constEnd()
            && attachedTo->instance.isLockedForSecurity())
            return serviceErrors::fail(serviceErrors::lockedForSecurity());
        if (disk.instanceId != sourceInstance)
            sourceInstance.clear();
    }

    // Accepted: the snapshots capture the disks' content now and then progress.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    EmulatedSnapshotGroup group;
    group.regionId = regionId;
    group.group.snapshotGroupId = m_world.newId(QStringLiteral("ssg-"));
    group.group.name = reader.text(QStringLiteral("Name"));
    group.group.description = reader.text(QStringLiteral("Description"));
    group.group.instanceId = owner ? instanceId : sourceInstance;
    group.group.status = SnapshotGroupStatusName::Progressing;
    group.group.creationTime = now;
    group.group.resourceGroupId = reader.text(QStringLiteral("ResourceGroupId"));
    group.group.tags = tags;
    for (const EmulatedDisk *record : std::as_const(disks)) {
        EmulatedSnapshot snapshot;
        Snapshot &s = snapshot.snapshot;
        s.snapshotId = m_world.newId(QStringLiteral("s-"));
        s.snapshotName = group.group.name;
        s.status = SnapshotStatusName::Progressing;
        s.sourceDiskId = record->disk.diskId;
        s.sourceDiskType = record->disk.type;
        s.sourceDiskSize = record->disk.size;
        s.snapshotType = SnapshotTypeName::User;
        s.usage = SnapshotUsageName::None;
        s.instantAccess = true;
        s.remainTime = m_timing.snapshotSteps * m_timing.snapshotStepMs / 1000;
        s.creationTime = now;
        s.lastModifiedTime = now;
        if (!record->disk.instanceId.isEmpty())
            s.tags.append(Tag { createdFromTag, record->disk.instanceId });
        snapshot.regionId = regionId;
        snapshot.sourceInstanceId = record->disk.instanceId;
        snapshot.contentMarker = record->contentMarker;
        snapshot.advancing = true;
        group.snapshotIds.append(s.snapshotId);
        m_world.groupOfSnapshot.insert(s.snapshotId, group.group.snapshotGroupId);
        m_world.snapshots.insert(s.snapshotId, snapshot);
    }
    const QString groupId = group.group.snapshotGroupId;
    m_world.groups.insert(groupId, group);
    if (!clientToken.isEmpty())
        m_clientTokens.insert(clientToken, ClientTokenUse { fingerprint, groupId });
    later(m_timing.snapshotStepMs, [this, groupId] { advanceSnapshots(groupId); });
    changed();
    return ActionResult::success(createSnapshotGroupBody({}, groupId));
}

// One tick for the advancing snapshots of a group ("" for those in none). A snapshot with
// a pace (a seeded RemainTime) follows its own clock; the others take ServiceTiming's
// steps. Instant-access snapshots are Available from the first step on, as ESSD ones are
// within seconds of being created, while their group is still progressing.
void EcsService::advanceSnapshots(const QString &groupId)
{
    const int step = (100 + m_timing.snapshotSteps - 1) / std::max(1, m_timing.snapshotSteps);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool more = false;
    for (EmulatedSnapshot &record : m_world.snapshots) {
        if (!record.advancing
            || m_world.groupOfSnapshot.value(record.snapshot.snapshotId) != groupId)
            continue;
        Snapshot &snapshot = record.snapshot;
        if (record.paceEnd.isValid()) {
            const qint64 total = record.paceStart.msecsTo(record.paceEnd);
            const qint64 elapsed = record.paceStart.msecsTo(now);
            const int left = 100 - record.paceStartProgress;
            snapshot.progress = total <= 0
                ? 100
                : int(std::min<qint64>(100, record.paceStartProgress + left * elapsed / total));
            snapshot.remainTime = int(std::max<qint64>(0, now.secsTo(record.paceEnd)));
        } else {
            snapshot.progress = std::min(100, snapshot.progress + step);
            const int stepsLeft = (100 - snapshot.progress + step - 1) / step;
            snapshot.remainTime = stepsLeft * m_timing.snapshotStepMs / 1000;
            if (snapshot.instantAccess)
                snapshot.available = true;
        }
        snapshot.lastModifiedTime = now;
        if (snapshot.progress >= 100) {
            snapshot.status = SnapshotStatusName::Accomplished;
            snapshot.available = true;
            snapshot.remainTime = 0;
            record.advancing = false;
        } else {
            more = true;
        }
    }
    const auto group = m_world.groups.find(groupId);
    if (group != m_world.groups.end() && !more
        && group->group.status == SnapshotGroupStatusName::Progressing)
        group->group.status = SnapshotGroupStatusName::Accomplished;
    if (more)
        later(m_timing.snapshotStepMs, [this, groupId] { advanceSnapshots(groupId); });
}

ActionResult EcsService::deleteSnapshotGroup(ParameterReader &reader)
{
    QString regionId;
    checkRegion(reader, &regionId);
    const QString groupId = reader.required(QStringLiteral("SnapshotGroupId"));
    if (reader.failed())
        return serviceErrors::fail(reader.error());
    const auto found = m_world.groups.find(groupId);
    if (found == m_world.groups.end() || found->regionId != regionId)
        return serviceErrors::fail(serviceErrors::snapshotGroupNotFound(groupId));
    QList<OperationProgress> results;
    const QStringList snapshotIds = found->snapshotIds;
    m_world.groups.erase(found);
    for (const QString &snapshotId : snapshotIds) {
        m_world.removeSnapshot(snapshotId);
        results.append(OperationProgress { OperationStatusName::Success, {}, {},
            { RelatedItem { RelatedItemName::SnapshotId, snapshotId } } });
    }
    changed();
    return ActionResult::success(operationProgressSetBody({}, results));
}

} // namespace ecs::emulator
