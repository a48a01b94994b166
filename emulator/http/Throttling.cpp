#include "Throttling.h"

#include <QStringList>

namespace ecs::emulator::throttling {

namespace {

struct Documented
{
    const char *code;
    int status;
    QStringList actions;
};

// ERROR-CODES.md, "Throttling-family codes across all ECS actions", verbatim. An action
// listed with two statuses for one code (ModifyDiskChargeType, ...) gets the first.
const QList<Documented> &documented()
{
    static const QList<Documented> table = {
        { "Throttling", 400,
            { QStringLiteral("AssignPrivateIpAddresses"), QStringLiteral("DescribeDiskMonitorData"),
                QStringLiteral("DescribeInstanceAutoRenewAttribute"),
                QStringLiteral("DescribeInstanceMonitorData"), QStringLiteral("DescribePrice"),
                QStringLiteral("DescribeRenewalPrice"),
                QStringLiteral("DescribeSnapshotMonitorData"),
                QStringLiteral("ModifyDedicatedHostsChargeType"),
                QStringLiteral("ModifyDiskChargeType"), QStringLiteral("ModifyInstanceChargeType"),
                QStringLiteral("ModifyInstanceNetworkSpec"), QStringLiteral("ModifyInstanceSpec"),
                QStringLiteral("ModifyPrepayInstanceSpec") } },
        { "Throttling", 403,
            { QStringLiteral("CreateSnapshot"), QStringLiteral("DescribeEniMonitorData"),
                QStringLiteral("DescribeInstanceModificationPrice"),
                QStringLiteral("ModifyDiskChargeType"), QStringLiteral("ModifyInstanceNetworkSpec"),
                QStringLiteral("ModifyPrepayInstanceSpec") } },
        { "Throttling", 429,
            { QStringLiteral("GetInstanceConsoleOutput"),
                QStringLiteral("GetInstanceScreenshot") } },
        { "Throttling.Resource", 429,
            { QStringLiteral("CreateInstance"), QStringLiteral("RunInstances") } },
        { "Throttling.User", 400,
            { QStringLiteral("DescribePrice"), QStringLiteral("DescribeRenewalPrice") } },
        { "Throttling.User", 403, { QStringLiteral("DescribeInstanceModificationPrice") } },
    };
    return table;
}

} // namespace

bool isCode(const QString &code)
{
    return code == QLatin1String("Throttling") || code == QLatin1String("Throttling.User")
        || code == QLatin1String("Throttling.Api") || code == QLatin1String("Throttling.Resource");
}

bool isStatus(int status)
{
    return status == 400 || status == 403 || status == 429;
}

int defaultStatus(const QString &code, const QString &action)
{
    for (const Documented &entry : documented()) {
        if (code == QLatin1String(entry.code) && entry.actions.contains(action))
            return entry.status;
    }
    return 400;
}

ServiceError error(const QString &code, int status)
{
    // Throttling.User is the wording seen in ECS answers; the others are UNCONFIRMED
    // (docs/EMULATOR.md) and follow the same pattern.
    QString message;
    if (code == QLatin1String("Throttling.User"))
        message = QStringLiteral("Request was denied due to user flow control.");
    else if (code == QLatin1String("Throttling.Api"))
        message = QStringLiteral("Request was denied due to api flow control.");
    else if (code == QLatin1String("Throttling.Resource"))
        message = QStringLiteral("Request was denied due to resource flow control.");
    else
        message = QStringLiteral("Request was denied due to request throttling.");
    return ServiceError { status, code, message };
}

} // namespace ecs::emulator::throttling
