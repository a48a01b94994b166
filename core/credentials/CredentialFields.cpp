#include "CredentialFields.h"

namespace ecs {

QString CredentialFields::fieldName(Field field)
{
    switch (field) {
    case Field::AccessKeyId:
        return tr("The AccessKey ID");
    case Field::AccessKeySecret:
        return tr("The AccessKey secret");
    case Field::SecurityToken:
        return tr("The security token");
    }
    return {};
}

int CredentialFields::maxLength(Field field)
{
    switch (field) {
    case Field::AccessKeyId:
        return MaxAccessKeyIdLength;
    case Field::AccessKeySecret:
        return MaxAccessKeySecretLength;
    case Field::SecurityToken:
        return MaxSecurityTokenLength;
    }
    return 0;
}

CredentialFields::Normalized CredentialFields::normalize(Field field, const QString &raw)
{
    Normalized result;
    // The length is checked before trimming too, so a huge value costs no copy.
    const int cap = maxLength(field);
    if (raw.size() > 4 * qsizetype(cap) + 1024) {
        result.problem = tr("%1 is longer than %2 characters.").arg(fieldName(field)).arg(cap);
        return result;
    }
    const QString value = raw.trimmed();
    if (value.size() > cap) {
        result.problem = tr("%1 is longer than %2 characters.").arg(fieldName(field)).arg(cap);
        return result;
    }
    for (const QChar c : value) {
        if (c.isSpace()) {
            result.problem = tr("%1 contains a space or line break inside; copy it again "
                                "as one piece.")
                                 .arg(fieldName(field));
            return result;
        }
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            result.problem = tr("%1 contains control characters; copy it again from the "
                                "RAM console.")
                                 .arg(fieldName(field));
            return result;
        }
    }
    result.value = value;
    return result;
}

std::optional<Credential> CredentialFields::normalize(
    const Credential &credential, QString *problem)
{
    const Normalized id = normalize(Field::AccessKeyId, credential.accessKeyId);
    const Normalized secret = normalize(Field::AccessKeySecret, credential.accessKeySecret);
    const Normalized token = normalize(Field::SecurityToken, credential.securityToken);
    for (const Normalized *field : { &id, &secret, &token }) {
        if (!field->ok()) {
            if (problem)
                *problem = field->problem;
            return std::nullopt;
        }
    }
    return Credential { id.value, secret.value, token.value };
}

} // namespace ecs
