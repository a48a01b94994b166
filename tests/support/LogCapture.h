#pragma once

#include <QStringList>

// Records every message logged while it lives, with all `ecs.*` categories switched on
// (debug included), so a test can prove that a secret never reaches the log, as a user
// debugging with QT_LOGGING_RULES="ecs.*=true" would see it. Messages still go on to the
// previous handler. One at a time.
class LogCapture
{
public:
    LogCapture();
    ~LogCapture();
    LogCapture(const LogCapture &) = delete;
    LogCapture &operator=(const LogCapture &) = delete;

    // "category: message" lines, in order.
    QStringList messages() const;
    void clear();
    // The first captured line that contains `needle`, or an empty string.
    QString firstContaining(const QString &needle) const;
};
