// The main window is a small composition: the media bin on the left, a large viewer of the
// current edit in the centre, the chat on the right (collapsible: View > Show chat,
// Ctrl+Shift+C, or its splitter handle), the timeline across the bottom, export and connection
// state in the status bar. It forwards intent to the EditorSession and shows what the session
// reports; it holds no editing logic. Files dropped anywhere on the window are offered to the
// media bin. The chat input has the keyboard focus at start and again after each reply
// (unless the user is typing in another field). Splitters and geometry are kept in QSettings.
// It is split in parts: MainWindow.cpp (status bar, errors with their actions),
// MainWindowLayout.cpp (layout, its settings, drops, focus), MainWindowActions.cpp (menus,
// undo/redo, add media, export), MainWindowExport.cpp (export for other editors, the
// overwrite question) and MainWindowSession.cpp (session and backend signals). Timeline drags
// arrive as editRequested words and go out through sendMessage.
//
// Export: with a save-file hook set (tests), the hook picks the path and the preset is the
// remembered default; otherwise the ExportDialog (window-modal, objectName "exportDialog")
// asks. Settings (Ctrl+,) open the SettingsDialog (objectName "settingsDialog").
// Tests answer file dialogs through the hooks instead of real modal dialogs (STYLE.md 7).
#pragma once

#include <optional>

#include <QMainWindow>
#include <QStringList>
#include <QUrl>
#include <functional>

class QAction;
class QLabel;
class QMenu;
class QSplitter;

namespace cw {

class Backend;
class ChatPanel;
struct Draft;
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
    QAction* showChatAction() const { return m_showChatAction; }
    bool isChatShown() const;
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
    void setChatShown(bool shown);

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    // shortIndex: 0 the edit, n short n (core Shorts.h); maxBytes: a size to stay under (0 none).
    // fast: the Export dialog's "keep the source's codec"; unset: as the chat said (m.export).
    void beginExport(const QString& path, const QString& preset, int shortIndex = 0,
                     qint64 maxBytes = 0, std::optional<bool> fast = std::nullopt);
    void playExport(const QString& path);
    void updateJobs(int percent);
    void createLayout();
    void restoreLayout();
    void saveLayout() const;
    void focusChatAfterReply();
    void showDraft(const Draft& draft);
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
    QAction* m_showChatAction = nullptr;
    QSplitter* m_topSplitter = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    int m_chatWidth = 0; // before the chat was collapsed
    bool m_exporting = false;
    // "All shorts": the files still to export after the running one, (path, short), in order;
    // each starts when the one before finishes, a failure or cancel drops the rest.
    QList<QPair<QString, int>> m_exportQueue;
    QString m_queuePreset;
    qint64 m_queueMaxBytes = 0;
    std::optional<bool> m_queueFast;
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
