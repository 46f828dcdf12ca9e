// Playback for the viewer: a QMediaPlayer feeding a QVideoSink, created on first use so
// windows that never play anything start no media backend. Audio output is attached only
// when the machine has an audio device (Qt 6.4's FFmpeg backend crashes with a QAudioOutput
// and none, PLATFORM.md).
//
// Qt 6.4 delivers no video frame while paused, neither after loading nor after a seek, so a
// paused seek "peeks": it plays muted until the frame at the target arrives, then pauses
// there again. Seeks asked for before the file is loaded are kept and applied on load.
// Frames are re-emitted on the GUI thread (the sink emits from the decoder's thread).
// A file may stand for a later part of a longer timeline (a preview's window): loaded with
// an offset, every time in and out of this class is timeline time, the file's plus offset.
#pragma once

#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QVideoFrame>

class QAudioOutput;
class QMediaPlayer;
class QVideoSink;

namespace cw {

class PreviewPlayer : public QObject {
    Q_OBJECT
public:
    explicit PreviewPlayer(QObject* parent = nullptr);

    QMediaPlayer* player() const { return m_player; } // null until the first load
    QUrl source() const { return m_source; }
    bool hasSource() const { return m_player && !m_source.isEmpty(); }
    bool isPlaying() const;  // false while peeking
    qint64 position() const; // a pending or peeking seek's target wins
    qint64 duration() const; // where the file ends (offset included)
    qint64 offset() const { return m_offset; }
    double frameRate() const { return m_fps; }
    void setDefaultFrameRate(double fps); // until the file's own rate is known
    double rate() const { return m_rate; }
    void setRate(double rate);

    // at: where to start (-1: the beginning); paused loads show the frame there. offset: the
    // time of the file's first frame.
    void load(const QUrl& file, qint64 at, bool play, qint64 offset = 0);
    void unload();
    void play();
    void pause();
    void stop();
    void seek(qint64 ms);

Q_SIGNALS:
    void frameChanged(const QVideoFrame& frame);
    void positionChanged(qint64 ms);
    void durationChanged(qint64 ms);
    void playingChanged(bool playing);
    void loaded();   // the file is open: duration and frame rate are known
    void finished(); // played to the end
    void errorOccurred(const QString& message);

private:
    void ensurePlayer();
    void peek(qint64 ms);
    void endPeek();
    void onFrame(const QVideoFrame& frame);

    QMediaPlayer* m_player = nullptr;
    QVideoSink* m_sink = nullptr;
    QAudioOutput* m_audio = nullptr;
    QUrl m_source;
    qint64 m_offset = 0;
    double m_fps = 30;
    double m_defaultFps = 30;
    double m_rate = 1;
    qint64 m_wanted = -1; // a seek waiting for the file to load
    bool m_playWhenLoaded = false;
    bool m_loading = false; // between load() and the new file's first loaded status
    qint64 m_peekAt = -1;   // peeking: the frame wanted
    bool m_wasMuted = false;
    QTimer m_peekGuard; // a peek that finds no frame (end of file) gives up
};

} // namespace cw
