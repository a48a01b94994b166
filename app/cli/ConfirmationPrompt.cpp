#include "ConfirmationPrompt.h"

#include "CliOutput.h"

#include <QSocketNotifier>
#include <QTimer>

#include <cerrno>
#include <unistd.h>

namespace ecs::cli {

namespace {

// Long enough for any ID; a longer "line" is not a confirmation and is not kept growing.
constexpr qsizetype MaxAnswerBytes = 4096;

} // namespace

ConfirmationPrompt::ConfirmationPrompt(CliOutput &output, QObject *parent)
    : QObject(parent)
    , m_output(output)
{ }

ConfirmationPrompt::~ConfirmationPrompt() = default;

void ConfirmationPrompt::ask(const QString &question, const QString &expected)
{
    m_expected = expected;
    m_buffer.clear();
    m_output.prompt(question);
    delete m_notifier;
    m_notifier = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    if (!m_notifier->isValid()) {
        // No readable stdin at all: nobody can confirm.
        QTimer::singleShot(0, this, [this] { conclude(false); });
        return;
    }
    connect(m_notifier, &QSocketNotifier::activated, this, &ConfirmationPrompt::readAvailable);
}

void ConfirmationPrompt::abandon()
{
    delete m_notifier;
    m_notifier = nullptr;
}

void ConfirmationPrompt::readAvailable()
{
    // The notifier said stdin is readable, so this one read() returns without waiting;
    // stdin stays in blocking mode, as the shell that shares it expects.
    char chunk[512];
    const ssize_t count = ::read(STDIN_FILENO, chunk, sizeof chunk);
    if (count < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (count <= 0) {
        // End of input before a whole line: what was typed still counts if it matches.
        conclude(QString::fromUtf8(m_buffer).trimmed() == m_expected);
        return;
    }
    m_buffer.append(chunk, count);
    const qsizetype newline = m_buffer.indexOf('\n');
    if (newline >= 0) {
        conclude(QString::fromUtf8(m_buffer.left(newline)).trimmed() == m_expected);
        return;
    }
    if (m_buffer.size() > MaxAnswerBytes)
        conclude(false);
}

void ConfirmationPrompt::conclude(bool confirmed)
{
    if (!m_notifier)
        return;
    abandon();
    // A typed answer ended the prompt's line; a piped one did not.
    if (!::isatty(STDIN_FILENO))
        m_output.prompt(QStringLiteral("\n"));
    Q_EMIT answered(confirmed);
}

} // namespace ecs::cli
