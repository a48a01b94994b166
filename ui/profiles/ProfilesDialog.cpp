#include "ProfilesDialog.h"

#include "InlineMessage.h"
#include "ProfileEditor.h"
#include "ProfileListModel.h"
#include "credentials/CredentialCatalogue.h"
#include "credentials/ProfileStore.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QShortcut>
#include <QTreeView>
#include <QVBoxLayout>

namespace ecs {

namespace {

QPushButton *button(
    const QString &text, const QString &objectName, const QString &accessible, QWidget *parent)
{
    auto *result = new QPushButton(text, parent);
    result->setObjectName(objectName);
    result->setAccessibleName(accessible);
    result->setAutoDefault(false);
    return result;
}

} // namespace

ProfilesDialog::ProfilesDialog(ProfileStore *profiles, CredentialCatalogue *catalogue,
    SessionSecretStore *sessionSecrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_catalogue(catalogue)
    , m_sessionSecrets(sessionSecrets)
    , m_model(new ProfileListModel(profiles, catalogue, sessionSecrets, this))
    , m_view(new QTreeView(this))
    , m_details(new QLabel(this))
    , m_addButton(button(tr("&Add…"), QStringLiteral("addButton"), tr("Add profile"), this))
    , m_editButton(button(tr("&Edit…"), QStringLiteral("editButton"), tr("Edit profile"), this))
    , m_removeButton(
          button(tr("&Remove…"), QStringLiteral("removeButton"), tr("Remove profile"), this))
    , m_importButton(button(tr("&Import…"), QStringLiteral("importButton"),
          tr("Import profile from the aliyun CLI"), this))
    , m_message(new InlineMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("profilesDialog"));
    setWindowTitle(tr("Profiles"));
    resize(fontMetrics().averageCharWidth() * 110, fontMetrics().height() * 24);

    m_view->setObjectName(QStringLiteral("profileList"));
    m_view->setAccessibleName(tr("Profiles"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(ProfileListModel::StatusColumn, QHeaderView::Stretch);
    m_details->setWordWrap(true);
    m_details->setObjectName(QStringLiteral("profileDetails"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("dialogMessage"));
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *listLabel = new QLabel(tr("&Profiles:"), this);
    listLabel->setBuddy(m_view);
    auto *actions = new QVBoxLayout;
    for (QPushButton *b : { m_addButton, m_editButton, m_removeButton, m_importButton })
        actions->addWidget(b);
    actions->addStretch();
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_view, 1);
    middle->addLayout(actions);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(listLabel);
    layout->addLayout(middle, 1);
    layout->addWidget(m_details);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setTabOrder(m_view, m_addButton);
    setTabOrder(m_addButton, m_editButton);
    setTabOrder(m_editButton, m_removeButton);
    setTabOrder(m_removeButton, m_importButton);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_addButton, &QPushButton::clicked, this, &ProfilesDialog::addProfile);
    connect(m_editButton, &QPushButton::clicked, this, &ProfilesDialog::editProfile);
    connect(m_removeButton, &QPushButton::clicked, this, &ProfilesDialog::confirmRemove);
    connect(m_importButton, &QPushButton::clicked, this, &ProfilesDialog::importProfile);
    connect(m_view, &QTreeView::activated, this, &ProfilesDialog::activateRow);
    auto *removeShortcut = new QShortcut(QKeySequence::Delete, m_view);
    removeShortcut->setContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QShortcut::activated, this, &ProfilesDialog::confirmRemove);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ProfilesDialog::updateActions);
    // A reload (after a save or a removal) resets the model and with it the selection.
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProfilesDialog::updateActions);
    connect(m_profiles, &ProfileStore::profilesChanged, this, &ProfilesDialog::profilesChanged);

    selectProfile(QStringLiteral("sandbox"));
    m_view->setFocus();
}

void ProfilesDialog::selectProfile(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    updateActions();
}

QString ProfilesDialog::selectedProfileId() const
{
    return m_view->currentIndex().data(ProfileListModel::IdRole).toString();
}

void ProfilesDialog::updateActions()
{
    const int index = m_view->currentIndex().row();
    const bool selected = index >= 0;
    const ProfileListModel::Row row = m_model->row(index);
    m_addButton->setEnabled(!m_busy);
    m_editButton->setEnabled(!m_busy && selected && row.kind == ProfileListModel::Kind::App);
    m_removeButton->setEnabled(m_editButton->isEnabled());
    m_importButton->setEnabled(
        !m_busy && selected && row.kind == ProfileListModel::Kind::AliyunCli && row.usable);

    QString details;
    if (selected) {
        switch (row.kind) {
        case ProfileListModel::Kind::Sandbox:
            details = tr("The sandbox is a simulated account inside this application, with "
                         "example instances and snapshots. Nothing done there reaches Alibaba "
                         "Cloud. It cannot be changed.");
            break;
        case ProfileListModel::Kind::AliyunCli:
            details = row.usable
                ? tr("Read from the aliyun CLI's configuration (~/.aliyun/config.json) and "
                     "usable as it is. Import it to keep a copy of this application, with "
                     "the secret in the system keychain.")
                : tr("This aliyun CLI profile cannot be used: %1").arg(row.status);
            break;
        case ProfileListModel::Kind::App:
            details = row.sessionOnly
                ? tr("Saved by this application. Its AccessKey secret is kept in memory for "
                     "this session only: edit the profile next time to enter it again.")
                : tr("Saved by this application; the AccessKey secret is in the system "
                     "keychain.");
            break;
        }
    }
    m_details->setText(details);
}

