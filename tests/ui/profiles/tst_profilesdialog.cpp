// The Profiles dialog and the profile editor against a real Secret Service: registered to
// run inside scripts/with-private-keyring.sh (a private D-Bus session with a throwaway
// keyring), so it never touches the user's keychain. The session-only case uses a
// failing in-memory store instead of a broken keychain.
#include "credentials/CredentialCatalogue.h"
#include "credentials/KeychainSecretStore.h"
#include "credentials/MemorySecretStore.h"
#include "credentials/ProfileStore.h"
#include "profiles/InlineMessage.h"
#include "profiles/ProfileEditor.h"
#include "profiles/ProfileListModel.h"
#include "profiles/ProfilesDialog.h"
#include "session/SessionSecretStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <optional>

using namespace ecs;

namespace {

constexpr int keychainTimeoutMs = 15000;
const QString testService = QStringLiteral("ecs-rollback-console-ui-tests");
const QString firstSecret = QStringLiteral("dialogFirstSecretValue-1");
const QString secondSecret = QStringLiteral("dialogSecondSecretValue-2");
const QString cliSecret = QStringLiteral("dialogCliSecretValue-3");

QString screenshotDir()
{
    const QString dir = qEnvironmentVariable("ECS_SCREENSHOT_DIR", QStringLiteral("/tmp/ui-shots"));
    QDir().mkpath(dir);
    return dir;
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

} // namespace

class TestProfilesDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<SecretStore> m_persistent;
    std::unique_ptr<SessionSecretStore> m_secrets;
    std::unique_ptr<ProfileStore> m_store;
    std::unique_ptr<CredentialCatalogue> m_catalogue;
    std::unique_ptr<ProfilesDialog> m_dialog;

    void makeDialog(std::unique_ptr<SecretStore> persistent)
    {
        m_dialog.reset();
        m_catalogue.reset();
        m_store.reset();
        m_secrets.reset();
        m_persistent = std::move(persistent);
        m_secrets = std::make_unique<SessionSecretStore>(m_persistent.get());
        m_store = std::make_unique<ProfileStore>(m_settings.get(), m_secrets.get());
        m_catalogue = std::make_unique<CredentialCatalogue>(QProcessEnvironment(),
            m_home->filePath(QStringLiteral(".aliyun/config.json")), m_store.get());
        m_dialog
            = std::make_unique<ProfilesDialog>(m_store.get(), m_catalogue.get(), m_secrets.get());
        m_dialog->show();
    }

    std::optional<Credential> readBack(const QString &name, QString *problem)
    {
        std::optional<ProfileError> error;
        Credential credential;
        m_store->readCredential(name, this, [&](const ProfileError &e, const Credential &c) {
            error = e;
            credential = c;
        });
        if (!QTest::qWaitFor([&] { return error.has_value(); }, keychainTimeoutMs)) {
            *problem = QStringLiteral("timed out");
            return std::nullopt;
        }
        if (error->isError()) {
            *problem = error->message();
            return std::nullopt;
        }
        return credential;
    }

