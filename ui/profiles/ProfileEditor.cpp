#include "ProfileEditor.h"

#include "InlineMessage.h"
#include "api/Endpoint.h"
#include "session/SessionSecretStore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ecs {

namespace {

// Offered in the region box; any other region ID can be typed.
const char *const commonRegions[] = { "cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-shenzhen",
    "cn-qingdao", "cn-zhangjiakou", "cn-huhehaote", "cn-chengdu", "cn-hongkong", "ap-southeast-1",
    "ap-southeast-5", "ap-northeast-1", "us-west-1", "us-east-1", "eu-central-1", "eu-west-1" };

QLineEdit *lineEdit(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setAccessibleName(accessibleName);
    return edit;
}

} // namespace

ProfileEditor::ProfileEditor(
    ProfileStore *profiles, SessionSecretStore *sessionSecrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_sessionSecrets(sessionSecrets)
    , m_intro(new QLabel(this))
    , m_name(lineEdit(QStringLiteral("nameEdit"), tr("Profile name"), this))
    , m_accessKeyId(lineEdit(QStringLiteral("accessKeyIdEdit"), tr("AccessKey ID"), this))
    , m_secret(lineEdit(QStringLiteral("secretEdit"), tr("AccessKey secret"), this))
    , m_secretHint(new QLabel(this))
    , m_region(new QComboBox(this))
    , m_endpoint(lineEdit(QStringLiteral("endpointEdit"), tr("Endpoint"), this))
    , m_caFile(lineEdit(QStringLiteral("caFileEdit"), tr("CA bundle"), this))
    , m_signature(new QComboBox(this))
    , m_message(new InlineMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_saveButton(m_buttons->button(QDialogButtonBox::Save))
{
    Q_ASSERT(m_profiles);
    setObjectName(QStringLiteral("profileEditor"));
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    m_intro->setWordWrap(true);

    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText);
    m_secretHint->setObjectName(QStringLiteral("secretHint"));
    m_accessKeyId->setInputMethodHints(Qt::ImhNoPredictiveText);

    m_region->setObjectName(QStringLiteral("regionCombo"));
    m_region->setAccessibleName(tr("Default region"));
    m_region->setEditable(true);
    m_region->setInsertPolicy(QComboBox::NoInsert);
    for (const char *region : commonRegions)
        m_region->addItem(QString::fromLatin1(region));
    m_region->lineEdit()->setPlaceholderText(tr("None: %1").arg(QStringLiteral("cn-hangzhou")));

    m_endpoint->setPlaceholderText(tr("Empty: the region's public endpoint"));
    m_caFile->setPlaceholderText(tr("Empty: the system's certificate authorities only"));
    m_caFile->setToolTip(tr("A PEM file with your proxy's certificate authority, trusted in "
                            "addition to the system's. Certificates are always verified."));
    m_signature->setObjectName(QStringLiteral("signatureCombo"));
    m_signature->setAccessibleName(tr("Signature version"));
    m_signature->addItem(tr("V3 (ACS3-HMAC-SHA256, recommended)"),
        QVariant::fromValue(static_cast<int>(AppProfile::SignatureVersion::V3)));
    m_signature->addItem(tr("V1 (HMAC-SHA1, older gateways)"),
        QVariant::fromValue(static_cast<int>(AppProfile::SignatureVersion::V1)));

    m_message->setObjectName(QStringLiteral("editorMessage"));
    m_message->actionButton()->setObjectName(QStringLiteral("sessionOnlyButton"));
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_saveButton->setAccessibleName(tr("Save profile"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("AccessKey &ID:"), m_accessKeyId);
    form->addRow(tr("AccessKey &secret:"), m_secret);
    form->addRow(QString(), m_secretHint);
    form->addRow(tr("Default &region:"), m_region);
    form->addRow(tr("&Endpoint (optional):"), m_endpoint);
    form->addRow(tr("CA &bundle (optional):"), m_caFile);
    form->addRow(tr("Si&gnature:"), m_signature);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileEditor::save);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_message->actionButton(), &QPushButton::clicked, this, [this] { store(true); });
    // A problem shown stays until the user changes something.
    for (QLineEdit *edit : { m_name, m_accessKeyId, m_secret, m_endpoint, m_caFile }) {
        connect(edit, &QLineEdit::textEdited, this, [this] {
            if (!m_busy)
                m_message->clear();
        });
    }
    startAdd();
}

