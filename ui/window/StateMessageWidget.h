#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QProgressBar;

namespace ecs {

// What a list shows instead of rows: "Loading…", "No instance snapshots in …", or an
// error with what to do about it, and a button to try again.
class StateMessageWidget : public QWidget
{
    Q_OBJECT

public:
    explicit StateMessageWidget(QWidget *parent = nullptr);

    void showLoading(const QString &text);
    void showMessage(const QString &title, const QString &text, bool offerRetry);
    QString title() const;
    QString text() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_title;
    QLabel *m_text;
    QProgressBar *m_busy;
    QPushButton *m_retry;
};

} // namespace ecs
