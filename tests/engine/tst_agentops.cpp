// The agent's operations end to end through the real engine process over loopback, on a
// generated speech clip: a three-operation message streams one call/response pair per
// operation and makes three versions that undo steps back one at a time; ranges shorten the
// video by what they say; references to missing clips or files and unknown requests change
// nothing and say so; a Chinese message gets a Chinese reply; and an export after music and a
// title renders to the draft's length. Encoder speed: ultrafast.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cw::test;

class TstAgentOps : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void threeOperationsAndUndo();
    void removeRangeShortens();
    void missingClipChangesNothing();
    void missingMusicFileChangesNothing();
    void uploadedSongAsMusic();
    void partlyUnderstood();
    void cinematicIntro();
    void brollOverRangeAndEvery();
    void brollWithoutSecondClip();
    void chineseReply();
    void unknownSuggests();
    void exportWithMusicAndTitle();
    void transitionsRemoved();
    void textAtTheEnd();
    void lookRemoved();
    void fadesAndUndo();

private:
    EngineClient client() { return EngineClient(m_engine.baseUrl(), m_engine.token()); }
    QString newSessionWithClip(EngineClient& c);

    QTemporaryDir m_tmp;
    QByteArray m_clip;
    QByteArray m_song;
    QByteArray m_beach;
    TestEngine m_engine;
};

QString TstAgentOps::newSessionWithClip(EngineClient& c)
{
    const QString sid = c.createSession();
    const HttpReply r = c.upload(sid, {{m_clip, "talk.mp4"}});
    return r.status == 200 && r.code() == 0 ? sid : QString();
}

void TstAgentOps::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QString error;
    const QString clip = m_tmp.filePath("talk.mp4");
    QVERIFY2(!makeSpeechClip(clip, 1.5, 3, 640, 360, &error).isEmpty(), qPrintable(error));
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clip = f.readAll();
    const QString song = m_tmp.filePath("song.m4a");
    QVERIFY2(
        runFfmpeg({"-y", "-f", "lavfi", "-i", "sine=frequency=330:duration=6", "-c:a", "aac", song},
                  &error),
        qPrintable(error));
    QFile sf(song);
    QVERIFY(sf.open(QIODevice::ReadOnly));
    m_song = sf.readAll();
    const QString beach = m_tmp.filePath("beach.mp4");
    QVERIFY2(
        runFfmpeg({"-y", "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=6", "-an",
                   "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", beach},
                  &error),
        qPrintable(error));
    QFile bf(beach);
    QVERIFY(bf.open(QIODevice::ReadOnly));
    m_beach = bf.readAll();
    m_engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
}

void TstAgentOps::threeOperationsAndUndo()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    QVERIFY(before.durationMs > 10000);

    const Turn t =
        runTurn(c, sid, "cut the pauses, add background music, and overlay a title 'Hello'");
    QCOMPARE(t.calls, (QStringList{"cut_pauses", "add_music", "add_text"}));
    QCOMPARE(t.results.size(), 3);
    for (const QJsonObject& r : t.results)
        QVERIFY2(r.value("ok").toBool(), QJsonDocument(r).toJson().constData());
    QVERIFY(t.complete);
    QVERIFY2(t.text.contains("Removed") && t.text.contains("background music") &&
                 t.text.contains("generated") && t.text.contains("\"Hello\""),
             qPrintable(t.text));

    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 3);
    QVERIFY(after.durationMs < before.durationMs - 3000);
    QCOMPARE(countSegments(after.draft, 1, "role", "music"), 1);
    QCOMPARE(countSegments(after.draft, 7, "text", "Hello"), 1);

    // Undo steps back one operation at a time: title, then music, then the cut.
    QVERIFY(runTurn(c, sid, "undo").text.startsWith("Undid"));
    State s = stateOf(c, sid);
    QCOMPARE(s.version, before.version + 2);
    QCOMPARE(countSegments(s.draft, 7, "text", "Hello"), 0);
    QCOMPARE(countSegments(s.draft, 1, "role", "music"), 1);
    runTurn(c, sid, "undo");
    s = stateOf(c, sid);
    QCOMPARE(s.version, before.version + 1);
    QCOMPARE(countSegments(s.draft, 1, "role", "music"), 0);
    QCOMPARE(s.durationMs, after.durationMs);
    runTurn(c, sid, "undo");
    s = stateOf(c, sid);
    QCOMPARE(s.version, before.version);
    QCOMPARE(s.durationMs, before.durationMs);
}

