// MediaBin: real drag-and-drop events with file URLs, folders, refusals with a reason before
// any upload (types via core's isAcceptedFileName, the 500 MiB limit, missing files), and the
// upload progress shown per clip. With a TimelineMediaCache: the poster frame (or, for audio,
// a waveform glyph) becomes the clip's icon, whichever arrives first (upload or visual);
// broken JPEG bytes change nothing.
#include "MediaBin.h"
#include "MediaItem.h"
#include "TimelineMediaCache.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

class TstMediaBin : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void drop_data();
    void drop();
    void dragEnterRefusesNonFiles();
    void oversizedFileRefused();
    void addButtonAsks();
    void uploadProgressShown();
    void thumbnailShown_data();
    void thumbnailShown();
    void brokenThumbnailIgnored();

private:
    bool touch(const QString& relative, const QByteArray& content = "x");
    bool dragAndDrop(MediaBin* bin, const QList<QUrl>& urls);
    QTemporaryDir m_dir;
};

bool TstMediaBin::touch(const QString& relative, const QByteArray& content)
{
    const QString path = m_dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

void TstMediaBin::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(touch(QStringLiteral("clip.mp4")));
    QVERIFY(touch(QStringLiteral("Voice Over.WAV")));
    QVERIFY(touch(QStringLiteral("notes.txt")));
    QVERIFY(touch(QStringLiteral("movie.mp4.exe")));
    QVERIFY(touch(QStringLiteral("noextension")));
    QVERIFY(touch(QStringLiteral("shoot/a.mov")));
    QVERIFY(touch(QStringLiteral("shoot/b.doc")));
    QVERIFY(touch(QStringLiteral("shoot/deeper/c.png")));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("empty")));
}

bool TstMediaBin::dragAndDrop(MediaBin* bin, const QList<QUrl>& urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint pos = bin->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bin, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bin, &drop);
    return drop.isAccepted();
}

void TstMediaBin::drop_data()
{
    QTest::addColumn<QStringList>("dropped");  // relative to the temp dir
    QTest::addColumn<QStringList>("accepted"); // file names forwarded for upload
    QTest::addColumn<QStringList>("refused");  // names that must appear in the reason
    QTest::newRow("one clip") << QStringList{"clip.mp4"} << QStringList{"clip.mp4"}
                              << QStringList{};
    QTest::newRow("upper-case extension")
        << QStringList{"Voice Over.WAV"} << QStringList{"Voice Over.WAV"} << QStringList{};
    QTest::newRow("text file refused")
        << QStringList{"notes.txt"} << QStringList{} << QStringList{"notes.txt"};
    QTest::newRow("mixed") << QStringList{"clip.mp4", "notes.txt", "movie.mp4.exe", "noextension"}
                           << QStringList{"clip.mp4"}
                           << QStringList{"notes.txt", "movie.mp4.exe", "noextension"};
    QTest::newRow("folder recursive")
        << QStringList{"shoot"} << QStringList{"a.mov", "c.png"} << QStringList{};
    QTest::newRow("empty folder") << QStringList{"empty"} << QStringList{} << QStringList{"empty"};
    QTest::newRow("missing file") << QStringList{"gone.mp4"} << QStringList{}
                                  << QStringList{"gone.mp4"};
}

