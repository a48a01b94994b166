#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ecs {

// One line of state under a form: busy (with an indeterminate bar), information, a
// warning or an error, each with a standard icon and text so that colour is never the
// only signal, and an optional action button ("Use for this session only").
class InlineMessage : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Busy, Information, Warning, Error };

    explicit InlineMessage(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void clear();
    QString text() const;
    Kind kind() const { return m_kind; }

    // The action button, hidden until given a text; it stays until clear().
    QPushButton *actionButton() const { return m_action; }
    void showAction(const QString &text);

private:
    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_text;
    QProgressBar *m_busy;
    QPushButton *m_action;
};

} // namespace ecs
