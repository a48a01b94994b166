#pragma once

#include "Credential.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ecs {

// The AccessKey from the environment, under the names the Alibaba Cloud SDKs' default
// credential chain and the aliyun CLI read:
//   ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET and, for STS,
//   ALIBABA_CLOUD_SECURITY_TOKEN.
// Only these are read. Older or tool-specific names (ALICLOUD_ACCESS_KEY and
// ALICLOUD_SECRET_KEY of Terraform and Ansible, the CLI's ALIBABACLOUD_* and
// ALICLOUD_ACCESS_KEY_* fallbacks) are not in the SDKs' chain; when one is set we say
// so in message() instead of guessing which of several keys the user meant.
class EnvironmentCredentials
{
    Q_DECLARE_TR_FUNCTIONS(ecs::EnvironmentCredentials)

public:
    static constexpr const char *AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    static constexpr const char *AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    static constexpr const char *SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    enum class State {
        NotSet, // none of the three variables is set (empty counts as unset)
        Complete, // ID and secret, maybe a token: credential() is usable
        Incomplete, // a half-configured key: message() says what is missing
    };

    static EnvironmentCredentials fromEnvironment(const QProcessEnvironment &environment);

    State state() const { return m_state; }
    bool isComplete() const { return m_state == State::Complete; }
    // Empty unless Complete.
    const Credential &credential() const { return m_credential; }
    // Why the environment cannot be used (NotSet, Incomplete), for people. Names
    // variables, never their values.
    QString message() const { return m_message; }
    // Unread variables with other tools' names that are set (see the class comment).
    QStringList ignoredVariables() const { return m_ignoredVariables; }

private:
    State m_state = State::NotSet;
    Credential m_credential;
    QString m_message;
    QStringList m_ignoredVariables;
};

} // namespace ecs
