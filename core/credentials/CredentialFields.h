#pragma once

#include "Credential.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ecs {

// The one rule for AccessKey IDs, secrets and STS tokens, wherever a credential is
// made (the environment, the aliyun CLI config, a saved profile, the profile form):
// whitespace around a value is a copy-paste slip and is trimmed; whitespace or control
// characters inside, or an absurd length, mean the value is not what the user meant
// and are refused with a hint. Messages name the field, never its value.
class CredentialFields
{
    Q_DECLARE_TR_FUNCTIONS(ecs::CredentialFields)

public:
    enum class Field { AccessKeyId, AccessKeySecret, SecurityToken };

    // Real values are far shorter (IDs ~24–30, secrets 30, STS tokens ~1–3 KB); the caps
    // only stop a wrong file or variable from being taken for a key.
    static constexpr int MaxAccessKeyIdLength = 128;
    static constexpr int MaxAccessKeySecretLength = 256;
    static constexpr int MaxSecurityTokenLength = 16 * 1024;

    struct Normalized
    {
        QString value; // trimmed; empty if the input was empty or only whitespace
        QString problem; // for people; empty when acceptable

        bool ok() const { return problem.isEmpty(); }
    };

    // An empty value is acceptable here: whether a field is required is the caller's
    // rule.
    static Normalized normalize(Field field, const QString &raw);
    // All three fields of `credential`; on a problem returns nothing and sets *problem.
    static std::optional<Credential> normalize(const Credential &credential, QString *problem);

    // "The AccessKey ID", "The AccessKey secret", "The security token".
    static QString fieldName(Field field);
    static int maxLength(Field field);
};

} // namespace ecs
