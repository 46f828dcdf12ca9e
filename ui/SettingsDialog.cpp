// See SettingsDialog.h.
#include "SettingsDialog.h"

#include "ExportSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QUrl>
#include <QVBoxLayout>

namespace cw {

namespace {
QComboBox* makeCombo(QWidget* parent, const char* name, const QString& accessible)
{
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QLatin1String(name));
    combo->setAccessibleName(accessible);
    return combo;
}
} // namespace

SettingsDialog::SettingsDialog(QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setAccessibleName(tr("Settings"));
    QSettings settings;
    m_storedProfile =
        settings.value(QStringLiteral("backend/profile"), QStringLiteral("local")).toString();
    m_storedUrl = settings.value(QStringLiteral("backend/customUrl")).toString();
    m_storedLanguage = settings.value(QStringLiteral("ui/language")).toString();

    m_profile = makeCombo(this, "settingsBackendProfile", tr("Backend"));
    m_profile->addItem(tr("Local engine"), QStringLiteral("local"));
    m_profile->addItem(tr("NemoVideo cloud"), QStringLiteral("cloud"));
    m_profile->addItem(tr("Custom URL"), QStringLiteral("custom"));
    m_profile->setCurrentIndex(std::max(0, m_profile->findData(m_storedProfile)));
    m_customUrl = new QLineEdit(m_storedUrl, this);
    m_customUrl->setObjectName(QStringLiteral("settingsCustomUrl"));
    m_customUrl->setAccessibleName(tr("Custom backend URL"));
    m_customUrl->setPlaceholderText(QStringLiteral("https://example.com"));

    m_language = makeCombo(this, "settingsLanguage", tr("Language"));
    m_language->addItem(tr("System"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(m_storedLanguage)));

    m_folder = new QLineEdit(QDir::toNativeSeparators(defaultExportFolder()), this);
    m_folder->setObjectName(QStringLiteral("settingsExportFolder"));
    m_folder->setAccessibleName(tr("Default export folder"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("settingsBrowse"));
    browse->setAccessibleName(tr("Choose the default export folder"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_preset = makeCombo(this, "settingsExportPreset", tr("Default export format"));
    for (const ExportPreset& preset : exportPresets())
        m_preset->addItem(preset.label, preset.id);
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(defaultExportPreset())));

    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("settingsRestartNote"));
    m_note->setWordWrap(true);

    auto* backendBox = new QGroupBox(tr("Backend"), this);
    auto* backendForm = new QFormLayout(backendBox);
    backendForm->addRow(tr("&Profile:"), m_profile);
    backendForm->addRow(tr("&URL:"), m_customUrl);
    auto* uiBox = new QGroupBox(tr("Interface"), this);
    auto* uiForm = new QFormLayout(uiBox);
    uiForm->addRow(tr("&Language:"), m_language);
    auto* exportBox = new QGroupBox(tr("Export"), this);
    auto* exportForm = new QFormLayout(exportBox);
    exportForm->addRow(tr("&Folder:"), folderRow);
    exportForm->addRow(tr("F&ormat:"), m_preset);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("settingsOk"));
    m_ok->setText(tr("OK")); // Qt's own translations may be missing (packaged separately)
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("settingsCancel"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(backendBox);
    createAccountBox();
    layout->addWidget(m_accountBox);
    layout->addWidget(uiBox);
    layout->addWidget(exportBox);
    layout->addWidget(m_note);
    layout->addWidget(buttons);
    setMinimumWidth(460);

    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString current = QDir::fromNativeSeparators(m_folder->text());
        const QString folder =
            m_browse ? m_browse(this, current)
                     : QFileDialog::getExistingDirectory(this, tr("Export folder"), current);
        if (!folder.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(folder));
    });
    connect(m_profile, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateState);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateState);
    connect(m_customUrl, &QLineEdit::textChanged, this, &SettingsDialog::updateState);
    updateState();
}

bool SettingsDialog::needsRestart() const
{
    const QString profile = m_profile->currentData().toString();
    return profile != m_storedProfile || m_language->currentData().toString() != m_storedLanguage ||
           (profile == QLatin1String("custom") && m_customUrl->text().trimmed() != m_storedUrl);
}

void SettingsDialog::updateState()
{
    const bool custom = m_profile->currentData().toString() == QLatin1String("custom");
    m_customUrl->setEnabled(custom);
    const QUrl url(m_customUrl->text().trimmed(), QUrl::StrictMode);
    const bool urlOk =
        !custom ||
        (url.isValid() && !url.host().isEmpty() &&
         (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https")));
    m_ok->setEnabled(urlOk);
    if (!urlOk)
        m_note->setText(tr("Enter an http:// or https:// address for the custom backend."));
    else if (needsRestart())
        m_note->setText(tr("Restart Clipwright to apply the new backend or language."));
    else
        m_note->clear();
    m_note->setVisible(!m_note->text().isEmpty());
}

void SettingsDialog::accept()
{
    updateState();
    if (!m_ok->isEnabled())
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("backend/profile"), m_profile->currentData().toString());
    settings.setValue(QStringLiteral("backend/customUrl"), m_customUrl->text().trimmed());
    settings.setValue(QStringLiteral("ui/language"), m_language->currentData().toString());
    const QString folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    if (!folder.isEmpty())
        setDefaultExportFolder(folder);
    setDefaultExportPreset(m_preset->currentData().toString());
    QDialog::accept();
}

} // namespace cw
