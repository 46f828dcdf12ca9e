// Picture-in-picture and split screen through the chat, over the real engine (loopback, the
// real store and planner): asked before the second clip is uploaded (the reply asks for it and
// nothing changes), then in English and Chinese; the face cam taken off the main track, one
// layout replacing the other, whose sound plays said in the reply (the talk has the speech,
// the face cam a steady tone), the other clip's sound on its own track when asked; "undo"
// going back through the versions; taking a layout off (and undoing that).
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

class TstLayoutChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_bars;

private Q_SLOTS:
    void initTestCase();
    void chat();
};

void TstLayoutChat::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_bars = m_dir.filePath(QStringLiteral("bars.mp4"));
    QString error;
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i", "smptebars=s=240x180:r=30:d=3", "-f", "lavfi",
                              "-i", "sine=f=1000:d=3:sample_rate=48000", "-c:v", "libx264",
                              "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", m_bars},
                             &error),
             qPrintable(error));
}

void TstLayoutChat::chat()
{
    QString error;
    const QString talk = m_dir.filePath(QStringLiteral("talk.mp4"));
    QVERIFY2(!test::makeSpeechClipWithPauses(talk, {1.0, 1.0}, 640, 360, &error).isEmpty(),
             qPrintable(error));
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    auto upload = [&](const QString& file, const char* name) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? c.upload(sid, {{f.readAll(), name}})
                                           : test::HttpReply{};
    };
    QCOMPARE(upload(talk, "talk.mp4").code(), 0);
    const qint64 footage = test::stateOf(c, sid).draft.computedDuration();
    const int start = test::stateOf(c, sid).version;
    test::Turn t = test::runTurn(c, sid, "put my face cam in the corner");
    QCOMPARE(t.calls, QStringList{"add_pip"});
    QVERIFY2(t.text.contains("Upload the second clip first"), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, start);

    // The face cam: a steady tone, no speech; the talk keeps the sound.
    const test::HttpReply up = upload(m_bars, "face cam.mp4");
    QCOMPARE(up.code(), 0);
    const QString faceId =
        up.data().value("files").toArray().at(0).toObject().value("media_id").toString();
    t = test::runTurn(c, sid, "put my face cam in the corner");
    QCOMPARE(t.calls, QStringList{"add_pip"});
    QVERIFY2(t.text.contains("face cam.mp4") && t.text.contains("bottom-right corner") &&
                 t.text.contains("talk.mp4's (it has the speech)"),
             qPrintable(t.text));
    test::State s = test::stateOf(c, sid);
    QCOMPARE(s.draft.computedDuration(), footage); // beside it, not after it
    QCOMPARE(s.draft.t.last().sg.first().src, faceId);
    QCOMPARE(s.draft.t.last().sg.first().m.value("role").toString(), QString("pip"));

    t = test::runTurn(c, sid, "split screen, top and bottom");
    QCOMPARE(t.calls, QStringList{"split_screen"});
    QVERIFY2(t.text.contains("top and bottom"), qPrintable(t.text));
    s = test::stateOf(c, sid);
    QCOMPARE(s.draft.t.last().sg.size(), 1); // replaced, not stacked
    QCOMPARE(s.draft.t.last().sg.first().m.value("layout").toString(), QString("v"));

    t = test::runTurn(c, sid, "左右分屏，用第二个视频的声音");
    QCOMPARE(t.calls, QStringList{"split_screen"});
    QVERIFY2(t.text.contains("声音来自 face cam.mp4"), qPrintable(t.text));
    s = test::stateOf(c, sid);
    QCOMPARE(s.draft.t.last().n, QString("Layout sound"));

    test::runTurn(c, sid, "undo the last two");
    QCOMPARE(test::stateOf(c, sid).draft.t.last().sg.first().m.value("role").toString(),
             QString("pip"));

    // Taken off: the layout tracks go; a split screen that is not there is said so.
    const int before = test::stateOf(c, sid).version;
    t = test::runTurn(c, sid, "remove the split screen");
    QCOMPARE(t.calls, QStringList{"remove_layout"});
    QVERIFY2(t.text.contains("There is no split screen"), qPrintable(t.text));
    QCOMPARE(test::stateOf(c, sid).version, before);
    t = test::runTurn(c, sid, "remove the picture in picture");
    QCOMPARE(t.calls, QStringList{"remove_layout"});
    QVERIFY2(t.text.contains("Removed the picture-in-picture of face cam.mp4"), qPrintable(t.text));
    s = test::stateOf(c, sid);
    for (const Track& track : s.draft.t)
        for (const Segment& seg : track.sg)
            QVERIFY(seg.m.value("role").toString() != QLatin1String("pip"));
    QCOMPARE(s.draft.computedDuration(), footage);
    t = test::runTurn(c, sid, "undo");
    QCOMPARE(test::stateOf(c, sid).draft.t.last().sg.first().m.value("role").toString(),
             QString("pip"));
}

QTEST_GUILESS_MAIN(TstLayoutChat)
#include "tst_layoutchat.moc"