    std::optional<SecretReadResult> readKeychain(const QString &key)
    {
        std::optional<SecretReadResult> result;
        m_persistent->read(key, this, [&](const SecretReadResult &r) { result = r; });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, keychainTimeoutMs);
        return result;
    }

    ProfileEditor *openEditor(const char *buttonName)
    {
        QTest::mouseClick(child<QPushButton>(m_dialog.get(), buttonName), Qt::LeftButton);
        ProfileEditor *editor = nullptr;
        (void)QTest::qWaitFor([&] {
            editor = m_dialog->findChild<ProfileEditor *>();
            return editor && editor->isVisible();
        });
        return editor;
    }

    void fill(ProfileEditor *editor, const char *field, const QString &text)
    {
        auto *edit = child<QLineEdit>(editor, field);
        edit->clear();
        QTest::keyClicks(edit, text);
    }

    void select(const QString &id)
    {
        m_dialog->selectProfile(id);
        QCOMPARE(m_dialog->selectedProfileId(), id);
    }

    void addProfile(const QString &name, const QString &secret)
    {
        ProfileEditor *editor = openEditor("addButton");
        QVERIFY(editor);
        QCOMPARE(editor->mode(), ProfileEditor::Mode::Add);
        fill(editor, "nameEdit", name);
        fill(editor, "accessKeyIdEdit", QStringLiteral("LTAI5tDialogKey01"));
        fill(editor, "secretEdit", secret);
        child<QComboBox>(editor, "regionCombo")->setEditText(QStringLiteral("cn-shanghai"));
        QPointer<ProfileEditor> guard(editor);
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        // The keychain answers later: the form is busy, not blocked.
        QVERIFY(editor->isBusy());
        QVERIFY(!child<QPushButton>(editor, "saveButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), keychainTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CONFIG_HOME", m_config.path().toUtf8());
    }

    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        qputenv("HOME", m_home->path().toUtf8());
        m_settings = std::make_unique<QSettings>(
            m_home->filePath(QStringLiteral("profiles.ini")), QSettings::IniFormat);
        makeDialog(std::make_unique<KeychainSecretStore>(testService));
    }

    void cleanup()
    {
        m_dialog.reset();
        // Leave nothing in the (throwaway) keychain for the next test.
        for (const AppProfile &profile : m_store->profiles()) {
            bool done = false;
            m_store->remove(profile.name, this, [&](const ProfileError &) { done = true; });
            (void)QTest::qWaitFor([&] { return done; }, keychainTimeoutMs);
        }
        m_catalogue.reset();
        m_store.reset();
        m_secrets.reset();
        m_persistent.reset();
    }

    void addEditRemove()
    {
        QAbstractItemModelTester tester(child<QTreeView>(m_dialog.get(), "profileList")->model(),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(m_dialog.get(), &ProfilesDialog::profilesChanged);

        addProfile(QStringLiteral("prod"), firstSecret);
        QVERIFY(m_store->contains(QStringLiteral("prod")));
        QCOMPARE(
            m_store->profile(QStringLiteral("prod"))->defaultRegion, QStringLiteral("cn-shanghai"));
        QString problem;
        std::optional<Credential> credential = readBack(QStringLiteral("prod"), &problem);
        QVERIFY2(credential, qPrintable(problem));
        QCOMPARE(credential->accessKeySecret, firstSecret);
        QCOMPARE(credential->accessKeyId, QStringLiteral("LTAI5tDialogKey01"));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(m_dialog->selectedProfileId(), QStringLiteral("app:prod"));
        QVERIFY(child<InlineMessage>(m_dialog.get(), "dialogMessage")
                    ->text()
                    .contains(QLatin1String("saved")));
        // Nothing of the secret in the settings file.
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        QVERIFY(!ini.readAll().contains(firstSecret.toUtf8()));

        // Edit without a secret: the stored one stays.
        select(QStringLiteral("app:prod"));
        ProfileEditor *editor = openEditor("editButton");
        QVERIFY(editor);
        QCOMPARE(editor->mode(), ProfileEditor::Mode::Edit);
        QVERIFY(child<QLineEdit>(editor, "secretEdit")->text().isEmpty());
        QCOMPARE(child<QLineEdit>(editor, "secretEdit")->echoMode(), QLineEdit::Password);
        QVERIFY(child<QLabel>(editor, "secretHint")
                    ->text()
                    .contains(QLatin1String("keep the stored secret")));
        QCOMPARE(child<QLineEdit>(editor, "nameEdit")->text(), QStringLiteral("prod"));
        child<QComboBox>(editor, "regionCombo")->setEditText(QStringLiteral("cn-beijing"));
        editor->grab().save(screenshotDir() + QStringLiteral("/profile-editor.png"));
        QPointer<ProfileEditor> guard(editor);
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), keychainTimeoutMs);
        QCOMPARE(
            m_store->profile(QStringLiteral("prod"))->defaultRegion, QStringLiteral("cn-beijing"));
        credential = readBack(QStringLiteral("prod"), &problem);
        QVERIFY2(credential, qPrintable(problem));
        QCOMPARE(credential->accessKeySecret, firstSecret);

        // Edit with a new secret, and a rename.
        select(QStringLiteral("app:prod"));
        editor = openEditor("editButton");
        fill(editor, "nameEdit", QStringLiteral("production"));
        fill(editor, "secretEdit", secondSecret);
        guard = editor;
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), keychainTimeoutMs);
        QVERIFY(!m_store->contains(QStringLiteral("prod")));
        credential = readBack(QStringLiteral("production"), &problem);
        QVERIFY2(credential, qPrintable(problem));
        QCOMPARE(credential->accessKeySecret, secondSecret);
        QCOMPARE(readKeychain(ProfileStore::secretKey(QStringLiteral("prod")))->status,
            SecretReadResult::Status::NotFound);

        // Remove: asks first (not modal to the event loop), then deletes both.
        select(QStringLiteral("app:production"));
        QTest::mouseClick(child<QPushButton>(m_dialog.get(), "removeButton"), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY(
            (box = child<QMessageBox>(m_dialog.get(), "confirmRemove")) && box->isVisible());
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QVERIFY(m_store->contains(QStringLiteral("production")));
        QTest::mouseClick(child<QPushButton>(box, "confirmRemoveButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_store->contains(QStringLiteral("production")), keychainTimeoutMs);
        const std::optional<SecretReadResult> gone
            = readKeychain(ProfileStore::secretKey(QStringLiteral("production")));
        QVERIFY(gone);
        QCOMPARE(gone->status, SecretReadResult::Status::NotFound);
        QVERIFY(m_dialog->selectedProfileId() != QStringLiteral("app:production"));
    }

    void removeCanBeCancelled()
    {
        addProfile(QStringLiteral("keep"), firstSecret);
        select(QStringLiteral("app:keep"));
        QTest::mouseClick(child<QPushButton>(m_dialog.get(), "removeButton"), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY(
            (box = child<QMessageBox>(m_dialog.get(), "confirmRemove")) && box->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
        QTRY_VERIFY(!child<QMessageBox>(m_dialog.get(), "confirmRemove"));
        QTest::qWait(200);
        QVERIFY(m_store->contains(QStringLiteral("keep")));
    }

    void invalidInputIsRefusedInline()
    {
        ProfileEditor *editor = openEditor("addButton");
        QVERIFY(editor);
        fill(editor, "nameEdit", QStringLiteral("remote"));
        fill(editor, "accessKeyIdEdit", QStringLiteral("LTAI5tDialogKey01"));
        fill(editor, "secretEdit", firstSecret);
        fill(editor, "endpointEdit", QStringLiteral("http://ecs.example.com"));
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        auto *message = child<InlineMessage>(editor, "editorMessage");
        QVERIFY(message->isVisible());
        QCOMPARE(message->kind(), InlineMessage::Kind::Error);
        QVERIFY2(message->text().contains(QLatin1String("https://")), qPrintable(message->text()));
        QVERIFY(!editor->isBusy());
        QCOMPARE(editor->focusWidget(), child<QLineEdit>(editor, "endpointEdit"));
        QTest::qWait(100);
        QVERIFY(editor->isVisible());
        QVERIFY(!m_store->contains(QStringLiteral("remote")));

        // Loopback over HTTP is fine (a local emulator); a missing secret is not.
        fill(editor, "endpointEdit", QStringLiteral("http://127.0.0.1:8080"));
        child<QLineEdit>(editor, "secretEdit")->clear();
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        QVERIFY(message->text().contains(QLatin1String("secret")));
        QCOMPARE(editor->focusWidget(), child<QLineEdit>(editor, "secretEdit"));
        editor->grab().save(screenshotDir() + QStringLiteral("/profile-editor-error.png"));
        editor->reject();
    }

    void importFromTheAliyunCli()
    {
        QVERIFY(QDir(m_home->path()).mkpath(QStringLiteral(".aliyun")));
        QFile config(m_home->filePath(QStringLiteral(".aliyun/config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            "{\"current\": \"dev\", \"profiles\": ["
            "{\"name\": \"dev\", \"mode\": \"AK\", \"access_key_id\": \"LTAI5tCliKey0002\", "
            "\"access_key_secret\": \""
            + cliSecret.toUtf8()
            + "\", \"region_id\": \"cn-shenzhen\"},"
              "{\"name\": \"role\", \"mode\": \"RamRoleArn\", \"access_key_id\": \"a\", "
              "\"access_key_secret\": \"b\", \"ram_role_arn\": \"r\"}]}");
        config.close();
        m_catalogue->reload(QProcessEnvironment());

        select(QStringLiteral("cli:role"));
        QVERIFY(!child<QPushButton>(m_dialog.get(), "importButton")->isEnabled());
        QVERIFY(!child<QPushButton>(m_dialog.get(), "editButton")->isEnabled());
        select(QStringLiteral("sandbox"));
        QVERIFY(!child<QPushButton>(m_dialog.get(), "importButton")->isEnabled());
        QVERIFY(!child<QPushButton>(m_dialog.get(), "removeButton")->isEnabled());
        select(QStringLiteral("cli:dev"));
        QVERIFY(!child<QPushButton>(m_dialog.get(), "editButton")->isEnabled());
        ProfileEditor *editor = openEditor("importButton");
        QVERIFY(editor);
        QCOMPARE(editor->mode(), ProfileEditor::Mode::Import);
        QCOMPARE(child<QLineEdit>(editor, "nameEdit")->text(), QStringLiteral("dev"));
        QCOMPARE(child<QLineEdit>(editor, "accessKeyIdEdit")->text(),
            QStringLiteral("LTAI5tCliKey0002"));
        QCOMPARE(
            child<QComboBox>(editor, "regionCombo")->currentText(), QStringLiteral("cn-shenzhen"));
        QVERIFY(child<QLineEdit>(editor, "secretEdit")->text().isEmpty()); // never shown
        QPointer<ProfileEditor> guard(editor);
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), keychainTimeoutMs);

        QString problem;
        const std::optional<Credential> credential = readBack(QStringLiteral("dev"), &problem);
        QVERIFY2(credential, qPrintable(problem));
        QCOMPARE(credential->accessKeySecret, cliSecret);
        QCOMPARE(credential->accessKeyId, QStringLiteral("LTAI5tCliKey0002"));

        // A second import does not overwrite the first.
        select(QStringLiteral("cli:dev"));
        editor = openEditor("importButton");
        QVERIFY(editor);
        QCOMPARE(child<QLineEdit>(editor, "nameEdit")->text(), QStringLiteral("dev (2)"));
        m_dialog->resize(900, 420);
        editor->reject();
        select(QStringLiteral("app:dev"));
        QTest::qWait(50);
        m_dialog->grab().save(screenshotDir() + QStringLiteral("/profiles-dialog.png"));
    }

    void sessionOnlyWhenTheKeychainIsUnavailable()
    {
        auto failing = std::make_unique<MemorySecretStore>();
        failing->setFailure(
            SecretStoreError(SecretStoreError::Kind::NoBackend, QStringLiteral("no D-Bus")));
        makeDialog(std::move(failing));

        ProfileEditor *editor = openEditor("addButton");
        QVERIFY(editor);
        fill(editor, "nameEdit", QStringLiteral("temp"));
        fill(editor, "accessKeyIdEdit", QStringLiteral("LTAI5tDialogKey01"));
        fill(editor, "secretEdit", firstSecret);
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        auto *offer = child<QPushButton>(editor, "sessionOnlyButton");
        QTRY_VERIFY(offer->isVisible());
        const QString text = child<InlineMessage>(editor, "editorMessage")->text();
        QVERIFY2(text.contains(QLatin1String("keychain is unavailable")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("asked for it again next time")));
        QVERIFY(!m_store->contains(QStringLiteral("temp")));
        editor->grab().save(screenshotDir() + QStringLiteral("/profile-editor-keychain.png"));

        QPointer<ProfileEditor> guard(editor);
        QTest::mouseClick(offer, Qt::LeftButton);
        QTRY_VERIFY(guard.isNull());
        QVERIFY(m_store->contains(QStringLiteral("temp")));
        QVERIFY(m_secrets->holdsInMemory(ProfileStore::secretKey(QStringLiteral("temp"))));
        QString problem;
        const std::optional<Credential> credential = readBack(QStringLiteral("temp"), &problem);
        QVERIFY2(credential, qPrintable(problem));
        QCOMPARE(credential->accessKeySecret, firstSecret);
        auto *message = child<InlineMessage>(m_dialog.get(), "dialogMessage");
        QCOMPARE(message->kind(), InlineMessage::Kind::Warning);
        QVERIFY(message->text().contains(QLatin1String("asked for it again")));
        auto *model = child<QTreeView>(m_dialog.get(), "profileList")->model();
        const auto *list = static_cast<ProfileListModel *>(model);
        QVERIFY(list->row(list->rowOf(QStringLiteral("app:temp")))
                    .status.contains(QLatin1String("this session only")));
        select(QStringLiteral("app:temp"));
        QVERIFY(child<QLabel>(m_dialog.get(), "profileDetails")
                    ->text()
                    .contains(QLatin1String("for this session only")));
        m_dialog->grab().save(
            screenshotDir() + QStringLiteral("/profiles-dialog-session-only.png"));
        // The memory-backed store cannot remove through a failing keychain: clear it.
        static_cast<MemorySecretStore *>(m_persistent.get())->setFailure({});
    }
};

QTEST_MAIN(TestProfilesDialog)
#include "tst_profilesdialog.moc"
