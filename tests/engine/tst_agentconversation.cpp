// The understanding layer end to end through the real engine over loopback (issue 13), on a
// generated speech clip with known pauses: changes to music and titles that exist instead of
// new ones stacked on top; every time in one message refers to the timeline as it was sent;
// one pause named by its time; a target length; removals of more than half the video asked
// about first and applied only after "yes"; vague requests answered with a proposal that "go
// ahead" applies; export words inside an edit message; declined parts said by name; and
// "summarise the video" answered with what the engine knows, not the track listing; a logo
// asked for before and after it is uploaded, and a text watermark; a voice-over from an
// uploaded recording, and the clip's sound replaced by it.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw::test;

namespace {

const cw::Segment* firstSegment(const cw::Draft& d, int tt, const QString& role = QString())
{
    for (const cw::Track& t : d.t)
        if (t.tt == tt)
            for (const cw::Segment& s : t.sg)
                if (role.isEmpty() || s.m.value(QStringLiteral("role")).toString() == role)
                    return &s;
    return nullptr;
}

// Source ranges [in, in+d) of the main video track, in timeline order.
QList<QPair<qint64, qint64>> sourceRanges(const cw::Draft& d)
{
    QList<QPair<qint64, qint64>> out;
    for (const cw::Track& t : d.t)
        if (t.tt == 0) {
            for (const cw::Segment& s : t.sg)
                out.append({s.in, s.in + s.d});
            break;
        }
    return out;
}

bool keepsSource(const cw::Draft& d, qint64 from, qint64 to)
{
    for (const auto& r : sourceRanges(d))
        if (r.first < to && from < r.second)
            return true;
    return false;
}

} // namespace

class TstAgentConversation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void changesWhatExists();
    void timesReferToTheMessage();
    void onePauseByTime();
    void targetLength();
    void largeRemovalAsksFirst();
    void vagueRequestProposes();
    void exportWordsAndDeclines();
    void summariseTheVideo();
    void logoAndWatermark();
    void voiceOver();
    void motionAndCleanup();

private:
    EngineClient client() { return EngineClient(m_engine.baseUrl(), m_engine.token()); }
    QString newSession(EngineClient& c);

    QTemporaryDir m_tmp;
    QByteArray m_clip;
    QJsonObject m_layout; // {duration, pauses:[{start,end}]}, seconds
    TestEngine m_engine;
};

QString TstAgentConversation::newSession(EngineClient& c)
{
    const QString sid = c.createSession();
    const HttpReply r = c.upload(sid, {{m_clip, "talk.mp4"}});
    return r.status == 200 && r.code() == 0 ? sid : QString();
}

void TstAgentConversation::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QString error;
    const QString clip = m_tmp.filePath("talk.mp4");
    m_layout = makeSpeechClipWithPauses(clip, {1.2, 2.0, 1.2}, 640, 360, &error);
    QVERIFY2(!m_layout.isEmpty(), qPrintable(error));
    QFile f(clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_clip = f.readAll();
    m_engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
}

