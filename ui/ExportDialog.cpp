// See ExportDialog.h.
#include "ExportDialog.h"

#include "ExportSettings.h"

#include <QCheckBox>
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
#include <QSettings>
#include <QSpinBox>

namespace cw {

namespace {
const char* const kFormatKey = "export/format";

// name without a known format's extension (a typed ".MOV" counts too)
QString withoutFormat(const QString& name)
{
    const QString suffix = QFileInfo(name).suffix().toLower();
    for (const auto& format : ExportDialog::formats())
        if (format.first == suffix)
            return name.left(name.size() - suffix.size() - 1);
    return name;
}
} // namespace

void ExportDialog::suggest(const QString& format, const QString& preset)
{
    if (const int i = m_format->findData(format.toLower()); i >= 0)
        m_format->setCurrentIndex(i);
    if (const int i = m_preset->findData(preset); i >= 0)
        m_preset->setCurrentIndex(i);
}

QList<QPair<QString, QString>> ExportDialog::formats()
{
    return {{QStringLiteral("mp4"), tr("MP4 video (H.264)")},
            {QStringLiteral("mov"), tr("MOV video (H.264)")},
            {QStringLiteral("webm"), tr("WebM video (VP9)")},
            {QStringLiteral("gif"), tr("GIF animation (480 px, 12 fps, up to 60 s)")},
            {QStringLiteral("mp3"), tr("Audio only: MP3")},
            {QStringLiteral("m4a"), tr("Audio only: M4A (AAC)")},
            {QStringLiteral("wav"), tr("Audio only: WAV")}};
}

ExportDialog::ExportDialog(const QString& baseName, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export video"));
    setAccessibleName(tr("Export video"));

    m_what = new QComboBox(this);
    m_what->setObjectName(QStringLiteral("exportWhat"));
    m_what->setAccessibleName(tr("What to export"));
    m_what->addItem(tr("The whole edit"), 0);

    m_maxSize = new QSpinBox(this);
    m_maxSize->setObjectName(QStringLiteral("exportMaxSize"));
    m_maxSize->setAccessibleName(tr("Largest file size in megabytes"));
    m_maxSize->setRange(0, 100000);
    m_maxSize->setSuffix(tr(" MB"));
    m_maxSize->setSpecialValueText(tr("No limit"));
    m_maxSize->setToolTip(tr("The export is compressed to stay under this size (0: no limit)."));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_format->setAccessibleName(tr("Format"));
    for (const auto& format : formats())
        m_format->addItem(format.second, format.first);
    m_format->setCurrentIndex(
        std::max(0, m_format->findData(QSettings().value(QLatin1String(kFormatKey)).toString())));

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("exportPreset"));
    m_preset->setAccessibleName(tr("Size"));
    for (const ExportPreset& preset : exportPresets())
        m_preset->addItem(preset.label, preset.id);
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(defaultExportPreset())));

    m_fast = new QCheckBox(tr("Keep the source's codec (fast export)"), this);
    m_fast->setObjectName(QStringLiteral("exportFast"));
    m_fast->setToolTip(tr("Phone recordings in HEVC stay HEVC: the parts the edit does not touch "
                          "are copied and only the frames around cuts are re-encoded, which is "
                          "much faster for long recordings. Some older players cannot play "
                          "HEVC. MP4 only, without a size limit."));

    m_fileName = new QLineEdit(this);
    m_fileName->setObjectName(QStringLiteral("exportFileName"));
    m_fileName->setAccessibleName(tr("File name"));
    const QString name = baseName.isEmpty() ? QStringLiteral("clipwright-edit") : baseName;
    m_fileName->setText(withoutFormat(name) + QLatin1Char('.') + format());

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

    m_files = new QLabel(this);
    m_files->setObjectName(QStringLiteral("exportFiles"));
    m_files->setWordWrap(true);
    m_files->hide();

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
    m_form = form;
    form->addRow(tr("&What:"), m_what);
    form->setRowVisible(m_what, false); // shown when the edit has shorts
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("Si&ze:"), m_preset);
    form->addRow(tr("&Max file size:"), m_maxSize);
    form->addRow(QString(), m_fast);
    form->addRow(tr("File &name:"), m_fileName);
    // A row holding a layout gets a label without a buddy, which shows the '&' as it is.
    auto* folderLabel = new QLabel(tr("F&older:"), this);
    folderLabel->setBuddy(m_folder);
    form->addRow(folderLabel, folderRow);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_files);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(480);

    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
    connect(m_browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_fileName, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_folder, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(m_what, &QComboBox::currentIndexChanged, this, &ExportDialog::validate);
    connect(m_maxSize, &QSpinBox::valueChanged, this, &ExportDialog::formatChanged);
    formatChanged();
    validate();
}

