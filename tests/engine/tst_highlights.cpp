// "The best 30 seconds" through the chat over the real engine, on a generated talk with one
// exciting stretch: 21 espeak-ng phrases with 0.7 s pauses over a still grey picture, except
// phrases 9-13 (about 19 s), which are spoken 10 dB louder over a moving test pattern. The
// chosen 30 s must hold every word of that stretch, each cut must fall where nobody speaks
// (no speech within 50 ms of it, measured against the phrases' true speech intervals), the
// reply must say how the parts were chosen and what was left out, and the export's length
// (ffprobe) must be the draft's. The same request in Chinese reads the cached analysis.
#include "AgentTurn.h"
#include "ExcitingTalk.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

namespace {

using test::Span;

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
    const int m_first = test::ExcitingTalk::kFirst, m_last = test::ExcitingTalk::kLast;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        test::ExcitingTalk talk;
        QVERIFY2(test::makeExcitingTalk(QDir(m_dir.path()), &talk, &error), qPrintable(error));
        m_talk = talk.path;
        m_speech = talk.speech;
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
