// The change/remove operations of edit/OperationsChange.h on hand-built drafts. Each ops row
// compares every track in a compact text form (footage "id:st+d@in", music "id:st+d v<vol>",
// text "id:st+d 'text' pos", "~type d" for a transition, "#intro" for the intro marker), the
// duration and a set of details. The error table checks code and reason, that a failure
// returns no draft, and that the input draft is untouched either way.
#include "DraftBuilder.h"
#include "edit/OperationsChange.h"

#include "ApiError.h"

#include <QtTest>
#include <cmath>
#include <functional>

using namespace cw;
using namespace cw::engine;

using OpFn = std::function<EditResult(const Draft&)>;
Q_DECLARE_METATYPE(cw::Draft)
Q_DECLARE_METATYPE(OpFn)

namespace {

using cw::test::draftOf;
using cw::test::seg;
using cw::test::track;

QJsonObject text(const QString& t, const QString& style, const QString& pos)
{
    return {{"text", t}, {"style", style}, {"pos", pos}, {"name", t}};
}

QJsonObject music(double vol)
{
    return {{"role", "music"}, {"vol", vol}, {"duck", true}};
}

Track video()
{
    return track("v1", 0, "Video",
                 {seg("a", "m1", 0, 0, 2000), seg("b", "m1", 2000, 5000, 2000),
                  seg("c", "m2", 4000, 10000, 2000)});
}

// Three 2 s clips; a title, two captions and a lower third; a music bed in two repeats.
Draft full()
{
    return draftOf({video(),
                    track("x1", 7, "Titles",
                          {seg("t1", "", 1000, 0, 1000, text("Hi", "title", "center")),
                           seg("t2", "", 3000, 0, 1000, text("Sub 2", "caption", "bottom")),
                           seg("t3", "", 0, 0, 1000, text("Ana", "lower_third", "bottom_left")),
                           seg("t4", "", 2000, 0, 500, text("Sub 1", "caption", "bottom"))}),
                    track("a1", 1, "Music",
                          {seg("bg1", "m9", 0, 0, 4000, music(0.4)),
                           seg("bg2", "m9", 4000, 0, 2000, music(0.4))})});
}

Draft withTexts(const QList<Segment>& texts)
{
    return draftOf({video(), track("x1", 7, "Titles", texts)});
}

// The draft the agent leaves after "add an intro": a 3 s intro first (m.role "intro"), the
// next clip fading in from it, title and music moved right.
Draft withIntro()
{
    QJsonObject intro{{"name", "intro.mp4"}, {"role", "intro"}};
    QJsonObject fade{{"tr", QJsonObject{{"type", "fade"}, {"d", 500}}}};
    return draftOf(
        {track("v1", 0, "Video",
               {seg("clip_1", "m5", 0, 0, 3000, intro), seg("a", "m1", 3000, 0, 2000, fade),
                seg("b", "m1", 5000, 5000, 2000), seg("c", "m2", 7000, 10000, 2000)}),
         track("x1", 7, "Titles", {seg("t1", "", 4000, 0, 2000, text("Hi", "title", "center"))}),
         track("a1", 1, "Music", {seg("bg", "m9", 0, 0, 9000, music(0.35))})});
}

QString describe(const Track& t)
{
    QStringList out;
    for (const Segment& s : t.sg) {
        QString x = QStringLiteral("%1:%2+%3").arg(s.id).arg(s.st).arg(s.d);
        const bool isMusic = t.tt == 1 && (s.m.value("role").toString() == "music" ||
                                           t.n == "Music" || t.n == "BGM");
        if (t.tt == 7)
            x += QStringLiteral(" '%1' %2")
                     .arg(s.m.value("text").toString(), s.m.value("pos").toString());
        else if (isMusic)
            x += QStringLiteral(" v%1").arg(s.m.contains("vol") ? s.m.value("vol").toDouble()
                                                                : -1.0);
        else if (!s.src.isEmpty())
            x += QStringLiteral("@%1").arg(s.in);
        if (s.m.contains("tr"))
            x += QStringLiteral("~%1%2")
                     .arg(s.m.value("tr").toObject().value("type").toString())
                     .arg(s.m.value("tr").toObject().value("d").toInteger());
        if (s.m.value("role").toString() == "intro")
            x += QStringLiteral("#intro");
        out << x;
    }
    return t.n + QStringLiteral("[") + out.join(QLatin1Char(',')) + QStringLiteral("]");
}

QString describe(const Draft& d)
{
    QStringList out;
    for (const Track& t : d.t)
        out << describe(t);
    return out.join(QLatin1Char(' '));
}

} // namespace