void TstMediaBin::drop()
{
    QFETCH(QStringList, dropped);
    QFETCH(QStringList, accepted);
    QFETCH(QStringList, refused);
    MediaBin bin;
    QCOMPARE(bin.objectName(), QStringLiteral("mediaBin"));
    QVERIFY(bin.acceptDrops());
    bin.resize(300, 400);
    QSignalSpy acceptedSpy(&bin, &MediaBin::filesAccepted);
    QSignalSpy refusedSpy(&bin, &MediaBin::filesRejected);
    QList<QUrl> urls;
    for (const QString& name : dropped)
        urls << QUrl::fromLocalFile(m_dir.filePath(name));
    QVERIFY(dragAndDrop(&bin, urls));

    if (accepted.isEmpty()) {
        QCOMPARE(acceptedSpy.count(), 0);
    } else {
        QCOMPARE(acceptedSpy.count(), 1);
        const QStringList paths = acceptedSpy.at(0).at(0).toStringList();
        QStringList names;
        for (const QString& path : paths) {
            QVERIFY2(QFileInfo(path).isAbsolute() && QFileInfo::exists(path), qPrintable(path));
            names << QFileInfo(path).fileName();
            QCOMPARE(bin.localPath(QFileInfo(path).fileName()), path);
        }
        QCOMPARE(names, accepted);
    }
    if (refused.isEmpty()) {
        QCOMPARE(refusedSpy.count(), 0);
        QVERIFY(bin.rejectionText().isEmpty());
    } else {
        // The refusal comes before (and without) any upload request for those files.
        QCOMPARE(refusedSpy.count(), 1);
        const QStringList reasons = refusedSpy.at(0).at(0).toStringList();
        QCOMPARE(reasons.size(), refused.size());
        for (const QString& name : refused) {
            QVERIFY2(bin.rejectionText().contains(name), qPrintable(bin.rejectionText()));
            QVERIFY(!bin.localPath(name).size());
        }
        QVERIFY(bin.findChild<QLabel*>(QStringLiteral("mediaRejected"))->isVisibleTo(&bin));
    }
}

void TstMediaBin::dragEnterRefusesNonFiles()
{
    MediaBin bin;
    QSignalSpy acceptedSpy(&bin, &MediaBin::filesAccepted);
    QVERIFY(!dragAndDrop(&bin, {QUrl(QStringLiteral("https://example.com/clip.mp4"))}));
    QMimeData text;
    text.setText(QStringLiteral("/tmp/clip.mp4"));
    QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&bin, &enter);
    QVERIFY(!enter.isAccepted());
    QCOMPARE(acceptedSpy.count(), 0);
}

void TstMediaBin::oversizedFileRefused()
{
    // A sparse file just over the 500 MiB limit costs no disk space.
    const QString path = m_dir.filePath(QStringLiteral("huge.mp4"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(500LL * 1024 * 1024 + 1));
    file.close();
    MediaBin bin;
    QSignalSpy acceptedSpy(&bin, &MediaBin::filesAccepted);
    QSignalSpy refusedSpy(&bin, &MediaBin::filesRejected);
    QVERIFY(dragAndDrop(
        &bin, {QUrl::fromLocalFile(path), QUrl::fromLocalFile(m_dir.filePath("clip.mp4"))}));
    QCOMPARE(refusedSpy.count(), 1);
    QVERIFY(bin.rejectionText().contains(QStringLiteral("huge.mp4")));
    QVERIFY(bin.rejectionText().contains(QStringLiteral("500")));
    QCOMPARE(acceptedSpy.count(), 1);
    QCOMPARE(acceptedSpy.at(0).at(0).toStringList().size(), 1);
    QFile::remove(path);
}

void TstMediaBin::addButtonAsks()
{
    MediaBin bin;
    auto* button = bin.findChild<QPushButton*>(QStringLiteral("addMediaButton"));
    QVERIFY(button);
    QSignalSpy spy(&bin, &MediaBin::addMediaRequested);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
}

void TstMediaBin::uploadProgressShown()
{
    MediaBin bin;
    QListWidget* list = bin.list();
    bin.uploadStarted(QStringLiteral("clip.mp4"));
    QCOMPARE(bin.clipCount(), 1);
    QCOMPARE(list->item(0)->data(MediaBin::StateRole).toInt(), int(MediaBin::Uploading));
    bin.uploadProgress(QStringLiteral("clip.mp4"), 50, 200);
    QCOMPARE(list->item(0)->data(MediaBin::ProgressRole).toInt(), 25);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("25%")));
    bin.uploadProgress(QStringLiteral("clip.mp4"), 10, 0); // unknown total: no division
    QCOMPARE(list->item(0)->data(MediaBin::ProgressRole).toInt(), 0);

    MediaItem item;
    item.id = QStringLiteral("m1");
    item.fileName = QStringLiteral("clip.mp4");
    item.kind = QStringLiteral("video");
    item.durationMs = 17500;
    item.width = 1280;
    item.height = 720;
    item.fps = 30;
    bin.uploadFinished(item);
    QCOMPARE(bin.clipCount(), 1);
    QCOMPARE(list->item(0)->data(MediaBin::StateRole).toInt(), int(MediaBin::Ready));
    QVERIFY2(list->item(0)->text().contains(QStringLiteral("0:18")),
             qPrintable(list->item(0)->text()));

    bin.uploadStarted(QStringLiteral("bad.mp4"));
    bin.uploadFailed(QStringLiteral("bad.mp4"), QStringLiteral("Unsupported file"));
    QCOMPARE(bin.clipCount(), 2);
    QCOMPARE(list->item(1)->data(MediaBin::StateRole).toInt(), int(MediaBin::Failed));
    QVERIFY(list->item(1)->text().contains(QStringLiteral("Unsupported file")));

    bin.setMedia({item}); // a state refresh does not duplicate a clip
    QCOMPARE(bin.clipCount(), 2);
}

