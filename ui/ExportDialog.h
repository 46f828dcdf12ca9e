// Asks where and how to export: a format (MP4, MOV, WebM, GIF, or the sound alone as MP3,
// M4A or WAV), a size preset (1080p, vertical, square, 720p, 4K), a file name and a folder
// (with Browse), and a largest file size (optional: the engine then compresses to fit). When
// the edit has shorts ("make 3 shorts of 30 s"), a "What" row offers the whole edit, one short,
// or all of them (one file each, NAME-1.mp4, NAME-2.mp4, ...). The format sets the file's
// extension, which tells the service the render's output.format. Folder, format and preset are
// remembered for next time. It never lets an existing file be overwritten without asking: the
// confirm hook answers that (a message box by default; tests inject an answer, STYLE.md 7). The
// dialog only collects the choice; the window starts the export.
#pragma once

#include <QDialog>
#include <functional>

class QComboBox;
class QFormLayout;
class QCheckBox;
class QLabel;
class QSpinBox;
class QLineEdit;
class QPushButton;

namespace cw {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    using ConfirmOverwriteHook = std::function<bool(QWidget* parent, const QString& path)>;
    using BrowseHook = std::function<QString(QWidget* parent, const QString& folder)>;

    // baseName: the suggested file name, with or without an extension (".mp4").
    explicit ExportDialog(const QString& baseName, QWidget* parent = nullptr);

    // The formats offered, in order: id (the file extension) and translated label.
    static QList<QPair<QString, QString>> formats();

    void setConfirmOverwriteHook(ConfirmOverwriteHook hook) { m_confirm = std::move(hook); }
    void setBrowseHook(BrowseHook hook) { m_browse = std::move(hook); }

    QString path() const;   // folder + file name, always ending in the format's extension
    QString preset() const; // EditorSession::exportVideo preset id
    QString format() const; // "mp4", "mov", "webm", "gif", "mp3", "m4a" or "wav"
    // Selects what the user asked for in the chat ("export as a GIF at 720p"); unknown or
    // empty values leave the remembered choice.
    void suggest(const QString& format, const QString& preset);

    // The shorts of the edit, their lengths in ms, in order; the "What" row shows only when
    // there are some. preselect: 1-based short to choose (0: the whole edit).
    void setShorts(const QList<qint64>& lengthsMs, int preselect = 0);
    // 0: the whole edit; n: short n (1-based); kAllShorts: every short, one file each.
    static constexpr int kAllShorts = -1;
    int shortChoice() const;
    // The files written: path(), or for all shorts path() with -1, -2, ... before the extension.
    QStringList paths() const;
    // 0: no limit; else bytes (the field is in MB, 1 MB = 1,000,000 bytes as in "50 MB").
    qint64 maxBytes() const;
    void suggestMaxBytes(qint64 bytes);
    // "Keep the source's codec": an HEVC recording stays HEVC, its untouched parts copied
    // (the engine's fast export). MP4 without a size limit only; false when off or disabled.
    bool fast() const;
    void suggestFast(bool fast);

public Q_SLOTS:
    void accept() override;
    void browse();

private:
    void validate();
    void formatChanged();

    QFormLayout* m_form = nullptr;
    QComboBox* m_what;
    QSpinBox* m_maxSize;
    QComboBox* m_format;
    QComboBox* m_preset;
    QLineEdit* m_fileName;
    QLineEdit* m_folder;
    QPushButton* m_browseButton;
    QCheckBox* m_fast;
    QLabel* m_problem;
    QLabel* m_files; // the names "all shorts" writes
    QPushButton* m_exportButton;
    ConfirmOverwriteHook m_confirm;
    BrowseHook m_browse;
};

} // namespace cw