class TstChangeOps : public QObject {
    Q_OBJECT

private slots:
    void ops_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<OpFn>("op");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<QJsonObject>("details");

        const Draft f = full();
        const QString videoOut = "Video[a:0+2000@0,b:2000+2000@5000,c:4000+2000@10000]";
        const QString textsOut = "Titles[t1:1000+1000 'Hi' center,t2:3000+1000 'Sub 2' bottom,"
                                 "t3:0+1000 'Ana' bottom_left,t4:2000+500 'Sub 1' bottom]";

        QTest::newRow("music volume absolute")
            << f << OpFn([](const Draft& d) { return setMusicVolume(d, 0.2, 1.0); })
            << videoOut + " " + textsOut + " Music[bg1:0+4000 v0.2,bg2:4000+2000 v0.2]"
            << qint64(6000) << QJsonObject{{"old_volume", 0.4}, {"volume", 0.2}, {"segments", 2}};
        QTest::newRow("music volume absolute clamped to 1")
            << f << OpFn([](const Draft& d) { return setMusicVolume(d, 1.7, 1.0); })
            << videoOut + " " + textsOut + " Music[bg1:0+4000 v1,bg2:4000+2000 v1]" << qint64(6000)
            << QJsonObject{{"old_volume", 0.4}, {"volume", 1.0}};
        QTest::newRow("music louder by half")
            << f << OpFn([](const Draft& d) { return setMusicVolume(d, -1, 1.5); })
            << videoOut + " " + textsOut + " Music[bg1:0+4000 v0.6,bg2:4000+2000 v0.6]"
            << qint64(6000) << QJsonObject{{"old_volume", 0.4}, {"volume", 0.6}};
        QTest::newRow("music relative clamped to 1")
            << f << OpFn([](const Draft& d) { return setMusicVolume(d, -1, 4.0); })
            << videoOut + " " + textsOut + " Music[bg1:0+4000 v1,bg2:4000+2000 v1]" << qint64(6000)
            << QJsonObject{{"volume", 1.0}};
        QTest::newRow("music without vol counts as 0.35, halved")
            << draftOf({video(), track("a1", 1, "BGM", {seg("bg", "m9", 0, 0, 6000)})})
            << OpFn([](const Draft& d) { return setMusicVolume(d, -1, 0.5); })
            << videoOut + " BGM[bg:0+6000 v0.175]" << qint64(6000)
            << QJsonObject{{"old_volume", 0.35}, {"volume", 0.175}, {"segments", 1}};
        QTest::newRow("music muted")
            << f << OpFn([](const Draft& d) { return setMusicVolume(d, 0, 1.0); })
            << videoOut + " " + textsOut + " Music[bg1:0+4000 v0,bg2:4000+2000 v0]" << qint64(6000)
            << QJsonObject{{"volume", 0.0}};

        QTest::newRow("remove music drops its track")
            << f << OpFn([](const Draft& d) { return removeMusic(d); }) << videoOut + " " + textsOut
            << qint64(6000) << QJsonObject{{"removed_segments", 2}};
        QTest::newRow("remove music keeps other audio on its track")
            << draftOf({video(), track("a1", 1, "Audio",
                                       {seg("vo", "m3", 0, 0, 6000),
                                        seg("bg", "m9", 0, 0, 6000, music(0.3))})})
            << OpFn([](const Draft& d) { return removeMusic(d); })
            << videoOut + " Audio[vo:0+6000@0]" << qint64(6000)
            << QJsonObject{{"removed_segments", 1}};

