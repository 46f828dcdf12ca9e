// A text's look (edit/TextLook.h) from the operation to the pixels: addText / editText's rules
// (a relative size, clamping, a box colour turning the box on, a colour that is not a colour
// refused with nothing changed), the drawtext filter reading only validated values, and a
// generated grey clip rendered with a caption in each look, measured in the frames: the text's
// colour, its height at twice the size, bold drawing more of the letters, the box there or not,
// a coloured box, an outline. Then through the chat over the real engine: said, changed, undone.
#include "ApiError.h"
#include "edit/OperationsChange.h"
#include "render/FfmpegRunner.h"
#include "render/RenderFilters.h"
#include "render/RenderGraph.h"

#include "AgentTurn.h"
#include "DraftBuilder.h"
#include "MeasureAudio.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

namespace {

constexpr int kW = 640;
constexpr int kH = 360;
constexpr qint64 kClipMs = 2000;

Draft withCaption(const QJsonObject& look = {})
{
    QJsonObject m{{"text", "HELLO"}, {"style", "caption"}, {"pos", "center"}};
    for (auto it = look.begin(); it != look.end(); ++it)
        m.insert(it.key(), it.value());
    return test::draftOf(
        {test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, 0, kClipMs)}),
         test::track("x1", int(TrackType::Text), "Text", {test::seg("t1", "", 0, 0, kClipMs, m)})});
}

// What the frame shows, from its RGB pixels over the grey (128) picture.
struct Measured {
    int text = 0; // bright or strongly coloured pixels: the letters
    int red = 0;  // letters in red
    int dark = 0; // darkened pixels: the box (and the shadow)
    int yellow = 0;
    int rows = 0; // height of the letters' bounding box
};

Measured measure(const QByteArray& rgb)
{
    Measured m;
    int top = kH;
    int bottom = -1;
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const int i = (y * kW + x) * 3;
            if (rgb.size() < i + 3)
                return m;
            const int r = quint8(rgb[i]);
            const int g = quint8(rgb[i + 1]);
            const int b = quint8(rgb[i + 2]);
            const bool white = r > 200 && g > 200 && b > 200;
            const bool red = r > 180 && g < 110 && b < 110;
            if (white || red) {
                ++m.text;
                top = std::min(top, y);
                bottom = std::max(bottom, y);
            }
            m.red += red;
            m.dark += r < 100 && g < 100 && b < 100;
            m.yellow += r > 170 && g > 150 && b < 90;
        }
    m.rows = bottom >= top ? bottom - top + 1 : 0;
    return m;
}

} // namespace

class TstTextLook : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_grey;
    int m_n = 0;

    Measured rendered(const Draft& d)
    {
        RenderPreset p;
        p.name = QStringLiteral("test");
        p.width = kW;
        p.height = kH;
        p.x264Preset = QStringLiteral("ultrafast");
        const QString out = m_dir.filePath(QStringLiteral("out%1.mp4").arg(++m_n));
        const QHash<QString, RenderInput> inputs{
            {QStringLiteral("m1"), RenderInput{m_grey, true, true, kClipMs, false}}};
        const RenderCommand cmd =
            buildRenderCommand(d, inputs, p, out, m_dir.path(), defaultFontFile());
        const RunResult r = runFfmpeg(cmd, out, {}, nullptr);
        if (!r.ok)
            qWarning() << r.error;
        return measure(test::ffmpegOutput({"-v", "error", "-ss", "1", "-i", out, "-frames:v", "1",
                                           "-pix_fmt", "rgb24", "-f", "rawvideo", "-"}));
    }

private Q_SLOTS:
    void initTestCase();
    void rules();
    void filterReadsOnlyValidValues();
    void pixels();
    void chat();
};

void TstTextLook::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_grey = m_dir.filePath(QStringLiteral("grey.mp4"));
    QString error;
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "color=c=gray:s=640x360:r=30:d=2", "-f", "lavfi",
                              "-i", "anullsrc=r=48000:cl=stereo", "-c:v", "libx264", "-pix_fmt",
                              "yuv420p", "-c:a", "aac", "-t", "2", m_grey},
                             &error),
             qPrintable(error));
}

