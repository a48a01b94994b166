#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeView;

namespace ecs {

class CredentialCatalogue;
class InlineMessage;
class ProfileEditor;
class ProfileListModel;
class ProfileStore;
class SessionSecretStore;

// Manages the application's profiles: lists the sandbox and the aliyun CLI's profiles
// (read only; CLI profiles with a usable key can be imported) beside this application's
// profiles, which can be added, edited and removed. Nothing here blocks: the editor and
// the removal question are opened with open(), and keychain work shows as busy state.
class ProfilesDialog : public QDialog
{
    Q_OBJECT

public:
    // `profiles` and `catalogue` (listing the same ProfileStore) must outlive the dialog.
    // `sessionSecrets`: the SecretStore of `profiles` when it is a SessionSecretStore,
    // which enables "Use for this session only"; may be null.
    ProfilesDialog(ProfileStore *profiles, CredentialCatalogue *catalogue,
        SessionSecretStore *sessionSecrets, QWidget *parent = nullptr);

    // Selects the row of a profile id ("app:<name>", "cli:<name>", "sandbox").
    void selectProfile(const QString &id);
    QString selectedProfileId() const;

Q_SIGNALS:
    // An application profile was added, changed or removed.
    void profilesChanged();

private:
    void updateActions();
    void addProfile();
    void editProfile();
    void importProfile();
    void confirmRemove();
    void removeProfile(const QString &name);
    void activateRow();
    ProfileEditor *newEditor();
    QString uniqueName(const QString &wanted) const;
    void setBusy(bool busy, const QString &text = {});

    ProfileStore *m_profiles;
    CredentialCatalogue *m_catalogue;
    SessionSecretStore *m_sessionSecrets;
    ProfileListModel *m_model;
    QTreeView *m_view;
    QLabel *m_details;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
    QPushButton *m_importButton;
    InlineMessage *m_message;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace ecs
