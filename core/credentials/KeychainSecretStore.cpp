#include "KeychainSecretStore.h"

#include "CredentialsLogging.h"

#include <qt6keychain/keychain.h>

#include <utility>

namespace ecs {

namespace {

SecretStoreError toSecretStoreError(const QKeychain::Job &job)
{
    using Kind = SecretStoreError::Kind;
    switch (job.error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return { Kind::NoBackend, job.errorString() };
    case QKeychain::AccessDenied: // libsecret: the collection is locked
    case QKeychain::AccessDeniedByUser:
        return { Kind::AccessDenied, job.errorString() };
    case QKeychain::EntryNotFound: // callers handle it before, where it is not an error
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports "no D-Bus session" and "no Secret Service" as OtherError.
    return { Kind::Failed, job.errorString() };
}

// Every job: our service, our key, no plaintext fallback, gone once finished.
void prepare(QKeychain::Job *job, const QString &key)
{
    job->setKey(key);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
}

void logFailure(const char *operation, const QString &key, const SecretStoreError &error)
{
    qCWarning(lcEcsCredentials).noquote()
        << "keychain" << operation << "failed for" << key << ":" << error.detail();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(defaultServiceName(), parent)
{ }

KeychainSecretStore::KeychainSecretStore(QString serviceName, QObject *parent)
    : SecretStore(parent)
    , m_serviceName(std::move(serviceName))
{ }

// The jobs have no parent: QtKeychain's libsecret callbacks hold a raw pointer to the
// job, so a job must live until it has finished and then delete itself. Connecting
// with `context` drops the answer when the receiver is gone first.
void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    Q_ASSERT(context);
    auto *job = new QKeychain::ReadPasswordJob(m_serviceName);
    prepare(job, key);
    connect(job, &QKeychain::Job::finished, context,
        [job, key, callback = std::move(callback)](QKeychain::Job *) {
            SecretReadResult result;
            if (job->error() == QKeychain::NoError) {
                result.status = SecretReadResult::Status::Found;
                result.secret = job->textData();
            } else if (job->error() == QKeychain::EntryNotFound) {
                result.status = SecretReadResult::Status::NotFound;
            } else {
                result.status = SecretReadResult::Status::Error;
                result.error = toSecretStoreError(*job);
                logFailure("read", key, result.error);
            }
            callback(result);
        });
    job->start();
}

void KeychainSecretStore::write(
    const QString &key, const QString &secret, QObject *context, DoneCallback callback)
{
    Q_ASSERT(context);
    auto *job = new QKeychain::WritePasswordJob(m_serviceName);
    prepare(job, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, context,
        [job, key, callback = std::move(callback)](QKeychain::Job *) {
            const SecretStoreError error = toSecretStoreError(*job);
            if (error.isError())
                logFailure("write", key, error);
            callback(error);
        });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    Q_ASSERT(context);
    auto *job = new QKeychain::DeletePasswordJob(m_serviceName);
    prepare(job, key);
    connect(job, &QKeychain::Job::finished, context,
        [job, key, callback = std::move(callback)](QKeychain::Job *) {
            // Nothing stored under the key is what the caller wanted.
            const SecretStoreError error = job->error() == QKeychain::EntryNotFound
                ? SecretStoreError()
                : toSecretStoreError(*job);
            if (error.isError())
                logFailure("remove", key, error);
            callback(error);
        });
    job->start();
}

} // namespace ecs