void TstAgentOps::removeRangeShortens()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    const Turn t = runTurn(c, sid, "remove 0:02-0:04");
    QCOMPARE(t.calls, QStringList{"remove_range"});
    QVERIFY2(t.text.startsWith(QString::fromUtf8("Removed 0:02\u20130:04 (2.0 s)")),
             qPrintable(t.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 1);
    QVERIFY2(qAbs(before.durationMs - after.durationMs - 2000) <= 40,
             qPrintable(QStringLiteral("%1 -> %2").arg(before.durationMs).arg(after.durationMs)));

    // "Start over" is itself a version (so it can be undone) equal to the upload.
    runTurn(c, sid, "make it square");
    const Turn reset = runTurn(c, sid, "start over");
    QCOMPARE(reset.calls, QStringList{"reset"});
    State s = stateOf(c, sid);
    QCOMPARE(s.version, after.version + 2);
    QCOMPARE(s.durationMs, before.durationMs);
    QVERIFY(!s.draft.m.contains("aspect"));
    runTurn(c, sid, "undo");
    s = stateOf(c, sid);
    QCOMPARE(s.draft.m.value("aspect").toString(), QStringLiteral("1:1"));
    QCOMPARE(s.durationMs, after.durationMs);
}

void TstAgentOps::missingClipChangesNothing()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    const Turn t = runTurn(c, sid, "delete the second clip");
    QCOMPARE(t.calls, QStringList{"delete_clip"});
    QCOMPARE(t.results.size(), 1);
    QCOMPARE(t.results.first().value("ok").toBool(true), false);
    QVERIFY2(t.text.contains("only 1 clip") && t.text.contains("nothing was changed"),
             qPrintable(t.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version);
    QCOMPARE(after.draft, before.draft);
}

void TstAgentOps::missingMusicFileChangesNothing()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    const Turn t = runTurn(c, sid, "use song.mp3 as background music");
    QCOMPARE(t.calls, QStringList{"add_music"});
    QVERIFY2(t.text.contains("can't find song.mp3"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, before.version);
}

void TstAgentOps::uploadedSongAsMusic()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const HttpReply up = c.upload(sid, {{m_song, "Song.m4a"}});
    QCOMPARE(up.code(), 0);
    const QString songId =
        up.data().value("files").toArray().at(0).toObject().value("media_id").toString();
    const State before = stateOf(c, sid);
    const Turn t = runTurn(c, sid, "use song.m4a as background music at 50%");
    QCOMPARE(t.calls, QStringList{"add_music"});
    QVERIFY2(t.text.contains("Song.m4a") && t.text.contains("50%") && !t.text.contains("generated"),
             qPrintable(t.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 1);
    int music = 0;
    int plain = 0;
    for (const cw::Track& track : after.draft.t)
        for (const cw::Segment& seg : track.sg)
            if (track.tt == 1 && seg.src == songId)
                ++(seg.m.value("role").toString() == "music" ? music : plain);
    QVERIFY(music >= 1);
    QCOMPARE(plain, 0);
}

void TstAgentOps::partlyUnderstood()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const Turn t = runTurn(c, sid, "make it square and make it purple");
    QCOMPARE(t.calls, QStringList{"set_aspect"});
    QVERIFY2(t.text.contains("1:1") && t.text.contains("did not understand \"make it purple\""),
             qPrintable(t.text));
}

void TstAgentOps::cinematicIntro()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    const Turn t = runTurn(c, sid, "generate a cinematic intro called 'Urban Dreams'");
    QCOMPARE(t.calls, QStringList{"add_intro"});
    QVERIFY2(t.results.value(0).value("ok").toBool(), qPrintable(t.text));
    QVERIFY2(t.text.contains("cinematic intro \"Urban Dreams\""), qPrintable(t.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 1);
    const qint64 added = after.durationMs - before.durationMs;
    QVERIFY2(added >= 2500 && added <= 5000, qPrintable(QString::number(added)));
    runTurn(c, sid, "undo");
    QCOMPARE(stateOf(c, sid).durationMs, before.durationMs);
}

namespace {

// The main (first) video track and the B-roll tracks (the other video tracks) of a draft.
const cw::Track* mainTrack(const cw::Draft& d)
{
    for (const cw::Track& t : d.t)
        if (t.tt == 0)
            return &t;
    return nullptr;
}

QList<cw::Segment> brollSegments(const cw::Draft& d)
{
    QList<cw::Segment> out;
    const cw::Track* main = mainTrack(d);
    for (const cw::Track& t : d.t)
        if (t.tt == 0 && &t != main)
            out << t.sg;
    return out;
}

} // namespace