void ExportDialog::formatChanged()
{
    // The sound alone has no picture size; a GIF keeps the preset's shape at its own size.
    const bool audio = format() == QLatin1String("mp3") || format() == QLatin1String("m4a") ||
                       format() == QLatin1String("wav");
    m_preset->setEnabled(!audio);
    // Every format but WAV can be aimed at a size (render/SizeTarget.h).
    m_maxSize->setEnabled(format() != QLatin1String("wav"));
    // The fast export writes MP4 and copies the sources' own bitrate (no size to aim at).
    m_fast->setEnabled(format() == QLatin1String("mp4") && maxBytes() == 0);
    const QString name = m_fileName->text().trimmed();
    if (!name.isEmpty())
        m_fileName->setText(withoutFormat(name) + QLatin1Char('.') + format());
}

QString ExportDialog::path() const
{
    const QString name = withoutFormat(m_fileName->text().trimmed()) + QLatin1Char('.') + format();
    return QDir(QDir::fromNativeSeparators(m_folder->text().trimmed())).filePath(name);
}

void ExportDialog::setShorts(const QList<qint64>& lengthsMs, int preselect)
{
    m_what->clear();
    m_what->addItem(tr("The whole edit"), 0);
    for (int i = 0; i < lengthsMs.size(); ++i) {
        const qint64 s = (lengthsMs.at(i) + 500) / 1000;
        m_what->addItem(
            tr("Short %1 (%2:%3)").arg(i + 1).arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0')),
            i + 1);
    }
    if (lengthsMs.size() > 1)
        m_what->addItem(tr("All %n shorts, one file each", nullptr, int(lengthsMs.size())),
                        kAllShorts);
    m_form->setRowVisible(m_what, !lengthsMs.isEmpty());
    m_what->setCurrentIndex(std::max(0, m_what->findData(preselect)));
}

int ExportDialog::shortChoice() const
{
    return m_what->currentData().toInt();
}

QStringList ExportDialog::paths() const
{
    if (shortChoice() != kAllShorts)
        return {path()};
    const QFileInfo base(path());
    QStringList out;
    for (int i = 1; i < m_what->count(); ++i) {
        const int n = m_what->itemData(i).toInt();
        if (n > 0)
            out << base.dir().filePath(
                QStringLiteral("%1-%2.%3").arg(base.completeBaseName()).arg(n).arg(base.suffix()));
    }
    return out;
}

qint64 ExportDialog::maxBytes() const
{
    return m_maxSize->isEnabled() ? qint64(m_maxSize->value()) * 1000000 : 0;
}

void ExportDialog::suggestMaxBytes(qint64 bytes)
{
    if (bytes > 0)
        m_maxSize->setValue(int(std::clamp<qint64>(bytes / 1000000, 1, 100000))); // never over
}

bool ExportDialog::fast() const
{
    return m_fast->isEnabled() && m_fast->isChecked();
}

void ExportDialog::suggestFast(bool fast)
{
    m_fast->setChecked(fast);
}

QString ExportDialog::format() const
{
    return m_format->currentData().toString();
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
    // "All shorts" writes several files next to the name typed: say which, before any exists.
    const bool several = problem.isEmpty() && shortChoice() == kAllShorts;
    if (several) {
        QStringList names;
        for (const QString& file : paths())
            names << QFileInfo(file).fileName();
        m_files->setText(tr("Writes %n files: %1", nullptr, int(names.size()))
                             .arg(names.join(QStringLiteral(", "))));
    }
    m_files->setVisible(several);
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
    for (const QString& target : paths()) {
        const QFileInfo info(target);
        if (info.exists()) {
            if (info.isDir()) {
                m_problem->setText(tr("A folder with this name exists; choose another name."));
                m_problem->show();
                return;
            }
            const bool replace =
                m_confirm ? m_confirm(this, target)
                          : QMessageBox::question(this, tr("Replace file?"),
                                                  tr("%1 already exists. Replace it?")
                                                      .arg(QDir::toNativeSeparators(target)),
                                                  QMessageBox::Yes | QMessageBox::No,
                                                  QMessageBox::No) == QMessageBox::Yes;
            if (!replace)
                return;
        }
    }
    setDefaultExportFolder(QFileInfo(path()).absolutePath());
    setDefaultExportPreset(preset());
    QSettings().setValue(QLatin1String(kFormatKey), format());
    QDialog::accept();
}

} // namespace cw
