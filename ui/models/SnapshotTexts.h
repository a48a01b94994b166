#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ecs {

// Texts both snapshot tables show the same way.
class SnapshotTexts
{
    Q_DECLARE_TR_FUNCTIONS(ecs::SnapshotTexts)

public:
    // "Accomplished", "Progressing (40%)", "Failed"; unknown statuses as the service sent them.
    static QString status(const QString &status, int progress);
    // Local time, to the second, the same in every locale so rows line up
    // ("2026-11-25 15:30:30").
    static QString time(const QDateTime &utc);
    // "system" / "data", translated.
    static QString diskType(const QString &type);
};

} // namespace ecs