void TstAgentOps::brollOverRangeAndEvery()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const HttpReply up = c.upload(sid, {{m_beach, "beach.mp4"}});
    QCOMPARE(up.code(), 0);
    const QString beachId =
        up.data().value("files").toArray().at(0).toObject().value("media_id").toString();
    QVERIFY(!beachId.isEmpty());
    const State before = stateOf(c, sid);
    QVERIFY(mainTrack(before.draft));
    QVERIFY(brollSegments(before.draft).isEmpty());

    const Turn t = runTurn(c, sid, "use beach.mp4 as B-roll over 0:02-0:05");
    QCOMPARE(t.calls, QStringList{"add_broll"});
    QVERIFY2(t.results.value(0).value("ok").toBool(), qPrintable(t.text));
    QVERIFY2(t.text.contains("beach.mp4") && t.text.contains("3.0 s"), qPrintable(t.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 1);
    QCOMPARE(after.durationMs, before.durationMs);
    QVERIFY(mainTrack(after.draft));
    QCOMPARE(*mainTrack(after.draft), *mainTrack(before.draft));
    const QList<cw::Segment> broll = brollSegments(after.draft);
    QCOMPARE(broll.size(), 1);
    QCOMPARE(broll.first().src, beachId);
    QCOMPARE(broll.first().st, qint64(2000));
    QCOMPARE(broll.first().d, qint64(3000));

    runTurn(c, sid, "undo");
    const State undone = stateOf(c, sid);
    QVERIFY(brollSegments(undone.draft).isEmpty());
    QCOMPARE(undone.draft, before.draft);

    const Turn every = runTurn(c, sid, "add B-roll every 5 seconds");
    QCOMPARE(every.calls, QStringList{"add_broll"});
    QVERIFY2(every.results.value(0).value("ok").toBool(), qPrintable(every.text));
    const State cut = stateOf(c, sid);
    QVERIFY(cut.version > undone.version);
    QCOMPARE(cut.durationMs, before.durationMs);
    QCOMPARE(*mainTrack(cut.draft), *mainTrack(before.draft));
    const QList<cw::Segment> cutaways = brollSegments(cut.draft);
    QVERIFY2(cutaways.size() >= 2, qPrintable(every.text));
    QCOMPARE(every.results.value(0).value("cutaways").toInt(), int(cutaways.size()));
    QVERIFY2(every.text.contains(QString::number(cutaways.size()) + " B-roll cutaways"),
             qPrintable(every.text));
    for (int i = 0; i < cutaways.size(); ++i) {
        const cw::Segment& s = cutaways.at(i);
        QCOMPARE(s.src, beachId);
        QCOMPARE(s.st % 5000, qint64(0));
        QVERIFY(s.d > 0 && s.d <= 3000);
        QVERIFY(s.in >= 0 && s.in + s.d <= 6100);
        if (i > 0)
            QVERIFY(cutaways.at(i - 1).end() <= s.st);
    }
    runTurn(c, sid, "undo");
    QVERIFY(brollSegments(stateOf(c, sid).draft).isEmpty());
}

void TstAgentOps::brollWithoutSecondClip()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    for (const char* message : {"add B-roll every 5 seconds", "每隔5秒插入空镜"}) {
        const Turn t = runTurn(c, sid, message);
        QCOMPARE(t.calls, QStringList{"add_broll"});
        QCOMPARE(t.results.value(0).value("ok").toBool(true), false);
        QVERIFY2(t.text.contains("Upload another clip to use as B-roll") ||
                     t.text.contains(QString::fromUtf8("请再上传一个片段")),
                 qPrintable(t.text));
    }
    // A named file that was never uploaded, and the main clip is never B-roll over itself.
    const Turn missing = runTurn(c, sid, "use beach.mp4 as B-roll over 0:02-0:05");
    QCOMPARE(missing.results.value(0).value("ok").toBool(true), false);
    QVERIFY2(missing.text.contains("can't find") && missing.text.contains("beach.mp4"),
             qPrintable(missing.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version);
    QCOMPARE(after.draft, before.draft);
}

