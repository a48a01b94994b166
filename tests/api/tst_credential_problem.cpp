// CredentialProblem: every credential refusal the service sends is recognised, named for
// people with the profile and the code, and given the one thing to try; anything else is
// not a credential problem.
#include "api/CredentialProblem.h"

#include <QTest>

using ecs::ApiError;
using ecs::CredentialProblem;

Q_DECLARE_METATYPE(CredentialProblem::Kind)

class TestCredentialProblem : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void recognised_data()
    {
        using K = CredentialProblem::Kind;
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<K>("kind");
        QTest::addColumn<QString>("headline"); // a part of it
        QTest::newRow("unknown key") << "InvalidAccessKeyId.NotFound"
                                     << "" << K::UnknownAccessKey << "AccessKey ID of profile prod";
        QTest::newRow("unknown key, bare") << "InvalidAccessKeyId"
                                           << "" << K::UnknownAccessKey << "not known";
        QTest::newRow("disabled key") << "InvalidAccessKeyId.Inactive"
                                      << "" << K::DisabledAccessKey << "disabled";
        QTest::newRow("wrong secret")
            << "SignatureDoesNotMatch"
            << "" << K::SecretMismatch << "AccessKey secret of profile prod does not match";
        QTest::newRow("wrong V1 signature") << "IncompleteSignature"
                                            << "" << K::SecretMismatch << "does not match";
        QTest::newRow("token missing") << "MissingSecurityToken"
                                       << "" << K::TokenMissing << "no security token";
        QTest::newRow("token missing, as a parameter")
            << "MissingParameter"
            << "The input parameter \"SecurityToken\" is mandatory." << K::TokenMissing
            << "no security token";
        QTest::newRow("token expired") << "InvalidSecurityToken.Expired"
                                       << "" << K::TokenExpired << "has expired";
        QTest::newRow("token malformed") << "InvalidSecurityToken.Malformed"
                                         << "" << K::TokenInvalid << "not valid";
        QTest::newRow("token mismatch") << "InvalidSecurityToken.MismatchWithAccessKey"
                                        << "" << K::TokenInvalid << "not valid";
        QTest::newRow("clock") << "InvalidTimeStamp.Expired"
                               << "" << K::ClockSkew << "clock";
    }

    void recognised()
    {
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(CredentialProblem::Kind, kind);
        QFETCH(QString, headline);
        const std::optional<CredentialProblem> problem
            = CredentialProblem::of(ApiError::service(400, code, message, QStringLiteral("R-1")));
        QVERIFY(problem.has_value());
        QCOMPARE(problem->kind, kind);
        const QString text = problem->headline(QStringLiteral("prod"));
        QVERIFY2(text.contains(headline), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("prod")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("(") + code + QStringLiteral(")")), qPrintable(text));
        QVERIFY(!problem->advice().isEmpty());
    }

    void othersAreNot_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("not found") << "InvalidSnapshotGroup.NotFound"
                                   << "";
        QTest::newRow("missing other parameter") << "MissingParameter"
                                                 << "RegionId is mandatory";
        QTest::newRow("permission") << "Forbidden.RAM"
                                    << "";
        QTest::newRow("throttling") << "Throttling.User"
                                    << "";
    }

    void othersAreNot()
    {
        QFETCH(QString, code);
        QFETCH(QString, message);
        QVERIFY(!CredentialProblem::of(ApiError::service(400, code, message)).has_value());
        // Nor is a network failure, whatever its text.
        QVERIFY(!CredentialProblem::of(
            ApiError(ApiError::Kind::Network, QStringLiteral("SignatureDoesNotMatch")))
                     .has_value());
    }
};

QTEST_GUILESS_MAIN(TestCredentialProblem)
#include "tst_credential_problem.moc"