        QTest::newRow("new text without style: the title of several")
            << f << OpFn([](const Draft& d) {
                   return editText(d, {"", "Urban Dreams", "", -1, -1, {}, false});
               })
            << videoOut + " Titles[t1:1000+1000 'Urban Dreams' center,t2:3000+1000 'Sub 2' bottom,"
                          "t3:0+1000 'Ana' bottom_left,t4:2000+500 'Sub 1' bottom] "
                          "Music[bg1:0+4000 v0.4,bg2:4000+2000 v0.4]"
            << qint64(6000)
            << QJsonObject{{"changed", 1},
                           {"text", "Urban Dreams"},
                           {"position", "center"},
                           {"start_ms", 1000},
                           {"duration_ms", 1000}};
        QTest::newRow("no style, no title: the first text by start")
            << withTexts({seg("t2", "", 3000, 0, 1000, text("Sub", "caption", "bottom")),
                          seg("t3", "", 500, 0, 1500, text("Ana", "lower_third", "bottom_left"))})
            << OpFn([](const Draft& d) {
                   return editText(d, {"", "Ana Silva", "", -1, -1, {}, false});
               })
            << videoOut + " Titles[t2:3000+1000 'Sub' bottom,t3:500+1500 'Ana Silva' bottom_left]"
            << qint64(6000) << QJsonObject{{"changed", 1}, {"text", "Ana Silva"}};
        QTest::newRow("every caption to the top")
            << f << OpFn([](const Draft& d) {
                   return editText(d, {"caption", "", "top", -1, -1, {}, false});
               })
            << videoOut + " Titles[t1:1000+1000 'Hi' center,t2:3000+1000 'Sub 2' top,"
                          "t3:0+1000 'Ana' bottom_left,t4:2000+500 'Sub 1' top] "
                          "Music[bg1:0+4000 v0.4,bg2:4000+2000 v0.4]"
            << qint64(6000) << QJsonObject{{"changed", 2}, {"position", "top"}};
        QTest::newRow("position words are normalised")
            << withTexts({seg("t1", "", 0, 0, 1000, text("Hi", "title", "center"))})
            << OpFn([](const Draft& d) {
                   return editText(d, {"", "", "Top Left", -1, -1, {}, false});
               })
            << videoOut + " Titles[t1:0+1000 'Hi' top_left]" << qint64(6000)
            << QJsonObject{{"position", "top_left"}};
        QTest::newRow("title moved and lengthened, clamped to the footage")
            << withTexts({seg("t1", "", 0, 0, 1000, text("Hi", "title", "center"))})
            << OpFn([](const Draft& d) {
                   return editText(d, {"title", "", "", 4500, 3000, {}, false});
               })
            << videoOut + " Titles[t1:4500+1500 'Hi' center]" << qint64(6000)
            << QJsonObject{{"start_ms", 4500}, {"duration_ms", 1500}, {"changed", 1}};
        QTest::newRow("lower third shortened")
            << f << OpFn([](const Draft& d) {
                   return editText(d, {"lower_third", "", "", -1, 700, {}, false});
               })
            << videoOut + " Titles[t1:1000+1000 'Hi' center,t2:3000+1000 'Sub 2' bottom,"
                          "t3:0+700 'Ana' bottom_left,t4:2000+500 'Sub 1' bottom] "
                          "Music[bg1:0+4000 v0.4,bg2:4000+2000 v0.4]"
            << qint64(6000) << QJsonObject{{"duration_ms", 700}, {"start_ms", 0}};
        QTest::newRow("a longer text that would run into the next moves to a new text track")
            << withTexts({seg("t1", "", 0, 0, 1000, text("One", "caption", "bottom")),
                          seg("t2", "", 2000, 0, 1000, text("Two", "caption", "bottom"))})
            << OpFn([](const Draft& d) {
                   return editText(d, {"", "", "", -1, 3000, {}, false});
               })
            << videoOut + " Titles[t2:2000+1000 'Two' bottom] Titles[t1:0+3000 'One' bottom]"
            << qint64(6000) << QJsonObject{{"duration_ms", 3000}, {"changed", 1}};
        QTest::newRow("a moved text goes to the text track where it fits")
            << draftOf(
                   {video(),
                    track("x1", 7, "Titles",
                          {seg("t1", "", 0, 0, 1000, text("One", "caption", "bottom")),
                           seg("t3", "", 1000, 0, 1000, text("Hi", "title", "center")),
                           seg("t2", "", 2000, 0, 1000, text("Two", "caption", "bottom"))}),
                    track("x2", 7, "Lower",
                          {seg("t4", "", 0, 0, 1500, text("Ana", "lower_third", "bottom_left"))})})
            << OpFn([](const Draft& d) {
                   return editText(d, {"title", "", "", 2500, -1, {}, false});
               })
            << videoOut + " Titles[t1:0+1000 'One' bottom,t2:2000+1000 'Two' bottom] "
                          "Lower[t4:0+1500 'Ana' bottom_left,t3:2500+1000 'Hi' center]"
            << qint64(6000) << QJsonObject{{"start_ms", 2500}};

