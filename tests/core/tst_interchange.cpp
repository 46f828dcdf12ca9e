// The interchange writers, from tables: every scenario (cuts with a dissolve, gaps and an
// audio tail, 29.97 and 25 fps, a cutaway lane, speed, overlapping segments, hostile names
// and paths) is written in every format and read back by the independent readers of
// InterchangeParse.h; the clips must land where the draft puts them, at the draft's frame
// rate, with the source media paths. XML files must also pass `xmllint --noout`. Debian
// ships no FCPXML DTD; set CLIPWRIGHT_FCPXML_DTD to a DTD file to validate against it too.
#include "DraftBuilder.h"
#include "InterchangeParse.h"

#include "Interchange.h"

#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

using namespace cw;
using namespace cw::interchange;
using cw::test::seg;
using cw::test::track;

namespace {

const QString kHostileName = QStringLiteral("../../etc/passwd\"<tag>&amp;'\nline2") + QChar(0) +
                             QStringLiteral("nul\t\x01") + QString(3000, u'x');
const QString kHostilePath =
    QStringLiteral("/srv/media/we\"ird <dir>/&amp;/\u65e5\u672c ../clip #1\n(50%).mp4");
const QString kHostileText =
    QStringLiteral("<b>Tom & \"Jerry\"</b>\r\n\r\nline2 --> x") + QChar(0) + QStringLiteral("end");

QList<SourceMedia> media()
{
    QList<SourceMedia> list;
    list << SourceMedia{QStringLiteral("m1"),
                        QStringLiteral("/srv/media/city clip.mp4"),
                        QStringLiteral("city.mp4"),
                        12000,
                        1280,
                        720,
                        30,
                        true,
                        true};
    list << SourceMedia{QStringLiteral("m2"),
                        QStringLiteral("/srv/media/lo-fi.mp3"),
                        QStringLiteral("lo-fi.mp3"),
                        60000,
                        0,
                        0,
                        0,
                        false,
                        true};
    list << SourceMedia{QStringLiteral("m3"),
                        QStringLiteral("/srv/media/b roll.mov"),
                        QStringLiteral("b roll.mov"),
                        8000,
                        640,
                        360,
                        25,
                        true,
                        false};
    list << SourceMedia{
        QStringLiteral("mh\"<&"), kHostilePath, kHostileName, 5000, 1920, 1080, 30, true, true};
    return list;
}

QJsonObject m(std::initializer_list<std::pair<QString, QJsonValue>> kv)
{
    QJsonObject o;
    for (const auto& [k, v] : kv)
        o.insert(k, v);
    return o;
}

Segment text(const QString& id, qint64 st, qint64 d, const QString& t)
{
    return seg(id, QString(), st, 0, d, m({{QStringLiteral("text"), t}}));
}

Draft scenario(const QString& name)
{
    const QJsonObject fade =
        m({{QStringLiteral("tr"),
            m({{QStringLiteral("type"), QStringLiteral("fade")}, {QStringLiteral("d"), 500}})}});
    QList<Track> t;
    double fps = 30;
    if (name == QLatin1String("gaps")) {
        t << track("v1", 0, {seg("s1", "m1", 1000, 0, 2000), seg("s2", "m1", 5000, 4000, 1500)})
          << track("a1", 1, {seg("s3", "m2", 7000, 0, 3000)})
          << track("x1", 7, {text("t1", 9000, 2500, "late")});
    } else if (name == QLatin1String("ntsc") || name == QLatin1String("pal")) {
        fps = name == QLatin1String("ntsc") ? 29.97 : 25;
        t << track("v1", 0,
                   {seg("s1", "m1", 0, 333, 1001), seg("s2", "m1", 1001, 2002, 2999, fade)})
          << track("a1", 1, {seg("s3", "m2", 17, 0, 4000)});
    } else if (name == QLatin1String("speed")) {
        t << track("v1", 0,
                   {seg("s1", "m1", 0, 1000, 2000, m({{QStringLiteral("speed"), 2.0}})),
                    seg("s2", "m1", 2000, 6000, 1000)});
    } else if (name == QLatin1String("overlap")) {
        t << track("v1", 0, {seg("s1", "m1", 0, 0, 3000), seg("s2", "m1", 2000, 5000, 2000)});
    } else if (name == QLatin1String("hostile")) {
        t << track("v1", 0,
                   {seg("s1", "m1", 0, 0, 1000, m({{QStringLiteral("name"), kHostileName}})),
                    seg("s2", "mh\"<&", 1000, 500, 2000)})
          << track("x1", 7, {text("t1", 0, 1500, kHostileText)});
    } else { // "sample", "cutaway"
        t << track("v1", 0, "Video",
                   {seg("s1", "m1", 0, 1200, 4000, m({{QStringLiteral("name"), "city.mp4"}})),
                    seg("s2", "m1", 4000, 7300, 6000, fade)})
          << track("a1", 1, "BGM",
                   {seg("s3", "m2", 0, 0, 10000,
                        m({{QStringLiteral("name"), "Lo-fi"}, {QStringLiteral("vol"), 0.35}}))})
          << track("x1", 7, "Titles", {text("t1", 0, 3000, "Urban Dreams")});
        if (name == QLatin1String("cutaway"))
            t << track("v2", 0, "B-roll", {seg("b1", "m3", 1000, 500, 1500)});
    }
    Draft d = cw::test::draftOf(t);
    d.m = m({{QStringLiteral("title"), name == QLatin1String("hostile") ? kHostileName : name},
             {QStringLiteral("width"), 1920},
             {QStringLiteral("height"), 1080},
             {QStringLiteral("fps"), fps}});
    return d;
}

struct Rate {
    qint64 num, den;
    qint64 frames(qint64 ms) const { return std::llround(double(ms) * num / (den * 1000.0)); }
};

Rate rateFor(const Draft& d)
{
    const double fps = d.m.value(QStringLiteral("fps")).toDouble();
    return std::abs(fps - 29.97) < 0.01 ? Rate{30000, 1001} : Rate{qint64(fps), 1};
}

QString pathOf(const QString& id)
{
    for (const SourceMedia& s : media())
        if (s.id == id)
            return s.path;
    return {};
}

// The draft's clips as a reader should find them; speedIn: the MLT in-point of a sped
// clip is in the warped producer's frames.
QList<cw::test::Placed> expected(const Draft& d, bool warpedIn = false)
{
    const Rate r = rateFor(d);
    QList<cw::test::Placed> out;
    for (const Track& t : d.t)
        for (const Segment& s : t.sg) {
            if (t.tt == 7 || r.frames(s.end()) <= r.frames(s.st))
                continue;
            const double speed = s.m.value(QStringLiteral("speed")).toDouble(1.0);
            const qint64 in = warpedIn ? qint64(double(r.frames(s.in)) / speed) : r.frames(s.in);
            out << cw::test::Placed{t.tt == 1, r.frames(s.st), r.frames(s.end()), in,
                                    pathOf(s.src)};
        }
    std::sort(out.begin(), out.end());
    return out;
}

qint64 totalFrames(const Draft& d)
{
    return rateFor(d).frames(d.computedDuration());
}

void comparePlaced(QList<cw::test::Placed> got, const QList<cw::test::Placed>& want,
                   bool checkPaths)
{
    std::sort(got.begin(), got.end());
    QVERIFY2(got == want, qPrintable(QStringLiteral("got  %1\nwant %2")
                                         .arg(cw::test::describe(got), cw::test::describe(want))));
    if (checkPaths)
        for (qsizetype i = 0; i < got.size(); ++i)
            QCOMPARE(got[i].path, want[i].path);
}

QString xmllint(const QByteArray& bytes, const QStringList& extra = {})
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("doc.xml")));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        return QStringLiteral("cannot write temp file");
    f.close();
    QProcess p;
    p.start(QStringLiteral("xmllint"),
            QStringList{QStringLiteral("--noout")} + extra << f.fileName());
    if (!p.waitForFinished(30000))
        return QStringLiteral("xmllint did not run");
    return p.exitCode() == 0 ? QString() : QString::fromUtf8(p.readAllStandardError()).left(2000);
}