void TstTextLook::rules()
{
    TextChange c;
    c.look.color = QStringLiteral("red");
    c.look.size = 1.5;
    EditResult r = editText(withCaption(), c);
    QVERIFY(r.ok);
    const QJsonObject& m = r.draft.t[1].sg[0].m;
    QCOMPARE(m.value("color").toString(), QString("#ff3b30"));
    QCOMPARE(m.value("size").toDouble(), 1.5);
    QCOMPARE(r.details.value("color").toString(), QString("#ff3b30"));

    // "bigger" again multiplies; a factor is clamped at 4.
    c = TextChange{};
    c.look.size = 2;
    r = editText(r.draft, c);
    QCOMPARE(r.draft.t[1].sg[0].m.value("size").toDouble(), 3.0);
    r = editText(r.draft, c);
    QCOMPARE(r.draft.t[1].sg[0].m.value("size").toDouble(), 4.0);

    // A box colour turns the box on; taking the box off forgets its colour.
    c = TextChange{};
    c.look.boxColor = QStringLiteral("#FD0");
    r = editText(withCaption({{"box", false}}), c);
    QCOMPARE(r.draft.t[1].sg[0].m.value("box").toBool(), true);
    QCOMPARE(r.draft.t[1].sg[0].m.value("box_color").toString(), QString("#ffdd00"));
    c = TextChange{};
    c.look.box = 0;
    r = editText(r.draft, c);
    QCOMPARE(r.draft.t[1].sg[0].m.value("box").toBool(true), false);
    QVERIFY(!r.draft.t[1].sg[0].m.contains("box_color"));

    // A font size in pixels of a 1080-line picture: a caption is 54 px there.
    c = TextChange{};
    c.look.sizePx = 81;
    r = editText(withCaption(), c);
    QCOMPARE(r.draft.t[1].sg[0].m.value("size").toDouble(), 1.5);

    // Not a colour: refused, nothing changed.
    for (const char* bad : {"red:fontfile=/etc/passwd", "#12345g", "'", "infrared"}) {
        c = TextChange{};
        c.look.color = QString::fromUtf8(bad);
        r = editText(withCaption(), c);
        QVERIFY2(!r.ok, bad);
        QCOMPARE(r.errorCode, int(ErrorCode::BadRequest));
        QVERIFY2(r.error.startsWith("Unknown colour"), qPrintable(r.error));
    }
    c = TextChange{};
    c.look.size = -3;
    QVERIFY(!editText(withCaption(), c).ok);

    // A new text with a look; the size is on the style's own.
    TextOptions o;
    o.text = QStringLiteral("Hi");
    o.look.size = 2;
    o.look.bold = 1;
    r = addText(withCaption(), o);
    QVERIFY(r.ok);
    const QJsonObject& added = r.draft.t[1].sg.last().m;
    QCOMPARE(added.value("size").toDouble(), 2.0);
    QCOMPARE(added.value("bold").toBool(), true);

    // Several texts: "all" restyles every one, else the one picked.
    Draft two = r.draft;
    c = TextChange{};
    c.look.color = QStringLiteral("yellow");
    c.all = true;
    r = editText(two, c);
    QCOMPARE(r.details.value("changed").toInt(), 2);
}

void TstTextLook::filterReadsOnlyValidValues()
{
    RenderPreset p;
    p.width = 1920;
    p.height = 1080;
    Segment s = withCaption().t[1].sg[0];
    QString f = render::drawtext(s, p, "/f.ttc", "/t.txt");
    QVERIFY2(f.contains(":fontcolor=white:box=1:boxcolor=black@0.45") && f.contains(":fontsize=54"),
             qPrintable(f));
    s.m = withCaption({{"color", "#ff3b30"}, {"size", 2}, {"box", false}, {"outline", true}})
              .t[1]
              .sg[0]
              .m;
    f = render::drawtext(s, p, "/f.ttc", "/t.txt");
    QVERIFY2(f.contains(":fontcolor=0xff3b30:borderw=") && f.contains(":fontsize=108") &&
                 !f.contains("box=1"),
             qPrintable(f));
    // A draft edited by hand cannot put filter syntax through the colour.
    s.m.insert("color", "red:fontfile=/etc/passwd");
    s.m.insert("box_color", "x'");
    s.m.insert("box", true);
    f = render::drawtext(s, p, "/f.ttc", "/t.txt");
    QVERIFY2(!f.contains("passwd") && !f.contains("x'") && f.contains(":fontcolor=white"),
             qPrintable(f));
}

