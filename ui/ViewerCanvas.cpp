// See ViewerCanvas.h. Smooth scaling only while the picture stands still: during playback a
// fast transform keeps a large (4K) viewer cheap enough for every frame.
#include "ViewerCanvas.h"

#include <QPainter>

namespace cw {

ViewerCanvas::ViewerCanvas(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("viewerCanvas"));
    setAccessibleName(tr("Viewer"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QImage ViewerCanvas::currentImage() const
{
    if (m_frame.isValid()) {
        m_image = m_frame.toImage();
        m_frame = QVideoFrame();
    }
    return m_image;
}

QImage ViewerCanvas::image() const
{
    return m_picture == Picture::None ? QImage() : currentImage();
}

void ViewerCanvas::setStill(const QImage& image, qint64 atMs)
{
    if (image.isNull())
        return;
    m_frame = QVideoFrame();
    m_image = image;
    m_timeMs = atMs;
    m_picture = Picture::Still;
    update();
    Q_EMIT pictureChanged();
}

void ViewerCanvas::setFrame(const QVideoFrame& frame, qint64 offsetMs)
{
    if (!frame.isValid())
        return;
    m_frame = frame;
    m_timeMs = frame.startTime() >= 0 ? frame.startTime() / 1000 + offsetMs : -1;
    m_picture = Picture::Video;
    update();
    Q_EMIT pictureChanged();
}

void ViewerCanvas::clear()
{
    m_frame = QVideoFrame();
    m_image = QImage();
    m_timeMs = -1;
    m_picture = Picture::None;
    update();
}

void ViewerCanvas::setPlaceholderText(const QString& text)
{
    m_placeholder = text;
    setAccessibleDescription(text);
    update();
}

void ViewerCanvas::setPlaying(bool playing)
{
    m_playing = playing;
    update();
}

QRect ViewerCanvas::pictureRect() const
{
    const QImage shown = image();
    if (shown.isNull())
        return {};
    QSize size = shown.size();
    size.scale(this->size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void ViewerCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    const QImage shown = image();
    if (shown.isNull()) {
        p.fillRect(rect(), palette().color(QPalette::Window));
        p.setPen(palette().color(QPalette::Mid));
        p.drawRect(rect().adjusted(0, 0, -1, -1));
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap,
                   m_placeholder);
        return;
    }
    p.fillRect(rect(), Qt::black);
    p.setRenderHint(QPainter::SmoothPixmapTransform, !m_playing);
    p.drawImage(pictureRect(), shown);
}

} // namespace cw
