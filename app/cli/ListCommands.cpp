#include "ListCommands.h"

#include "CliOutput.h"
#include "CliSession.h"
#include "ExitCodes.h"
#include "api/EcsApi.h"
#include "credentials/CredentialCatalogue.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace ecs::cli {

namespace {

QString sourceKindName(CredentialSource::Kind kind)
{
    switch (kind) {
    case CredentialSource::Kind::Environment:
        return CliText::tr("environment");
    case CredentialSource::Kind::AliyunCli:
        return CliText::tr("aliyun CLI");
    case CredentialSource::Kind::AppProfile:
        return CliText::tr("saved profile");
    }
    return {};
}

} // namespace

void ProfilesCommand::start()
{
    const QList<CredentialSource> sources = m_session.catalogue().sources();
    if (m_output.isJson()) {
        QJsonArray array;
        for (const CredentialSource &source : sources) {
            array.append(QJsonObject { { QStringLiteral("id"), source.id },
                { QStringLiteral("name"), source.displayName },
                { QStringLiteral("kind"), sourceKindName(source.kind) },
                { QStringLiteral("supported"), source.supported },
                { QStringLiteral("reason"), source.reason },
                { QStringLiteral("region"), source.regionId } });
        }
        m_output.printJson(array);
        finish(ExitDone);
        return;
    }
    if (sources.isEmpty()) {
        m_output.line(
            tr("No credentials found. Set ALIBABA_CLOUD_ACCESS_KEY_ID and "
               "ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure the aliyun CLI, or add a profile in "
               "the app."));
        finish(ExitDone);
        return;
    }
    for (const CredentialSource &source : sources) {
        QString text = source.id + QLatin1Char('\t') + sourceKindName(source.kind)
            + QLatin1Char('\t') + source.displayName;
        if (!source.supported)
            text += QLatin1Char('\t') + tr("(unusable: %1)").arg(source.reason);
        m_output.line(text);
    }
    finish(ExitDone);
}

void RegionsCommand::start()
{
    withSession([this] {
        m_session.api().describeRegions({}, this, [this](const Result<QList<Region>> &regions) {
            if (!regions.ok()) {
                printError(regions.error());
                finish(ExitError);
                return;
            }
            QJsonArray array;
            for (const Region &r : regions.value()) {
                if (m_output.isJson())
                    array.append(QJsonObject { { QStringLiteral("id"), r.regionId },
                        { QStringLiteral("name"), r.localName },
                        { QStringLiteral("status"), r.status } });
                else
                    m_output.line(r.regionId + QLatin1Char('\t') + r.localName + QLatin1Char('\t')
                        + r.status);
            }
            if (m_output.isJson())
                m_output.printJson(array);
            finish(ExitDone);
        });
    });
}

void InstanceSnapshotsCommand::start()
{
    withSession([this] { list(); });
}

void InstanceSnapshotsCommand::list()
{
    DescribeSnapshotGroupsRequest request;
    request.regionId = m_session.regionId();
    request.instanceId = m_options.instanceId;
    if (!m_options.status.isEmpty())
        request.statuses = QStringList { m_options.status };
    request.name = m_options.name;
    auto groups = std::make_shared<QJsonArray>();
    m_session.api().listSnapshotGroups(
        request, this,
        [this, groups](const Page<SnapshotGroup> &page) {
            for (const SnapshotGroup &group : page.items) {
                if (m_output.isJson()) {
                    groups->append(QJsonObject { { QStringLiteral("id"), group.snapshotGroupId },
                        { QStringLiteral("name"), group.name },
                        { QStringLiteral("instance"), group.instanceId },
                        { QStringLiteral("status"), group.status },
                        { QStringLiteral("disks"), int(group.snapshots.size()) } });
                } else {
                    // Streamed page by page: a large account shows its first rows at once.
                    m_output.line(group.snapshotGroupId + QLatin1Char('\t') + group.name
                        + QLatin1Char('\t') + group.instanceId + QLatin1Char('\t') + group.status
                        + QLatin1Char('\t') + QString::number(group.snapshots.size()));
                }
            }
            m_output.out().flush();
        },
        [this, groups](const ApiError &error) {
            if (error.isError()) {
                printError(error);
                finish(ExitError);
                return;
            }
            if (m_output.isJson())
                m_output.printJson(*groups);
            finish(ExitDone);
        });
}

} // namespace ecs::cli
