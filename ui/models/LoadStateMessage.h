#pragma once

#include "api/ApiError.h"

#include <QCoreApplication>
#include <QString>

namespace ecs {

// What an empty or failed table says instead of rows: a short title and what to do next.
// Pure functions, so every case is unit-tested without a widget.
struct LoadStateMessage
{
    Q_DECLARE_TR_FUNCTIONS(ecs::LoadStateMessage)

public:
    enum class Kind {
        Empty, // the listing worked and found nothing
        AccessKeyRefused, // wrong, unknown or disabled AccessKey
        NoPermission, // RAM policy does not allow the call
        Offline, // network, timeout, TLS
        Busy, // throttled
        Other,
    };

    Kind kind = Kind::Other;
    QString title;
    QString advice;
    // The service's own words (already redacted), for a "Details" toggle: never the headline.
    QString details;

    // `action` is the API action that failed; it names the RAM permission to ask for.
    // `profileName` (as the profile list shows it) names whose credentials were refused.
    static LoadStateMessage forError(const ApiError &error,
        const QString &action = QStringLiteral("DescribeSnapshotGroups"),
        const QString &profileName = {});
    // `regionName` as shown in the region selector (its ID when there is no name).
    static LoadStateMessage forEmpty(const QString &regionName);
    // The instance snapshot page's wording for an empty listing of disk snapshots.
    static LoadStateMessage forEmptyDiskSnapshots(const QString &regionName);
};

} // namespace ecs
