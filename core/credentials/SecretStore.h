#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace ecs {

// Why a secret store could not answer. "Entry not found" is not an error (see
// SecretReadResult::Status::NotFound); every kind here means the store itself failed.
class SecretStoreError
{
    Q_DECLARE_TR_FUNCTIONS(ecs::SecretStoreError)

public:
    enum class Kind {
        None,
        NoBackend, // no keychain service reachable (no D-Bus session, no Secret Service)
        AccessDenied, // the keychain is locked or the user refused access
        Failed, // anything else the backend reported
    };

    SecretStoreError() = default;
    SecretStoreError(Kind kind, QString detail);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    // For people: what happened and what to do next (enter the secret for this
    // session only). Never contains a secret.
    QString message() const;
    // The backend's own text, for logs and a "details" section.
    QString detail() const { return m_detail; }

private:
    Kind m_kind = Kind::None;
    QString m_detail;
};

struct SecretReadResult
{
    enum class Status { Found, NotFound, Error };

    Status status = Status::NotFound;
    QString secret; // only when Found
    SecretStoreError error; // only when Error
};

// Where secrets (AccessKey secrets, STS tokens) live, keyed by a plain string. Every
// answer arrives asynchronously, after the call has returned, and only while `context`
// is alive: answers for a destroyed context (a closed dialog) are dropped, never
// delivered to a dangling receiver. `context` must not be null.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using ReadCallback = std::function<void(const SecretReadResult &)>;
    // Called with a default-constructed (non-error) SecretStoreError on success.
    using DoneCallback = std::function<void(const SecretStoreError &)>;

    using QObject::QObject;

    virtual void read(const QString &key, QObject *context, ReadCallback callback) = 0;
    // Creates or overwrites the secret for `key`.
    virtual void write(
        const QString &key, const QString &secret, QObject *context, DoneCallback callback)
        = 0;
    // Removing a key that holds no secret succeeds.
    virtual void remove(const QString &key, QObject *context, DoneCallback callback) = 0;
};

} // namespace ecs