        QTest::newRow("remove the captions only")
            << f << OpFn([](const Draft& d) { return removeText(d, "caption"); })
            << videoOut + " Titles[t1:1000+1000 'Hi' center,t3:0+1000 'Ana' bottom_left] "
                          "Music[bg1:0+4000 v0.4,bg2:4000+2000 v0.4]"
            << qint64(6000) << QJsonObject{{"removed", 2}};
        QTest::newRow("remove every text drops the text track")
            << f << OpFn([](const Draft& d) { return removeText(d, ""); })
            << videoOut + " Music[bg1:0+4000 v0.4,bg2:4000+2000 v0.4]" << qint64(6000)
            << QJsonObject{{"removed", 4}};

        const QString introGone = "Video[a:0+2000@0,b:2000+2000@5000,c:4000+2000@10000] "
                                  "Titles[t1:1000+2000 'Hi' center] Music[bg:0+6000 v0.35]";
        QTest::newRow("remove the marked intro: ripple, fade-in dropped")
            << withIntro() << OpFn([](const Draft& d) { return removeIntro(d); }) << introGone
            << qint64(6000) << QJsonObject{{"removed_ms", 3000}, {"segments", 3}};
        Draft split = withIntro();
        split.t[0].sg[0].d = 1200;
        split.t[0].sg.insert(
            1, seg("clip_1_1", "m5", 1200, 1500, 1800, {{"name", "intro.mp4"}, {"role", "intro"}}));
        QTest::newRow("an intro split in two pieces goes whole")
            << split << OpFn([](const Draft& d) { return removeIntro(d); }) << introGone
            << qint64(6000) << QJsonObject{{"removed_ms", 3000}};
        QTest::newRow("an intro from before the marker (insertClip's clip named intro.mp4)")
            << insertClip(full(), {"m5", "intro.mp4", "video", 3000, true, true}, 0, "fade", 500)
                   .draft
            << OpFn([](const Draft& d) { return removeIntro(d); })
            << videoOut + " " + textsOut + " Music[bg1:0+4000 v0.4,bg2:4000+2000 v0.4]"
            << qint64(6000) << QJsonObject{{"removed_ms", 3000}};
    }

    void ops()
    {
        QFETCH(Draft, draft);
        QFETCH(OpFn, op);
        QFETCH(QString, expected);
        QFETCH(qint64, duration);
        QFETCH(QJsonObject, details);
        const Draft before = draft;
        const EditResult r = op(draft);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(draft, before);
        QCOMPARE(describe(r.draft), expected);
        QCOMPARE(r.draft.d, duration);
        QCOMPARE(r.draft.computedDuration(), duration);
        for (auto it = details.begin(); it != details.end(); ++it) {
            QVERIFY2(r.details.contains(it.key()), qPrintable(it.key()));
            if (it.value().isString())
                QCOMPARE(r.details.value(it.key()).toString(), it.value().toString());
            else
                QCOMPARE(r.details.value(it.key()).toDouble(), it.value().toDouble());
        }
        QVERIFY2(r.draft.validate().isEmpty(), qPrintable(r.draft.validate().join(' ')));
    }

    void errors_data()
    {
        QTest::addColumn<Draft>("draft");
        QTest::addColumn<OpFn>("op");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("reason");

        const Draft plain = withTexts({seg("t2", "", 3000, 0, 1000, text("S", "caption", "bottom")),
                                       seg("t4", "", 0, 0, 1000, text("T", "caption", "bottom"))});
        const Draft bare = draftOf({video()});
        const QString noMusic = "There is no background music on the timeline.";
        QTest::newRow("volume without music")
            << plain << OpFn([](const Draft& d) { return setMusicVolume(d, 0.5, 1); }) << 4009
            << noMusic;
        QTest::newRow("relative volume without music")
            << plain << OpFn([](const Draft& d) { return setMusicVolume(d, -1, 2); }) << 4009
            << noMusic;
        QTest::newRow("remove music without music")
            << plain << OpFn([](const Draft& d) { return removeMusic(d); }) << 4009 << noMusic;
        QTest::newRow("a plain audio track is not music")
            << draftOf({video(), track("a1", 1, "Voice", {seg("vo", "m3", 0, 0, 6000)})})
            << OpFn([](const Draft& d) { return removeMusic(d); }) << 4009 << noMusic;
        QTest::newRow("negative factor")
            << full() << OpFn([](const Draft& d) { return setMusicVolume(d, -1, -2); }) << 4000
            << "factor";
        QTest::newRow("NaN volume")
            << full() << OpFn([](const Draft& d) { return setMusicVolume(d, std::nan(""), 1); })
            << 4000 << "not a number";

        QTest::newRow("no title") << plain << OpFn([](const Draft& d) {
            return editText(d, {"title", "X", "", -1, -1, {}, false});
        }) << 4009 << "There is no title on the timeline.";
        QTest::newRow("no lower third") << plain << OpFn([](const Draft& d) {
            return editText(d, {"lower_third", "X", "", -1, -1, {}, false});
        }) << 4009 << "There is no lower third on the timeline.";
        QTest::newRow("no caption")
            << withTexts({seg("t1", "", 0, 0, 1000, text("Hi", "title", "center"))})
            << OpFn([](const Draft& d) {
                   return editText(d, {"caption", "", "top", -1, -1, {}, false});
               })
            << 4009 << "There is no caption on the timeline.";
        QTest::newRow("no text at all") << bare << OpFn([](const Draft& d) {
            return editText(d, {"", "X", "", -1, -1, {}, false});
        }) << 4009 << "There is no text on the timeline.";
        QTest::newRow("unknown position") << plain << OpFn([](const Draft& d) {
            return editText(d, {"caption", "", "upper", -1, -1, {}, false});
        }) << 4000 << "Unknown position \"upper\"";
        QTest::newRow("unknown style") << plain << OpFn([](const Draft& d) {
            return editText(d, {"banner", "X", "", -1, -1, {}, false});
        }) << 4000 << "Unknown text style \"banner\"";
        QTest::newRow("nothing to change") << plain << OpFn([](const Draft& d) {
            return editText(d, {"caption", "", "", -1, 0, {}, false});
        }) << 4000 << "Nothing to change";
        QTest::newRow("blank new text") << plain << OpFn([](const Draft& d) {
            return editText(d, {"caption", "  ", "", -1, -1, {}, false});
        }) << 4000 << "The new text is empty.";
        QTest::newRow("start after the end")
            << withTexts({seg("t1", "", 0, 0, 1000, text("Hi", "title", "center"))})
            << OpFn([](const Draft& d) {
                   return editText(d, {"", "", "", 6000, -1, {}, false});
               })
            << 4000 << "after the end of the video";
        QTest::newRow("one start for several captions") << plain << OpFn([](const Draft& d) {
            return editText(d, {"caption", "", "", 500, -1, {}, false});
        }) << 4000 << "There are 2 captions";
        QTest::newRow("remove captions when there are none")
            << withTexts({seg("t1", "", 0, 0, 1000, text("Hi", "title", "center"))})
            << OpFn([](const Draft& d) { return removeText(d, "caption"); }) << 4009
            << "There is no caption on the timeline.";
        QTest::newRow("remove texts when there are none")
            << bare << OpFn([](const Draft& d) { return removeText(d, ""); }) << 4009
            << "There is no text on the timeline.";
        QTest::newRow("remove texts of an unknown style")
            << plain << OpFn([](const Draft& d) { return removeText(d, "marquee"); }) << 4000
            << "Unknown text style";

        const QString noIntro = "There is no added intro to remove.";
        QTest::newRow("no intro") << full() << OpFn([](const Draft& d) { return removeIntro(d); })
                                  << 4009 << noIntro;
        QTest::newRow("empty draft has no intro")
            << Draft{} << OpFn([](const Draft& d) { return removeIntro(d); }) << 4009 << noIntro;
        QTest::newRow("an uploaded intro.mp4 is not an added intro")
            << draftOf({track("v1", 0, "Video",
                              {seg("s1", "m5", 0, 0, 3000, {{"name", "intro.mp4"}}),
                               seg("s2", "m1", 3000, 0, 2000)})})
            << OpFn([](const Draft& d) { return removeIntro(d); }) << 4009 << noIntro;
        QTest::newRow("an intro.mp4 clip that is not first")
            << draftOf({track("v1", 0, "Video",
                              {seg("s1", "m1", 0, 0, 2000),
                               seg("clip_1", "m5", 2000, 0, 3000, {{"name", "intro.mp4"}})})})
            << OpFn([](const Draft& d) { return removeIntro(d); }) << 4009 << noIntro;
        QTest::newRow("the intro is all there is")
            << draftOf({track("v1", 0, "Video",
                              {seg("clip_1", "m5", 0, 0, 3000, {{"role", "intro"}})})})
            << OpFn([](const Draft& d) { return removeIntro(d); }) << 4000 << "only clip";
    }

    void errors()
    {
        QFETCH(Draft, draft);
        QFETCH(OpFn, op);
        QFETCH(int, code);
        QFETCH(QString, reason);
        const Draft before = draft;
        const EditResult r = op(draft);
        QVERIFY(!r.ok);
        QCOMPARE(r.errorCode, code);
        QVERIFY2(r.error.contains(reason), qPrintable(r.error));
        QVERIFY(r.draft.t.isEmpty());
        QVERIFY(r.details.isEmpty());
        QCOMPARE(draft, before);
    }

    // What the agent does: insertClip, then the marker on the inserted clip; removeIntro
    // undoes it exactly, whatever the intro's id.
    void introRoundTrip()
    {
        const Draft start = full();
        EditResult added =
            insertClip(start, {"m7", "intro.mp4", "video", 4000, true, true}, 0, "fade", 500);
        QVERIFY(added.ok);
        for (Track& t : added.draft.t)
            for (Segment& s : t.sg)
                if (s.src == "m7") {
                    s.id = "renamed";
                    s.m.insert("role", "intro");
                }
        const EditResult removed = removeIntro(added.draft);
        QVERIFY2(removed.ok, qPrintable(removed.error));
        QCOMPARE(describe(removed.draft), describe(start));
        QCOMPARE(removed.details.value("removed_ms").toInteger(), 4000);
    }
};

QTEST_GUILESS_MAIN(TstChangeOps)
#include "tst_changeops.moc"
