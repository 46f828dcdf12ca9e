// Asks where and how to export: a format (MP4, MOV, WebM, GIF, or the sound alone as MP3,
// M4A or WAV), a size preset (1080p, vertical, square, 720p, 4K), a file name and a folder
// (with Browse). The format sets the file's extension, which tells the service the render's
// output.format. Folder, format and preset are remembered for next time. It never
// lets an existing file be overwritten without asking: the confirm hook answers that (a
// message box by default; tests inject an answer, STYLE.md 7). The dialog only collects
// the choice; the window starts the export.
#pragma once

#include <QDialog>
#include <functional>

class QComboBox;
class QLabel;
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

public Q_SLOTS:
    void accept() override;
    void browse();

private:
    void validate();
    void formatChanged();

    QComboBox* m_format;
    QComboBox* m_preset;
    QLineEdit* m_fileName;
    QLineEdit* m_folder;
    QPushButton* m_browseButton;
    QLabel* m_problem;
    QPushButton* m_exportButton;
    ConfirmOverwriteHook m_confirm;
    BrowseHook m_browse;
};

} // namespace cw