const QStringList kScenarios{QStringLiteral("sample"),  QStringLiteral("gaps"),
                             QStringLiteral("ntsc"),    QStringLiteral("pal"),
                             QStringLiteral("cutaway"), QStringLiteral("speed"),
                             QStringLiteral("overlap"), QStringLiteral("hostile")};

} // namespace

class TstInterchange : public QObject {
    Q_OBJECT

private slots:
    void formatNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("format"); // -1: none
        QTest::newRow("bare") << "fcpxml" << int(Format::Fcpxml);
        QTest::newRow("dot upper") << ".EDL" << int(Format::Edl);
        QTest::newRow("path") << "/tmp/a.b/cut.mlt" << int(Format::Mlt);
        QTest::newRow("otio") << "x.otio" << int(Format::Otio);
        QTest::newRow("srt") << "subs.SRT" << int(Format::Srt);
        QTest::newRow("vtt") << "vtt" << int(Format::Vtt);
        QTest::newRow("webvtt") << "webvtt" << int(Format::Vtt);
        QTest::newRow("dir with ext") << "/tmp/x.edl/file" << -1;
        QTest::newRow("mp4") << "out.mp4" << -1;
        QTest::newRow("empty") << "" << -1;
    }
    void formatNames()
    {
        QFETCH(QString, name);
        QFETCH(int, format);
        const std::optional<Format> f = formatFromName(name);
        QCOMPARE(f ? int(*f) : -1, format);
        if (f) {
            QCOMPARE(formatFromName(extension(*f)), f);
            QVERIFY(!displayName(*f).isEmpty());
        }
    }
    void formatList() { QCOMPARE(allFormats().size(), 6); }

    void edl_data() { scenarios(); }
    void edl()
    {
        QFETCH(QString, scenario);
        const Draft d = scenario_(scenario);
        QString error;
        const QByteArray bytes = write(Format::Edl, d, media(), &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QString bad;
        QStringList files;
        const Rate r = rateFor(d);
        const auto events =
            cw::test::parseEdl(bytes, int((r.num + r.den / 2) / r.den), &bad, &files);
        QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("stray line: ") + bad));
        QVERIFY(bytes.startsWith("TITLE: "));
        QVERIFY(bytes.contains("\nFCM: NON-DROP FRAME\n"));
        comparePlaced(cw::test::placedFromEdl(events), expected(d), false);
        int dissolves = 0;
        for (const auto& e : events)
            if (e.kind == QLatin1String("D")) {
                ++dissolves;
                QCOMPARE(e.transition, int(r.frames(500)));
            }
        QCOMPARE(dissolves, transitions(scenario));
        for (const QString& f : files)
            QVERIFY2(pathOf(QStringLiteral("m1")) == f || pathOf(QStringLiteral("m2")) == f ||
                         pathOf(QStringLiteral("m3")) == f ||
                         f == QString(kHostilePath).replace(u'\n', u' '),
                     qPrintable(f));
        QCOMPARE(bytes.count("* SOURCE FILE: "), expected(d).size());
    }

    void otio_data() { scenarios(); }
    void otio()
    {
        QFETCH(QString, scenario);
        const Draft d = scenario_(scenario);
        QString error;
        const QByteArray bytes = write(Format::Otio, d, media(), &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
        QVERIFY2(doc.isObject(), qPrintable(pe.errorString()));
        QCOMPARE(doc.object().value("OTIO_SCHEMA").toString(), QStringLiteral("Timeline.1"));
        QCOMPARE(doc.object().value("tracks").toObject().value("OTIO_SCHEMA").toString(),
                 QStringLiteral("Stack.1"));
        QString problem;
        comparePlaced(cw::test::placedFromOtio(doc.object(), &problem), expected(d), true);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const Rate r = rateFor(d);
        const double rate = double(r.num) / double(r.den);
        const QByteArray json = bytes;
        QVERIFY(json.contains(QByteArray::number(rate, 'g', 10)) || rate == 30 || rate == 25);
        QCOMPARE(bytes.count("\"Transition.1\""), transitions(scenario));
    }

    void fcpxml_data() { scenarios(); }
    void fcpxml()
    {
        QFETCH(QString, scenario);
        const Draft d = scenario_(scenario);
        QString error;
        const QByteArray bytes = write(Format::Fcpxml, d, media(), &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        const QString lint = xmllint(bytes);
        QVERIFY2(lint.isEmpty(), qPrintable(lint));
        const QString dtd = qEnvironmentVariable("CLIPWRIGHT_FCPXML_DTD");
        if (!dtd.isEmpty()) {
            const QString valid = xmllint(bytes, {QStringLiteral("--dtdvalid"), dtd});
            QVERIFY2(valid.isEmpty(), qPrintable(valid));
        }
        const Rate r = rateFor(d);
        const cw::test::FcpxmlDoc doc = cw::test::parseFcpxml(bytes, r.num, r.den);
        QVERIFY2(doc.problem.isEmpty(), qPrintable(doc.problem));
        QCOMPARE(doc.sequenceDuration, totalFrames(d));
        QCOMPARE(doc.spineEnd, totalFrames(d));
        comparePlaced(doc.clips, expected(d), true);
        for (const QString& src : doc.assetSources)
            QVERIFY2(src.startsWith(QLatin1String("file:///")) && !src.contains(u' ') &&
                         !src.contains(u'"') && !src.contains(u'<'),
                     qPrintable(src));
        if (scenario == QLatin1String("sample"))
            QCOMPARE(doc.titles, QStringList{QStringLiteral("Urban Dreams")});
        if (scenario == QLatin1String("hostile")) {
            const QString name =
                QString(QStringLiteral("../../etc/passwd\"<tag>&amp;' line2 nul ") +
                        QString(3000, u'x'))
                    .left(200);
            QVERIFY2(doc.names.contains(name), qPrintable(doc.names.join(u'|')));
            QVERIFY(!doc.titles.isEmpty());
            QVERIFY(doc.titles.first().startsWith(QStringLiteral("<b>Tom & \"Jerry\"</b>")));
        }
    }

    void mlt_data() { scenarios(); }
    void mlt()
    {
        QFETCH(QString, scenario);
        const Draft d = scenario_(scenario);
        QString error;
        const QByteArray bytes = write(Format::Mlt, d, media(), &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        const QString lint = xmllint(bytes);
        QVERIFY2(lint.isEmpty(), qPrintable(lint));
        const cw::test::MltDoc doc = cw::test::parseMlt(bytes);
        QVERIFY2(doc.problem.isEmpty(), qPrintable(doc.problem));
        comparePlaced(doc.clips, expected(d, true), true);
        const Rate r = rateFor(d);
        QVERIFY(bytes.contains(QStringLiteral("frame_rate_num=\"%1\"").arg(r.num).toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral("frame_rate_den=\"%1\"").arg(r.den).toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral("<tractor id=\"tractor0\"").toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral("out=\"%1\"").arg(totalFrames(d) - 1).toUtf8()));
        if (scenario == QLatin1String("sample"))
            QVERIFY(bytes.contains("<property name=\"gain\">0.35</property>"));
    }

    // Fades: MLT filters with keyframes on the tractor and the entry, named in FCPXML (which
    // cannot carry them) and in OTIO's metadata; none of it without fades. Logos: named.
    void fades()
    {
        Draft d = cw::test::draftOf(
            {track("v1", 0,
                   {seg("a", "m1", 0, 0, 2000, {{"fade_out", QJsonObject{{"d", 500}}}}),
                    seg("b", "m1", 2000, 3000, 2000)})});
        d.m = QJsonObject{{"fade_in", QJsonObject{{"d", 1000}, {"color", "white"}}}};
        QString error;
        const QByteArray mlt = write(Format::Mlt, d, media(), &error);
        QVERIFY2(xmllint(mlt).isEmpty(), qPrintable(xmllint(mlt)));
        QVERIFY(mlt.contains("<property name=\"level\">0=0;30=1</property>")); // the video
        QVERIFY(mlt.contains("<property name=\"level\">0=-60;30=0</property>"));
        QVERIFY(mlt.contains("<property name=\"level\">44=1;59=0</property>")); // clip a
        QVERIFY(mlt.contains("a fade to white, written as a fade to black"));
        const QByteArray fcpxml = write(Format::Fcpxml, d, media(), &error);
        QVERIFY(fcpxml.contains("fades (in/out of the video"));
        const QByteArray otio = write(Format::Otio, d, media(), &error);
        QVERIFY(otio.contains("\"fade_in_frames\": 30"));
        QVERIFY(otio.contains("\"fade_out_frames\": 15"));

        // A logo is named, not placed as a full-frame cutaway.
        d.t << track("x1", 0,
                     {seg("l", "m3", 0, 0, 4000,
                          {{"role", "overlay"}, {"name", "b--logo.png"}, {"pos", "top_left"}})});
        const QByteArray withLogo = write(Format::Mlt, d, media(), &error);
        QVERIFY2(xmllint(withLogo).isEmpty(), qPrintable(xmllint(withLogo)));
        QVERIFY(withLogo.contains("not carried; add them in the editor: b- -logo.png"));
        QVERIFY(!withLogo.contains("b roll.mov"));
        QVERIFY(write(Format::Fcpxml, d, media(), &error).contains("Logos drawn over the video"));
        QVERIFY(write(Format::Otio, d, media(), &error).contains("\"not_carried\""));
        d.t.removeLast();

        d.m = {};
        d.t[0].sg[0].m = {};
        QVERIFY(!write(Format::Mlt, d, media(), &error).contains("level"));
        QVERIFY(!write(Format::Fcpxml, d, media(), &error).contains("fades"));
        QVERIFY(!write(Format::Otio, d, media(), &error).contains("fade_"));
    }

    // A title's look (colour, size, bold, outline, box colour) in FCPXML's text-style.
    void titleLook()
    {
        Draft d = cw::test::draftOf({track("v1", 0, {seg("a", "m1", 0, 0, 3000)})});
        d.t << track("x1", 7,
                     {seg("t1", QString(), 0, 0, 2000,
                          m({{"text", "Red"},
                             {"color", "#ff0000"},
                             {"size", 1.5},
                             {"bold", true},
                             {"outline", true},
                             {"box", true},
                             {"box_color", "#000080"}}))});
        QString error;
        const QByteArray fcpxml = write(Format::Fcpxml, d, media(), &error);
        QVERIFY2(xmllint(fcpxml).isEmpty(), qPrintable(xmllint(fcpxml)));
        QVERIFY2(fcpxml.contains("fontSize=\"108\" fontColor=\"1 0 0 1\" bold=\"1\" "
                                 "strokeColor=\"0 0 0 0.7\""),
                 fcpxml.constData());
        QVERIFY(fcpxml.contains("backgroundColor=\"0 0 0.502 1\""));
        d.t[1].sg[0].m = m({{"text", "Plain"}, {"color", "red\"/>"}});
        const QByteArray plain = write(Format::Fcpxml, d, media(), &error);
        QVERIFY(plain.contains("fontSize=\"72\" fontColor=\"1 1 1 1\" alignment"));
    }

    void subtitles_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<bool>("vtt");
        for (const char* s : {"sample", "gaps", "hostile", "merged"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1 srt").arg(QLatin1String(s))))
                << QString::fromLatin1(s) << false;
            QTest::newRow(qPrintable(QStringLiteral("%1 vtt").arg(QLatin1String(s))))
                << QString::fromLatin1(s) << true;
        }
    }
    void subtitles()
    {
        QFETCH(QString, scenario);
        QFETCH(bool, vtt);
        Draft d =
            scenario_(scenario == QLatin1String("merged") ? QStringLiteral("sample") : scenario);
        QList<cw::test::Cue> want;
        if (scenario == QLatin1String("merged")) {
            d.t << track("x2", 7, {text("t2", 500, 700, "second\ntrack"), text("t3", 0, 100, "")});
            want << cw::test::Cue{0, 3000, "Urban Dreams"}
                 << cw::test::Cue{500, 1200, "second\ntrack"};
        } else if (scenario == QLatin1String("hostile")) {
            want << cw::test::Cue{0, 1500, "<b>Tom & \"Jerry\"</b>\nline2 --> xend"};
        } else if (scenario == QLatin1String("gaps")) {
            want << cw::test::Cue{9000, 11500, "late"};
        } else {
            want << cw::test::Cue{0, 3000, "Urban Dreams"};
        }
        QString error;
        const QByteArray bytes = write(vtt ? Format::Vtt : Format::Srt, d, {}, &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QString problem;
        const QList<cw::test::Cue> cues = cw::test::parseCues(bytes, vtt, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(cues.size(), want.size());
        for (qsizetype i = 0; i < cues.size(); ++i) {
            QCOMPARE(cues[i].st, want[i].st);
            QCOMPARE(cues[i].end, want[i].end);
            QCOMPARE(cues[i].text, want[i].text);
        }
        QVERIFY(!bytes.contains('\0'));
        QVERIFY(!bytes.contains('\r'));
        if (vtt && scenario == QLatin1String("hostile"))
            QVERIFY(bytes.contains("&lt;b&gt;Tom &amp; \"Jerry\""));
        if (vtt)
            QCOMPARE(bytes.count("-->"), cues.size());
    }

    void errors_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("message");
        for (Format f : {Format::Fcpxml, Format::Edl, Format::Mlt, Format::Otio}) {
            const QString ext = extension(f);
            QTest::newRow(qPrintable(ext + " unknown src")) << int(f) << "unknown"
                                                            << "unknown media";
            QTest::newRow(qPrintable(ext + " empty")) << int(f) << "empty"
                                                      << "empty";
            QTest::newRow(qPrintable(ext + " text only")) << int(f) << "textonly"
                                                          << "unknown media";
        }
        for (Format f : {Format::Srt, Format::Vtt}) {
            const QString ext = extension(f);
            QTest::newRow(qPrintable(ext + " no text track")) << int(f) << "notext"
                                                              << "no text track";
            QTest::newRow(qPrintable(ext + " empty text")) << int(f) << "emptytext"
                                                           << "no text";
        }
    }
    void errors()
    {
        QFETCH(int, format);
        QFETCH(QString, scenario);
        QFETCH(QString, message);
        Draft d;
        if (scenario == QLatin1String("unknown"))
            d = cw::test::draftOf({track(
                "v1", 0, {seg("s1", "m1", 0, 0, 1000), seg("s2", "nope\n<x>", 1000, 0, 1000)})});
        else if (scenario == QLatin1String("textonly"))
            d = cw::test::draftOf({track("v1", 0, {seg("s1", "", 0, 0, 1000)})});
        else if (scenario == QLatin1String("empty"))
            d = cw::test::draftOf({track("v1", 0, {}), track("a1", 1, {seg("s", "m2", 0, 0, 0)})});
        else if (scenario == QLatin1String("notext"))
            d = scenario_(QStringLiteral("speed"));
        else if (scenario == QLatin1String("emptytext"))
            d = cw::test::draftOf(
                {track("x1", 7, {text("t1", 0, 1000, " \n\r\n"), text("t2", 0, 0, "zero")})});
        QString error;
        const QByteArray bytes = write(Format(format), d, media(), &error);
        QVERIFY(bytes.isEmpty());
        QVERIFY2(error.contains(message, Qt::CaseInsensitive), qPrintable(error));
        QVERIFY(!error.contains(u'\n'));
    }

private:
    static int transitions(const QString& scenario)
    {
        return QStringList{"sample", "cutaway", "ntsc", "pal"}.contains(scenario) ? 1 : 0;
    }
    static Draft scenario_(const QString& name) { return scenario(name); }
    static void scenarios()
    {
        QTest::addColumn<QString>("scenario");
        for (const QString& s : kScenarios)
            QTest::newRow(qPrintable(s)) << s;
    }
};

QTEST_GUILESS_MAIN(TstInterchange)
#include "tst_interchange.moc"
