// LoadStateMessage: which title and advice each kind of failure gets.
#include "models/LoadStateMessage.h"

#include <QTest>

using namespace ecs;
using Kind = LoadStateMessage::Kind;

Q_DECLARE_METATYPE(ecs::LoadStateMessage::Kind)

class TestLoadStateMessage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forError_data();
    void forError();
    void otherUsesSummary();
    void permissionNamesTheAction();
    void empty();
};

void TestLoadStateMessage::forError_data()
{
    QTest::addColumn<ApiError>("error");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("adviceContains");

    const QString profiles = QStringLiteral("Profiles");
    auto service = [](int status, const char *code) {
        return ApiError::service(
            status, QString::fromLatin1(code), QStringLiteral("msg"), QStringLiteral("R-1"));
    };
    // Named for people, with the profile and the code; what to try below.
    QTest::newRow("key not found")
        << service(404, "InvalidAccessKeyId.NotFound") << Kind::AccessKeyRefused
        << QStringLiteral("The AccessKey ID of profile prod is not known to Alibaba Cloud "
                          "(InvalidAccessKeyId.NotFound)")
        << QStringLiteral("AccessKey ID");
    QTest::newRow("signature")
        << service(400, "SignatureDoesNotMatch") << Kind::AccessKeyRefused
        << QStringLiteral(
               "The AccessKey secret of profile prod does not match (SignatureDoesNotMatch)")
        << profiles;
    QTest::newRow("key inactive")
        << service(403, "InvalidAccessKeyId.Inactive") << Kind::AccessKeyRefused
        << QStringLiteral("The AccessKey of profile prod is disabled (InvalidAccessKeyId.Inactive)")
        << QStringLiteral("RAM console");
    QTest::newRow("clock") << service(400, "InvalidTimeStamp.Expired") << Kind::AccessKeyRefused
                           << QStringLiteral("This computer's clock is too far from Alibaba "
                                             "Cloud's for profile prod (InvalidTimeStamp.Expired)")
                           << QStringLiteral("network time");
    const QString noPermission = QStringLiteral("This account may not list instance snapshots");
    const QString ram = QStringLiteral("ecs:DescribeSnapshotGroups");
    QTest::newRow("Forbidden.RAM")
        << service(403, "Forbidden.RAM") << Kind::NoPermission << noPermission << ram;
    QTest::newRow("Forbidden.Unauthorized")
        << service(403, "Forbidden.Unauthorized") << Kind::NoPermission << noPermission << ram;
    QTest::newRow("Forbidden.Other")
        << service(403, "Forbidden.SubUser") << Kind::NoPermission << noPermission << ram;
    QTest::newRow("Forbidden") << service(403, "Forbidden") << Kind::NoPermission << noPermission
                               << ram;
    const QString offline = QStringLiteral("Cannot reach the ECS endpoint");
    const QString f5 = QStringLiteral("F5");
    QTest::newRow("network") << ApiError(ApiError::Kind::Network, QStringLiteral("refused"))
                             << Kind::Offline << offline << f5;
    QTest::newRow("timeout") << ApiError(ApiError::Kind::Timeout, QStringLiteral("slow"))
                             << Kind::Offline << offline << f5;
    QTest::newRow("tls") << ApiError(ApiError::Kind::Tls, QStringLiteral("cert")) << Kind::Offline
                         << offline << QStringLiteral("proxy");
    QTest::newRow("throttling") << service(400, "Throttling.User") << Kind::Busy
                                << QStringLiteral("The service is busy") << f5;
    QTest::newRow("throttling plain")
        << service(400, "Throttling") << Kind::Busy << QStringLiteral("The service is busy") << f5;
    // Not permission or key problems, despite the 403 / a similar name.
    QTest::newRow("403 other") << service(403, "IncorrectInstanceStatus") << Kind::Other
                               << QStringLiteral(
                                      "IncorrectInstanceStatus: msg (HTTP 403, RequestId R-1)")
                               << f5;
    QTest::newRow("ForbiddenX is not Forbidden.")
        << service(403, "ForbiddenX") << Kind::Other
        << QStringLiteral("ForbiddenX: msg (HTTP 403, RequestId R-1)") << f5;
}

void TestLoadStateMessage::forError()
{
    QFETCH(ApiError, error);
    QFETCH(Kind, kind);
    QFETCH(QString, title);
    QFETCH(QString, adviceContains);
    const LoadStateMessage message = LoadStateMessage::forError(
        error, QStringLiteral("DescribeSnapshotGroups"), QStringLiteral("prod"));
    QCOMPARE(message.kind, kind);
    QCOMPARE(message.title, title);
    QVERIFY2(message.advice.contains(adviceContains), qPrintable(message.advice));
    // The service's own words are kept for "Details", not lost.
    QCOMPARE(message.details, error.summary());
}

void TestLoadStateMessage::otherUsesSummary()
{
    const ApiError parse = ApiError::parse(QStringLiteral("Not JSON"));
    const LoadStateMessage message = LoadStateMessage::forError(parse);
    QCOMPARE(message.kind, Kind::Other);
    QCOMPARE(message.title, parse.summary());
}

void TestLoadStateMessage::permissionNamesTheAction()
{
    const LoadStateMessage message = LoadStateMessage::forError(
        ApiError::service(403, QStringLiteral("Forbidden.RAM"), QStringLiteral("no")),
        QStringLiteral("DescribeSnapshots"));
    QCOMPARE(message.title, QStringLiteral("This account may not list disk snapshots"));
    QVERIFY(message.advice.contains(QStringLiteral("ecs:DescribeSnapshots")));
    QVERIFY(!message.advice.contains(QStringLiteral("ecs:DescribeSnapshotGroups")));
}

void TestLoadStateMessage::empty()
{
    const LoadStateMessage message = LoadStateMessage::forEmpty(QStringLiteral("China (Hangzhou)"));
    QCOMPARE(message.kind, Kind::Empty);
    QCOMPARE(message.title, QStringLiteral("No instance snapshots in China (Hangzhou)"));
    QCOMPARE(
        message.advice, QStringLiteral("Create one in the ECS console, or pick another region."));
    QCOMPARE(LoadStateMessage::forEmptyDiskSnapshots(QStringLiteral("cn-beijing")).title,
        QStringLiteral("No disk snapshots in cn-beijing"));
}

QTEST_GUILESS_MAIN(TestLoadStateMessage)
#include "tst_load_state_message.moc"
