#include "credentials/Credential.h"

#include <QStandardPaths>
#include <QTest>

using ecs::Credential;

namespace {

QString debugText(const Credential &credential)
{
    QString text;
    QDebug(&text) << credential;
    return text;
}

} // namespace

class TestCredential : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void debugOutputIsRedacted()
    {
        const Credential credential { QStringLiteral("LTAI5tRedactionTestKey9"),
            QStringLiteral("redactionTestSecretValue"), QStringLiteral("CAISredactionTestToken") };
        const QString text = debugText(credential);
        QVERIFY2(!text.contains(credential.accessKeySecret), qPrintable(text));
        QVERIFY2(!text.contains(credential.securityToken), qPrintable(text));
        QVERIFY2(!text.contains(credential.accessKeyId), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("LTAI****Key9")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("sts")));
        QVERIFY(text.contains(QLatin1String("redacted")));
    }

    void shortKeyIdsAreFullyMasked()
    {
        QCOMPARE(Credential::maskedKeyId(QStringLiteral("LTAI1234")), QStringLiteral("****"));
        const QString text
            = debugText(Credential { QStringLiteral("abc"), QStringLiteral("s"), {} });
        QVERIFY(!text.contains(QLatin1String("abc")));
        QVERIFY(!text.contains(QLatin1String("sts")));
    }

    void completeness()
    {
        QVERIFY(!Credential().isComplete());
        QVERIFY(!(Credential { QStringLiteral("id"), {}, {} }).isComplete());
        QVERIFY((Credential { QStringLiteral("id"), QStringLiteral("s"), {} }).isComplete());
    }
};

QTEST_GUILESS_MAIN(TestCredential)
#include "tst_credential.moc"
