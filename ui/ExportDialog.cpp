// See ExportDialog.h.
#include "ExportDialog.h"

#include "ExportSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>

namespace cw {

ExportDialog::ExportDialog(const QString& baseName, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export video"));
    setAccessibleName(tr("Export video"));

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("exportPreset"));
    m_preset->setAccessibleName(tr("Format"));
    for (const ExportPreset& preset : exportPresets())
        m_preset->addItem(preset.label, preset.id);
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(defaultExportPreset())));

    m_fileName = new QLineEdit(this);
    m_fileName->setObjectName(QStringLiteral("exportFileName"));
    m_fileName->setAccessibleName(tr("File name"));
    QString name = baseName.isEmpty() ? QStringLiteral("clipwright-edit.mp4") : baseName;
    if (!name.endsWith(QLatin1String(".mp4"), Qt::CaseInsensitive))
        name += QStringLiteral(".mp4");
    m_fileName->setText(name);

    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("exportFolder"));
    m_folder->setAccessibleName(tr("Folder"));
    m_folder->setText(QDir::toNativeSeparators(defaultExportFolder()));
    m_browseButton = new QPushButton(tr("Browse…"), this);
    m_browseButton->setObjectName(QStringLiteral("exportBrowse"));
    m_browseButton->setAccessibleName(tr("Choose the folder"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browseButton);

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("exportProblem"));
    m_problem->setWordWrap(true);
    m_problem->setForegroundRole(QPalette::PlaceholderText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportStart"));
    m_exportButton->setAccessibleName(tr("Start the export"));
    m_exportButton->setDefault(true);
    // Qt's own translations may be missing (Debian ships them separately): name it here.
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("exportCancel"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Format:"), m_preset);
    form->addRow(tr("File &name:"), m_fileName);
    form->addRow(tr("F&older:"), folderRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_fileName, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_folder, &QLineEdit::textChanged, this, &ExportDialog::validate);
    validate();
}

QString ExportDialog::path() const
{
    QString name = m_fileName->text().trimmed();
    if (QFileInfo(name).suffix().compare(QLatin1String("mp4"), Qt::CaseInsensitive) != 0)
        name += QStringLiteral(".mp4");
    return QDir(QDir::fromNativeSeparators(m_folder->text().trimmed())).filePath(name);
}

QString ExportDialog::preset() const
{
    return m_preset->currentData().toString();
}

void ExportDialog::validate()
{
    static const QRegularExpression unsafe(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]"));
    const QString name = m_fileName->text().trimmed();
    QString problem;
    if (name.isEmpty())
        problem = tr("Enter a file name.");
    else if (name.contains(unsafe) || name == QLatin1String(".") || name == QLatin1String(".."))
        problem = tr("The file name cannot contain / \\ : * ? \" < > |.");
    else if (m_folder->text().trimmed().isEmpty())
        problem = tr("Choose a folder.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_exportButton->setEnabled(problem.isEmpty());
}

void ExportDialog::browse()
{
    const QString current = QDir::fromNativeSeparators(m_folder->text().trimmed());
    const QString folder =
        m_browse ? m_browse(this, current)
                 : QFileDialog::getExistingDirectory(this, tr("Export folder"), current);
    if (!folder.isEmpty())
        m_folder->setText(QDir::toNativeSeparators(folder));
}

void ExportDialog::accept()
{
    validate();
    if (!m_exportButton->isEnabled())
        return;
    const QString target = path();
    const QFileInfo info(target);
    if (info.exists()) {
        if (info.isDir()) {
            m_problem->setText(tr("A folder with this name exists; choose another name."));
            m_problem->show();
            return;
        }
        const bool replace =
            m_confirm
                ? m_confirm(this, target)
                : QMessageBox::question(
                      this, tr("Replace file?"),
                      tr("%1 already exists. Replace it?").arg(QDir::toNativeSeparators(target)),
                      QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes;
        if (!replace)
            return;
    }
    setDefaultExportFolder(info.absolutePath());
    setDefaultExportPreset(preset());
    QDialog::accept();
}

} // namespace cw