void TstAgentOps::chineseReply()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    const Turn t = runTurn(c, sid, QString::fromUtf8("删除前两秒，然后改成黑白"));
    QCOMPARE(t.calls, (QStringList{"remove_range", "set_look"}));
    QVERIFY2(t.text.contains(QString::fromUtf8("已删除")) &&
                 t.text.contains(QString::fromUtf8("黑白")),
             qPrintable(t.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 2);
    QVERIFY(qAbs(before.durationMs - after.durationMs - 2000) <= 40);
    QCOMPARE(after.draft.m.value("look").toString(), QStringLiteral("bw"));

    // Missing things are answered in Chinese too, and change nothing.
    for (const char* msg : {"删除第二个片段", "删除0:30到0:40"}) {
        const Turn no = runTurn(c, sid, QString::fromUtf8(msg));
        QCOMPARE(no.results.size(), 1);
        QCOMPARE(no.results.first().value("ok").toBool(true), false);
        QVERIFY2(no.text.contains(QString::fromUtf8("没有修改")), qPrintable(no.text));
    }
    QCOMPARE(stateOf(c, sid).version, after.version);
}

void TstAgentOps::unknownSuggests()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    for (const QString& msg :
         {QStringLiteral("make it purple"), QString::fromUtf8("把视频变成紫色")}) {
        const Turn t = runTurn(c, sid, msg);
        QVERIFY(t.calls.isEmpty());
        QVERIFY(t.complete);
        const bool zh = msg.at(0).unicode() > 0x2000;
        QVERIFY2(t.text.contains(zh ? QString::fromUtf8("可以试试") : QStringLiteral("Try \"")),
                 qPrintable(t.text));
    }
    QCOMPARE(stateOf(c, sid).version, before.version);
}

void TstAgentOps::exportWithMusicAndTitle()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const Turn t =
        runTurn(c, sid, "add calm background music at 30% and a title 'Hi: 100% \"ok\"'");
    QCOMPARE(t.calls, (QStringList{"add_music", "add_text"}));
    const State s = stateOf(c, sid);
    QCOMPARE(countSegments(s.draft, 7, "text", "Hi: 100% \"ok\""), 1);

    const QString id = QStringLiteral("render_%1").arg(QDateTime::currentMSecsSinceEpoch());
    const HttpReply r = c.postJson(
        "/api/render/proxy/lambda",
        QJsonObject{
            {"id", id},
            {"sessionId", sid},
            {"output", QJsonObject{{"format", "mp4"}, {"quality", "high"}, {"preset", "720p"}}}});
    QCOMPARE(r.code(), 0);
    QElapsedTimer timer;
    timer.start();
    QJsonObject job;
    while (timer.elapsed() < 80000) {
        job = c.get("/api/render/proxy/lambda/" + id).data();
        const QString status = job.value("status").toString();
        if (status != "pending" && status != "processing")
            break;
        QThread::msleep(200);
    }
    QCOMPARE(job.value("status").toString(), QStringLiteral("completed"));
    const HttpReply file = c.get("/files/renders/" + id + ".mp4");
    QCOMPARE(file.status, 200);
    const QString out = m_tmp.filePath(id + ".mp4");
    QFile f(out);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(file.body);
    f.close();
    const QJsonObject info = probe(out);
    const double seconds = info.value("format").toObject().value("duration").toString().toDouble();
    QVERIFY2(qAbs(seconds * 1000 - s.durationMs) < 500,
             qPrintable(QStringLiteral("%1 s vs %2 ms").arg(seconds).arg(s.durationMs)));
    bool audio = false;
    for (const QJsonValue& v : info.value("streams").toArray())
        audio = audio || v.toObject().value("codec_type") == "audio";
    QVERIFY(audio);
}

