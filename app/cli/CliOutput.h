#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace ecs::cli {

// The translation context of the CLI's free functions: CliText::tr() is
// QCoreApplication::translate("cli", ...), in a form lupdate recognises.
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(cli)
};

// Where the CLI writes. Results go to stdout (text, or one JSON document with --json) so
// they can be piped; progress, warnings, prompts and errors go to stderr so they never
// mix into a result.
class CliOutput
{
public:
    explicit CliOutput(bool json)
        : m_json(json)
    { }

    bool isJson() const { return m_json; }

    // The result channel.
    QTextStream &out();
    // Prints `value` as indented JSON on stdout.
    void printJson(const QJsonValue &value);
    // A line on stdout.
    void line(const QString &text = {});
    // An aligned table on stdout (see formatTable).
    void table(const QStringList &header, const QList<QStringList> &rows);
    // Lines with columns padded to their widest cell (the last one not), each line
    // starting with `indent`, no final line break. An empty header is left out.
    static QString formatTable(
        const QStringList &header, const QList<QStringList> &rows, const QString &indent = {});

    // The progress channel (stderr), flushed at once so it shows while work goes on.
    void progress(const QString &text);
    void warning(const QString &text);
    void error(const QString &text);
    // A prompt on stderr without a line break.
    void prompt(const QString &text);

    void flush();

    // "2026-11-18 02:00:00 UTC"; "-" when invalid.
    static QString time(const QDateTime &time);
    // "2026-11-18T02:00:00Z" for JSON; null when invalid.
    static QJsonValue jsonTime(const QDateTime &time);
    static QString yesNo(bool value);

private:
    QTextStream &err();

    bool m_json;
};

} // namespace ecs::cli
