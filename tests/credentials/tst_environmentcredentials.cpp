#include "credentials/EnvironmentCredentials.h"

#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTest>

using ecs::Credential;
using ecs::EnvironmentCredentials;
using State = ecs::EnvironmentCredentials::State;

Q_DECLARE_METATYPE(ecs::EnvironmentCredentials::State)

namespace {

const QString testId = QStringLiteral("LTAI5tEnvIdForTests01");
const QString testSecret = QStringLiteral("envSecretValueForTests0123456789");
const QString testToken = QStringLiteral("CAISenvTokenValueForTests");

QProcessEnvironment environmentWith(const QStringList &assignments)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin")); // unrelated noise
    for (const QString &assignment : assignments) {
        const qsizetype equals = assignment.indexOf(QLatin1Char('='));
        environment.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return environment;
}

QString id()
{
    return QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID=") + testId;
}
QString secret()
{
    return QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=") + testSecret;
}
QString token()
{
    return QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN=") + testToken;
}

} // namespace

class TestEnvironmentCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void permutations_data()
    {
        QTest::addColumn<QStringList>("assignments");
        QTest::addColumn<State>("state");
        QTest::addColumn<Credential>("credential");
        QTest::addColumn<QString>("messagePart");

        const Credential none;
        QTest::newRow("nothing set")
            << QStringList() << State::NotSet << none << QStringLiteral("are not set");
        QTest::newRow("id and secret") << QStringList { id(), secret() } << State::Complete
                                       << Credential { testId, testSecret, {} } << QString();
        QTest::newRow("id, secret and token")
            << QStringList { id(), secret(), token() } << State::Complete
            << Credential { testId, testSecret, testToken } << QString();
        QTest::newRow("id only") << QStringList { id() } << State::Incomplete << none
                                 << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID is set, but "
                                                   "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not");
        QTest::newRow("secret only")
            << QStringList { secret() } << State::Incomplete << none
            << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET is set, but "
                              "ALIBABA_CLOUD_ACCESS_KEY_ID is not");
        QTest::newRow("token only") << QStringList { token() } << State::Incomplete << none
                                    << QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN is set");
        QTest::newRow("id and token") << QStringList { id(), token() } << State::Incomplete << none
                                      << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not");
        QTest::newRow("secret and token")
            << QStringList { secret(), token() } << State::Incomplete << none
            << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID is not");
        QTest::newRow("empty values count as unset")
            << QStringList { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID="),
                   QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=") }
            << State::NotSet << none << QStringLiteral("are not set");
        QTest::newRow("empty secret is missing")
            << QStringList { id(), QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=  ") }
            << State::Incomplete << none
            << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET is not");
        QTest::newRow("surrounding whitespace trimmed") << QStringList { id() + QLatin1Char('\n'),
            QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET= ") + testSecret + QLatin1Char(' ') }
                                                        << State::Complete
                                                        << Credential { testId, testSecret, {} }
                                                        << QString();
        // Issue 10: whitespace inside, or a value no key could have, is refused by name.
        QTest::newRow("secret with a space inside")
            << QStringList { id(), QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET=ab cd") }
            << State::Incomplete << none
            << QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_SECRET cannot be used: The AccessKey "
                              "secret contains a space or line break inside");
        QTest::newRow("token of 1 MB") << QStringList { id(), secret(),
            QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN=") + QString(1024 * 1024, u'x') }
                                       << State::Incomplete << none
                                       << QStringLiteral("ALIBABA_CLOUD_SECURITY_TOKEN cannot be "
                                                         "used: The security token is longer "
                                                         "than 16384 characters");
        QTest::newRow("control character in the id")
            << QStringList { QStringLiteral("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI\u0007x"), secret() }
            << State::Incomplete << none << QStringLiteral("control characters");
    }

    void permutations()
    {
        QFETCH(QStringList, assignments);
        QFETCH(State, state);
        QFETCH(Credential, credential);
        QFETCH(QString, messagePart);

        const auto result = EnvironmentCredentials::fromEnvironment(environmentWith(assignments));
        QCOMPARE(result.state(), state);
        QCOMPARE(result.isComplete(), state == State::Complete);
        QCOMPARE(result.credential(), credential);
        if (state == State::Complete)
            QVERIFY(result.message().isEmpty());
        else
            QVERIFY2(result.message().contains(messagePart), qPrintable(result.message()));
        // Messages name variables, never values.
        QVERIFY(!result.message().contains(testId));
        QVERIFY(!result.message().contains(testSecret));
        QVERIFY(!result.message().contains(testToken));
    }

    void otherToolsNamesAreReportedNotRead()
    {
        const auto result = EnvironmentCredentials::fromEnvironment(
            environmentWith({ QStringLiteral("ALICLOUD_ACCESS_KEY=") + testId,
                QStringLiteral("ALICLOUD_SECRET_KEY=") + testSecret }));
        QCOMPARE(result.state(), State::NotSet);
        QCOMPARE(result.credential(), Credential());
        QCOMPARE(result.ignoredVariables(),
            QStringList(
                { QStringLiteral("ALICLOUD_ACCESS_KEY"), QStringLiteral("ALICLOUD_SECRET_KEY") }));
        QVERIFY2(result.message().contains(QLatin1String("ALICLOUD_ACCESS_KEY")),
            qPrintable(result.message()));
        QVERIFY(result.message().contains(QLatin1String("ALIBABA_CLOUD_*")));
        QVERIFY(!result.message().contains(testSecret));
    }

    void documentedNamesWinOverOtherTools()
    {
        const auto result = EnvironmentCredentials::fromEnvironment(environmentWith(
            { id(), secret(), QStringLiteral("ALICLOUD_ACCESS_KEY_ID=LTAIsomethingElse") }));
        QCOMPARE(result.state(), State::Complete);
        QCOMPARE(result.credential().accessKeyId, testId);
        QCOMPARE(
            result.ignoredVariables(), QStringList { QStringLiteral("ALICLOUD_ACCESS_KEY_ID") });
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentCredentials)
#include "tst_environmentcredentials.moc"