ProfileEditor *ProfilesDialog::newEditor()
{
    auto *editor = new ProfileEditor(m_profiles, m_sessionSecrets, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &ProfileEditor::saved, this, [this](const QString &name, bool sessionOnly) {
        selectProfile(CredentialCatalogue::appProfileId(name));
        if (sessionOnly) {
            m_message->showMessage(InlineMessage::Kind::Warning,
                tr("The secret of profile \"%1\" is kept for this session only: you will be "
                   "asked for it again the next time you start the application.")
                    .arg(name));
        } else {
            m_message->showMessage(
                InlineMessage::Kind::Information, tr("Profile \"%1\" saved.").arg(name));
        }
    });
    return editor;
}

void ProfilesDialog::addProfile()
{
    ProfileEditor *editor = newEditor();
    editor->startAdd();
    editor->open();
}

void ProfilesDialog::editProfile()
{
    const ProfileListModel::Row row = m_model->row(m_view->currentIndex().row());
    const std::optional<AppProfile> profile = m_profiles->profile(row.name);
    if (row.kind != ProfileListModel::Kind::App || !profile)
        return;
    ProfileEditor *editor = newEditor();
    editor->startEdit(*profile);
    editor->open();
}

void ProfilesDialog::importProfile()
{
    const ProfileListModel::Row row = m_model->row(m_view->currentIndex().row());
    if (row.kind != ProfileListModel::Kind::AliyunCli || !row.usable || m_busy)
        return;
    setBusy(true, tr("Reading the aliyun CLI profile…"));
    m_catalogue->resolve(row.id, this, [this, row](const Result<Credential> &credential) {
        setBusy(false);
        if (!credential.ok()) {
            return m_message->showMessage(InlineMessage::Kind::Error, credential.error().message());
        }
        AppProfile draft;
        draft.name = uniqueName(row.name);
        draft.accessKeyId = credential.value().accessKeyId;
        draft.defaultRegion = row.regionId;
        ProfileEditor *editor = newEditor();
        editor->startImport(draft,
            ProfileSecret { credential.value().accessKeySecret, credential.value().securityToken });
        editor->open();
    });
}

QString ProfilesDialog::uniqueName(const QString &wanted) const
{
    if (!m_profiles->contains(wanted))
        return wanted;
    for (int n = 2;; ++n) {
        const QString candidate = QStringLiteral("%1 (%2)").arg(wanted).arg(n);
        if (!m_profiles->contains(candidate))
            return candidate;
    }
}

void ProfilesDialog::confirmRemove()
{
    const ProfileListModel::Row row = m_model->row(m_view->currentIndex().row());
    if (row.kind != ProfileListModel::Kind::App || m_busy)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Profile"),
        tr("Remove profile \"%1\"?").arg(row.name), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    box->setInformativeText(tr("Its settings and its AccessKey secret in the system keychain "
                               "are deleted. The AccessKey itself stays valid on Alibaba Cloud; "
                               "disable it in the RAM console if it is no longer needed."));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setEscapeButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString name = row.name;
    connect(box, &QMessageBox::finished, this, [this, box, remove, name] {
        if (box->clickedButton() == remove)
            removeProfile(name);
    });
    box->open();
}

void ProfilesDialog::removeProfile(const QString &name)
{
    setBusy(true, tr("Removing profile \"%1\"…").arg(name));
    m_profiles->remove(name, this, [this, name](const ProfileError &error) {
        setBusy(false);
        if (error.isError())
            return m_message->showMessage(InlineMessage::Kind::Error, error.message());
        m_message->showMessage(
            InlineMessage::Kind::Information, tr("Profile \"%1\" removed.").arg(name));
    });
}

void ProfilesDialog::activateRow()
{
    const ProfileListModel::Row row = m_model->row(m_view->currentIndex().row());
    if (row.kind == ProfileListModel::Kind::App)
        editProfile();
    else if (row.kind == ProfileListModel::Kind::AliyunCli && row.usable)
        importProfile();
}

void ProfilesDialog::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    if (busy)
        m_message->showMessage(InlineMessage::Kind::Busy, text);
    else if (m_message->kind() == InlineMessage::Kind::Busy)
        m_message->clear();
    updateActions();
}

} // namespace ecs