namespace {

QImage gradientFrame()
{
    QImage image(160, 90, QImage::Format_RGB32);
    QPainter p(&image);
    QLinearGradient g(0, 0, 160, 90);
    g.setColorAt(0, Qt::red);
    g.setColorAt(0.5, Qt::green);
    g.setColorAt(1, Qt::blue);
    p.fillRect(image.rect(), g);
    return image;
}

int distinctColours(const QImage& image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

void TstMediaBin::thumbnailShown_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("visualFirst"); // the visual arrives before the upload finishes
    QTest::addColumn<int>("minColours");
    QTest::newRow("video") << "video" << false << 100;
    QTest::newRow("video, frame first") << "video" << true << 100;
    QTest::newRow("audio waveform") << "audio" << false << 2;
    QTest::newRow("audio, waveform first") << "audio" << true << 2;
}

void TstMediaBin::thumbnailShown()
{
    QFETCH(QString, kind);
    QFETCH(bool, visualFirst);
    QFETCH(int, minColours);
    MediaBin bin;
    TimelineMediaCache cache;
    bin.setMediaCache(&cache);
    MediaItem item;
    item.id = QStringLiteral("m1");
    item.fileName =
        kind == QLatin1String("audio") ? QStringLiteral("voice.wav") : QStringLiteral("clip.mp4");
    item.kind = kind;
    item.durationMs = 4000;
    const auto feed = [&] {
        if (kind == QLatin1String("audio")) {
            QVector<float> peaks;
            for (int i = 0; i < 200; ++i)
                peaks << ((i / 25) % 2 ? 0.02f : 0.9f);
            cache.addWaveform(item.id, 50, peaks);
        } else {
            cache.addThumbnailImage(item.id, TimelineMediaCache::kPosterMs, gradientFrame());
        }
    };
    cache.setMedia({item});
    bin.uploadStarted(item.fileName);
    QListWidgetItem* row = bin.list()->item(0);
    QVERIFY(row->data(MediaBin::ThumbnailRole).value<QImage>().isNull());
    if (visualFirst)
        feed();
    bin.uploadFinished(item);
    if (!visualFirst)
        feed();
    const QImage shown = row->data(MediaBin::ThumbnailRole).value<QImage>();
    QVERIFY(!shown.isNull());
    QVERIFY2(distinctColours(shown) >= minColours,
             qPrintable(QString::number(distinctColours(shown))));
    QCOMPARE(shown.size() / shown.devicePixelRatio(), MediaBin::kThumbnailSize);
    QVERIFY(row->text().contains(QStringLiteral("0:04")));
}

void TstMediaBin::brokenThumbnailIgnored()
{
    MediaBin bin;
    TimelineMediaCache cache;
    bin.setMediaCache(&cache);
    MediaItem item;
    item.id = QStringLiteral("m2");
    item.fileName = QStringLiteral("clip.mp4");
    item.kind = QStringLiteral("video");
    cache.setMedia({item});
    bin.uploadFinished(item);
    QSignalSpy changed(&cache, &TimelineMediaCache::changed);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("Unsupported marker type"));
    cache.addThumbnail(item.id, -1, QByteArray("\xFF\xD8\xFFnot really a jpeg"));
    cache.addThumbnail(item.id, -1, QByteArray());
    QCOMPARE(changed.count(), 0);
    QVERIFY(bin.list()->item(0)->data(MediaBin::ThumbnailRole).value<QImage>().isNull());
    QVERIFY(cache.poster(item.id).isNull());
}

QTEST_MAIN(TstMediaBin)
#include "tst_mediabin.moc"
