// The viewer's picture: one painted surface for both the engine's still of the edit (a JPEG
// decoded to an image) and the player's video frames (from a QVideoSink). Frames are painted
// here rather than through QVideoWidget because QVideoWidget is a native child window: a
// still could not sit on top of it, swapping still and video would flash, and QWidget::grab()
// (tests, screenshots) would not see the video. The picture keeps its aspect, pillar- or
// letter-boxed on black, so a vertical project shows a vertical frame. With no picture the
// canvas shows a placeholder sentence instead.
#pragma once

#include <QImage>
#include <QVideoFrame>
#include <QWidget>

namespace cw {

class ViewerCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Picture { None, Still, Video };

    explicit ViewerCanvas(QWidget* parent = nullptr);

    Picture picture() const { return m_picture; }
    QImage image() const;                      // what is shown, unscaled; null for None
    qint64 timeMs() const { return m_timeMs; } // where the shown picture is on its timeline
    QRect pictureRect() const;                 // where the picture is painted, in widget pixels
    QString placeholderText() const { return m_placeholder; }

    void setStill(const QImage& image, qint64 atMs);
    // Converted when painted, not per frame received; offsetMs: where the file starts on the
    // timeline (a preview's window).
    void setFrame(const QVideoFrame& frame, qint64 offsetMs = 0);
    void clear();
    void setPlaceholderText(const QString& text);
    void setPlaying(bool playing); // fast scaling while frames stream in

    QSize sizeHint() const override { return {640, 360}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

Q_SIGNALS:
    void pictureChanged(); // a new still or video frame is shown (not emitted by clear())

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage currentImage() const; // converts the pending video frame once

    Picture m_picture = Picture::None;
    mutable QImage m_image;
    mutable QVideoFrame m_frame; // not converted yet
    qint64 m_timeMs = -1;
    QString m_placeholder;
    bool m_playing = false;
};

} // namespace cw
