// The Rollback dialog fits the screen it opens on: on a 1600×1000 screen at 100%, 150% and
// 200% (QT_SCALE_FACTOR, set by CTest for each run) it is no larger than the available
// area, its content scrolls, and OK Rollback and Cancel stay on screen — on the single
// page and on every guided step. Screenshots per scale go to $ECS_SCREENSHOT_DIR.
#include "JobHarness.h"
#include "rollback/RollbackDialog.h"
#include "session/ConsoleContext.h"

#include <QDir>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTest>

using namespace ecs;

class TestRollbackDialogFits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void fitsTheScreen_data();
    void fitsTheScreen();

private:
    JobHarness m_harness;
    ConsoleContext m_context;
};

namespace {

// `widget` is wholly inside the screen's available area, in global coordinates.
bool onScreen(const QWidget *widget, const QRect &available)
{
    const QRect global(widget->mapToGlobal(QPoint(0, 0)), widget->size());
    return widget->isVisible() && available.contains(global);
}

} // namespace

void TestRollbackDialogFits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(m_harness.init(), QString());
    m_context.api = m_harness.api();
    m_context.journal = m_harness.journal();
    m_context.regionId = QStringLiteral("cn-hangzhou");
    m_context.profileName = QStringLiteral("test-profile");
    m_context.sandbox = true;
}

void TestRollbackDialogFits::fitsTheScreen_data()
{
    QTest::addColumn<bool>("guided");
    QTest::newRow("single page") << false;
    QTest::newRow("guided") << true;
}

void TestRollbackDialogFits::fitsTheScreen()
{
    QFETCH(bool, guided);
    RollbackDialog dialog(m_context,
        RollbackTarget { QStringLiteral("cn-hangzhou"), QStringLiteral("ssg-demo-healthy"),
            QStringLiteral("i-demo-healthy") });
    dialog.setGuidedMode(guided);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(QTest::qWaitFor([&] { return !dialog.isChecking(); }, 10000));
    QTest::qWait(50); // the checked rows change the size hints

    const QRect available = dialog.screen()->availableGeometry();
    const QString scale = qEnvironmentVariable("QT_SCALE_FACTOR", QStringLiteral("1"));
    QVERIFY2(available.contains(dialog.frameGeometry()),
        qPrintable(QStringLiteral("scale %1: dialog %2x%3 at %4,%5 on %6x%7")
                       .arg(scale)
                       .arg(dialog.frameGeometry().width())
                       .arg(dialog.frameGeometry().height())
                       .arg(dialog.frameGeometry().x())
                       .arg(dialog.frameGeometry().y())
                       .arg(available.width())
                       .arg(available.height())));
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancel);
    QVERIFY2(onScreen(cancel, available), qPrintable(scale));
    // OK Rollback shows on the single page, Next on the guided steps; either stays in view.
    auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("okButton"));
    auto *next = dialog.findChild<QPushButton *>(QStringLiteral("nextButton"));
    QVERIFY(ok && next);
    QVERIFY2(onScreen(guided ? next : ok, available), qPrintable(scale));

    const QString dir = qEnvironmentVariable("ECS_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        dialog.grab().save(QDir(dir).filePath(
            QStringLiteral("rollback-dialog-%1-scale-%2.png")
                .arg(guided ? QStringLiteral("guided") : QStringLiteral("page"), scale)));
    }
}

QTEST_MAIN(TestRollbackDialogFits)
#include "tst_rollback_dialog_fits.moc"
