#include "SnapshotTexts.h"

#include "model/Disk.h"
#include "model/Snapshot.h"

namespace ecs {

QString SnapshotTexts::status(const QString &status, int progress)
{
    if (status == SnapshotStatusName::Accomplished)
        return tr("Accomplished");
    if (status == SnapshotStatusName::Progressing)
        return tr("Progressing (%1%)").arg(progress);
    if (status == SnapshotStatusName::Failed)
        return tr("Failed");
    return status;
}

QString SnapshotTexts::time(const QDateTime &utc)
{
    if (!utc.isValid())
        return {};
    return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString SnapshotTexts::diskType(const QString &type)
{
    if (type == DiskTypeName::System)
        return tr("system");
    if (type == DiskTypeName::Data)
        return tr("data");
    return type;
}

} // namespace ecs
