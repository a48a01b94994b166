// redactSecrets(): the STS token, the AccessKey secret and signatures leave no trace in any
// form the gateway, a proxy or Qt may write them (issue 10, item 3).
#include "api/Redaction.h"

#include <QTest>

using namespace ecs;

namespace {

// Base64 like a real token, so that encoders have something to encode.
const QString Token = QStringLiteral("CAIS+Q4nAryT0ken/9xZ==");
const QString Secret = QStringLiteral("Q4nArySecret+Key/0");
const Credential Sts { QStringLiteral("STS.NUcanary"), Secret, Token };

} // namespace

class TestRedaction : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void credentialValuesInEveryEncoding_data();
    void credentialValuesInEveryEncoding();
    void genericPass_data();
    void genericPass();
    void shortSecretsAreNotSearched();
    void everyTextOfAnErrorIsRedacted();
};

void TestRedaction::credentialValuesInEveryEncoding_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QString r = RedactedText;
    QTest::newRow("raw") << QStringLiteral("token ") + Token + QStringLiteral(" end")
                         << QStringLiteral("token ") + r + QStringLiteral(" end");
    QTest::newRow("percent upper") << QStringLiteral("x CAIS%2BQ4nAryT0ken%2F9xZ%3D%3D y")
                                   << QStringLiteral("x ") + r + QStringLiteral(" y");
    QTest::newRow("percent lower") << QStringLiteral("x CAIS%2bQ4nAryT0ken%2f9xZ%3d%3d y")
                                   << QStringLiteral("x ") + r + QStringLiteral(" y");
    QTest::newRow("double") << QStringLiteral("x CAIS%252BQ4nAryT0ken%252F9xZ%253D%253D y")
                            << QStringLiteral("x ") + r + QStringLiteral(" y");
    QTest::newRow("double lower") << QStringLiteral("xCAIS%252bQ4nAryT0ken%252f9xZ%253d%253dy")
                                  << QStringLiteral("x") + r + QStringLiteral("y");
    QTest::newRow("mixed") << QStringLiteral("CAIS%2BQ4nAryT0ken/9xZ%3D=") << r;
    QTest::newRow("json escaped") << QStringLiteral("\"CAIS+Q4nAryT0ken\\/9xZ==\"")
                                  << QStringLiteral("\"") + r + QStringLiteral("\"");
    QTest::newRow("twice") << Token + QLatin1Char('|') + Token << r + QLatin1Char('|') + r;
    QTest::newRow("secret") << QStringLiteral("k=Q4nArySecret%2BKey%2F0.")
                            << QStringLiteral("k=") + r + QStringLiteral(".");
    QTest::newRow("almost") << QStringLiteral("CAIS+Q4nAryT0ken/9xZ=") // one '=' short
                            << QStringLiteral("CAIS+Q4nAryT0ken/9xZ=");
}

void TestRedaction::credentialValuesInEveryEncoding()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(redactSecrets(text, Sts), expected);
}

void TestRedaction::genericPass_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const QString r = RedactedText;
    QTest::newRow("query") << QStringLiteral("a=1&SecurityToken=tok%2B1&Signature=s%3D&b=2")
                           << QStringLiteral("a=1&SecurityToken=") + r
            + QStringLiteral("&Signature=") + r + QStringLiteral("&b=2");
    QTest::newRow("V1 string to sign")
        << QStringLiteral(
               "POST&%2F&AccessKeyId%3DSTS.x%26SecurityToken%3Dtok%252B1%26Timestamp%3D1")
        << QStringLiteral("POST&%2F&AccessKeyId%3DSTS.x%26SecurityToken%3D") + r
            + QStringLiteral("%26Timestamp%3D1");
    QTest::newRow("encoded twice")
        << QStringLiteral("x%2526SecurityToken%253Dtok%25252B1%2526Timestamp%253D1")
        << QStringLiteral("x%2526SecurityToken%253D") + r + QStringLiteral("%2526Timestamp%253D1");
    QTest::newRow("lower-case hex")
        << QStringLiteral("%26securitytoken%3dtok%26x")
        << QStringLiteral("%26securitytoken%3d") + r + QStringLiteral("%26x");
    QTest::newRow("V3 canonical headers")
        << QStringLiteral(
               "x-acs-date:2025\nx-acs-security-token:tok+/=\nx-acs-signature-nonce:n1\n")
        << QStringLiteral("x-acs-date:2025\nx-acs-security-token:") + r
            + QStringLiteral("\nx-acs-signature-nonce:n1\n");
    QTest::newRow("header with space")
        << QStringLiteral("X-Acs-Security-Token: tok123 next")
        << QStringLiteral("X-Acs-Security-Token: ") + r + QStringLiteral(" next");
    QTest::newRow("authorization")
        << QStringLiteral("Authorization: ACS3-HMAC-SHA256 Credential=LTAIabc,SignedHeaders=host;"
                          "x-acs-date,Signature=0a1b2c3d4e")
        << QStringLiteral("Authorization: ACS3-HMAC-SHA256 Credential=LTAIabc,SignedHeaders=host;"
                          "x-acs-date,Signature=")
            + r;
    QTest::newRow("json fields")
        << QStringLiteral(R"({"SecurityToken": "t\"1", "AccessKeySecret":"s", "sts_token":"u", )"
                          R"("Signature":"v", "Name":"kept"})")
        << QStringLiteral(R"({"SecurityToken": "%1", "AccessKeySecret":"%1", "sts_token":"%1", )"
                          R"("Signature":"%1", "Name":"kept"})")
               .arg(r);
    const QString harmless
        = QStringLiteral("SignatureMethod=HMAC-SHA1&SignatureNonce=n&"
                         "SignatureVersion=1.0 Specified signature is not "
                         "matched with our calculation. x-acs-signature-nonce:n");
    QTest::newRow("harmless") << harmless << harmless;
    QTest::newRow("idempotent") << QStringLiteral("SecurityToken=") + r
                                << QStringLiteral("SecurityToken=") + r;
}

void TestRedaction::genericPass()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(redactSecrets(text), expected);
    QCOMPARE(redactSecrets(text, Credential {}), expected);
}

void TestRedaction::shortSecretsAreNotSearched()
{
    const Credential tiny { QStringLiteral("LTAI"), QStringLiteral("a"), QStringLiteral("b") };
    QCOMPARE(redactSecrets(QStringLiteral("a banana"), tiny), QStringLiteral("a banana"));
}

void TestRedaction::everyTextOfAnErrorIsRedacted()
{
    ApiError error = ApiError::service(400, QStringLiteral("Code ") + Token,
        QStringLiteral("Message ") + Token, QStringLiteral("Req ") + Token,
        QStringLiteral("Host ") + Token, QStringLiteral("https://x/?SecurityToken=") + Token);
    error.setDetail(QStringLiteral("Detail ") + Secret);
    const ApiError clean = redactSecrets(error, Sts);
    QCOMPARE(clean.kind(), ApiError::Kind::Service);
    QCOMPARE(clean.httpStatus(), 400);
    for (const QString &text : { clean.code(), clean.message(), clean.requestId(), clean.hostId(),
             clean.recommend(), clean.detail(), clean.summary() }) {
        QVERIFY2(text.contains(RedactedText), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("Q4nAry")), qPrintable(text));
    }
}

QTEST_GUILESS_MAIN(TestRedaction)
#include "tst_redaction.moc"
