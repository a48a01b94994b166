#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace ecs::cli {

class CliOutput;

// Asks on stderr for a word to be typed (the instance ID) and reads the answer from stdin
// without blocking the event loop: a QSocketNotifier says when stdin has something, and
// each notification reads only what is there. Only the exact word confirms; a different
// line, end of input (Ctrl-D, a closed pipe, /dev/null) or an unreadable stdin refuses.
class ConfirmationPrompt : public QObject
{
    Q_OBJECT

public:
    explicit ConfirmationPrompt(CliOutput &output, QObject *parent = nullptr);
    ~ConfirmationPrompt() override;

    // answered() follows once, later.
    void ask(const QString &question, const QString &expected);
    // Stops reading; answered() is not emitted.
    void abandon();

Q_SIGNALS:
    void answered(bool confirmed);

private:
    void readAvailable();
    void conclude(bool confirmed);

    CliOutput &m_output;
    QSocketNotifier *m_notifier = nullptr;
    QByteArray m_buffer;
    QString m_expected;
};

} // namespace ecs::cli
