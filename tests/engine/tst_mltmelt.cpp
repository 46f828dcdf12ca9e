// The MLT hand-off file rendered by Debian's `melt` must give the same edit as Clipwright's
// own render (RenderGraph + FfmpegRunner) of the same draft. The source clip carries its
// frame number in its brightness (luma 20 + N, flat frames survive compression), so the
// brightness of every output frame says which source frame it shows: the cuts are checked
// frame by frame (±1 frame: melt's avformat seek may land one frame early), gaps must be
// black, durations must match the draft, and the music must be as loud as in the engine's
// render where the video track has a gap.
// Fades: the whole video's and a clip's, as melt plays them. Skipped only when melt is not
// installed.
#include "DraftBuilder.h"
#include "TestMedia.h"

#include "Interchange.h"
#include "render/FfmpegRunner.h"
#include "render/RenderGraph.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace cw;
using cw::test::seg;
using cw::test::track;

namespace {

struct Cut {
    qint64 st, in, d;
};

// Mean luma of every video frame, in order.
QList<double> lumaPerFrame(const QString& file)
{
    QProcess p;
    p.start(QStringLiteral("ffprobe"),
            {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"),
             QStringLiteral("lavfi"), QStringLiteral("-i"),
             QStringLiteral("movie=%1,signalstats").arg(file), QStringLiteral("-show_entries"),
             QStringLiteral("frame_tags=lavfi.signalstats.YAVG"), QStringLiteral("-of"),
             QStringLiteral("csv=p=0")});
    p.waitForFinished(60000);
    QList<double> out;
    const QList<QByteArray> lines = p.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines)
        if (!line.trimmed().isEmpty())
            out << line.trimmed().toDouble();
    return out;
}

double durationOf(const QString& file)
{
    return cw::test::probe(file).value("format").toObject().value("duration").toString().toDouble();
}

