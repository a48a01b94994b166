#include "EnvironmentCredentials.h"

namespace ecs {

namespace {

// Set by other tools, not by the SDKs' default chain; reported, never read.
const char *const otherToolVariables[] = {
    "ALICLOUD_ACCESS_KEY", // Terraform provider, Ansible
    "ALICLOUD_SECRET_KEY",
    "ALICLOUD_SECURITY_TOKEN",
    "ALIBABACLOUD_ACCESS_KEY_ID", // aliyun CLI fallbacks
    "ALIBABACLOUD_ACCESS_KEY_SECRET",
    "ALICLOUD_ACCESS_KEY_ID",
    "ALICLOUD_ACCESS_KEY_SECRET",
};

// Whitespace around a value is a copy-paste slip, never part of a key.
QString valueOf(const QProcessEnvironment &environment, const char *name)
{
    return environment.value(QLatin1String(name)).trimmed();
}

} // namespace

EnvironmentCredentials EnvironmentCredentials::fromEnvironment(
    const QProcessEnvironment &environment)
{
    EnvironmentCredentials result;
    for (const char *name : otherToolVariables) {
        if (!valueOf(environment, name).isEmpty())
            result.m_ignoredVariables << QLatin1String(name);
    }

    const QString id = valueOf(environment, AccessKeyIdVariable);
    const QString secret = valueOf(environment, AccessKeySecretVariable);
    const QString token = valueOf(environment, SecurityTokenVariable);
    const QString idName = QLatin1String(AccessKeyIdVariable);
    const QString secretName = QLatin1String(AccessKeySecretVariable);

    if (id.isEmpty() && secret.isEmpty() && token.isEmpty()) {
        result.m_state = State::NotSet;
        result.m_message = tr("%1 and %2 are not set.").arg(idName, secretName);
        if (!result.m_ignoredVariables.isEmpty()) {
            result.m_message += QLatin1Char(' ')
                + tr("%1 is set, but like the Alibaba Cloud SDKs this application reads "
                     "only the ALIBABA_CLOUD_* names.")
                      .arg(result.m_ignoredVariables.join(QLatin1String(", ")));
        }
        return result;
    }

    // Half a key is a mistake worth reporting, not a reason to fall through quietly to
    // another source and sign requests with a key the user did not mean.
    result.m_state = State::Incomplete;
    if (id.isEmpty() && secret.isEmpty()) {
        result.m_message = tr("%1 is set, but %2 and %3 are not.")
                               .arg(QLatin1String(SecurityTokenVariable), idName, secretName);
    } else if (secret.isEmpty()) {
        result.m_message = tr("%1 is set, but %2 is not.").arg(idName, secretName);
    } else if (id.isEmpty()) {
        result.m_message = tr("%1 is set, but %2 is not.").arg(secretName, idName);
    } else {
        result.m_state = State::Complete;
        result.m_credential = Credential { id, secret, token };
    }
    return result;
}

} // namespace ecs