void TstAgentConversation::changesWhatExists()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    runTurn(c, sid, "add background music and a title 'Hello' in the top right corner");
    State s = stateOf(c, sid);
    QCOMPARE(countSegments(s.draft, 1, "role", "music"), 1);
    QCOMPARE(firstSegment(s.draft, 7)->m.value("pos").toString(), QString("top_right"));

    Turn t = runTurn(c, sid, "turn the music down to 10%");
    QCOMPARE(t.calls, QStringList{"set_music_volume"});
    QVERIFY2(t.text.contains("to 10%"), qPrintable(t.text));
    s = stateOf(c, sid);
    QCOMPARE(countSegments(s.draft, 1, "role", "music"), 1); // changed, not stacked
    QCOMPARE(firstSegment(s.draft, 1, "music")->m.value("vol").toDouble(), 0.1);

    t = runTurn(c, sid, "make the music a bit louder");
    QCOMPARE(t.calls, QStringList{"set_music_volume"});
    s = stateOf(c, sid);
    QVERIFY(qAbs(firstSegment(s.draft, 1, "music")->m.value("vol").toDouble() - 0.125) < 1e-6);

    t = runTurn(c, sid, "change the title to 'Get Started' and move it to the bottom");
    QCOMPARE(t.calls, QStringList{"edit_text"});
    s = stateOf(c, sid);
    QCOMPARE(countSegments(s.draft, 7, "text", "Hello"), 0);
    QCOMPARE(countSegments(s.draft, 7, "text", "Get Started"), 1);
    QCOMPARE(firstSegment(s.draft, 7)->m.value("pos").toString(), QString("bottom"));

    runTurn(c, sid, "make the title last 5 seconds");
    s = stateOf(c, sid);
    QCOMPARE(firstSegment(s.draft, 7)->d, 5000);

    t = runTurn(c, sid, "remove the music and delete the title");
    QCOMPARE(t.calls, (QStringList{"remove_music", "remove_text"}));
    s = stateOf(c, sid);
    QCOMPARE(countSegments(s.draft, 1, "role", "music"), 0);
    QVERIFY(firstSegment(s.draft, 7) == nullptr);

    // Nothing to change: said, and the draft stays.
    const int version = s.version;
    t = runTurn(c, sid, "turn the music down");
    QVERIFY2(t.text.contains("no background music"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, version);
}

void TstAgentConversation::timesReferToTheMessage()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    // Both ranges are of the original: after the first 2 s go, 0:06-0:08 is still the
    // original's 6-8 s, not 8-10 s.
    const Turn t = runTurn(c, sid, "trim the first 2 seconds and cut out 0:06-0:08");
    QCOMPARE(t.calls, (QStringList{"remove_range", "remove_range"}));
    const State after = stateOf(c, sid);
    QCOMPARE(after.durationMs, before.durationMs - 4000);
    QVERIFY(!keepsSource(after.draft, 0, 2000));
    QVERIFY(!keepsSource(after.draft, 6000, 8000));
    QVERIFY(keepsSource(after.draft, 2000, 6000));
    QVERIFY(keepsSource(after.draft, 8000, 10000));
}

void TstAgentConversation::onePauseByTime()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    const QJsonObject pause = m_layout.value("pauses").toArray().at(1).toObject(); // the 2.0 s one
    const qint64 mid =
        qint64((pause.value("start").toDouble() + pause.value("end").toDouble()) * 500);
    const Turn t = runTurn(c, sid,
                           QStringLiteral("cut the pause at %1:%2")
                               .arg(mid / 60000)
                               .arg((mid / 1000) % 60, 2, 10, QLatin1Char('0')));
    QCOMPARE(t.calls, QStringList{"cut_pauses"});
    const State after = stateOf(c, sid);
    const qint64 removed = before.durationMs - after.durationMs;
    // That pause (2.0 s plus espeak's own tail, less the kept margins) and no other.
    QVERIFY2(removed > 1500 && removed < 2600, qPrintable(QString::number(removed)));
    QVERIFY(!keepsSource(after.draft, mid - 200, mid + 200));
    const QJsonObject first = m_layout.value("pauses").toArray().at(0).toObject();
    const qint64 firstMid =
        qint64((first.value("start").toDouble() + first.value("end").toDouble()) * 500);
    QVERIFY(keepsSource(after.draft, firstMid - 100, firstMid + 100));
}

void TstAgentConversation::targetLength()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    const qint64 target = before.durationMs - 3000; // the pauses alone give more than 3 s
    const Turn t = runTurn(c, sid, QStringLiteral("cut it down to %1 seconds").arg(target / 1000));
    QCOMPARE(t.calls, QStringList{"target_length"});
    QVERIFY2(t.text.contains("pause"), qPrintable(t.text));
    const State after = stateOf(c, sid);
    const qint64 wanted = (target / 1000) * 1000;
    QVERIFY2(after.durationMs <= wanted && after.durationMs >= wanted - 500,
             qPrintable(QString::number(after.durationMs)));
}