void ProfileEditor::startAdd()
{
    m_mode = Mode::Add;
    m_storedName.clear();
    m_importedSecret.reset();
    setWindowTitle(tr("Add Profile"));
    m_intro->setText(tr("A profile holds an AccessKey of a RAM user. The secret is stored in "
                        "the system keychain, never in a file of this application."));
    m_secretHint->setText(tr("Required."));
    m_secret->setPlaceholderText({});
    setForm({});
}

void ProfileEditor::startEdit(const AppProfile &profile)
{
    m_mode = Mode::Edit;
    m_storedName = profile.name;
    m_importedSecret.reset();
    setWindowTitle(tr("Edit Profile %1").arg(profile.name));
    m_intro->setText(tr("Changes are saved to this application's settings; a new secret "
                        "goes to the system keychain."));
    m_secret->setPlaceholderText(tr("Unchanged"));
    m_secretHint->setText(tr("Leave empty to keep the stored secret."));
    setForm(profile);
}

void ProfileEditor::startImport(const AppProfile &draft, const ProfileSecret &secret)
{
    m_mode = Mode::Import;
    m_storedName.clear();
    m_importedSecret = secret;
    setWindowTitle(tr("Import Profile from the aliyun CLI"));
    m_intro->setText(tr("Copies the aliyun CLI profile into this application. The secret is "
                        "stored in the system keychain; ~/.aliyun/config.json is not changed."));
    m_secret->setPlaceholderText(tr("From the aliyun CLI profile"));
    m_secretHint->setText(tr("Leave empty to use the secret of the aliyun CLI profile."));
    setForm(draft);
}

void ProfileEditor::setForm(const AppProfile &profile)
{
    m_name->setText(profile.name);
    m_accessKeyId->setText(profile.accessKeyId);
    m_secret->clear();
    m_region->setEditText(profile.defaultRegion);
    m_endpoint->setText(profile.endpointOverride.toString());
    m_caFile->setText(profile.caFile);
    m_signature->setCurrentIndex(m_signature->findData(static_cast<int>(profile.signatureVersion)));
    m_message->clear();
    setBusy(false);
    m_name->setFocus();
}

AppProfile ProfileEditor::formProfile() const
{
    AppProfile profile;
    profile.name = m_name->text().trimmed();
    profile.accessKeyId = m_accessKeyId->text().trimmed();
    profile.defaultRegion = m_region->currentText().trimmed();
    const QString endpoint = m_endpoint->text().trimmed();
    if (!endpoint.isEmpty())
        profile.endpointOverride = QUrl(endpoint, QUrl::StrictMode);
    profile.signatureVersion
        = static_cast<AppProfile::SignatureVersion>(m_signature->currentData().toInt());
    profile.caFile = m_caFile->text().trimmed();
    return profile;
}

QString ProfileEditor::validateForm(QWidget **field) const
{
    const AppProfile profile = formProfile();
    *field = m_name;
    if (QString problem = AppProfile::validateName(profile.name); !problem.isEmpty())
        return problem;
    if (profile.name != m_storedName && m_profiles->contains(profile.name))
        return tr("A profile named \"%1\" already exists.").arg(profile.name);
    *field = m_accessKeyId;
    if (QString problem = AppProfile::validateAccessKeyId(profile.accessKeyId); !problem.isEmpty())
        return problem;
    *field = m_secret;
    if (m_mode == Mode::Add && m_secret->text().isEmpty())
        return tr("Enter the AccessKey secret.");
    if (!m_secret->text().isEmpty()) {
        if (QString problem = ProfileStore::validateSecret({ m_secret->text(), {} });
            !problem.isEmpty())
            return problem;
    }
    *field = m_region;
    static const QRegularExpression regionPattern(QStringLiteral("^[a-z0-9-]*$"));
    if (!regionPattern.match(profile.defaultRegion).hasMatch())
        return tr("A region ID has lower-case letters, digits and '-' only, like cn-hangzhou.");
    *field = m_endpoint;
    if (QString problem = AppProfile::validateEndpoint(profile.endpointOverride);
        !problem.isEmpty())
        return problem;
    *field = m_caFile;
    if (QString problem = AppProfile::validateCaFile(profile.caFile); !problem.isEmpty())
        return problem;
    *field = nullptr;
    return {};
}

