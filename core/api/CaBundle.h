#pragma once

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QString>

namespace ecs {

// Extra certificate authorities for TLS, for corporate proxies that re-sign HTTPS with
// their own CA: a PEM bundle from `--ca-file`, a profile's CA file, or the
// SSL_CERT_FILE convention. The bundle is *added* to the system CAs; verification is
// never turned off, and there is no option to do so.
class CaBundle
{
    Q_DECLARE_TR_FUNCTIONS(ecs::CaBundle)

public:
    // The Mozilla bundle is ~220 KB; a bundle of several MiB is not one.
    static constexpr qint64 MaxBytes = 4 * 1024 * 1024;
    static constexpr const char *EnvironmentVariable = "SSL_CERT_FILE";

    struct Loaded
    {
        QList<QSslCertificate> certificates; // the bundle's own, in file order
        QString error; // for people, naming the path; empty when loaded

        bool ok() const { return error.isEmpty(); }
    };

    // Reads the file with BoundedFile and parses it as PEM. A bundle without a single
    // certificate, or with a block that does not parse, is an error.
    static Loaded load(const QString &path);

    // The CA list for ClientSettings::caCertificates: the system's plus `extra`. Reads
    // the system store (a few hundred files) once per call: call it when the client is
    // set up, not per request.
    static QList<QSslCertificate> withSystemCertificates(const QList<QSslCertificate> &extra);

    // What ClientSettings::caCertificates needs, or why the bundle cannot be used.
    struct Trust
    {
        QList<QSslCertificate> caCertificates; // the system's plus the bundle's
        QString error;

        bool ok() const { return error.isEmpty(); }
    };
    // load() and withSystemCertificates() on a pool thread, for the GUI: continue with
    // QFuture::then(context, ...) so a closed window never gets the answer.
    static QFuture<Trust> loadTrust(const QString &path);

    // The path SSL_CERT_FILE names, or empty.
    static QString environmentPath(const QProcessEnvironment &environment);
};

} // namespace ecs
