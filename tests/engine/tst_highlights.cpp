// "The best 30 seconds" through the chat over the real engine, on a generated talk with one
// exciting stretch: 21 espeak-ng phrases with 0.7 s pauses over a still grey picture, except
// phrases 9-13 (about 19 s), which are spoken 10 dB louder over a moving test pattern. The
// chosen 30 s must hold every word of that stretch, each cut must fall where nobody speaks
// (no speech within 50 ms of it, measured against the phrases' true speech intervals), the
// reply must say how the parts were chosen and what was left out, and the export's length
// (ffprobe) must be the draft's. The same request in Chinese reads the cached analysis.
#include "AgentTurn.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

namespace {

struct Span {
    double start = 0, end = 0; // seconds of the source
};

QList<Span> spans(const QJsonArray& list)
{
    QList<Span> out;
    for (const QJsonValue& v : list)
        out << Span{v["start"].toDouble(), v["end"].toDouble()};
    return out;
}

// The source ranges the main track keeps, in seconds.
QList<Span> kept(const Draft& d)
{
    QList<Span> out;
    for (const Segment& s : d.t[0].sg)
        out << Span{s.in / 1000.0, (s.in + s.d) / 1000.0};
    return out;
}

} // namespace

class TstHighlights : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_talk;
    QList<Span> m_speech;
    int m_first = 8, m_last = 12; // the exciting phrases (0-based)

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        const QString plain = m_dir.filePath("plain.mp4");
        const QJsonObject info =
            test::makeSpeechClipWithPauses(plain, QList<double>(20, 0.7), 640, 360, &error);
        QVERIFY2(!info.isEmpty(), qPrintable(error));
        m_speech = spans(info["speech"].toArray());
        QCOMPARE(m_speech.size(), 21);
        // The stretch runs from the middle of the pause before phrase 9 to the middle of the
        // pause after phrase 13.
        const double a = (m_speech[m_first - 1].end + m_speech[m_first].start) / 2;
        const double b = (m_speech[m_last].end + m_speech[m_last + 1].start) / 2;
        const QString on = QStringLiteral("between(t,%1,%2)").arg(a).arg(b);
        m_talk = m_dir.filePath("talk.mp4");
        QVERIFY2(test::runFfmpeg({"-i",
                                  plain,
                                  "-f",
                                  "lavfi",
                                  "-i",
                                  "testsrc2=s=640x360:r=25",
                                  "-f",
                                  "lavfi",
                                  "-i",
                                  "color=c=gray:s=640x360:r=25",
                                  "-filter_complex",
                                  QStringLiteral("[2][1]overlay=shortest=1:enable='%1'[v];"
                                                 "[0:a]volume=10dB:enable='%1'[a]")
                                      .arg(on),
                                  "-map",
                                  "[v]",
                                  "-map",
                                  "[a]",
                                  "-t",
                                  QString::number(info["duration"].toDouble()),
                                  "-c:v",
                                  "libx264",
                                  "-preset",
                                  "veryfast",
                                  "-pix_fmt",
                                  "yuv420p",
                                  "-c:a",
                                  "aac",
                                  m_talk},
                                 &error),
                 qPrintable(error));
    }

    void bestThirty()
    {
        QString error;
        test::TestEngine engine;
        engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
        QVERIFY2(engine.start(&error), qPrintable(error));
        test::EngineClient c(engine.baseUrl(), engine.token());
        const QString sid = c.createSession();
        QFile f(m_talk);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(c.upload(sid, {{f.readAll(), "talk.mp4"}}).code(), 0);
        // More than half goes, so it asks first.
        const int version = test::stateOf(c, sid).version;
        test::Turn t = test::runTurn(c, sid, "cut it down to the best 30 seconds");
        QVERIFY2(t.text.contains("more than half"), qPrintable(t.text));
        QCOMPARE(test::stateOf(c, sid).version, version);
        t = test::runTurn(c, sid, "yes");
        QCOMPARE(t.calls, QStringList{"confirm"});
        QVERIFY2(t.text.contains("how much the picture moves") && t.text.contains("Left out"),
                 qPrintable(t.text));
        const test::State s = test::stateOf(c, sid);
        QVERIFY2(s.durationMs <= 30000 && s.durationMs >= 27000,
                 qPrintable(QString::number(s.durationMs)));

        const QList<Span> keep = kept(s.draft);
        QStringList shown;
        for (const Span& k : keep)
            shown << QStringLiteral("%1-%2").arg(k.start, 0, 'f', 2).arg(k.end, 0, 'f', 2);
        qInfo("kept %s of %.1f s; reply: %s", qPrintable(shown.join(", ")), m_speech.last().end,
              qPrintable(t.text));
        // Every word of the exciting stretch is there.
        for (int i = m_first; i <= m_last; ++i) {
            const Span& w = m_speech[i];
            QVERIFY2(std::any_of(keep.begin(), keep.end(),
                                 [&](const Span& k) {
                                     return k.start <= w.start + 1e-3 && k.end >= w.end - 1e-3;
                                 }),
                     qPrintable(QStringLiteral("phrase %1 (%2-%3 s) not kept whole")
                                    .arg(i + 1)
                                    .arg(w.start)
                                    .arg(w.end)));
        }
        // No cut within 50 ms of speech.
        for (const Span& k : keep)
            for (double cut : {k.start, k.end})
                for (const Span& w : m_speech)
                    QVERIFY2(cut <= w.start - 0.05 || cut >= w.end + 0.05,
                             qPrintable(QStringLiteral("a cut at %1 s is in the speech %2-%3 s")
                                            .arg(cut)
                                            .arg(w.start)
                                            .arg(w.end)));

        const QString file = test::exportSession(c, sid, m_dir.path());
        QVERIFY(!file.isEmpty());
        const double exported =
            test::probe(file)["format"].toObject()["duration"].toString().toDouble();
        QVERIFY2(std::abs(exported * 1000 - double(s.durationMs)) <= 100,
                 qPrintable(QString("export %1 s, draft %2 ms").arg(exported).arg(s.durationMs)));

        // Chinese, in a new session: the cached analysis, the same choice.
        const QString zh = c.createSession();
        QVERIFY(f.seek(0));
        QCOMPARE(c.upload(zh, {{f.readAll(), "talk.mp4"}}).code(), 0);
        test::runTurn(c, zh, "挑最精彩的30秒");
        const test::Turn z = test::runTurn(c, zh, "好的");
        QCOMPARE(z.calls, QStringList{"confirm"});
        QVERIFY2(z.text.contains("画面动作"), qPrintable(z.text));
        QCOMPARE(test::stateOf(c, zh).durationMs, s.durationMs);
    }
};

QTEST_GUILESS_MAIN(TstHighlights)
#include "tst_highlights.moc"
