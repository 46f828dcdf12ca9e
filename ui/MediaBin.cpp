// See MediaBin.h.
#include "MediaBin.h"

#include "Icons.h"
#include "MediaTypes.h"
#include "TimelineMediaCache.h"

#include <QDir>
#include <QDirIterator>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

namespace cw {

namespace {

bool hasLocalFiles(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls())
        return false;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            return true;
    }
    return false;
}

// The poster fitted into the icon box on black, so all clips line up.
QImage posterIcon(const QImage& poster, const QSize& box, qreal dpr)
{
    QImage out(box * dpr, QImage::Format_RGB32);
    out.setDevicePixelRatio(dpr);
    out.fill(Qt::black);
    const QImage scaled = poster.scaled(box * dpr, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter p(&out);
    p.drawImage(QPointF((out.width() - scaled.width()) / 2.0 / dpr,
                        (out.height() - scaled.height()) / 2.0 / dpr),
                scaled);
    return out;
}

QImage waveformIcon(const TimelineMediaCache::Waveform& wave, qint64 durationMs, const QSize& box,
                    qreal dpr, const QColor& ink)
{
    QImage out(box * dpr, QImage::Format_ARGB32_Premultiplied);
    out.setDevicePixelRatio(dpr);
    out.fill(Qt::transparent);
    QPainter p(&out);
    p.setPen(QPen(ink, 1));
    const qint64 total = durationMs > 0
                             ? durationMs
                             : qint64(double(wave.peaks.size()) * 1000.0 / wave.peaksPerSecond);
    const double mid = box.height() / 2.0;
    for (int x = 0; x < box.width(); ++x) {
        const float peak = wave.peakBetween(total * x / box.width(), total * (x + 1) / box.width());
        const double half =
            std::max(0.5, TimelineMediaCache::Waveform::displayLevel(double(peak)) * (mid - 1));
        p.drawLine(QPointF(x + 0.5, mid - half), QPointF(x + 0.5, mid + half));
    }
    return out;
}

} // namespace

QString formatDuration(qint64 ms)
{
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

MediaBin::MediaBin(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("mediaBin"));
    setAccessibleName(tr("Media bin"));
    setAcceptDrops(true);

    m_dropLabel = new QLabel(tr("Drop video, audio or image files or folders here"), this);
    m_dropLabel->setObjectName(QStringLiteral("dropLabel"));
    m_dropLabel->setAlignment(Qt::AlignCenter);
    m_dropLabel->setWordWrap(true);
    m_dropLabel->setMinimumHeight(64);
    m_dropLabel->setFrameShape(QFrame::StyledPanel);
    m_dropLabel->setForegroundRole(QPalette::PlaceholderText);

    m_rejectLabel = new QLabel(this);
    m_rejectLabel->setObjectName(QStringLiteral("mediaRejected"));
    m_rejectLabel->setWordWrap(true);
    m_rejectLabel->setTextFormat(Qt::PlainText);
    m_rejectLabel->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_rejectLabel->hide();

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("mediaList"));
    m_list->setAccessibleName(tr("Clips"));
    m_list->setIconSize(kThumbnailSize);
    m_list->setWordWrap(true);

    m_addButton = new QPushButton(icon(QStringLiteral("add")), tr("Add media…"), this);
    m_addButton->setObjectName(QStringLiteral("addMediaButton"));
    m_addButton->setAccessibleName(tr("Add media"));
    m_addButton->setToolTip(tr("Add video, audio or image files (Ctrl+O)"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_dropLabel);
    layout->addWidget(m_rejectLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_addButton);

    connect(m_addButton, &QPushButton::clicked, this, &MediaBin::addMediaRequested);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT clipActivated(item->data(FileNameRole).toString());
    });
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT clipActivated(item->data(FileNameRole).toString());
    });
}

QString MediaBin::rejectionText() const
{
    return m_rejectLabel->isHidden() ? QString() : m_rejectLabel->text();
}

int MediaBin::clipCount() const
{
    return m_list->count();
}

void MediaBin::setMediaCache(TimelineMediaCache* cache)
{
    if (m_cache)
        disconnect(m_cache, nullptr, this, nullptr);
    m_cache = cache;
    if (!cache)
        return;
    connect(cache, &TimelineMediaCache::changed, this, [this](const QString& mediaId) {
        if (QListWidgetItem* item = itemFor(m_cache->mediaItem(mediaId).fileName, false))
            refreshVisual(item);
    });
    for (int i = 0; i < m_list->count(); ++i)
        refreshVisual(m_list->item(i));
}

void MediaBin::refreshVisual(QListWidgetItem* item)
{
    if (!m_cache || !item)
        return;
    const QString id = m_cache->mediaIdForFileName(item->data(FileNameRole).toString());
    if (id.isEmpty())
        return;
    const MediaItem media = m_cache->mediaItem(id);
    const qreal dpr = devicePixelRatioF();
    QImage shown;
    const QImage poster = m_cache->poster(id);
    if (!poster.isNull()) {
        shown = posterIcon(poster, kThumbnailSize, dpr);
    } else if (media.kind == QLatin1String("audio")) {
        if (const TimelineMediaCache::Waveform* wave = m_cache->waveform(id))
            shown = waveformIcon(*wave, media.durationMs, kThumbnailSize, dpr,
                                 palette().color(QPalette::Text));
    }
    if (shown.isNull())
        return;
    item->setData(ThumbnailRole, shown);
    item->setIcon(QIcon(QPixmap::fromImage(shown)));
}

