// The emulated service answers with the codes, statuses and wording that Alibaba Cloud's
// own API metadata documents for each action (emulator/service/data/error-codes.json).
#include "ServiceCalls.h"
#include "service/ErrorCatalog.h"

#include <QTest>

using namespace ecs;
using namespace ecs::emulator;
using namespace ecs::emulator::testing;

class TestServiceErrorCodes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogueCoversTheActionsServed()
    {
        const ErrorCatalog &catalog = ErrorCatalog::builtIn();
        for (const char *action : { "DescribeRegions", "DescribeInstances", "DescribeDisks",
                 "DescribeSnapshots", "DescribeSnapshotGroups", "DescribeInstanceStatus",
                 "CreateSnapshotGroup", "DeleteSnapshotGroup", "ResetDisks", "ResetDisk",
                 "StopInstance", "StartInstance" }) {
            QVERIFY2(catalog.actions().contains(QLatin1String(action)), action);
        }
        const QList<ServiceError> category = catalog.entries(
            QStringLiteral("ResetDisks"), QStringLiteral("DiskCategory.OperationNotSupported"));
        QCOMPARE(category.size(), 1);
        QCOMPARE(category.first().httpStatus, 400);
    }

    void documentedStatusAndWordingWin()
    {
        const ErrorCatalog catalog
            = ErrorCatalog::fromJson(QJsonObject { { QStringLiteral("actions"),
                QJsonObject { { QStringLiteral("Act"),
                    QJsonArray { QJsonObject { { QStringLiteral("status"), 400 },
                                     { QStringLiteral("code"), QStringLiteral("Twice") },
                                     { QStringLiteral("message"), QStringLiteral("as a 400") } },
                        QJsonObject { { QStringLiteral("status"), 403 },
                            { QStringLiteral("code"), QStringLiteral("Twice") },
                            { QStringLiteral("message"), QStringLiteral("as a 403") } },
                        QJsonObject { { QStringLiteral("status"), 403 },
                            { QStringLiteral("code"), QStringLiteral("Placeholder") },
                            { QStringLiteral("message"), QStringLiteral("%s") } } } } } } });
        const auto documented = [&](int status, const char *code) {
            return catalog.asDocumented(QStringLiteral("Act"),
                ServiceError { status, QLatin1String(code), QStringLiteral("ours") });
        };
        // Of two entries, the one with the rule's status; else the first.
        QCOMPARE(documented(403, "Twice").message, QStringLiteral("as a 403"));
        QCOMPARE(documented(500, "Twice").httpStatus, 400);
        QCOMPARE(documented(500, "Twice").message, QStringLiteral("as a 400"));
        // A bare placeholder keeps the rule's text; the status is the documented one.
        QCOMPARE(documented(400, "Placeholder").message, QStringLiteral("ours"));
        QCOMPARE(documented(400, "Placeholder").httpStatus, 403);
        // Undocumented: as it is.
        QCOMPARE(documented(418, "Other").httpStatus, 418);
        QCOMPARE(documented(418, "Other").message, QStringLiteral("ours"));
        QCOMPARE(catalog
                     .asDocumented(QStringLiteral("Elsewhere"),
                         ServiceError { 403, QStringLiteral("Twice"), QStringLiteral("ours") })
                     .message,
            QStringLiteral("ours"));
    }

    void serviceAnswersAsDocumented_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<ApiParameters>("parameters");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");

        const QString region = QStringLiteral("cn-hangzhou");
        QTest::newRow("DeleteSnapshotGroup of an unknown group")
            << QStringLiteral("DeleteSnapshotGroup")
            << ApiParameters { { QStringLiteral("RegionId"), region },
                   { QStringLiteral("SnapshotGroupId"), QStringLiteral("ssg-nothing") } }
            << 404 << QStringLiteral("InvalidSnapshotGroup.NotFound")
            << QStringLiteral("The SnapshotGroupId provided does not exist in our records.");
        ApiParameters manyIds { { QStringLiteral("RegionId"), region } };
        for (int i = 1; i <= 101; ++i)
            manyIds.insert(QStringLiteral("InstanceId.%1").arg(i), QStringLiteral("i-%1").arg(i));
        QTest::newRow("DescribeInstanceStatus of 101 instances")
            << QStringLiteral("DescribeInstanceStatus") << manyIds << 403
            << QStringLiteral("InvalidParameter.TooManyInstanceIds")
            << QStringLiteral("Instance ids cannot be more than 100.");
        QTest::newRow("ResetDisk of a released disk")
            << QStringLiteral("ResetDisk")
            << ApiParameters { { QStringLiteral("DiskId"),
                                   QStringLiteral("d-demo-released-data2") },
                   { QStringLiteral("SnapshotId"), QStringLiteral("s-demo-released-data2") } }
            << 404 << QStringLiteral("InvalidDiskId.NotFound")
            << QStringLiteral("The specified disk does not exist.");
        QTest::newRow("StartInstance of an unknown instance")
            << QStringLiteral("StartInstance")
            << ApiParameters { { QStringLiteral("InstanceId"), QStringLiteral("i-nothing") } }
            << 404 << QStringLiteral("InvalidInstanceId.NotFound")
            << QStringLiteral("The specified InstanceId does not exist.");
        QTest::newRow("an action the service does not have")
            << QStringLiteral("RebootEverything") << ApiParameters {} << 404
            << QStringLiteral("InvalidAction.NotFound")
            << QStringLiteral("Specified api is not found, please check your url and method.");
    }

    void serviceAnswersAsDocumented()
    {
        QFETCH(QString, action);
        QFETCH(ApiParameters, parameters);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QString, message);
        EcsService service(demo());
        service.setTiming(fastTiming());
        const ActionResult result
            = service.handle(ActionRequest { action, parameters, QStringLiteral("test-key") });
        QVERIFY(result.error);
        QCOMPARE(result.error->code, code);
        QCOMPARE(result.error->httpStatus, status);
        QCOMPARE(result.error->message, message);
    }
};

QTEST_GUILESS_MAIN(TestServiceErrorCodes)
#include "tst_service_error_codes.moc"
