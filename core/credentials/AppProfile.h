#pragma once

#include "api/signing/RequestSigner.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace ecs {

// A connection profile saved by this application. Everything here may be shown and
// is stored in QSettings; the AccessKey secret and the STS token are not here: they
// live only in the SecretStore (see ProfileStore).
struct AppProfile
{
    Q_DECLARE_TR_FUNCTIONS(ecs::AppProfile)

public:
    using SignatureVersion = signing::SignatureVersion; // the signer's own enum: one truth

    QString name;
    QString accessKeyId;
    QString defaultRegion; // e.g. "cn-hangzhou"; may be empty
    QUrl endpointOverride; // empty: the SDK's endpoint for the region
    SignatureVersion signatureVersion = SignatureVersion::V3;
    // A PEM bundle of extra CAs (a corporate proxy's), added to the system's; empty:
    // none (SSL_CERT_FILE still applies). Read when the profile is used (CaBundle).
    QString caFile;
    bool hasSecurityToken = false; // maintained by ProfileStore from the saved secret

    // "v3" / "v1", the form stored in settings.
    static QString signatureVersionName(SignatureVersion version);
    static std::optional<SignatureVersion> signatureVersionFromName(const QString &name);

    // Loose checks for forms; each returns an empty string when acceptable, else why
    // not, for people. Names become settings groups and keychain keys: not empty, no
    // '/' or '\\', no control characters, no surrounding whitespace, at most 64
    // characters.
    static QString validateName(const QString &name);
    // Not empty, no whitespace, at most 128 characters. The format is not checked
    // further: RAM, STS ("STS.") and future key IDs differ.
    static QString validateAccessKeyId(const QString &accessKeyId);
    // Empty (the SDK's endpoint for the region), or acceptable to Endpoint::validate:
    // the same rule the client applies when it sends (HTTPS unless loopback).
    static QString validateEndpoint(const QUrl &endpoint);
    // Empty, or an absolute path without control characters. Whether it holds
    // certificates is checked when the profile is used, off the GUI thread.
    static QString validateCaFile(const QString &path);
    // All of the above; the first problem found.
    QString validate() const;

    friend bool operator==(const AppProfile &a, const AppProfile &b)
    {
        return a.name == b.name && a.accessKeyId == b.accessKeyId
            && a.defaultRegion == b.defaultRegion && a.endpointOverride == b.endpointOverride
            && a.signatureVersion == b.signatureVersion && a.caFile == b.caFile
            && a.hasSecurityToken == b.hasSecurityToken;
    }
    friend bool operator!=(const AppProfile &a, const AppProfile &b) { return !(a == b); }
};

} // namespace ecs
