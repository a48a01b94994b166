#include "CaBundle.h"

#include "io/BoundedFile.h"

#include <QPromise>
#include <QSslConfiguration>
#include <QThreadPool>

#include <memory>

namespace ecs {

CaBundle::Loaded CaBundle::load(const QString &path)
{
    Loaded result;
    const BoundedFile::Result file = BoundedFile::read(path, MaxBytes);
    if (!file.ok()) {
        result.error = tr("The CA bundle cannot be used: %1.").arg(file.error);
        return result;
    }
    const QByteArray beginMarker = "-----BEGIN CERTIFICATE-----";
    const qsizetype blocks = file.data.count(beginMarker);
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.data, QSsl::Pem);
    if (blocks == 0 || certificates.isEmpty()) {
        result.error = tr("The CA bundle %1 holds no PEM certificate (\"%2\" blocks).")
                           .arg(path, QString::fromLatin1(beginMarker));
        return result;
    }
    // fromData skips blocks it cannot parse; a bundle half read would trust less than
    // the user thinks, so it is refused as a whole.
    if (certificates.size() != blocks) {
        result.error = tr("The CA bundle %1 has %2 certificate blocks, but only %3 could be "
                          "read.")
                           .arg(path)
                           .arg(blocks)
                           .arg(certificates.size());
        return result;
    }
    for (const QSslCertificate &certificate : certificates) {
        if (certificate.isNull()) {
            result.error = tr("The CA bundle %1 has a certificate that cannot be read.").arg(path);
            return result;
        }
    }
    result.certificates = certificates;
    return result;
}

QList<QSslCertificate> CaBundle::withSystemCertificates(const QList<QSslCertificate> &extra)
{
    return QSslConfiguration::systemCaCertificates() + extra;
}

QFuture<CaBundle::Trust> CaBundle::loadTrust(const QString &path)
{
    auto promise = std::make_shared<QPromise<Trust>>();
    QFuture<Trust> future = promise->future();
    promise->start();
    // Reading the system store touches a few hundred files: not on the GUI thread.
    QThreadPool::globalInstance()->start([promise, path] {
        Trust trust;
        const Loaded bundle = load(path);
        if (bundle.ok())
            trust.caCertificates = withSystemCertificates(bundle.certificates);
        else
            trust.error = bundle.error;
        promise->addResult(trust);
        promise->finish();
    });
    return future;
}

QString CaBundle::environmentPath(const QProcessEnvironment &environment)
{
    return environment.value(QLatin1String(EnvironmentVariable)).trimmed();
}

} // namespace ecs