void ProfileEditor::save()
{
    if (m_busy)
        return;
    QWidget *field = nullptr;
    if (const QString problem = validateForm(&field); !problem.isEmpty())
        return showError(problem, field);

    m_pendingProfile = formProfile();
    if (!m_pendingProfile.endpointOverride.isEmpty())
        m_pendingProfile.endpointOverride = Endpoint::normalized(m_pendingProfile.endpointOverride);
    m_pendingSecret.reset();
    if (!m_secret->text().isEmpty())
        m_pendingSecret = ProfileSecret { m_secret->text(), {} };
    else if (m_importedSecret)
        m_pendingSecret = m_importedSecret;

    if (m_mode != Mode::Edit || m_pendingProfile.name == m_storedName)
        return store(false);
    // A rename moves the stored secret first; the new settings follow.
    setBusy(true, tr("Renaming the profile…"));
    m_profiles->rename(
        m_storedName, m_pendingProfile.name, this, [this](const ProfileError &error) {
            if (error.isError()) {
                setBusy(false);
                return showError(error.message(), m_name);
            }
            m_storedName = m_pendingProfile.name;
            store(false);
        });
}

void ProfileEditor::store(bool sessionOnly)
{
    if (sessionOnly) {
        Q_ASSERT(m_sessionSecrets && m_pendingSecret);
        m_sessionSecrets->keepNextWriteInMemory(ProfileStore::secretKey(m_pendingProfile.name));
    }
    setBusy(true,
        m_pendingSecret && !sessionOnly ? tr("Saving the secret to the system keychain…")
                                        : tr("Saving the profile…"));
    m_profiles->save(
        m_pendingProfile, m_pendingSecret, this, [this, sessionOnly](const ProfileError &error) {
            setBusy(false);
            if (!error.isError()) {
                Q_EMIT saved(m_pendingProfile.name, sessionOnly);
                accept();
                return;
            }
            const bool offerSessionOnly = error.kind() == ProfileError::Kind::SecretStore
                && m_sessionSecrets && m_pendingSecret && !sessionOnly;
            showError(error.message(), offerSessionOnly ? nullptr : m_name);
            if (offerSessionOnly) {
                m_message->showMessage(InlineMessage::Kind::Error,
                    tr("%1\n\nUse for this session only: the secret stays in memory until you "
                       "quit, and you will be asked for it again next time.")
                        .arg(error.message()));
                m_message->showAction(tr("&Use for This Session Only"));
                m_message->actionButton()->setFocus();
                growToFit();
            }
        });
}

void ProfileEditor::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    for (QWidget *field : std::initializer_list<QWidget *> { m_name, m_accessKeyId, m_secret,
             m_region, m_endpoint, m_caFile, m_signature, m_saveButton })
        field->setEnabled(!busy);
    if (busy)
        m_message->showMessage(InlineMessage::Kind::Busy, text);
    else if (m_message->kind() == InlineMessage::Kind::Busy)
        m_message->clear();
}

void ProfileEditor::showError(const QString &text, QWidget *field)
{
    m_message->clear();
    m_message->showMessage(InlineMessage::Kind::Error, text);
    if (field)
        field->setFocus();
    growToFit();
}

void ProfileEditor::growToFit()
{
    layout()->activate();
    const int needed = layout()->heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

} // namespace ecs
