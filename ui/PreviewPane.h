// Plays either a source clip (a clip the user dropped, the finished export) or the current
// edit: a low-resolution render of the draft that the engine makes on request. The pane only
// asks (editPreviewRequested) when it shows "Current edit": after a draft change (debounced,
// 1 s by default), when the user switches to it, or when they press play on a stale preview;
// a user who is not looking costs no renders. While a render runs a banner says "Rendering
// preview… n%" and the previous render keeps playing. Controls: play/pause (Space), a seek
// slider, frame steps (, . or Left/Right: one frame at the clip's rate, 30 fps if unknown)
// and a time label. The player and the video widget are created on first use, so windows
// that never preview (and tests) do not start a media backend. Audio output is attached only
// when the machine has an audio device: Qt 6.4's FFmpeg backend crashes with a QAudioOutput
// and no device (PLATFORM.md).
#pragma once

#include <QTimer>
#include <QUrl>
#include <QWidget>

class QAudioOutput;
class QComboBox;
class QLabel;
class QMediaPlayer;
class QSlider;
class QStackedLayout;
class QToolButton;
class QVideoWidget;

namespace cw {

class PreviewPane : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Source, Edit };

    explicit PreviewPane(QWidget* parent = nullptr);

    QUrl source() const { return m_source; }          // what the player has loaded
    QMediaPlayer* player() const { return m_player; } // null until the first file
    Mode mode() const { return m_mode; }
    bool isShowingEdit() const { return m_mode == Mode::Edit; }
    bool isPlaying() const;
    qint64 position() const;
    double frameRate() const { return m_fps; }
    void setFrameRate(double fps); // for frame steps; the file's own rate wins once known
    bool isEditStale() const { return m_editStale; }
    QString editFile() const { return m_editFile; }
    QString bannerText() const; // the "Rendering preview…" banner; empty when hidden
    void setPreviewDelay(int ms) { m_debounce.setInterval(ms); } // default 1000

public Q_SLOTS:
    void setSource(const QUrl& localFile, bool autoplay = false); // a clip: Source mode
    void showCurrentEdit();
    void setEditStale(); // the draft changed
    void setEditPreview(const QString& localPath, int draftVersion);
    void setEditProgress(int percent);
    void setEditFailed(const QString& message);
    void togglePlay();
    void play();
    void pause();
    void stop();
    void seek(qint64 ms); // remembered until a file is loaded
    void stepFrames(int frames);

Q_SIGNALS:
    void playbackError(const QString& message);
    void positionChanged(qint64 ms); // playback position of the loaded file
    void editPreviewRequested();     // render the current draft (EditorSession::requestPreview)
    void modeChanged(cw::PreviewPane::Mode mode);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    void ensurePlayer();
    void load(const QUrl& file, bool autoplay);
    void unload();
    void setMode(Mode mode);
    void requestEditPreview();
    void updateControls();
    void updateTime(qint64 ms);
    void showBanner(const QString& text);

    QStackedLayout* m_stack;
    QLabel* m_placeholder;
    QLabel* m_banner;
    QComboBox* m_modeBox;
    QLabel* m_title;
    QToolButton* m_play;
    QToolButton* m_back;
    QToolButton* m_forward;
    QSlider* m_slider;
    QLabel* m_time;
    QVideoWidget* m_video = nullptr;
    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_audio = nullptr;
    QUrl m_source;
    QUrl m_clip; // the last source clip, to go back to from "Current edit"
    Mode m_mode = Mode::Source;
    double m_fps = 30;
    double m_defaultFps = 30;
    qint64 m_wanted = -1; // a seek asked for before the file was ready
    bool m_editStale = true;
    bool m_editRequested = false; // a render was asked for and has not answered yet
    bool m_playWhenReady = false;
    QString m_editFile;
    int m_editVersion = -1;
    QTimer m_debounce;
};

} // namespace cw

Q_DECLARE_METATYPE(cw::PreviewPane::Mode)
