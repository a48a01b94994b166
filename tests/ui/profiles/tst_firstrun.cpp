// FirstRun: where the console starts, from the command line, the last choice and the
// credential sources that can be used.
#include "session/ConsoleSession.h"
#include "session/FirstRun.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using ecs::FirstRun;
using ecs::ProfileChoice;
using ecs::StartProfile;

Q_DECLARE_METATYPE(QList<ecs::ProfileChoice>)

namespace {

const QString sandbox = QStringLiteral("sandbox");

ProfileChoice choice(const QString &id, bool usable)
{
    return { id, id, usable, usable ? QString() : QStringLiteral("not usable") };
}

QList<ProfileChoice> choices(std::initializer_list<std::pair<const char *, bool>> list)
{
    QList<ProfileChoice> result { choice(sandbox, true) };
    for (const auto &[id, usable] : list)
        result << choice(QString::fromLatin1(id), usable);
    return result;
}

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
        QSettings().clear();
    }

    void decide_data()
    {
        QTest::addColumn<bool>("sandboxRequested");
        QTest::addColumn<QString>("lastProfile");
        QTest::addColumn<QList<ProfileChoice>>("choices");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("hint");

        const auto all = choices({ { "env", true }, { "cli:work", true }, { "app:prod", true } });
        QTest::newRow("--sandbox wins over everything")
            << true << "app:prod" << all << sandbox << false;
        QTest::newRow("last used profile") << false << "app:prod" << all << "app:prod" << false;
        QTest::newRow("last used: the sandbox, chosen by the user")
            << false << sandbox << all << sandbox << false;
        QTest::newRow("last used is gone: first usable source")
            << false << "app:deleted" << all << "env" << false;
        QTest::newRow("last used no longer usable: first usable source")
            << false << "cli:work"
            << choices({ { "env", false }, { "cli:work", false }, { "app:prod", true } })
            << "app:prod" << false;
        QTest::newRow("nothing remembered: first usable, skipping unusable ones")
            << false << QString()
            << choices({ { "env", false }, { "cli:role", false }, { "cli:work", true } })
            << "cli:work" << false;
        QTest::newRow("nothing usable: sandbox with the first-run hint")
            << false << QString() << choices({ { "env", false }, { "cli", false } }) << sandbox
            << true;
        QTest::newRow("no sources at all") << false << "app:gone" << choices({}) << sandbox << true;
    }

    void decide()
    {
        QFETCH(bool, sandboxRequested);
        QFETCH(QString, lastProfile);
        QFETCH(QList<ProfileChoice>, choices);
        QFETCH(QString, expected);
        QFETCH(bool, hint);
        const StartProfile start = FirstRun::decide(sandboxRequested, lastProfile, choices);
        QCOMPARE(start.profileId, expected);
        QCOMPARE(!start.hint.isEmpty(), hint);
        if (hint) {
            QVERIFY(start.hint.contains(QLatin1String("sandbox")));
            QVERIFY(start.hint.contains(QLatin1String("Profiles")));
            QVERIFY(start.hint.contains(QLatin1String("ALIBABA_CLOUD_ACCESS_KEY_ID")));
        }
    }

    void sandboxRequestedFromArguments()
    {
        QVERIFY(FirstRun::sandboxRequested({ QStringLiteral("app"), QStringLiteral("--sandbox") }));
        QVERIFY(!FirstRun::sandboxRequested({ QStringLiteral("app") }));
        QVERIFY(!FirstRun::sandboxRequested({ QStringLiteral("--sandbox") })); // the program
        QVERIFY(
            !FirstRun::sandboxRequested({ QStringLiteral("app"), QStringLiteral("--sandboxx") }));
    }

    void lastProfileRoundTrip()
    {
        QCOMPARE(FirstRun::lastProfileId(), QString());
        FirstRun::rememberProfile(QStringLiteral("cli:work"));
        QCOMPARE(FirstRun::lastProfileId(), QStringLiteral("cli:work"));
        QCOMPARE(QSettings().value(QStringLiteral("session/lastProfile")).toString(),
            QStringLiteral("cli:work"));
    }
};

QTEST_GUILESS_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
