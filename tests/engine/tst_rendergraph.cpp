// buildRenderCommand golden tests: whole argument vectors and filter graphs for typical
// drafts, the error cases, an NTSC project rate, and hostile title text (user text goes to a
// file and never into the graph). The presets, rates and escaping it is built from are in
// tst_rendergraphparts.
#include "DraftBuilder.h"
#include "render/RenderGraph.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

Q_DECLARE_METATYPE(cw::Draft)

namespace {

using cw::test::draftOf;
using cw::test::seg;
using cw::test::track;

const QString kFit =
    "scale=1920:1080:force_original_aspect_ratio=decrease,"
    "pad=1920:1080:(ow-iw)/2:(oh-ih)/2,setsar=1,fps=30:start_time=0.000:round=down,format=yuv420p";
const QString kAfmt = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo";
const QString kSilence = "anullsrc=r=48000:cl=stereo,atrim=duration=%1,"
                         "aformat=sample_fmts=fltp:channel_layouts=stereo";
const QString kBlack = "color=c=black:s=1920x1080:r=30:d=%1,setsar=1,format=yuv420p";

QHash<QString, RenderInput> inputs()
{
    QHash<QString, RenderInput> in;
    in.insert("m1", {"/media/m1.mp4", true, true, 10000});
    in.insert("m2", {"/media/m2 silent.mov", true, false, 10000});
    in.insert("m3", {"/media/song.mp3", false, true, 60000});
    in.insert("m4", {"/media/logo.png", true, false, 0, true});
    in.insert("m5", {"/media/photo.jpg", true, false, 0}); // as the server passes stills
    RenderInput sar{"/media/dvd.mp4", true, false, 10000};
    sar.sarNum = 2;
    sar.sarDen = 3;
    sar.matrix = "bt601"; // an SD file
    in.insert("m6", sar);
    RenderInput hlg{"/media/iphone.mov", true, false, 10000};
    hlg.hdrTransfer = "arib-std-b67";
    in.insert("m7", hlg);
    return in;
}

RenderPreset preset()
{
    RenderPreset p; // 1080p defaults, independent of CLIPWRIGHT_X264_PRESET
    return p;
}

QString segment(int input, int n, qint64 inMs, qint64 dMs, bool audio = true)
{
    const QString trim = QStringLiteral("start=%1:duration=%2")
                             .arg(inMs / 1000.0, 0, 'f', 3)
                             .arg(dMs / 1000.0, 0, 'f', 3);
    QString v = QStringLiteral("[%1:v]trim=%2,setpts=PTS-%3/TB,%4,trim=duration=%5[v%6]")
                    .arg(input)
                    .arg(trim, QString::number(inMs / 1000.0, 'f', 3), kFit)
                    .arg(dMs / 1000.0, 0, 'f', 3)
                    .arg(n);
    QString a = audio ? QStringLiteral("[%1:a]atrim=%2,asetpts=PTS-STARTPTS,%3[a%4]")
                            .arg(input)
                            .arg(trim, kAfmt)
                            .arg(n)
                      : kSilence.arg(dMs / 1000.0, 0, 'f', 3) + QStringLiteral("[a%1]").arg(n);
    return v + ";" + a;
}

QString gap(int n, qint64 dMs)
{
    const QString d = QString::number(dMs / 1000.0, 'f', 3);
    return kBlack.arg(d) + QStringLiteral("[v%1];").arg(n) + kSilence.arg(d) +
           QStringLiteral("[a%1]").arg(n);
}

QString graphOf(const RenderCommand& c)
{
    const int i = int(c.args.indexOf("-filter_complex"));
    return i >= 0 && i + 1 < c.args.size() ? c.args[i + 1] : QString();
}

QStringList inputsOf(const RenderCommand& c)
{
    QStringList out;
    for (int i = 0; i + 1 < c.args.size(); ++i)
        if (c.args[i] == "-i")
            out << c.args[i + 1];
    return out;
}

} // namespace

