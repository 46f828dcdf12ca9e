// The viewer: plays the current edit (the default) or a source clip (a clip the user picked,
// the finished export), at the picture's own aspect on black (ViewerCanvas).
//
// Instant after an edit. The current edit reaches the viewer in two steps, both made below
// ui/ (EditorSession and the engine); the pane only asks and shows:
//  1. at once, a still of the edit at the playhead (editFrameRequested -> setEditFrame): a
//     JPEG the engine renders with the export's own graph, so titles sit where the export
//     puts them; it is on screen in a few hundred milliseconds;
//  2. after a short debounce (150 ms: a burst of edits costs one render) and once the still
//     is in (two cores: the render would slow it down), the playable low-resolution render
//     of the draft (editPreviewRequested -> setEditPreview). It is
//     loaded and sought to the same position, and replaces the still only once the player
//     has a frame there, so the picture never goes blank. When every frame must be drawn
//     (a 10-minute edit made vertical), a window of it from the playhead comes first
//     (setEditPreviewWindow): it plays, and at its end the viewer waits for the whole.
// Meanwhile a banner says "Updating…" (with the render's progress); nothing blocks the chat.
// While no playable render of the current draft exists, seeking (the scrub bar, the
// timeline, frame steps) asks for stills instead. Only while the pane shows the edit does it
// ask for anything: a user who is not looking costs no renders.
//
// Transport: play/pause (Space, K stops), J/L shuttle, frame steps (, . or Left/Right), a
// scrub bar and a time label. L plays, and while playing doubles the rate up to 4×. Qt's
// player cannot play backwards, so J halves a fast rate and otherwise pauses and jumps back
// one second per press. (PreviewPlayer plays; this class decides what to show.)
#pragma once

#include "ViewerCanvas.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;

namespace cw {

class PreviewPlayer;

class PreviewPane : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Source, Edit };

    explicit PreviewPane(QWidget* parent = nullptr);

    QUrl source() const;          // what the player has loaded
    QMediaPlayer* player() const; // null until the first file
    ViewerCanvas* canvas() const { return m_canvas; }
    Mode mode() const { return m_mode; }
    bool isShowingEdit() const { return m_mode == Mode::Edit; }
    bool isPlaying() const;
    qint64 position() const; // the player's, or the edit position while only stills exist
    double frameRate() const;
    double playbackRate() const;
    void setFrameRate(double fps); // for frame steps; the file's own rate wins once known
    bool isEditStale() const { return m_editStale; }
    QString editFile() const { return m_editFile; }
    QString bannerText() const;                                  // "Updating…"; empty when hidden
    void setPreviewDelay(int ms) { m_debounce.setInterval(ms); } // default 150
    // Space, K, J, L, comma, period, Left, Right; true when the key was one of them. The
    // window forwards keys that nothing else took.
    bool transportKey(int key);

public Q_SLOTS:
    void setSource(const QUrl& localFile, bool autoplay = false); // a clip: Source mode
    void showCurrentEdit();
    // The edit's length; 0: nothing on the timeline (a placeholder, no requests); -1 (the
    // default): unknown, ask anyway.
    void setEditDuration(qint64 ms);
    void setEditStale(); // the draft changed
    void setEditFrame(const QByteArray& jpeg, qint64 atMs, int draftVersion);
    void setEditFrameFailed(const QString& message);
    void setEditPreview(const QString& localPath, int draftVersion);
    void setEditPreviewWindow(const QString& localPath, qint64 fromMs, qint64 toMs,
                              int draftVersion);
    void setEditProgress(int percent);
    void setEditFailed(const QString& message);
    void togglePlay();
    void play();
    void pause();
    void stop();
    void seek(qint64 ms); // remembered until a file is loaded
    void stepFrames(int frames);
    void shuttle(int direction); // L: +1, J: -1, K: 0

Q_SIGNALS:
    void playbackError(const QString& message);
    void positionChanged(qint64 ms); // the position shown (player, or still while scrubbing)
    // render the current draft from the playhead atMs (EditorSession::requestPreview)
    void editPreviewRequested(qint64 atMs);
    void editFrameRequested(qint64 atMs); // a still of the edit (EditorSession::requestEditFrame)
    void modeChanged(cw::PreviewPane::Mode mode);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void setMode(Mode mode);
    void requestEditPreview();
    void requestStill(qint64 atMs);
    void renderAfterStill();         // the render the debounce held back for the still
    bool hasCurrentEditFile() const; // the loaded file is the render of the current draft
    bool playsWindow() const;        // ... or the window of it
    bool windowCovers(qint64 ms) const;
    bool windowEndsBeforeEdit() const; // showing a window with more of the edit after it
    void loadWindow(qint64 at, bool play);
    void onFrame(const QVideoFrame& frame);
    void updatePlaceholder();
    void updateBanner();
    void updateControls();
    void updateTime(qint64 ms);

    PreviewPlayer* m_player;
    ViewerCanvas* m_canvas;
    QLabel* m_banner;
    QComboBox* m_modeBox;
    QLabel* m_title;
    QToolButton* m_play;
    QToolButton* m_back;
    QToolButton* m_forward;
    QSlider* m_slider;
    QLabel* m_time;
    QUrl m_clip; // the last source clip, to go back to from "Current edit"
    Mode m_mode = Mode::Edit;
    QTimer m_debounce;
    // The current edit.
    qint64 m_editAt = 0;          // its position (the playhead)
    qint64 m_editDuration = -1;   // see setEditDuration
    bool m_editStale = true;      // the loaded render is not of the current draft
    bool m_editRequested = false; // a render was asked for and has not answered yet
    int m_editProgress = 0;
    QString m_editError;
    bool m_playWhenReady = false;
    QString m_editFile;
    int m_editVersion = -1;
    QString m_windowFile; // the current draft's window while its whole render is made
    qint64 m_windowFrom = 0;
    qint64 m_windowTo = 0;
    // Stills: one request in flight; the newest position asked for meanwhile follows it.
    static constexpr int kStillFirstMs = 1500; // the render waits this long for the still
    bool m_stillInFlight = false;
    bool m_renderAfterStill = false;
    qint64 m_stillNext = -1;
    QElapsedTimer m_stillAsked;
};

} // namespace cw

Q_DECLARE_METATYPE(cw::PreviewPane::Mode)
