#include "ProfileListModel.h"

#include "credentials/CredentialCatalogue.h"
#include "credentials/ProfileStore.h"
#include "session/ConsoleSession.h"
#include "session/SessionSecretStore.h"

#include <QApplication>
#include <QStyle>

namespace ecs {

ProfileListModel::ProfileListModel(ProfileStore *profiles, CredentialCatalogue *catalogue,
    SessionSecretStore *sessionSecrets, QObject *parent)
    : QAbstractTableModel(parent)
    , m_profiles(profiles)
    , m_catalogue(catalogue)
    , m_sessionSecrets(sessionSecrets)
{
    Q_ASSERT(m_profiles);
    Q_ASSERT(m_catalogue);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &ProfileListModel::reload);
    connect(m_catalogue, &CredentialCatalogue::sourcesChanged, this, &ProfileListModel::reload);
    reload();
}

void ProfileListModel::reload()
{
    beginResetModel();
    m_rows.clear();

    Row sandbox;
    sandbox.id = ConsoleSession::sandboxProfileId();
    sandbox.kind = Kind::Sandbox;
    sandbox.name = tr("Sandbox");
    sandbox.status = tr("A simulated account inside this application");
    m_rows << sandbox;

    for (const CredentialSource &source : m_catalogue->sources()) {
        if (source.kind != CredentialSource::Kind::AliyunCli)
            continue;
        Row row;
        row.id = source.id;
        row.kind = Kind::AliyunCli;
        row.name = source.id == CredentialCatalogue::cliConfigId() ? source.displayName
                                                                   : source.id.mid(4);
        row.regionId = source.regionId;
        row.usable = source.supported;
        row.status = source.supported
            ? (source.isCurrent ? tr("The aliyun CLI's current profile") : QString())
            : source.reason;
        m_rows << row;
    }

    for (const AppProfile &profile : m_profiles->profiles()) {
        Row row;
        row.id = CredentialCatalogue::appProfileId(profile.name);
        row.kind = Kind::App;
        row.name = profile.name;
        row.accessKey = Credential::maskedKeyId(profile.accessKeyId);
        row.regionId = profile.defaultRegion;
        QStringList notes;
        row.sessionOnly = m_sessionSecrets
            && m_sessionSecrets->holdsInMemory(ProfileStore::secretKey(profile.name));
        if (row.sessionOnly)
            notes << tr("Secret for this session only");
        if (profile.hasSecurityToken)
            notes << tr("STS token");
        if (!profile.endpointOverride.isEmpty())
            notes << tr("Endpoint %1").arg(profile.endpointOverride.toString());
        if (profile.signatureVersion == AppProfile::SignatureVersion::V1)
            notes << tr("Signature V1");
        row.status = notes.join(QLatin1String("; "));
        m_rows << row;
    }
    endResetModel();
}

int ProfileListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int ProfileListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProfileListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProfileListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == IdRole)
        return row.id;
    if (role == Qt::DecorationRole && index.column() == NameColumn) {
        // Every row has an icon, so names line up; unusable ones warn (with a reason).
        QStyle::StandardPixmap icon = QStyle::SP_MessageBoxWarning;
        if (row.usable) {
            icon = row.kind == Kind::Sandbox  ? QStyle::SP_ComputerIcon
                : row.kind == Kind::AliyunCli ? QStyle::SP_FileIcon
                                              : QStyle::SP_DriveNetIcon;
        }
        return QApplication::style()->standardIcon(icon);
    }
    if (role == Qt::ToolTipRole && index.column() == StatusColumn)
        return row.status;
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (static_cast<Column>(index.column())) {
    case NameColumn:
        return row.name;
    case SourceColumn:
        switch (row.kind) {
        case Kind::Sandbox:
            return tr("Built in");
        case Kind::AliyunCli:
            return tr("aliyun CLI (read only)");
        case Kind::App:
            return tr("This application");
        }
        return {};
    case AccessKeyColumn:
        return row.accessKey;
    case RegionColumn:
        return row.regionId;
    case StatusColumn:
        return row.status;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProfileListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (static_cast<Column>(section)) {
    case NameColumn:
        return tr("Name");
    case SourceColumn:
        return tr("Source");
    case AccessKeyColumn:
        return tr("AccessKey ID");
    case RegionColumn:
        return tr("Default region");
    case StatusColumn:
        return tr("Notes");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace ecs
