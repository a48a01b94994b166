#pragma once

#include <QString>

namespace ecs {

// One place a credential can come from, as listed by CredentialCatalogue.
struct CredentialSource
{
    enum class Kind {
        Environment, // ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET / SECURITY_TOKEN
        AliyunCli, // a profile of ~/.aliyun/config.json
        AppProfile, // a profile saved by this application
    };

    QString id; // stable: "env", "cli:<profile>", "app:<profile>" (see CredentialCatalogue)
    QString displayName; // for people
    Kind kind = Kind::Environment;
    bool supported = false; // false: resolving it fails, `reason` says why
    QString reason; // empty when supported
    QString regionId; // the source's default region, when it names one
    bool isCurrent = false; // the aliyun CLI's "current" profile
};

} // namespace ecs