void TstTextLook::pixels()
{
    const Measured plain = rendered(withCaption());
    QVERIFY2(plain.text > 150 && plain.red == 0, qPrintable(QString::number(plain.text)));
    // The caption's box: far more near-black pixels than the shadow alone.
    const Measured unboxed = rendered(withCaption({{"box", false}}));
    QVERIFY2(plain.dark > 4 * std::max(1, unboxed.dark),
             qPrintable(QStringLiteral("%1 vs %2").arg(plain.dark).arg(unboxed.dark)));

    const Measured red = rendered(withCaption({{"color", "#ff3b30"}}));
    QVERIFY2(red.red > 0.8 * plain.text, qPrintable(QString::number(red.red)));

    const Measured twice = rendered(withCaption({{"size", 2}, {"box", false}}));
    const double ratio = double(twice.rows) / std::max(1, unboxed.rows);
    QVERIFY2(ratio > 1.8 && ratio < 2.2, qPrintable(QString::number(ratio)));

    const Measured bold = rendered(withCaption({{"bold", true}, {"box", false}}));
    QVERIFY2(bold.text > 1.15 * unboxed.text,
             qPrintable(QStringLiteral("%1 vs %2").arg(bold.text).arg(unboxed.text)));

    const Measured yellowBox = rendered(withCaption({{"box_color", "#ffd60a"}, {"box", true}}));
    QVERIFY2(yellowBox.yellow > 500 && plain.yellow == 0,
             qPrintable(QString::number(yellowBox.yellow)));

    const Measured outlined = rendered(withCaption({{"outline", true}, {"box", false}}));
    QVERIFY2(outlined.dark > 1.5 * unboxed.dark,
             qPrintable(QStringLiteral("%1 vs %2").arg(outlined.dark).arg(unboxed.dark)));
}

void TstTextLook::chat()
{
    QString error;
    const QString clip = m_dir.filePath(QStringLiteral("clip.mp4"));
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "testsrc2=s=320x180:r=30:d=4", "-f", "lavfi",
                              "-i", "sine=d=4:sample_rate=48000", "-c:v", "libx264", "-pix_fmt",
                              "yuv420p", "-c:a", "aac", "-shortest", clip},
                             &error),
             qPrintable(error));
    test::TestEngine engine;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(c.upload(sid, {{f.readAll(), "clip.mp4"}}).code(), 0);

    test::Turn t = test::runTurn(c, sid, "add a title 'Launch Day' in yellow");
    QCOMPARE(t.calls, QStringList{"add_text"});
    QVERIFY2(t.text.contains("(yellow)"), qPrintable(t.text));
    t = test::runTurn(c, sid, "make the title bigger and bold, and remove the box");
    QCOMPARE(t.calls, QStringList{"edit_text"});
    QVERIFY2(t.text.contains("1.5x the size") && t.text.contains("bold"), qPrintable(t.text));
    const auto title = [&] { return test::stateOf(c, sid).draft.t.last().sg.first().m; };
    QCOMPARE(title().value("size").toDouble(), 1.5);
    QCOMPARE(title().value("bold").toBool(), true);
    QCOMPARE(title().value("color").toString(), QString("#ffd60a"));

    t = test::runTurn(c, sid, "标题改成红色");
    QVERIFY2(t.text.contains("红色"), qPrintable(t.text));
    QCOMPARE(title().value("color").toString(), QString("#ff3b30"));
    t = test::runTurn(c, sid, "undo");
    QCOMPARE(title().value("color").toString(), QString("#ffd60a"));

    // Asked of a text that is not there: said so, nothing changed.
    const int version = test::stateOf(c, sid).version;
    t = test::runTurn(c, sid, "make the captions red");
    QVERIFY2(t.text.contains("no caption", Qt::CaseInsensitive), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, version);
    // A typeface is declined by name.
    t = test::runTurn(c, sid, "use a handwritten font for the title");
    QVERIFY2(t.text.contains("fonts other than the standard one"), qPrintable(t.text));
}

QTEST_GUILESS_MAIN(TstTextLook)
#include "tst_textlook.moc"
