// The one object the UI talks to: a backend session with its draft, uploads, the agent
// conversation and exports. It hides requests, retries and polling; the UI only calls
// these methods and listens to the signals. Messages in signals are user-facing.
#pragma once

#include "Draft.h"
#include "GuiTranslator.h"
#include "MediaItem.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QVector>

#include <optional>

namespace cw {

class ApiClient;

class EditorSession : public QObject {
    Q_OBJECT
public:
    explicit EditorSession(ApiClient* api, QObject* parent = nullptr);
    ~EditorSession() override;

    void start(const QString& language = QStringLiteral("en")); // creates the session
    // Continues an existing session (the app reopening a project); its state is fetched.
    void open(const QString& sessionId, const QString& language = QStringLiteral("en"));
    bool isReady() const;
    QString sessionId() const;
    const Draft& draft() const;
    QList<MediaItem> media() const;

    void upload(const QStringList& paths); // checks type/size first; emits per file
    // http(s) URLs the backend fetches itself (PROTOCOL.md {"urls":[...]}); emits the same
    // upload signals with the URL as the file name. (EditorSessionUpload.cpp)
    void uploadUrls(const QList<QUrl>& urls);
    void cancelUploads();
    void sendMessage(const QString& text); // streams the agent's answer
    // Ends the running turn: the stream closes, an analysis the engine was running for it stops,
    // and the state is fetched again (an edit already being applied may still land).
    void stopAgent();
    bool isAgentBusy() const;
    void refreshState();
    // preset: "1080p" (default), "vertical-1080", "square-1080", "720p", "4k". The file's
    // extension is the render's output.format: mov, webm, gif, mp3, m4a, wav, else mp4.
    // shortIndex (1-based): render that short of the draft (core Shorts.h shortDraft) instead
    // of the whole edit. maxBytes > 0: stay under that size (sent as the draft's
    // m.export.max_bytes, as "under 50 MB" in the chat and the CLI's --max-size set it).
    // fast: the render request's output.fast (keep the source's codec: HEVC stays HEVC, the
    // untouched GOPs copied); unset: the draft's m.export.fast (set by the chat) decides.
    void exportVideo(const QString& destinationPath,
                     const QString& preset = QStringLiteral("1080p"), int shortIndex = 0,
                     qint64 maxBytes = 0, std::optional<bool> fast = std::nullopt);
    void cancelExport();
    bool isExporting() const;
    // Picks up this session's render job recorded by an earlier run (see RenderJournal):
    // polls and downloads it, or ends with a clear exportFailed. False when none is recorded.
    bool resumeExport();

    // Credits: creditsChanged for profiles with a balance; creditsHidden for the local engine
    // (or any backend reporting unlimited credits).
    void refreshCredits();
    void setCreditsVisible(bool visible); // the profile's showsCredits; default false
    // Where the 2001 (no credits) message links: <base>?bind=<bindId>.
    void setRegistrationLink(const QUrl& base, const QString& bindId);

    // Tuning, mostly for tests (STYLE.md point 8). Cloud profiles poll renders every 30 s.
    void setRenderPollInterval(int ms);             // default 1000
    void setStillWorkingInterval(int ms);           // default 2 minutes
    void setAgentTimeout(int ms);                   // stream inactivity timeout; default 15 minutes
    void setMaxParallelUploads(int n);              // default 2
    void setRenderJournalPath(const QString& path); // default RenderJournal::defaultPath()
    QString language() const;

    // Hand-off to other editors (EditorSessionHandoff.cpp). format: "fcpxml", "edl", "mlt",
    // "otio", "srt", "vtt" (see core's Interchange.h). Writes the current draft with its
    // source media paths (the engine's stored copies for the local engine, else the URLs)
    // to a temporary file renamed over `path`. False with a user-facing *error otherwise.
    bool exportInterchange(const QString& format, const QString& path, QString* error);

    // Media visuals and the preview of the current edit (EditorSessionMedia.cpp).
    void requestWaveform(const QString& mediaId); // -> waveformReady, cached per media
    // A JPEG frame of a source clip at atMs (-1: a representative frame) -> thumbnailReady.
    void requestThumbnail(const QString& mediaId, qint64 atMs = -1);
    // A low-resolution render of the current draft, downloaded to a cache file; a newer
    // request cancels the running one -> previewProgress / previewReady / previewFailed.
    // atMs: the viewer's playhead; a preview that takes long (the whole picture changed)
    // first delivers the part from there -> previewWindowReady, then the whole.
    void requestPreview(qint64 atMs = -1);
    void cancelPreview();
    // A still of the current edit at atMs (timeline time), as the export will show it, made
    // by the local engine in well under a second -> editFrameReady / editFrameFailed. Only
    // the newest request answers; the viewer shows it while the playable preview is made.
    void requestEditFrame(qint64 atMs);

Q_SIGNALS:
    void ready();
    void errorOccurred(const QString& message);
    void uploadStarted(const QString& fileName);
    void uploadProgress(const QString& fileName, qint64 sent, qint64 total);
    void uploadFinished(const cw::MediaItem& item);
    // What the engine chose for an upload, in the session's language: the project turned
    // vertical for a portrait clip, a sound file taken as the main track, HDR converted.
    void uploadNote(const QString& message);
    void uploadFailed(const QString& fileName, const QString& message);
    void mediaChanged();
    void agentStarted();
    void agentText(const QString& text, bool partial); // partial chunks replaced by the final
    void agentProgress(const QString& line);           // quiet line for tool calls
    void agentFinished();
    void draftChanged(const cw::Draft& draft);
    void exportProgress(int percent, const QString& phase); // phase: rendering, downloading
    void exportFinished(const QString& path);
    void exportFailed(const QString& message);
    // The user asked for export / upload in the chat (client-side routing): the UI opens
    // its export dialog / file picker. A short agentText explains it in the chat as well.
    void exportRequested();
    void uploadRequested();
    void creditsChanged(qint64 available, qint64 frozen, qint64 total);
    void creditsHidden();
    // The agent's text told the user to use a GUI (GuiTranslator). Emitted once per turn with
    // the instruction; the session acts on it after the turn: Export -> exportRequested,
    // FetchState -> state fetched, ShowSummary -> the track summary as agentText, SendEdit ->
    // the instruction is sent back through the stream once.
    void guiInstruction(cw::GuiAction action, const QString& text);
    void exportResumed(const QString& renderId);
    void waveformReady(const QString& mediaId, double peaksPerSecond, const QVector<float>& peaks);
    void thumbnailReady(const QString& mediaId, qint64 atMs, const QByteArray& jpeg);
    void previewProgress(int percent);
    void previewReady(const QString& localPath, int draftVersion);
    void previewWindowReady(const QString& localPath, qint64 fromMs, qint64 toMs, int draftVersion);
    void previewFailed(const QString& message);
    void editFrameReady(const QByteArray& jpeg, qint64 atMs, int draftVersion);
    void editFrameFailed(const QString& message);

private:
    struct Private;
    Private* d;
};

} // namespace cw

Q_DECLARE_METATYPE(cw::GuiAction)