// Mean volume (dB) of the audio between from and to seconds.
double meanVolume(const QString& file, double from, double to)
{
    QProcess p;
    p.start(QStringLiteral("ffmpeg"),
            {QStringLiteral("-hide_banner"), QStringLiteral("-nostats"), QStringLiteral("-i"), file,
             QStringLiteral("-af"), QStringLiteral("atrim=%1:%2,volumedetect").arg(from).arg(to),
             QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
    p.waitForFinished(60000);
    static const QRegularExpression rx(QStringLiteral("mean_volume: (-?[0-9.]+) dB"));
    const QRegularExpressionMatch m = rx.match(QString::fromUtf8(p.readAllStandardError()));
    return m.hasMatch() ? m.captured(1).toDouble() : -999.0;
}

// Checks every frame against the cuts; returns a description of the first mismatch.
QString checkFrames(const QList<double>& luma, const QList<Cut>& cuts, int fps, qint64 totalMs)
{
    const qint64 totalFrames = totalMs * fps / 1000;
    if (std::abs(qint64(luma.size()) - totalFrames) > 1)
        return QStringLiteral("%1 frames, want %2").arg(luma.size()).arg(totalFrames);
    for (qsizetype k = 0; k < luma.size(); ++k) {
        const qint64 tMs = k * 1000 / fps;
        const Cut* at = nullptr;
        for (const Cut& c : cuts)
            if (tMs >= c.st && tMs < c.st + c.d)
                at = &c;
        if (!at) {
            if (luma[k] > 19.0)
                return QStringLiteral("frame %1 in a gap has luma %2").arg(k).arg(luma[k]);
            continue;
        }
        const double want = double(at->in + (tMs - at->st)) * fps / 1000.0;
        const double got = luma[k] - 20.0;
        if (std::abs(got - want) > 1.6)
            return QStringLiteral("frame %1 shows source frame %2, want %3")
                .arg(k)
                .arg(got)
                .arg(want);
    }
    return {};
}

// Writes `mlt` to dir/edit.mlt and renders it with melt into dir/melt.mp4; "" + *error on failure.
QString renderWithMelt(const QByteArray& mlt, const QTemporaryDir& dir, QString* error)
{
    const QString mltFile = dir.filePath(QStringLiteral("edit.mlt"));
    QFile f(mltFile);
    if (!f.open(QIODevice::WriteOnly) || f.write(mlt) != mlt.size()) {
        *error = QStringLiteral("cannot write ") + mltFile;
        return {};
    }
    f.close();
    const QString out = dir.filePath(QStringLiteral("melt.mp4"));
    QProcess melt;
    melt.start(QStringLiteral("melt"),
               {QStringLiteral("-quiet"), mltFile, QStringLiteral("-consumer"),
                QStringLiteral("avformat:") + out, QStringLiteral("vcodec=libx264"),
                QStringLiteral("preset=ultrafast"), QStringLiteral("crf=12"),
                QStringLiteral("acodec=aac"), QStringLiteral("real_time=-1")});
    if (!melt.waitForFinished(120000) || melt.exitCode() != 0 || !QFile::exists(out)) {
        *error = QString::fromUtf8(melt.readAllStandardError().right(2000));
        return {};
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(QList<Cut>)

class TstMltMelt : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("melt")).isEmpty())
            QSKIP("melt is not installed (Debian package \"melt\"); the MLT render check needs it");
    }

    void meltMatchesOwnRender_data()
    {
        QTest::addColumn<int>("fps");
        QTest::addColumn<QList<Cut>>("cuts");
        QTest::addColumn<qint64>("musicMs"); // 0: no music track
        QTest::newRow("cuts 30fps")
            << 30 << QList<Cut>{{0, 1000, 1500}, {1500, 2800, 400}, {1900, 3600, 1000}}
            << qint64(0);
        // A later clip reads an earlier part of the source than the one before it.
        QTest::newRow("reordered 30fps")
            << 30 << QList<Cut>{{0, 1000, 1500}, {1500, 4000, 400}, {1900, 2000, 1000}}
            << qint64(0);
        QTest::newRow("gap and music 25fps")
            << 25 << QList<Cut>{{0, 400, 1000}, {1600, 2000, 800}} << qint64(3000);
    }
    void meltMatchesOwnRender()
    {
        QFETCH(int, fps);
        QFETCH(QList<Cut>, cuts);
        QFETCH(qint64, musicMs);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString src = dir.filePath(QStringLiteral("src.mp4"));
        const QString music = dir.filePath(QStringLiteral("music.m4a"));
        QString error;
        QVERIFY2(
            cw::test::runFfmpeg(
                {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("color=c=black:s=320x240:r=%1:d=5,geq=lum='20+N':cb=128:cr=128")
                     .arg(fps),
                 QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                 QStringLiteral("sine=f=440:d=5"), QStringLiteral("-c:v"),
                 QStringLiteral("libx264"), QStringLiteral("-crf"), QStringLiteral("1"),
                 QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-c:a"),
                 QStringLiteral("aac"), QStringLiteral("-shortest"), src},
                &error),
            qPrintable(error));
        QVERIFY2(cw::test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"),
                                      QStringLiteral("-i"), QStringLiteral("sine=f=660:d=6"),
                                      QStringLiteral("-c:a"), QStringLiteral("aac"), music},
                                     &error),
                 qPrintable(error));

        QList<Segment> segs;
        for (const Cut& c : cuts)
            segs << seg(QStringLiteral("s%1").arg(segs.size()), QStringLiteral("m1"), c.st, c.in,
                        c.d);
        QList<Track> tracks{track(QStringLiteral("v1"), 0, segs)};
        if (musicMs > 0)
            tracks << track(QStringLiteral("a1"), 1,
                            {seg(QStringLiteral("bgm"), QStringLiteral("m2"), 0, 0, musicMs,
                                 QJsonObject{{QStringLiteral("vol"), 0.5}})});
        Draft draft = cw::test::draftOf(tracks);
        draft.m = QJsonObject{{QStringLiteral("width"), 320},
                              {QStringLiteral("height"), 240},
                              {QStringLiteral("fps"), fps}};
        const qint64 totalMs = draft.computedDuration();

        // melt's render of the hand-off file
        const QList<interchange::SourceMedia> media{
            {QStringLiteral("m1"), src, QStringLiteral("src.mp4"), 5000, 320, 240, double(fps),
             true, true},
            {QStringLiteral("m2"), music, QStringLiteral("music.m4a"), 6000, 0, 0, 0, false, true}};
        const QByteArray mlt = interchange::write(interchange::Format::Mlt, draft, media, &error);
        QVERIFY2(!mlt.isEmpty(), qPrintable(error));
        const QString meltOut = renderWithMelt(mlt, dir, &error);
        QVERIFY2(!meltOut.isEmpty(), qPrintable(error));

        // Clipwright's own render of the same draft
        QHash<QString, engine::RenderInput> inputs;
        inputs.insert(QStringLiteral("m1"), engine::RenderInput{src, true, true, 5000, false});
        inputs.insert(QStringLiteral("m2"), engine::RenderInput{music, false, true, 6000, false});
        engine::RenderPreset preset;
        preset.name = QStringLiteral("test");
        preset.width = 320;
        preset.height = 240;
        preset.fps = engine::FrameRate{fps, 1};
        preset.x264Preset = QStringLiteral("ultrafast");
        preset.crf = 12;
        const QString ownOut = dir.filePath(QStringLiteral("own.mp4"));
        const engine::RenderCommand cmd =
            engine::buildRenderCommand(draft, inputs, preset, ownOut, dir.path(), QString());
        QVERIFY2(cmd.error.isEmpty(), qPrintable(cmd.error));
        const engine::RunResult run = engine::runFfmpeg(cmd, ownOut, {}, nullptr);
        QVERIFY2(run.ok, qPrintable(run.error));

        const double frame = 1.0 / fps;
        const double meltSec = durationOf(meltOut);
        const double ownSec = durationOf(ownOut);
        QVERIFY2(std::abs(meltSec - totalMs / 1000.0) <= frame + 0.05,
                 qPrintable(QStringLiteral("melt %1 s, draft %2 ms").arg(meltSec).arg(totalMs)));
        QVERIFY2(std::abs(ownSec - totalMs / 1000.0) <= frame + 0.05,
                 qPrintable(QStringLiteral("own %1 s, draft %2 ms").arg(ownSec).arg(totalMs)));
        QVERIFY2(std::abs(meltSec - ownSec) <= frame + 0.05,
                 qPrintable(QStringLiteral("melt %1 s, own %2 s").arg(meltSec).arg(ownSec)));

        const QString meltFrames = checkFrames(lumaPerFrame(meltOut), cuts, fps, totalMs);
        QVERIFY2(meltFrames.isEmpty(), qPrintable(QStringLiteral("melt: ") + meltFrames));
        const QString ownFrames = checkFrames(lumaPerFrame(ownOut), cuts, fps, totalMs);
        QVERIFY2(ownFrames.isEmpty(), qPrintable(QStringLiteral("own: ") + ownFrames));

        if (musicMs > 0) { // the gap has no clip sound, only the music at half volume
            const double meltGap = meanVolume(meltOut, 1.1, 1.5);
            const double ownGap = meanVolume(ownOut, 1.1, 1.5);
            const QString levels = QStringLiteral("melt %1 dB, own %2 dB").arg(meltGap).arg(ownGap);
            QVERIFY2(meltGap > -45.0 && ownGap > -45.0, qPrintable(levels));
            QVERIFY2(std::abs(meltGap - ownGap) < 6.0, qPrintable(levels));
        }
    }

    // The whole video's fade in (on the tractor) and the first clip's fade out (on its entry)
    // as melt plays them: black at the start, a dip at the join, the sound following.
    void fadesCarried()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString src = dir.filePath(QStringLiteral("grey.mp4"));
        QString error;
        QVERIFY2(cw::test::runFfmpeg({"-f", "lavfi", "-i", "color=c=gray:s=320x240:r=30:d=4", "-f",
                                      "lavfi", "-i", "sine=f=440:d=4", "-c:v", "libx264",
                                      "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", src},
                                     &error),
                 qPrintable(error));
        const QJsonObject black{{"d", 1000}, {"color", "black"}};
        Draft draft = cw::test::draftOf(
            {track("v1", 0,
                   {seg("a", "m1", 0, 0, 2000, {{"fade_out", QJsonObject{{"d", 500}}}}),
                    seg("b", "m1", 2000, 2000, 2000)})});
        draft.m = QJsonObject{{"width", 320}, {"height", 240}, {"fps", 30}, {"fade_in", black}};
        const QByteArray mlt =
            interchange::write(interchange::Format::Mlt, draft,
                               {{"m1", src, "grey.mp4", 4000, 320, 240, 30.0, true, true}}, &error);
        QVERIFY2(!mlt.isEmpty(), qPrintable(error));
        const QString out = renderWithMelt(mlt, dir, &error);
        QVERIFY2(!out.isEmpty(), qPrintable(error));
        const QList<double> l = lumaPerFrame(out);
        QVERIFY2(l.size() >= 119, qPrintable(QString::number(l.size())));
        const QString where = QStringLiteral("frames 0/15/40/58/61: %1 %2 %3 %4 %5")
                                  .arg(l[0])
                                  .arg(l[15])
                                  .arg(l[40])
                                  .arg(l[58])
                                  .arg(l[61]);
        QVERIFY2(l[0] < 25 && l[15] > 40 && l[15] < 100 && l[40] > 115 && l[58] < 40 && l[61] > 115,
                 qPrintable(where));
        const double start = meanVolume(out, 0.0, 0.3);
        const double middle = meanVolume(out, 1.2, 1.5);
        const double join = meanVolume(out, 1.9, 2.0);
        QVERIFY2(middle > -30 && start < middle - 10 && join < middle - 10,
                 qPrintable(QStringLiteral("%1 %2 %3 dB").arg(start).arg(middle).arg(join)));
    }
};

QTEST_GUILESS_MAIN(TstMltMelt)
#include "tst_mltmelt.moc"