void TstAgentConversation::largeRemovalAsksFirst()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    Turn t = runTurn(c, sid, "keep only 0:01-0:03");
    QVERIFY2(t.text.contains("more than half") && t.text.contains("yes"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, before.version);

    t = runTurn(c, sid, "no");
    QCOMPARE(t.calls, QStringList{"cancel"});
    QCOMPARE(stateOf(c, sid).version, before.version);
    // The question was dropped: a later yes has nothing to apply.
    t = runTurn(c, sid, "yes");
    QVERIFY2(t.text.contains("nothing waiting"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, before.version);

    runTurn(c, sid, "keep only 0:01-0:03");
    t = runTurn(c, sid, "yes");
    QCOMPARE(t.calls, QStringList{"confirm"});
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 1);
    QCOMPARE(after.durationMs, 2000);
}

void TstAgentConversation::vagueRequestProposes()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const State before = stateOf(c, sid);
    Turn t = runTurn(c, sid, "make it better");
    QCOMPARE(t.calls, QStringList{"propose"});
    QVERIFY2(t.text.contains("pauses") && t.text.contains("go ahead"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, before.version);

    t = runTurn(c, sid, QString::fromUtf8("好的"));
    QCOMPARE(t.calls, QStringList{"confirm"});
    const State after = stateOf(c, sid);
    QCOMPARE(after.version, before.version + 3); // pauses, loudness, music
    QVERIFY(after.durationMs < before.durationMs - 2000);
    QCOMPARE(countSegments(after.draft, 1, "role", "music"), 1);
}

void TstAgentConversation::exportWordsAndDeclines()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    Turn t = runTurn(c, sid, "convert this 16:9 demo to vertical and export at 1080p");
    QCOMPARE(t.calls, (QStringList{"set_aspect", "export_settings"}));
    QVERIFY2(t.text.contains("Export set to 1080p") && !t.text.contains("not done"),
             qPrintable(t.text));
    State s = stateOf(c, sid);
    QCOMPARE(s.draft.m.value("aspect").toString(), QString("9:16"));
    QCOMPARE(s.draft.m.value("export").toObject().value("resolution").toString(), QString("1080p"));

    // A part that cannot be done is named; the rest is done.
    const int version = s.version;
    t = runTurn(c, sid, "cut the pauses and translate it into Spanish");
    QCOMPARE(t.calls, QStringList{"cut_pauses"});
    QVERIFY2(t.text.contains("not done") || t.text.contains("can't"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, version + 1);
    // A progress bar over footage (edit/ProgressBar.h) is drawn on the video.
    t = runTurn(c, sid, "add a yellow progress bar");
    QCOMPARE(t.calls, QStringList{"audiogram"});
    QVERIFY2(t.text.contains("Added a yellow progress bar along the bottom"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).draft.m.value("progress_bar").toObject().value("color").toString(),
             QString("#ffd60a"));
    t = runTurn(c, sid, "remove the progress bar");
    QVERIFY2(t.text.contains("Took the progress bar off"), qPrintable(t.text));
    QVERIFY(!stateOf(c, sid).draft.m.contains("progress_bar"));
    t = runTurn(c, sid, "undo");
    QVERIFY(stateOf(c, sid).draft.m.contains("progress_bar"));
    t = runTurn(c, sid, "undo");
    QVERIFY(!stateOf(c, sid).draft.m.contains("progress_bar"));

    // A logo that was never uploaded: nothing changes, the reply asks for the image.
    t = runTurn(c, sid, "put my logo in the bottom-right corner");
    QCOMPARE(t.calls, QStringList{"add_logo"});
    QVERIFY2(t.text.contains("Upload your logo"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, version + 1);
}

void TstAgentConversation::summariseTheVideo()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const Turn t = runTurn(c, sid, "summarise the video");
    QCOMPARE(t.calls, QStringList{"describe"});
    QVERIFY2(!t.text.startsWith("Timeline ("), qPrintable(t.text));
    QVERIFY2(t.text.contains("speech") && t.text.contains("pauses"), qPrintable(t.text));
    QVERIFY2(t.results.value(0).value("pauses").toInt() >= 3,
             QJsonDocument(t.results.value(0)).toJson().constData());
}

