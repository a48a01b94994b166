#pragma once

#include <QObject>

class QSocketNotifier;

namespace ecs::cli {

// Turns SIGINT and SIGTERM into a Qt signal, through a self-pipe: the handler only
// write()s the signal number to a pipe (async-signal-safe), and a QSocketNotifier on the
// other end emits interrupted() from the event loop. While a watcher exists the signals
// no longer end the process: the command decides what a cancel means. The previous
// handlers come back when it is destroyed. One watcher at a time.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void interrupted(int signalNumber);

private:
    void readPipe();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace ecs::cli
