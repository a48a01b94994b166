// CredentialFields: the one rule for pasted AccessKey IDs, secrets and STS tokens.
#include "credentials/CredentialFields.h"

#include <QTest>

using ecs::Credential;
using ecs::CredentialFields;
using Field = ecs::CredentialFields::Field;

Q_DECLARE_METATYPE(ecs::CredentialFields::Field)

class TestCredentialFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalize_data()
    {
        QTest::addColumn<Field>("field");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("problem");
        QTest::newRow("plain") << Field::AccessKeyId << QStringLiteral("LTAI5tAbc")
                               << QStringLiteral("LTAI5tAbc") << QString();
        QTest::newRow("pasted with newline")
            << Field::AccessKeySecret << QStringLiteral("  s3cret\r\n") << QStringLiteral("s3cret")
            << QString();
        QTest::newRow("tab and nbsp around")
            << Field::SecurityToken << QStringLiteral("\t\u00a0tok\u00a0") << QStringLiteral("tok")
            << QString();
        QTest::newRow("empty is fine here")
            << Field::AccessKeySecret << QStringLiteral("  ") << QString() << QString();
        QTest::newRow("space inside")
            << Field::AccessKeySecret << QStringLiteral("s3c ret") << QString()
            << QStringLiteral("The AccessKey secret contains a space or line break inside; copy "
                              "it again as one piece.");
        QTest::newRow("line break inside")
            << Field::AccessKeyId << QStringLiteral("LTAI\nabc") << QString()
            << QStringLiteral("The AccessKey ID contains a space or line break inside; copy it "
                              "again as one piece.");
        QTest::newRow("control character")
            << Field::SecurityToken << QStringLiteral("a\u0001b") << QString()
            << QStringLiteral("The security token contains control characters; copy it again "
                              "from the RAM console.");
        QTest::newRow("zero-width space")
            << Field::AccessKeyId << QStringLiteral("LTAI\u200bx") << QString()
            << QStringLiteral("The AccessKey ID contains control "
                              "characters; copy it again from the "
                              "RAM console.");
        QTest::newRow("id too long")
            << Field::AccessKeyId << QString(129, u'a') << QString()
            << QStringLiteral("The AccessKey ID is longer than 128 characters.");
        QTest::newRow("secret at the cap")
            << Field::AccessKeySecret << QString(256, u'a') << QString(256, u'a') << QString();
        QTest::newRow("huge token")
            << Field::SecurityToken << QString(10 * 1024 * 1024, u'a') << QString()
            << QStringLiteral("The security token is longer than 16384 characters.");
    }

    void normalize()
    {
        QFETCH(Field, field);
        QFETCH(QString, raw);
        QFETCH(QString, value);
        QFETCH(QString, problem);
        const CredentialFields::Normalized result = CredentialFields::normalize(field, raw);
        QCOMPARE(result.problem, problem);
        QCOMPARE(result.ok(), problem.isEmpty());
        QCOMPARE(result.value, value);
    }

    void normalizesAWholeCredential()
    {
        QString problem;
        const auto good = CredentialFields::normalize(
            Credential { QStringLiteral(" id\n"), QStringLiteral("\tsecret "), {} }, &problem);
        QVERIFY(good);
        QCOMPARE(*good, (Credential { QStringLiteral("id"), QStringLiteral("secret"), {} }));
        const auto bad = CredentialFields::normalize(
            Credential { QStringLiteral("id"), QStringLiteral("sec ret"), {} }, &problem);
        QVERIFY(!bad);
        QVERIFY(problem.startsWith(QStringLiteral("The AccessKey secret")));
        QVERIFY(!problem.contains(QStringLiteral("sec ret")));
    }
};

QTEST_GUILESS_MAIN(TestCredentialFields)
#include "tst_credential_fields.moc"
