// The media column: a drop area for files and folders, an "Add media…" button and the list of
// clips with name, duration and upload progress. Dropped paths are checked against core's
// accepted types (and the size limit) before anything is uploaded; refused files are named
// with a reason at once. It remembers where each dropped file lives so the preview can play
// it locally (the engine's copy is behind a bearer token QMediaPlayer cannot send).
// With a TimelineMediaCache each clip shows a poster frame (video, image) or a waveform glyph
// (audio) once the engine has sent it; until then its type icon.
#pragma once

#include "MediaItem.h"

#include <QHash>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QMimeData;
class QPushButton;

namespace cw {

class TimelineMediaCache;

class MediaBin : public QWidget {
    Q_OBJECT
public:
    enum Role {
        FileNameRole = Qt::UserRole + 1,
        ProgressRole,
        DurationRole,
        StateRole,
        ThumbnailRole, // QImage: the poster or waveform glyph shown as the icon
    };
    static constexpr QSize kThumbnailSize{64, 36};
    enum State { Uploading, Ready, Failed };

    explicit MediaBin(QWidget* parent = nullptr);

    QPushButton* addButton() const { return m_addButton; }
    QListWidget* list() const { return m_list; }
    QString rejectionText() const; // the last refusal shown, empty if none
    QString localPath(const QString& fileName) const { return m_localPaths.value(fileName); }
    int clipCount() const;
    void setMediaCache(TimelineMediaCache* cache); // not owned

    // Splits paths (files or folders) into accepted files and refusal reasons, and emits
    // filesAccepted / filesRejected. Used by drops and by the add dialog.
    void offerPaths(const QStringList& paths);
    // The local files of a drag (empty: not a file drop). The window takes drops anywhere.
    static QStringList localFiles(const QMimeData* mime);
    void setDropHighlighted(bool on); // the drop label shows a drag over the window

public Q_SLOTS:
    void uploadStarted(const QString& fileName);
    void uploadProgress(const QString& fileName, qint64 sent, qint64 total);
    void uploadFinished(const cw::MediaItem& item);
    void uploadFailed(const QString& fileName, const QString& message);
    void setMedia(const QList<cw::MediaItem>& media);

Q_SIGNALS:
    void filesAccepted(const QStringList& paths);
    void filesRejected(const QStringList& reasons);
    void addMediaRequested();
    void clipActivated(const QString& fileName);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    QListWidgetItem* itemFor(const QString& fileName, bool create);
    void refreshItem(QListWidgetItem* item);
    void refreshVisual(QListWidgetItem* item);

    QLabel* m_dropLabel;
    QLabel* m_rejectLabel;
    QListWidget* m_list;
    QPushButton* m_addButton;
    QHash<QString, QString> m_localPaths; // file name -> local path
    QPointer<TimelineMediaCache> m_cache;
};

QString formatDuration(qint64 ms); // "0:17", "1:02:03"

} // namespace cw
