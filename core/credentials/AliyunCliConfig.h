#pragma once

#include "Credential.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace ecs {

// One profile of the aliyun CLI. Only the AK and StsToken modes carry a usable
// key; the other modes (RamRoleArn, EcsRamRole, OIDC, CloudSSO, ...) need calls to
// STS, the instance metadata service, an external process or a browser, which this
// application does not make yet: such profiles are listed with `reason` saying so.
struct CliProfile
{
    QString name;
    QString mode; // as the CLI names it: "AK", "StsToken", "RamRoleArn", ...
    QString regionId; // the profile's region_id, may be empty
    bool supported = false;
    QString reason; // why not supported, for people; empty when supported
    Credential credential; // only when supported
};

// Reads the aliyun CLI configuration, `~/.aliyun/config.json`:
//   {"current": "default", "profiles": [{"name": "default", "mode": "AK",
//     "access_key_id": "...", "access_key_secret": "...", "sts_token": "...",
//     "region_id": "cn-hangzhou", ...}], "meta_path": ""}
// A missing file means "no CLI profiles", not an error (most users have none). A file
// that the CLI itself could not read (bad JSON, wrong types in the fields used here)
// is an error for the whole file, as it is for the CLI. Secrets from the file are never
// put into error messages.
class AliyunCliConfig
{
    Q_DECLARE_TR_FUNCTIONS(ecs::AliyunCliConfig)

public:
    // $HOME/.aliyun/config.json, like the CLI and the SDKs' CLI-profile provider.
    static QString defaultPath();

    static AliyunCliConfig load(const QString &path);
    // `path` only names the file in messages.
    static AliyunCliConfig parse(const QByteArray &json, const QString &path);

    QString path() const { return m_path; }
    bool fileExists() const { return m_fileExists; }
    bool hasError() const { return !m_error.isEmpty(); }
    // For people: "~/.aliyun/config.json: profiles[1].access_key_id is not a string".
    QString errorString() const { return m_error; }

    // In file order; profiles without a name and repeated names (the CLI uses the first)
    // are left out.
    QList<CliProfile> profiles() const { return m_profiles; }
    std::optional<CliProfile> profile(const QString &name) const;
    // The "current" profile name; empty if none is named.
    QString currentProfileName() const { return m_current; }

private:
    QString m_path;
    bool m_fileExists = false;
    QString m_error;
    QList<CliProfile> m_profiles;
    QString m_current;
};

} // namespace ecs