void TstAgentConversation::logoAndWatermark()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const int start = stateOf(c, sid).version;
    const QString ask = "put my logo in the top-right corner at 80% opacity";
    Turn t = runTurn(c, sid, ask);
    QCOMPARE(t.calls, QStringList{"add_logo"});
    QVERIFY2(t.text.contains("Upload your logo first"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, start);
    const qint64 footage = stateOf(c, sid).draft.computedDuration();

    // Uploaded, the picture first lands on the timeline as a clip; the logo takes it off.
    const QString png = m_tmp.filePath("logo.png");
    QString error;
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "color=c=red:s=64x32", "-frames:v", "1", png}, &error),
             qPrintable(error));
    QFile f(png);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const HttpReply up = c.upload(sid, {{f.readAll(), "Brand Logo.png"}});
    QCOMPARE(up.code(), 0);
    const QString logoId =
        up.data().value("files").toArray().at(0).toObject().value("media_id").toString();
    const qint64 withClip = stateOf(c, sid).draft.computedDuration();
    t = runTurn(c, sid, ask);
    QCOMPARE(t.calls, QStringList{"add_logo"});
    QVERIFY2(t.text.contains("Brand Logo.png") && t.text.contains("top-right corner") &&
                 t.text.contains("80% opaque") && t.text.contains("no longer a clip"),
             qPrintable(t.text));
    State s = stateOf(c, sid);
    const cw::Segment* logo = firstSegment(s.draft, 0, "overlay");
    QVERIFY(logo);
    QCOMPARE(logo->src, logoId);
    QCOMPARE(logo->m.value("pos").toString(), QString("top_right"));
    QCOMPARE(logo->m.value("op").toDouble(), 0.8);
    QVERIFY(withClip > footage);
    QCOMPARE(s.draft.computedDuration(), footage); // its clip is gone
    QCOMPARE(logo->st + logo->d, s.draft.computedDuration());

    t = runTurn(c, sid, "add a watermark 'DRAFT'");
    QCOMPARE(t.calls, QStringList{"add_text"});
    const State marked = stateOf(c, sid);
    const cw::Segment* mark = firstSegment(marked.draft, 7);
    QVERIFY(mark);
    QCOMPARE(mark->m.value("style").toString(), QString("watermark"));
    QCOMPARE(mark->st + mark->d, s.draft.computedDuration()); // to the end

    // "remove my logo" takes the logo put on here off; with none left it says so.
    t = runTurn(c, sid, "remove my logo");
    QCOMPARE(t.calls, QStringList{"remove_logo"});
    QVERIFY2(t.text.contains("Took the logo off"), qPrintable(t.text));
    QCOMPARE(countSegments(stateOf(c, sid).draft, 0, "role", "overlay"), 0);
    const int removedAt = stateOf(c, sid).version;
    t = runTurn(c, sid, "remove my logo");
    QVERIFY2(t.text.contains("No logo was added"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).version, removedAt);
    t = runTurn(c, sid, "remove the watermark in the corner of my footage");
    QVERIFY(t.calls.isEmpty());
    QVERIFY2(t.text.contains("part of the footage"), qPrintable(t.text));

    runTurn(c, sid, "undo the last three");
    QCOMPARE(stateOf(c, sid).draft.computedDuration(), withClip);
}

