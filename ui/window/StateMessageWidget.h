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
    // `details`, when given, sits behind a "Details" button: the service's own words
    // (already redacted) for whoever needs them, never the headline.
    void showMessage(
        const QString &title, const QString &text, bool offerRetry, const QString &details = {});
    QString title() const;
    QString text() const;
    QString details() const;

Q_SIGNALS:
    void retryRequested();

private:
    QLabel *m_title;
    QLabel *m_text;
    QProgressBar *m_busy;
    QPushButton *m_retry;
    QPushButton *m_detailsButton;
    QLabel *m_details;
};

} // namespace ecs
