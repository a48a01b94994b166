#pragma once

#include "credentials/AppProfile.h"
#include "credentials/ProfileStore.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ecs {

class InlineMessage;
class SessionSecretStore;

// Adds, edits or imports one application profile. Save stores it through ProfileStore
// (the secret into the keychain, asynchronously): the form shows a busy state and any
// error inline, and stays open until the save has succeeded. When the keychain cannot
// store the secret and a SessionSecretStore is given, it offers "Use for this session
// only". Open it with open(), never exec(): nothing here waits.
class ProfileEditor : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Add, Edit, Import };

    // `sessionSecrets` may be null: then there is no session-only offer. It must be the
    // SecretStore of `profiles` for that offer to mean anything.
    ProfileEditor(
        ProfileStore *profiles, SessionSecretStore *sessionSecrets, QWidget *parent = nullptr);

    void startAdd();
    // The secret field stays empty: leaving it so keeps the stored secret.
    void startEdit(const AppProfile &profile);
    // A profile of the aliyun CLI: saved with `secret` unless the user types another.
    void startImport(const AppProfile &draft, const ProfileSecret &secret);

    Mode mode() const { return m_mode; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // After the profile was stored; `sessionOnly` when its secret is only in memory.
    void saved(const QString &name, bool sessionOnly);

private:
    void setForm(const AppProfile &profile);
    AppProfile formProfile() const;
    // The first problem of the form, with the field to focus; empty when acceptable.
    QString validateForm(QWidget **field) const;
    void save();
    void store(bool sessionOnly);
    void setBusy(bool busy, const QString &text = {});
    void showError(const QString &text, QWidget *field = nullptr);
    // Grows the dialog when a message needs more room than it has.
    void growToFit();

    ProfileStore *m_profiles;
    SessionSecretStore *m_sessionSecrets;
    Mode m_mode = Mode::Add;
    QString m_storedName; // Edit: the profile's name in the store
    std::optional<ProfileSecret> m_importedSecret;
    // What the last Save sends, kept for "Use for this session only".
    AppProfile m_pendingProfile;
    std::optional<ProfileSecret> m_pendingSecret;
    bool m_busy = false;

    QLabel *m_intro;
    QLineEdit *m_name;
    QLineEdit *m_accessKeyId;
    QLineEdit *m_secret;
    QLabel *m_secretHint;
    QComboBox *m_region;
    QLineEdit *m_endpoint;
    QLineEdit *m_caFile;
    QComboBox *m_signature;
    InlineMessage *m_message;
    QDialogButtonBox *m_buttons;
    QPushButton *m_saveButton;
};

} // namespace ecs