// "remove the transitions" takes off the transitions an earlier edit put at the cuts (one new
// version, undoable); said again with none left, it changes nothing and says so.
void TstAgentOps::transitionsRemoved()
{
    auto withTransition = [](const cw::Draft& d) {
        int n = 0;
        for (const cw::Track& t : d.t)
            for (const cw::Segment& s : t.sg)
                n += s.m.contains(QStringLiteral("tr")) ? 1 : 0;
        return n;
    };
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const Turn added = runTurn(c, sid, "split at 2 seconds and add wipe transitions");
    QCOMPARE(added.calls, (QStringList{"split_at", "add_transitions"}));
    const State before = stateOf(c, sid);
    QCOMPARE(withTransition(before.draft), 1);

    const Turn removed = runTurn(c, sid, "remove the transitions");
    QCOMPARE(removed.calls, QStringList{"add_transitions"});
    QVERIFY2(removed.results.value(0).value("ok").toBool(), qPrintable(removed.text));
    QVERIFY2(removed.text.contains("Removed the transitions"), qPrintable(removed.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 1);
    QCOMPARE(withTransition(after.draft), 0);
    QCOMPARE(after.durationMs, before.durationMs);

    const Turn again = runTurn(c, sid, "去掉转场");
    QCOMPARE(again.results.value(0).value("ok").toBool(true), false);
    QVERIFY2(again.text.contains(QStringLiteral("没有可以去掉的转场")), qPrintable(again.text));
    QCOMPARE(stateOf(c, sid).version, after.version);

    QVERIFY(runTurn(c, sid, "undo").text.startsWith("Undid"));
    QCOMPARE(withTransition(stateOf(c, sid).draft), 1);
}

// "in the last 2 seconds", "at the end": the text ends with the video, wherever that is.
void TstAgentOps::textAtTheEnd()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const Turn t = runTurn(c, sid, "put a caption 'Bye' in the last 2 seconds");
    QCOMPARE(t.calls, QStringList{"add_text"});
    QVERIFY2(t.results.value(0).value("ok").toBool(), qPrintable(t.text));
    const State s = stateOf(c, sid);
    const cw::Segment* bye = nullptr;
    for (const cw::Track& tr : s.draft.t)
        for (const cw::Segment& g : tr.sg)
            if (tr.tt == 7 && g.m.value("text").toString() == QStringLiteral("Bye"))
                bye = &g;
    QVERIFY(bye);
    QCOMPARE(bye->d, qint64(2000));
    QCOMPARE(bye->end(), s.durationMs);
    QVERIFY(bye->st > 0);
}

// "remove the black and white" takes the look off (one version, undoable); with none on, it
// changes nothing and says so.
void TstAgentOps::lookRemoved()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    QVERIFY(runTurn(c, sid, "make it black and white").results.value(0).value("ok").toBool());
    const State before = stateOf(c, sid);
    QCOMPARE(before.draft.m.value("look").toString(), QStringLiteral("bw"));
    const Turn removed = runTurn(c, sid, "remove the black and white");
    QCOMPARE(removed.calls, QStringList{"set_look"});
    QVERIFY2(removed.text.contains("original colours"), qPrintable(removed.text));
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 1);
    QVERIFY(!after.draft.m.contains("look"));
    const Turn again = runTurn(c, sid, "去掉滤镜");
    QCOMPARE(again.results.value(0).value("ok").toBool(true), false);
    QVERIFY2(again.text.contains(QStringLiteral("没有可以去掉的调色")), qPrintable(again.text));
    QCOMPARE(stateOf(c, sid).version, after.version);
    runTurn(c, sid, "undo");
    QCOMPARE(stateOf(c, sid).draft.m.value("look").toString(), QStringLiteral("bw"));
}

void TstAgentOps::fadesAndUndo()
{
    EngineClient c = client();
    const QString sid = newSessionWithClip(c);
    QVERIFY(!sid.isEmpty());
    const int start = stateOf(c, sid).version;
    const Turn both = runTurn(c, sid, "fade in at the start and fade out to white at the end");
    QCOMPARE(both.calls, (QStringList{"fade_in", "fade_out"}));
    QVERIFY2(both.text.contains("fades in from black over 1.0 s") &&
                 both.text.contains("fades out to white over the last 1.0 s"),
             qPrintable(both.text));
    State s = stateOf(c, sid);
    QCOMPARE(s.version, start + 2);
    QCOMPARE(s.draft.m.value("fade_in").toObject().value("d").toInt(), 1000);
    QCOMPARE(s.draft.m.value("fade_out").toObject().value("color").toString(), QString("white"));

    // No music yet: said, nothing changed.
    const Turn music = runTurn(c, sid, "fade the music out over the last 3 seconds");
    QCOMPARE(music.calls, QStringList{"fade_out"});
    QVERIFY2(music.text.contains("no background music"), qPrintable(music.text));
    QCOMPARE(stateOf(c, sid).version, s.version);

    const Turn zh = runTurn(c, sid, QStringLiteral("去掉淡出"));
    QCOMPARE(zh.calls, QStringList{"fade_out"});
    QVERIFY2(zh.text.contains(QStringLiteral("淡出已去掉")), qPrintable(zh.text));
    QVERIFY(!stateOf(c, sid).draft.m.contains("fade_out"));
    runTurn(c, sid, "undo");
    QVERIFY(stateOf(c, sid).draft.m.contains("fade_out"));
}

QTEST_GUILESS_MAIN(TstAgentOps)
#include "tst_agentops.moc"
