#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace ecs {

class CredentialCatalogue;
class ProfileStore;
class SessionSecretStore;

// The rows of the Profiles dialog: the built-in sandbox, the aliyun CLI's profiles (read
// only; those with a usable key can be imported) and this application's profiles
// (editable). Reloaded whenever the store or the catalogue change.
class ProfileListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        SourceColumn,
        AccessKeyColumn,
        RegionColumn,
        StatusColumn,
        ColumnCount
    };
    enum class Kind { Sandbox, AliyunCli, App };
    enum Role { IdRole = Qt::UserRole + 1 };

    struct Row
    {
        QString id; // "sandbox", "cli:<name>", "cli" (an unreadable config), "app:<name>"
        Kind kind = Kind::Sandbox;
        QString name;
        QString accessKey; // masked
        QString regionId;
        QString status;
        bool usable = true; // false: an aliyun CLI profile that cannot be imported
        bool sessionOnly = false; // an app profile whose secret is only in memory
    };

    // `sessionSecrets` may be null (then no row says "for this session only").
    ProfileListModel(ProfileStore *profiles, CredentialCatalogue *catalogue,
        SessionSecretStore *sessionSecrets, QObject *parent = nullptr);

    void reload();
    Row row(int index) const { return m_rows.value(index); }
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ProfileStore *m_profiles;
    CredentialCatalogue *m_catalogue;
    SessionSecretStore *m_sessionSecrets;
    QList<Row> m_rows;
};

} // namespace ecs
