#include "credentials/AppProfile.h"

#include <QStandardPaths>
#include <QTest>

using ecs::AppProfile;
using Version = ecs::AppProfile::SignatureVersion;

class TestAppProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected"); // empty: accepted
        QTest::newRow("plain") << QStringLiteral("prod") << QString();
        QTest::newRow("inner spaces") << QStringLiteral("prod cn-hangzhou") << QString();
        QTest::newRow("unicode") << QStringLiteral("杭州生产") << QString();
        QTest::newRow("punctuation") << QStringLiteral("a=b;c%d.e") << QString();
        QTest::newRow("64 characters") << QString(64, QLatin1Char('n')) << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("name is empty");
        QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("name is empty");
        QTest::newRow("leading space") << QStringLiteral(" p") << QStringLiteral("starts or ends");
        QTest::newRow("trailing newline")
            << QStringLiteral("p\n") << QStringLiteral("starts or ends");
        QTest::newRow("slash") << QStringLiteral("a/b") << QStringLiteral("'/'");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'/'");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("control characters");
        QTest::newRow("65 characters")
            << QString(65, QLatin1Char('n')) << QStringLiteral("longer than 64");
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString problem = AppProfile::validateName(name);
        if (expected.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(expected), qPrintable(problem));
    }

    void accessKeyIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("expected");
        QTest::newRow("RAM key") << QStringLiteral("LTAI5tAbCdEfGhIjKlMnOpQr") << QString();
        QTest::newRow("STS key") << QStringLiteral("STS.NUCzAbCdEfGh") << QString();
        QTest::newRow("empty") << QString() << QStringLiteral("AccessKey ID is empty");
        QTest::newRow("inner space") << QStringLiteral("LTAI 5t") << QStringLiteral("whitespace");
        QTest::newRow("pasted newline")
            << QStringLiteral("LTAI5t\n") << QStringLiteral("whitespace");
        QTest::newRow("no-break space")
            << QStringLiteral("LTAI\u00a05t") << QStringLiteral("whitespace");
        QTest::newRow("too long") << QString(129, QLatin1Char('k'))
                                  << QStringLiteral("longer than 128");
    }

    void accessKeyIds()
    {
        QFETCH(QString, id);
        QFETCH(QString, expected);
        const QString problem = AppProfile::validateAccessKeyId(id);
        if (expected.isEmpty())
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        else
            QVERIFY2(problem.contains(expected), qPrintable(problem));
    }

    void endpoints_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("none") << QString() << true;
        QTest::newRow("https") << QStringLiteral("https://ecs.cn-hangzhou.aliyuncs.com") << true;
        QTest::newRow("emulator") << QStringLiteral("http://127.0.0.1:8080/") << true;
        // The client would refuse to send there, so a profile must not be saved with it.
        QTest::newRow("plain http remote")
            << QStringLiteral("http://ecs.cn-hangzhou.aliyuncs.com") << false;
        QTest::newRow("path") << QStringLiteral("https://ecs.cn-hangzhou.aliyuncs.com/v2") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://host/") << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false;
        QTest::newRow("relative") << QStringLiteral("ecs.aliyuncs.com") << false;
    }

    void endpoints()
    {
        QFETCH(QString, endpoint);
        QFETCH(bool, accepted);
        QCOMPARE(AppProfile::validateEndpoint(QUrl(endpoint)).isEmpty(), accepted);
    }

    void validateReportsTheFirstProblem()
    {
        AppProfile profile;
        profile.name = QStringLiteral("a/b");
        profile.accessKeyId = QStringLiteral("bad id");
        QVERIFY(profile.validate().contains(QLatin1String("'/'")));
        profile.name = QStringLiteral("ok");
        QVERIFY(profile.validate().contains(QLatin1String("whitespace")));
        profile.accessKeyId = QStringLiteral("LTAI5tOk");
        QVERIFY(profile.validate().isEmpty());
    }

    void signatureVersionNames()
    {
        QCOMPARE(AppProfile::signatureVersionName(Version::V3), QStringLiteral("v3"));
        QCOMPARE(AppProfile::signatureVersionName(Version::V1), QStringLiteral("v1"));
        QCOMPARE(
            AppProfile::signatureVersionFromName(QStringLiteral("v1")), std::optional(Version::V1));
        QCOMPARE(
            AppProfile::signatureVersionFromName(QStringLiteral("V3")), std::optional(Version::V3));
        QCOMPARE(AppProfile::signatureVersionFromName(QStringLiteral("v2")), std::nullopt);
        QCOMPARE(AppProfile().signatureVersion, Version::V3); // the SDK's default
    }

    void caFiles()
    {
        QCOMPARE(AppProfile::validateCaFile(QString()), QString());
        QCOMPARE(AppProfile::validateCaFile(QStringLiteral("/etc/proxy-ca.pem")), QString());
        QVERIFY(AppProfile::validateCaFile(QStringLiteral("proxy-ca.pem"))
                    .contains(QLatin1String("absolute path")));
        QVERIFY(AppProfile::validateCaFile(QStringLiteral("/etc/a\nb.pem"))
                    .contains(QLatin1String("control characters")));
        AppProfile profile;
        profile.name = QStringLiteral("p");
        profile.accessKeyId = QStringLiteral("LTAI5t");
        profile.caFile = QStringLiteral("relative.pem");
        QVERIFY(profile.validate().contains(QLatin1String("absolute path")));
    }
};

QTEST_GUILESS_MAIN(TestAppProfile)
#include "tst_appprofile.moc"
