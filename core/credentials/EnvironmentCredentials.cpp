#include "EnvironmentCredentials.h"

#include "CredentialFields.h"

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

// One variable under CredentialFields' rule: trimmed, or why it cannot be a key (a
// multi-line paste, a whole file in a variable).
CredentialFields::Normalized fieldOf(
    const QProcessEnvironment &environment, const char *name, CredentialFields::Field field)
{
    return CredentialFields::normalize(field, environment.value(QLatin1String(name)));
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

    const CredentialFields::Normalized fields[] = {
        fieldOf(environment, AccessKeyIdVariable, CredentialFields::Field::AccessKeyId),
        fieldOf(environment, AccessKeySecretVariable, CredentialFields::Field::AccessKeySecret),
        fieldOf(environment, SecurityTokenVariable, CredentialFields::Field::SecurityToken),
    };
    const char *const names[]
        = { AccessKeyIdVariable, AccessKeySecretVariable, SecurityTokenVariable };
    for (int i = 0; i < 3; ++i) {
        if (!fields[i].ok()) {
            result.m_state = State::Incomplete;
            result.m_message
                = tr("%1 cannot be used: %2").arg(QLatin1String(names[i]), fields[i].problem);
            return result;
        }
    }
    const QString &id = fields[0].value;
    const QString &secret = fields[1].value;
    const QString &token = fields[2].value;
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