class TstRenderGraph : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void oneClipFullArgs()
    {
        const Draft d = draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)})});
        const RenderCommand c =
            buildRenderCommand(d, inputs(), preset(), "/out/render_1.mp4", dir_.path(), "/f.ttf");
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.durationMs, 3000);
        QVERIFY(c.files.isEmpty());
        const QStringList expected = {
            "-hide_banner",
            "-nostdin",
            "-i",
            "/media/m1.mp4",
            "-filter_complex",
            "[0:v]trim=start=0.000:duration=3.000,setpts=PTS-0.000/TB,"
            "scale=1920:1080:force_original_aspect_ratio=decrease,pad=1920:1080:(ow-iw)/2:(oh-ih)/"
            "2,"
            "setsar=1,fps=30:start_time=0.000:round=down,format=yuv420p,trim=duration=3.000[v0];"
            "[0:a]atrim=start=0.000:duration=3.000,asetpts=PTS-STARTPTS,aresample=48000,"
            "aformat=sample_fmts=fltp:channel_layouts=stereo[a0];"
            "[v0][a0]concat=n=1:v=1:a=1[vout][aout]",
            "-map",
            "[vout]",
            "-map",
            "[aout]",
            "-c:v",
            "libx264",
            "-profile:v",
            "high",
            "-preset",
            "veryfast",
            "-crf",
            "20",
            "-pix_fmt",
            "yuv420p",
            "-colorspace",
            "bt709",
            "-color_primaries",
            "bt709",
            "-color_trc",
            "bt709",
            "-r",
            "30",
            "-c:a",
            "aac",
            "-aac_coder",
            "fast",
            "-b:a",
            "192k",
            "-ar",
            "48000",
            "-movflags",
            "+faststart",
            "-progress",
            "pipe:1",
            "-nostats",
            "-y",
            "-f",
            "mp4",
            "/out/render_1.mp4"};
        QCOMPARE(c.args, expected);
    }

    void graphs_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<QStringList>("expectedInputs");
        QTest::addColumn<QString>("expectedGraph");
        QTest::addColumn<qint64>("durationMs");

        QTest::newRow("cut clip: one input, two pieces")
            << draftOf({track("v1", 0,
                              {seg("s1_1", "m1", 0, 0, 1200), seg("s1_2", "m1", 1200, 2000, 800)})})
            << QStringList{"/media/m1.mp4"}
            << segment(0, 0, 0, 1200) + ";" + segment(0, 1, 2000, 800) +
                   ";[v0][a0][v1][a1]concat=n=2:v=1:a=1[vout][aout]"
            << qint64(2000);
        QTest::newRow("two sources, one without audio, listed by first use")
            << draftOf({track("v1", 0,
                              {seg("b", "m1", 1500, 500, 1000), seg("a", "m2", 0, 250, 1500)})})
            << QStringList{"/media/m2 silent.mov", "/media/m1.mp4"}
            << segment(0, 0, 250, 1500, false) + ";" + segment(1, 1, 500, 1000) +
                   ";[v0][a0][v1][a1]concat=n=2:v=1:a=1[vout][aout]"
            << qint64(2500);
        QTest::newRow("gaps before, between and after (music runs longer)")
            << draftOf(
                   {track("v1", 0, {seg("s1", "m1", 1000, 0, 1000), seg("s2", "m1", 2500, 0, 500)}),
                    track("a1", 1, {seg("bg", "m3", 0, 0, 4000, {{"vol", 0.35}})})})
            << QStringList{"/media/m1.mp4", "/media/song.mp3"}
            << gap(0, 1000) + ";" + segment(0, 1, 0, 1000) + ";" + gap(2, 500) + ";" +
                   segment(0, 3, 0, 500) + ";" + gap(4, 1000) +
                   ";[v0][a0][v1][a1][v2][a2][v3][a3][v4][a4]concat=n=5:v=1:a=1[vout][acat];"
                   "[1:a]atrim=start=0.000:duration=4.000,asetpts=PTS-STARTPTS," +
                   kAfmt +
                   ",volume=0.35[m0];"
                   "[acat][m0]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[aout]"
            << qint64(4000);
        QTest::newRow("music at 35% from 0.5 s with fades")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)}),
                        track("a1", 1,
                              {seg("bg", "m3", 500, 10000, 2500,
                                   {{"vol", 0.35}, {"fi", 1000}, {"fo", 2000}})})})
            << QStringList{"/media/m1.mp4", "/media/song.mp3"}
            << segment(0, 0, 0, 3000) +
                   ";[v0][a0]concat=n=1:v=1:a=1[vout][acat];"
                   "[1:a]atrim=start=10.000:duration=2.500,asetpts=PTS-STARTPTS," +
                   kAfmt +
                   ",afade=t=in:st=0:d=1.000,afade=t=out:st=0.500:d=2.000,volume=0.35,"
                   "adelay=delays=500:all=1[m0];"
                   "[acat][m0]amix=inputs=2:duration=first:dropout_transition=0:normalize=0[aout]"
            << qint64(3000);
        QTest::newRow("audio file on the video track, still image")
            << draftOf({track("v1", 0,
                              {seg("s1", "m3", 0, 1000, 1000), seg("s2", "m4", 1000, 0, 2000)})})
            << QStringList{"/media/song.mp3", "/media/logo.png"}
            << kBlack.arg("1.000") +
                   "[v0];[0:a]atrim=start=1.000:duration=1.000,"
                   "asetpts=PTS-STARTPTS," +
                   kAfmt + "[a0];" +
                   // a picture file's samples (RGB, a JPEG's matrix) are made BT.709
                   // (a still has no times to count from the cut)
                   QString(segment(1, 1, 0, 2000, false))
                       .replace("decrease,",
                                "decrease:in_color_matrix=bt709:out_color_matrix=bt709,")
                       .replace("setpts=PTS-0.000/TB", "setpts=PTS") +
                   ";[v0][a0][v1][a1]concat=n=2:v=1:a=1[vout][aout]"
            << qint64(3000);
        // Non-square pixels become square before the fit, so 640x360 at 2:3 is pillarboxed
        // as the 426x360 picture it is, not stretched to 16:9; its BT.601 samples become the
        // export's BT.709.
        QTest::newRow("non-square pixels made square first")
            << draftOf({track("v1", 0, {seg("s1", "m6", 0, 0, 1000)})})
            << QStringList{"/media/dvd.mp4"}
            << QString(segment(0, 0, 0, 1000, false))
                       .replace("setpts=PTS-0.000/TB,scale=1920",
                                "setpts=PTS-0.000/TB,scale=trunc(iw*sar/2)*2:ih,setsar=1,"
                                "scale=1920")
                       .replace("decrease,",
                                "decrease:in_color_matrix=bt601:out_color_matrix=bt709,") +
                   ";[v0][a0]concat=n=1:v=1:a=1[vout][aout]"
            << qint64(1000);
        QTest::newRow("a segment reaching the file's end holds its last frame")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 9500, 500)})})
            << QStringList{"/media/m1.mp4"}
            << QString(segment(0, 0, 9500, 500))
                       .replace(",trim=duration=0.500",
                                ",tpad=stop_mode=clone:stop_duration=0.500,trim=duration=0.500") +
                   ";[v0][a0]concat=n=1:v=1:a=1[vout][aout]"
            << qint64(500);
        QTest::newRow("HLG tone-mapped to BT.709 at the output size")
            << draftOf({track("v1", 0, {seg("s1", "m7", 0, 0, 1000)})})
            << QStringList{"/media/iphone.mov"}
            << QString(segment(0, 0, 0, 1000, false))
                       .replace(
                           "round=down,format=yuv420p",
                           "round=down,zscale=tin=arib-std-b67:pin=bt2020:min=bt2020nc:t=linear:"
                           "npl=203,format=gbrpf32le,zscale=p=bt709,tonemap=mobius:desat=0,"
                           "zscale=t=bt709:m=bt709:r=tv,format=yuv420p") +
                   ";[v0][a0]concat=n=1:v=1:a=1[vout][aout]"
            << qint64(1000);
        QTest::newRow("clip volume")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 1000, {{"vol", 0.5}})})})
            << QStringList{"/media/m1.mp4"}
            << QString(segment(0, 0, 0, 1000)).replace("[a0]", ",volume=0.5[a0]") +
                   ";[v0][a0]concat=n=1:v=1:a=1[vout][aout]"
            << qint64(1000);
        QTest::newRow("speed 2x: twice the source, atempo")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 500, 1000, {{"speed", 2.0}})})})
            << QStringList{"/media/m1.mp4"}
            << "[0:v]trim=start=0.500:duration=2.000,setpts=(PTS-0.500/TB)/2," + kFit +
                   ",trim=duration=1.000[v0];[0:a]atrim=start=0.500:duration=2.000,asetpts=PTS-"
                   "STARTPTS," +
                   kAfmt + ",atempo=2[a0];[v0][a0]concat=n=1:v=1:a=1[vout][aout]"
            << qint64(1000);
        QTest::newRow("speed 3x and 0.25x: atempo stages within 0.5..2")
            << draftOf({track("v1", 0,
                              {seg("s1", "m1", 0, 0, 1000, {{"speed", 3.0}}),
                               seg("s2", "m1", 1000, 0, 400, {{"speed", 0.25}})})})
            << QStringList{"/media/m1.mp4"}
            << "[0:v]trim=start=0.000:duration=3.000,setpts=(PTS-0.000/TB)/3," + kFit +
                   ",trim=duration=1.000[v0];[0:a]atrim=start=0.000:duration=3.000,asetpts=PTS-"
                   "STARTPTS," +
                   kAfmt +
                   ",atempo=2,atempo=1.5[a0];"
                   "[0:v]trim=start=0.000:duration=0.100,setpts=(PTS-0.000/TB)/0.25," +
                   kFit +
                   ",trim=duration=0.400[v1];[0:a]atrim=start=0.000:duration=0.100,asetpts=PTS-"
                   "STARTPTS," +
                   kAfmt +
                   ",atempo=0.5,atempo=0.5[a1];[v0][a0][v1][a1]concat=n=2:v=1:a=1[vout][aout]"
            << qint64(1400);
        QTest::newRow("wipe then straight cut: held outgoing clip keeps the length")
            << draftOf({track("v1", 0,
                              {seg("s1", "m1", 0, 0, 2000),
                               seg("s2", "m1", 2000, 3000, 2000,
                                   {{"tr", QJsonObject{{"type", "wipe"}, {"d", 500}}}}),
                               seg("s3", "m1", 4000, 6000, 1000)})})
            << QStringList{"/media/m1.mp4"}
            << segment(0, 0, 0, 2000) + ";" + segment(0, 1, 3000, 2000) + ";" +
                   segment(0, 2, 6000, 1000) +
                   ";[v0]tpad=stop_mode=clone:stop_duration=0.500,setpts=N/(30)/TB,settb=AVTB[vh1];"
                   "[v1]settb=AVTB[vi1];[vh1][vi1]xfade=transition=wipeleft:duration=0.500:"
                   "offset=2.000,setpts=N/(30)/TB[vj1];"
                   "[a0]apad=pad_dur=0.500[ah1];[ah1][a1]acrossfade=d=0.500[aj1];"
                   "[vj1][v2]concat=n=2:v=1:a=0[vout];[aj1][a2]concat=n=2:v=0:a=1[aout]"
            << qint64(5000);
        Draft vertical = draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 1000)})});
        vertical.m = QJsonObject{{"width", 1080},
                                 {"height", 1920},
                                 {"aspect", "9:16"},
                                 {"aspect_mode", "crop"},
                                 {"look", "bw"}};
        QTest::newRow("vertical crop replaces the default preset size, bw look")
            << vertical << QStringList{"/media/m1.mp4"}
            << "[0:v]trim=start=0.000:duration=1.000,setpts=PTS-0.000/TB,"
               "scale=1080:1920:force_original_aspect_ratio=increase,crop=1080:1920,"
               "setsar=1,fps=30:start_time=0.000:round=down,format=yuv420p,trim=duration=1.000[v0];"
               "[0:a]atrim=start=0.000:duration=1.000,asetpts=PTS-STARTPTS," +
                   kAfmt + "[a0];[v0][a0]concat=n=1:v=1:a=1[vcat][aout];[vcat]hue=s=0[vout]"
            << qint64(1000);
        Draft blurred = vertical;
        blurred.m = QJsonObject{
            {"width", 1080}, {"height", 1350}, {"aspect", "4:5"}, {"aspect_mode", "blur"}};
        QTest::newRow("4:5 with a blurred fill")
            << blurred << QStringList{"/media/m1.mp4"}
            << "[0:v]trim=start=0.000:duration=1.000,setpts=PTS-0.000/TB,split[bg0][fg0];"
               "[bg0]scale=134:168:force_original_aspect_ratio=increase,crop=134:168,"
               "boxblur=8:2,scale=1080:1350,setsar=1[bb0];"
               "[fg0]scale=1080:1350:force_original_aspect_ratio=decrease,setsar=1[ff0];"
               "[bb0][ff0]overlay=(W-w)/2:(H-h)/"
               "2,setsar=1,fps=30:start_time=0.000:round=down,format=yuv420p,trim=duration=1.000["
               "v0];"
               "[0:a]atrim=start=0.000:duration=1.000,asetpts=PTS-STARTPTS," +
                   kAfmt + "[a0];[v0][a0]concat=n=1:v=1:a=1[vout][aout]"
            << qint64(1000);
        QTest::newRow("B-roll cutaway overlaid with alpha fades, silent")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 3000)}),
                        track("v2", 0,
                              {seg("b1", "m2", 1000, 500, 1000,
                                   {{"role", "broll"},
                                    {"tr", QJsonObject{{"type", "fade"}, {"d", 200}}}})})})
            << QStringList{"/media/m1.mp4", "/media/m2 silent.mov"}
            << segment(0, 0, 0, 3000) +
                   ";[1:v]trim=start=0.500:duration=1.000,setpts=PTS-0.500/TB+1.000/TB," +
                   QString(kFit).replace("start_time=0.000", "start_time=1.000") +
                   ",format=yuva420p,fade=t=in:st=1.000:d=0.200:alpha=1,"
                   "fade=t=out:st=1.800:d=0.200:alpha=1[b0];"
                   "[v0][a0]concat=n=1:v=1:a=1[vcat][aout];"
                   "[vcat][b0]overlay=eof_action=pass:enable='between(t,1.000,2.000)'[vout]"
            << qint64(3000);
        Draft mixed = draftOf(
            {track("v1", 0, {seg("s1", "m1", 0, 0, 2000)}),
             track("a1", 1,
                   {seg("bg", "m3", 0, 0, 2000, {{"vol", 0.35}, {"duck", true}, {"role", "music"}}),
                    seg("fx", "m3", 0, 0, 1000, {{"vol", 0.5}})})});
        mixed.m = QJsonObject{{"denoise", true}, {"loudness_lufs", -14.0}};
        // The second audio segment is no music: a recording mixed into the speech first, so
        // the music ducks under it too.
        QTest::newRow("denoise, ducked music, another recording, loudness")
            << mixed << QStringList{"/media/m1.mp4", "/media/song.mp3"}
            << segment(0, 0, 0, 2000) +
                   ";[v0][a0]concat=n=1:v=1:a=1[vout][acat];"
                   "[1:a]atrim=start=0.000:duration=2.000,asetpts=PTS-STARTPTS," +
                   kAfmt +
                   ",volume=0.35[m0];"
                   "[1:a]atrim=start=0.000:duration=1.000,asetpts=PTS-STARTPTS," +
                   kAfmt +
                   ",volume=0.5[m1];"
                   "[acat][m1]amix=inputs=2:duration=first:dropout_transition=0:normalize=0"
                   "[avoice];"
                   "[avoice]afftdn=nr=12:nf=-30[aden];[aden]asplit=2[asp][asc];"
                   "[m0][asc]sidechaincompress=threshold=0.03:ratio=8:attack=20:release=400"
                   "[mduck];"
                   "[asp][mduck]amix=inputs=2:duration=first:dropout_transition=0:"
                   "normalize=0[amix];"
                   "[amix]loudnorm=I=-14:TP=-2:LRA=11," +
                   kAfmt + "[aout]"
            << qint64(2000);
    }

    void graphs()
    {
        QFETCH(Draft, draft);
        QFETCH(QStringList, expectedInputs);
        QFETCH(QString, expectedGraph);
        QFETCH(qint64, durationMs);
        const RenderCommand c =
            buildRenderCommand(draft, inputs(), preset(), "/out/r.mp4", dir_.path(), "/f.ttf");
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(inputsOf(c), expectedInputs);
        QCOMPARE(graphOf(c), expectedGraph);
        QCOMPARE(c.durationMs, durationMs);
        QCOMPARE(c.args.last(), QStringLiteral("/out/r.mp4"));
    }

    void imageInputIsLooped()
    {
        const Draft d = draftOf({track("v1", 0, {seg("s1", "m4", 0, 0, 2000)})});
        const RenderCommand c =
            buildRenderCommand(d, inputs(), preset(), "/o.mp4", dir_.path(), {});
        const QStringList head = c.args.mid(0, 8);
        QCOMPARE(head, (QStringList{"-hide_banner", "-nostdin", "-loop", "1", "-framerate", "30",
                                    "-i", "/media/logo.png"}));

        const Draft d2 = draftOf({track("v1", 0, {seg("s1", "m5", 0, 500, 2000)})});
        const RenderCommand c2 =
            buildRenderCommand(d2, inputs(), preset(), "/o.mp4", dir_.path(), {});
        QCOMPARE(c2.args.mid(2, 6),
                 (QStringList{"-loop", "1", "-framerate", "30", "-i", "/media/photo.jpg"}));
        QVERIFY(graphOf(c2).startsWith("[0:v]trim=start=0.000:duration=2.000,"));
        QVERIFY(graphOf(c2).contains(kSilence.arg("2.000") + "[a0]"));
    }

    void titleWithHostileText()
    {
        const QString text =
            QString::fromUtf8("it's 50% off: \"yes\" \\ %{pts} 中文 😀\nline [two]; a,b");
        const Draft d = draftOf(
            {track("v1", 0, {seg("s1", "m1", 0, 0, 3000)}),
             track("x1", 7,
                   {seg("t1", "", 0, 0, 2000,
                        {{"text", text}, {"style", "title"}, {"pos", "center"}}),
                    seg("t2", "", 1000, 0, 2000, {{"text", "Bottom line"}, {"pos", "bottom"}}),
                    seg("t3", "", 0, 0, 1000, {{"text", "   "}})})});
        const RenderCommand c = buildRenderCommand(d, inputs(), preset(), "/out/render_9.mp4",
                                                   dir_.path(), "/fonts/My Font.ttc");
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QCOMPARE(c.files.size(), 2);
        QFile f(c.files[0]);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), text.toUtf8());
        QVERIFY(c.files[0].startsWith(dir_.path()));

        const QString graph = graphOf(c);
        for (const char* fragment : {"50%", "%{pts}", "中文", "yes", "line", "Bottom"})
            QVERIFY2(!graph.contains(QString::fromUtf8(fragment)), fragment);
        const QString file0 = escapeFilterValue(c.files[0]);
        const QString file1 = escapeFilterValue(c.files[1]);
        const QString expectedTail =
            "[v0][a0]concat=n=1:v=1:a=1[vcat][aout];"
            "[vcat]drawtext=fontfile=/fonts/My\\\\\\ Font.ttc:textfile=" +
            file0 +
            ":expansion=none:fontsize=90:fontcolor=white:"
            "shadowcolor=black@0.6:shadowx=2:shadowy=2:x=(w-text_w)/2:y=(h-text_h)/2:"
            "alpha='if(lt(t,0.000+0.500),(t-0.000)/0.500,if(gt(t,2.000-0.500),(2.000-t)/0.500,1))':"
            "enable='between(t,0.000,2.000)'[t0];"
            "[t0]drawtext=fontfile=/fonts/My\\\\\\ Font.ttc:textfile=" +
            file1 +
            ":expansion=none:fontsize=54:fontcolor=white:box=1:boxcolor=black@0.45:"
            "boxborderw=13:shadowcolor=black@0.6:shadowx=2:shadowy=2:x=(w-text_w)/2:"
            "y=h-text_h-86:enable='between(t,1.000,3.000)'[vout]";
        QVERIFY2(graph.endsWith(expectedTail), qPrintable(graph));
    }

    void textOnlyDraftHasBlackBackground()
    {
        const Draft d = draftOf(
            {track("x1", 7, {seg("t1", "", 500, 0, 2000, {{"text", "Hello"}, {"pos", "top"}})})});
        const RenderCommand c =
            buildRenderCommand(d, inputs(), preset(), "/o/x.mp4", dir_.path(), "/f.ttf");
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        QVERIFY(inputsOf(c).isEmpty());
        QCOMPARE(c.durationMs, 2500);
        QVERIFY(graphOf(c).startsWith(gap(0, 2500) + ";[v0][a0]concat=n=1:v=1:a=1[vcat][aout];"
                                                     "[vcat]drawtext=fontfile=/f.ttf:"));
        QVERIFY(graphOf(c).contains(":y=86:enable='between(t,0.500,2.500)'[vout]"));
    }

    void errors_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<QString>("error");
        QTest::newRow("no tracks") << Draft{} << "The timeline is empty";
        QTest::newRow("empty tracks")
            << draftOf({track("v1", 0, {}), track("a1", 1, {})}) << "The timeline is empty";
        QTest::newRow("zero-length segment")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 0)})}) << "The timeline is empty";
        QTest::newRow("unknown video source")
            << draftOf({track("v1", 0, {seg("s1", "m404", 0, 0, 1000)})}) << "m404";
        QTest::newRow("unknown music source")
            << draftOf({track("v1", 0, {seg("s1", "m1", 0, 0, 1000)}),
                        track("a1", 1, {seg("s2", "nope", 0, 0, 1000)})})
            << "nope";
        QTest::newRow("video segment without source")
            << draftOf({track("v1", 0, {seg("s1", "", 0, 0, 1000)})}) << "s1";
    }

    void errors()
    {
        QFETCH(Draft, draft);
        QFETCH(QString, error);
        const RenderCommand c =
            buildRenderCommand(draft, inputs(), preset(), "/o.mp4", dir_.path(), "/f.ttf");
        QVERIFY2(c.error.contains(error), qPrintable(c.error));
        QVERIFY(c.args.isEmpty());
    }

    // An NTSC rate reaches every place a rate is written (a 29.97 export at 30 would repeat a
    // frame every 33 seconds).
    void ntscRateInTheGraph()
    {
        RenderPreset p = preset();
        p.fps = FrameRate{30000, 1001};
        const Draft d = draftOf({track("v1", 0,
                                       {seg("s1", "m1", 0, 0, 2000),
                                        seg("s2", "m1", 2000, 3000, 2000,
                                            {{"tr", QJsonObject{{"type", "fade"}, {"d", 500}}}})}),
                                 track("a1", 1, {seg("bg", "m3", 0, 0, 4000)})});
        const RenderCommand c =
            buildRenderCommand(d, inputs(), p, "/out/r.mp4", dir_.path(), "/f.ttf");
        QVERIFY2(c.error.isEmpty(), qPrintable(c.error));
        const QString graph = graphOf(c);
        QVERIFY2(graph.contains("fps=30000/1001:"), qPrintable(graph));
        QVERIFY2(graph.contains("setpts=N/(30000/1001)/TB"), qPrintable(graph));
        QVERIFY(!graph.contains("fps=30:"));
        const int r = int(c.args.indexOf("-r"));
        QVERIFY(r > 0);
        QCOMPARE(c.args.at(r + 1), QStringLiteral("30000/1001"));
    }
};

QTEST_GUILESS_MAIN(TstRenderGraph)
#include "tst_rendergraph.moc"
