#include "credentials/MemorySecretStore.h"

#include <QStandardPaths>
#include <QTest>

#include <memory>
#include <optional>

using ecs::MemorySecretStore;
using ecs::SecretReadResult;
using ecs::SecretStoreError;
using Status = ecs::SecretReadResult::Status;

class TestMemorySecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void answersAreNeverSynchronous()
    {
        MemorySecretStore store;
        std::optional<SecretStoreError> written;
        store.write(QStringLiteral("k"), QStringLiteral("v"), this,
            [&](const SecretStoreError &error) { written = error; });
        QVERIFY(!written); // not before the event loop ran
        QVERIFY(store.contains(QStringLiteral("k"))); // but the change is made
        QTRY_VERIFY(written);
        QVERIFY(!written->isError());

        std::optional<SecretReadResult> read;
        store.read(
            QStringLiteral("k"), this, [&](const SecretReadResult &result) { read = result; });
        QVERIFY(!read);
        QTRY_VERIFY(read);
        QCOMPARE(read->status, Status::Found);
        QCOMPARE(read->secret, QStringLiteral("v"));
    }

    void roundTrip()
    {
        MemorySecretStore store;
        std::optional<SecretReadResult> read;
        const auto readKey = [&](const QString &key) {
            read.reset();
            store.read(key, this, [&](const SecretReadResult &result) { read = result; });
        };

        readKey(QStringLiteral("a"));
        QTRY_VERIFY(read);
        QCOMPARE(read->status, Status::NotFound); // not an error
        QVERIFY(!read->error.isError());

        // A write followed at once by a read sees the write; overwrite replaces.
        store.write(
            QStringLiteral("a"), QStringLiteral("one"), this, [](const SecretStoreError &) {});
        store.write(
            QStringLiteral("a"), QStringLiteral("two"), this, [](const SecretStoreError &) {});
        store.write(
            QStringLiteral("b"), QStringLiteral("bee"), this, [](const SecretStoreError &) {});
        readKey(QStringLiteral("a"));
        QTRY_VERIFY(read);
        QCOMPARE(read->status, Status::Found);
        QCOMPARE(read->secret, QStringLiteral("two"));
        QCOMPARE(store.size(), 2);

        std::optional<SecretStoreError> removed;
        store.remove(
            QStringLiteral("a"), this, [&](const SecretStoreError &error) { removed = error; });
        QTRY_VERIFY(removed);
        QVERIFY(!removed->isError());
        readKey(QStringLiteral("a"));
        QTRY_VERIFY(read);
        QCOMPARE(read->status, Status::NotFound);
        QVERIFY(store.contains(QStringLiteral("b")));

        removed.reset(); // removing nothing succeeds
        store.remove(
            QStringLiteral("a"), this, [&](const SecretStoreError &error) { removed = error; });
        QTRY_VERIFY(removed);
        QVERIFY(!removed->isError());
    }

    void failureIsTypedAndChangesNothing()
    {
        MemorySecretStore store;
        store.write(
            QStringLiteral("k"), QStringLiteral("v"), this, [](const SecretStoreError &) {});
        store.setFailure(
            SecretStoreError(SecretStoreError::Kind::NoBackend, QStringLiteral("no bus")));

        std::optional<SecretStoreError> written;
        store.write(QStringLiteral("k"), QStringLiteral("other"), this,
            [&](const SecretStoreError &error) { written = error; });
        QTRY_VERIFY(written);
        QCOMPARE(written->kind(), SecretStoreError::Kind::NoBackend);
        QCOMPARE(written->detail(), QStringLiteral("no bus"));
        QVERIFY(written->message().contains(QLatin1String("keychain is unavailable")));
        QVERIFY(written->message().contains(QLatin1String("for this session only")));

        std::optional<SecretReadResult> read;
        store.read(
            QStringLiteral("k"), this, [&](const SecretReadResult &result) { read = result; });
        QTRY_VERIFY(read);
        QCOMPARE(read->status, Status::Error);
        QCOMPARE(read->error.kind(), SecretStoreError::Kind::NoBackend);
        QVERIFY(read->secret.isEmpty());

        store.setFailure({});
        read.reset();
        store.read(
            QStringLiteral("k"), this, [&](const SecretReadResult &result) { read = result; });
        QTRY_VERIFY(read);
        QCOMPARE(read->secret, QStringLiteral("v")); // the failed write changed nothing
    }

    void answersToADestroyedContextAreDropped()
    {
        MemorySecretStore store;
        auto context = std::make_unique<QObject>();
        bool called = false;
        store.read(
            QStringLiteral("k"), context.get(), [&](const SecretReadResult &) { called = true; });
        store.write(QStringLiteral("k"), QStringLiteral("v"), context.get(),
            [&](const SecretStoreError &) { called = true; });
        context.reset();

        // A later answer to a live receiver proves the queue has been processed.
        bool later = false;
        store.remove(QStringLiteral("x"), this, [&](const SecretStoreError &) { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!called);
    }

    void errorMessagesPerKind()
    {
        using Kind = SecretStoreError::Kind;
        QVERIFY(SecretStoreError().message().isEmpty());
        QVERIFY(SecretStoreError(Kind::NoBackend, {})
                    .message()
                    .contains(QLatin1String("no keychain service")));
        QVERIFY(
            SecretStoreError(Kind::AccessDenied, {}).message().contains(QLatin1String("locked")));
        QVERIFY(SecretStoreError(Kind::Failed, {})
                    .message()
                    .contains(QLatin1String("reported an error")));
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