void TstAgentConversation::voiceOver()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const QString wav = m_tmp.filePath("voice.m4a");
    QString error;
    QVERIFY2(runFfmpeg({"-f", "lavfi", "-i", "sine=f=300:d=2", "-c:a", "aac", wav}, &error),
             qPrintable(error));
    QFile f(wav);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const HttpReply up = c.upload(sid, {{f.readAll(), "Voice.m4a"}});
    QCOMPARE(up.code(), 0);
    const QString voiceId =
        up.data().value("files").toArray().at(0).toObject().value("media_id").toString();

    Turn t = runTurn(c, sid, "use voice.m4a as the narration from 0:02");
    QCOMPARE(t.calls, QStringList{"set_voiceover"});
    QVERIFY2(t.text.contains("Voice.m4a is now the voice-over from 0:02 to 0:04"),
             qPrintable(t.text));
    State s = stateOf(c, sid);
    int placed = 0;
    for (const cw::Track& track : s.draft.t)
        for (const cw::Segment& seg : track.sg)
            if (seg.src == voiceId) {
                ++placed;
                QCOMPARE(track.n, QString("Voice-over"));
                QCOMPARE(seg.st, 2000);
                QCOMPARE(seg.m.value("role").toString(), QString("voiceover"));
            }
    QCOMPARE(placed, 1); // the upload's own place is gone

    t = runTurn(c, sid, "replace the audio with voice.m4a");
    QCOMPARE(t.calls, QStringList{"set_voiceover"});
    QVERIFY2(t.text.contains("muted"), qPrintable(t.text));
    s = stateOf(c, sid);
    QCOMPARE(firstSegment(s.draft, 0)->m.value("vol").toDouble(1), 0.0);
    QCOMPARE(countSegments(s.draft, 1, "role", "voiceover"), 1);
}

// Reverse, freeze, loop, zoom, one clip muted and the audio cleaned up, each a version that
// undo takes back; the replies say what happened, with the new length and the loudness.
void TstAgentConversation::motionAndCleanup()
{
    EngineClient c = client();
    const QString sid = newSession(c);
    QVERIFY(!sid.isEmpty());
    const qint64 length = stateOf(c, sid).durationMs;
    QVERIFY(length > 5000);
    auto marked = [](const cw::Draft& d, const char* key) {
        int n = 0;
        for (const cw::Track& track : d.t)
            for (const cw::Segment& seg : track.sg)
                n += seg.m.contains(QLatin1String(key)) ? 1 : 0;
        return n;
    };

    Turn t = runTurn(c, sid, "play the last 3 seconds backwards");
    QCOMPARE(t.calls, QStringList{"reverse"});
    QVERIFY2(t.text.contains("now plays backwards"), qPrintable(t.text));
    State s = stateOf(c, sid);
    QCOMPARE(marked(s.draft, "reverse"), 1);
    QCOMPARE(s.durationMs, length);

    t = runTurn(c, sid, "freeze the last frame for 2 seconds");
    QCOMPARE(t.calls, QStringList{"freeze_frame"});
    QVERIFY2(t.text.contains("last frame now holds for 2"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).durationMs, length + 2000);

    t = runTurn(c, sid, "undo");
    QCOMPARE(stateOf(c, sid).durationMs, length);
    t = runTurn(c, sid, "loop it 2 times");
    QCOMPARE(t.calls, QStringList{"loop"});
    QVERIFY2(t.text.contains("plays 2 times"), qPrintable(t.text));
    QCOMPARE(stateOf(c, sid).durationMs, 2 * length);

    t = runTurn(c, sid, "在0:01到0:03放大画面");
    QCOMPARE(t.calls, QStringList{"zoom"});
    QVERIFY2(t.text.contains("放大到 1.3x"), qPrintable(t.text));
    QCOMPARE(marked(stateOf(c, sid).draft, "zoom"), 1);

    t = runTurn(c, sid, "reverse the whole video");
    QCOMPARE(t.calls, QStringList{"reverse"});
    QVERIFY2(t.text.contains("15 seconds"), qPrintable(t.text)); // over the limit: said, not done

    t = runTurn(c, sid, "mute the second clip");
    QCOMPARE(t.calls, QStringList{"set_volume"});
    QVERIFY2(t.text.contains("Muted clip 2"), qPrintable(t.text));

    t = runTurn(c, sid, "clean up the audio");
    QCOMPARE(t.calls, QStringList{"clean_audio"});
    QVERIFY2(t.text.contains("LUFS to -14 LUFS"), qPrintable(t.text));
    QVERIFY(stateOf(c, sid).draft.m.value("cleanup").toBool());
    QVERIFY(t.results.value(0).value("lufs_before").toDouble() < -10);
}

QTEST_GUILESS_MAIN(TstAgentConversation)
#include "tst_agentconversation.moc"
