#include "LogCapture.h"

#include <QLoggingCategory>
#include <QMutex>

namespace {

QMutex mutex;
QStringList captured;
QtMessageHandler previousHandler = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&mutex);
        captured << QString::fromLatin1(context.category ? context.category : "default")
                + QLatin1String(": ") + message;
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

LogCapture::LogCapture()
{
    qunsetenv("QT_LOGGING_RULES");
    QLoggingCategory::setFilterRules(QStringLiteral("ecs.*=true"));
    clear();
    previousHandler = qInstallMessageHandler(capture);
}

LogCapture::~LogCapture()
{
    qInstallMessageHandler(previousHandler);
    previousHandler = nullptr;
    QLoggingCategory::setFilterRules(QString());
}

QStringList LogCapture::messages() const
{
    QMutexLocker lock(&mutex);
    return captured;
}

void LogCapture::clear()
{
    QMutexLocker lock(&mutex);
    captured.clear();
}

QString LogCapture::firstContaining(const QString &needle) const
{
    QMutexLocker lock(&mutex);
    for (const QString &line : std::as_const(captured)) {
        if (line.contains(needle))
            return line;
    }
    return {};
}
