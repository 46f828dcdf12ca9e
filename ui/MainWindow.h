// The main window is a small composition: media bin and preview on the left, chat on the
// right, timeline at the bottom, export and connection state in the status bar. It forwards
// intent to the EditorSession and shows what the session reports; it holds no editing logic.
// It is split in parts: MainWindow.cpp (layout, status bar, errors with their actions),
// MainWindowActions.cpp (menus, undo/redo, add media, export), MainWindowExport.cpp (export
// for other editors, the overwrite question) and MainWindowSession.cpp (session and backend
// signals). Timeline drags arrive as editRequested words and go out through sendMessage.
//
// Export: with a save-file hook set (tests), the hook picks the path and the preset is the
// remembered default; otherwise the ExportDialog (window-modal, objectName "exportDialog")
// asks. Settings (Ctrl+,) open the SettingsDialog (objectName "settingsDialog").
// Tests answer file dialogs through the hooks instead of real modal dialogs (STYLE.md 7).
#pragma once

#include <QMainWindow>
#include <QStringList>
#include <QUrl>
#include <functional>

class QAction;
class QLabel;
class QMenu;

namespace cw {

class Backend;
class ChatPanel;
class Draft;
class EditorSession;
class ExportBar;
class ExportDialog;
class MediaBin;
class PreviewPane;
class TimelineView;
struct MediaItem;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // Returns the chosen files; empty when cancelled.
    using OpenFilesHook = std::function<QStringList(QWidget* parent)>;
    // Returns the chosen destination; empty when cancelled.
    using SaveFileHook = std::function<QString(QWidget* parent, const QString& suggestedPath)>;

    explicit MainWindow(Backend* backend, QWidget* parent = nullptr); // backend may be null
    ~MainWindow() override;

    void setOpenFilesHook(OpenFilesHook hook) { m_openFilesHook = std::move(hook); }
    void setSaveFileHook(SaveFileHook hook) { m_saveFileHook = std::move(hook); }
    // Answers "replace the existing file?" in the export dialog; a message box when unset.
    using ConfirmOverwriteHook = std::function<bool(QWidget* parent, const QString& path)>;
    void setConfirmOverwriteHook(ConfirmOverwriteHook hook) { m_confirmHook = std::move(hook); }
    // Opens links and folders (top-up page, "Show in folder"); QDesktopServices when unset.
    using OpenUrlHook = std::function<void(const QUrl& url)>;
    void setOpenUrlHook(OpenUrlHook hook);

    ChatPanel* chatPanel() const { return m_chat; }
    MediaBin* mediaBin() const { return m_mediaBin; }
    TimelineView* timelineView() const { return m_timeline; }
    PreviewPane* previewPane() const { return m_preview; }
    QAction* exportAction() const { return m_exportAction; }
    QAction* settingsAction() const { return m_settingsAction; }
    ExportBar* exportBar() const { return m_exportBar; }

    // "<title or first clip>-edit.mp4" in the Videos folder (home when there is none).
    static QString suggestedExportPath(const Draft& draft, const QList<MediaItem>& media);

public Q_SLOTS:
    void addMedia();
    void startExport();
    void sendMessage(const QString& text);
    void openSettings();
    // File > Export for other editors: format "fcpxml", "edl", "mlt", "otio", "srt", "vtt".
    void exportInterchange(const QString& format);

private:
    void beginExport(const QString& path, const QString& preset);
    void playExport(const QString& path);
    void updateJobs(int percent);
    void createLayout();
    void createActions();
    void createStatusBar();
    void connectBackend();
    void connectSession();
    void updateActions();
    void showError(const QString& message);
    void handleErrorAction(const QString& id);
    void openUrl(const QUrl& url);
    void createInterchangeMenu(QMenu* file);
    bool confirmOverwrite(const QString& path); // true when path is free or may be replaced
    void setConnectionState(const QString& state);
    void previewMediaId(const QString& mediaId);

    Backend* m_backend;
    EditorSession* m_session;
    ChatPanel* m_chat = nullptr;
    MediaBin* m_mediaBin = nullptr;
    TimelineView* m_timeline = nullptr;
    PreviewPane* m_preview = nullptr;
    ExportBar* m_exportBar = nullptr;
    QLabel* m_backendLabel = nullptr;
    QLabel* m_jobsLabel = nullptr;
    QLabel* m_creditsLabel = nullptr;
    QAction* m_addAction = nullptr;
    QAction* m_exportAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_settingsAction = nullptr;
    bool m_exporting = false;
    QString m_exportPath;            // the running or last finished export
    bool m_previewingExport = false; // the preview shows m_exportPath: sync the playhead
    OpenFilesHook m_openFilesHook;
    SaveFileHook m_saveFileHook;
    ConfirmOverwriteHook m_confirmHook;
    OpenUrlHook m_openUrlHook;
    QString m_connectionState; // "connected", "not connected", ... (status bar)
    QUrl m_actionLink;         // what the chat action buttons open (top-up page, export folder)
};

} // namespace cw