void MediaBin::offerPaths(const QStringList& paths)
{
    QStringList accepted;
    QStringList reasons;
    auto consider = [&](const QFileInfo& info) {
        if (!isAcceptedFileName(info.fileName()))
            reasons << tr("%1: not a supported video, audio or image file").arg(info.fileName());
        else if (info.size() > kMaxUploadBytes)
            reasons << tr("%1: larger than %2 MiB").arg(info.fileName()).arg(kMaxUploadBytes >> 20);
        else
            accepted << info.absoluteFilePath();
    };
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            const int before = int(accepted.size());
            QDirIterator it(path, QDir::Files | QDir::Readable, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QFileInfo file(it.next());
                if (isAcceptedFileName(file.fileName()))
                    consider(file);
            }
            if (accepted.size() == before)
                reasons << tr("%1: the folder has no media files").arg(info.fileName());
        } else if (!info.exists()) {
            reasons << tr("%1: file not found").arg(info.fileName());
        } else {
            consider(info);
        }
    }
    accepted.sort();
    for (const QString& path : qAsConst(accepted))
        m_localPaths.insert(QFileInfo(path).fileName(), path);

    m_rejectLabel->setText(reasons.join(QLatin1Char('\n')));
    m_rejectLabel->setVisible(!reasons.isEmpty());
    if (!reasons.isEmpty())
        Q_EMIT filesRejected(reasons);
    if (!accepted.isEmpty())
        Q_EMIT filesAccepted(accepted);
}

QListWidgetItem* MediaBin::itemFor(const QString& fileName, bool create)
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(FileNameRole).toString() == fileName)
            return m_list->item(i);
    }
    if (!create)
        return nullptr;
    auto* item = new QListWidgetItem(m_list);
    item->setData(FileNameRole, fileName);
    item->setData(StateRole, Uploading);
    item->setData(ProgressRole, 0);
    const QString kind = mediaKindForFileName(fileName);
    item->setIcon(icon(kind == QLatin1String("audio") ? QStringLiteral("track-audio")
                                                      : QStringLiteral("track-video")));
    return item;
}

void MediaBin::refreshItem(QListWidgetItem* item)
{
    const QString name = item->data(FileNameRole).toString();
    QString detail;
    switch (item->data(StateRole).toInt()) {
    case Uploading:
        detail = tr("Uploading… %1%").arg(item->data(ProgressRole).toInt());
        break;
    case Ready:
        detail = formatDuration(item->data(DurationRole).toLongLong());
        break;
    case Failed:
        detail = tr("Upload failed: %1").arg(item->toolTip());
        break;
    }
    item->setText(name + QLatin1Char('\n') + detail);
    item->setData(Qt::AccessibleTextRole, QString(name + QStringLiteral(", ") + detail));
}

void MediaBin::uploadStarted(const QString& fileName)
{
    QListWidgetItem* item = itemFor(fileName, true);
    item->setData(StateRole, Uploading);
    item->setData(ProgressRole, 0);
    refreshItem(item);
}

void MediaBin::uploadProgress(const QString& fileName, qint64 sent, qint64 total)
{
    QListWidgetItem* item = itemFor(fileName, true);
    const int percent = total > 0 ? int(std::min<qint64>(100, sent * 100 / total)) : 0;
    item->setData(StateRole, Uploading);
    item->setData(ProgressRole, percent);
    refreshItem(item);
}

void MediaBin::uploadFinished(const MediaItem& media)
{
    QListWidgetItem* item = itemFor(media.fileName, true);
    item->setData(StateRole, Ready);
    item->setData(ProgressRole, 100);
    item->setData(DurationRole, media.durationMs);
    item->setToolTip(media.width > 0
                         ? tr("%1 × %2, %3 fps").arg(media.width).arg(media.height).arg(media.fps)
                         : media.kind);
    refreshItem(item);
    refreshVisual(item);
}

void MediaBin::uploadFailed(const QString& fileName, const QString& message)
{
    QListWidgetItem* item = itemFor(fileName, true);
    item->setData(StateRole, Failed);
    item->setToolTip(message);
    refreshItem(item);
}

void MediaBin::setMedia(const QList<MediaItem>& media)
{
    for (const MediaItem& m : media) {
        QListWidgetItem* item = itemFor(m.fileName, false);
        if (!item || item->data(StateRole).toInt() != Ready)
            uploadFinished(m);
    }
}

void MediaBin::setDropHighlighted(bool on)
{
    m_dropLabel->setForegroundRole(on ? QPalette::Highlight : QPalette::PlaceholderText);
    m_dropLabel->setFrameShadow(on ? QFrame::Sunken : QFrame::Plain);
}

void MediaBin::dragEnterEvent(QDragEnterEvent* event)
{
    if (hasLocalFiles(event->mimeData())) {
        event->acceptProposedAction();
        setDropHighlighted(true);
    } else {
        event->ignore();
    }
}

void MediaBin::dragMoveEvent(QDragMoveEvent* event)
{
    if (hasLocalFiles(event->mimeData()))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MediaBin::dragLeaveEvent(QDragLeaveEvent* event)
{
    setDropHighlighted(false);
    QWidget::dragLeaveEvent(event);
}

QStringList MediaBin::localFiles(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    return paths;
}

void MediaBin::dropEvent(QDropEvent* event)
{
    setDropHighlighted(false);
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    offerPaths(paths);
}

} // namespace cw
