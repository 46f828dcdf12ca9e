// Plays one local file: a clip the user dropped or the finished export. The player and the
// video widget are created on first use, so windows that never preview (and tests) do not
// start a media backend. Audio output is attached only when the machine has an audio
// device: Qt 6.4's FFmpeg backend crashes with a QAudioOutput and no device (PLATFORM.md).
#pragma once

#include <QUrl>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QStackedLayout;
class QToolButton;
class QVideoWidget;

namespace cw {

class PreviewPane : public QWidget {
    Q_OBJECT
public:
    explicit PreviewPane(QWidget* parent = nullptr);

    QUrl source() const { return m_source; }
    QMediaPlayer* player() const { return m_player; } // null until the first setSource

public Q_SLOTS:
    void setSource(const QUrl& localFile, bool autoplay = false);
    void togglePlay();
    void stop();
    void seek(qint64 ms); // no-op before a source is set

Q_SIGNALS:
    void playbackError(const QString& message);
    void positionChanged(qint64 ms); // playback position of the current source

private:
    void ensurePlayer();
    void updateButton();

    QStackedLayout* m_stack;
    QLabel* m_placeholder;
    QLabel* m_title;
    QToolButton* m_play;
    QVideoWidget* m_video = nullptr;
    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_audio = nullptr;
    QUrl m_source;
};

} // namespace cw
