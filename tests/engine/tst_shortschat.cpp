// "Make 3 vertical shorts of 10 seconds each" through the chat over the real engine, on the
// generated talk of tst_highlights (21 espeak-ng phrases with 0.7 s pauses, phrases 9-13 louder
// over a moving picture). Measured: the main timeline is unchanged; the three shorts do not
// overlap, each plays its source in order, each is within 10% under 10 s, and no cut falls
// within 50 ms of speech (against the phrases' true speech intervals); exporting short 2 (the
// draft the app sends: core shortDraft; the 1080p preset follows its frame) gives a file of
// that length (ffprobe) in 9:16. Bad cases: "export short 7" of 3 and more shorts than the
// footage holds are refused with the numbers and change nothing. Chinese: 剪成3个10秒的短视频, then
// 删掉短视频. The CLI: one file per short (OUT-1.mp4 ...), --short 2 alone, --short 7 refused with
// no file written.
#include "AgentTurn.h"
#include "ExcitingTalk.h"
#include "Shorts.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;

namespace {

using test::Span;

} // namespace

class TstShortsChat : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_talk;
    QList<Span> m_speech;
    double m_length = 0; // seconds of the file

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        test::ExcitingTalk talk;
        QVERIFY2(test::makeExcitingTalk(QDir(m_dir.path()), &talk, &error), qPrintable(error));
        m_talk = talk.path;
        m_speech = talk.speech;
        m_length = talk.length;
    }

    void threeShorts()
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
        const test::State before = test::stateOf(c, sid);

        const test::Turn t = test::runTurn(c, sid, "make 3 vertical shorts of 10 seconds each");
        qInfo("reply: %s", qPrintable(t.text));
        QVERIFY2(t.text.contains("Made 3 shorts of 0:10") && t.text.contains("Short 3") &&
                     t.text.contains("export short 2") && t.text.contains("in pauses"),
                 qPrintable(t.text));
        const test::State s = test::stateOf(c, sid);
        QCOMPARE(s.version, before.version + 1);
        QCOMPARE(s.durationMs, before.durationMs); // the main edit is as it was
        const QList<ShortSpec> shorts = shortsOf(s.draft);
        QCOMPARE(shorts.size(), 3);

        QList<QPair<double, double>> all; // every kept source range, all shorts
        for (int n = 1; n <= 3; ++n) {
            const ShortSpec& spec = shorts[n - 1];
            const std::optional<Draft> one = shortDraft(s.draft, n, &error);
            QVERIFY2(one, qPrintable(error));
            const qint64 len = one->computedDuration();
            QVERIFY2(len <= 10000 && len >= 9000,
                     qPrintable(QStringLiteral("short %1 is %2 ms").arg(n).arg(len)));
            QCOMPARE(one->m.value("aspect").toString(), QStringLiteral("9:16"));
            double last = -1;
            QStringList shown;
            for (const SourceRange& k : spec.keep) {
                const double a = k.in / 1000.0, b = k.out / 1000.0;
                shown << QStringLiteral("%1-%2").arg(a, 0, 'f', 2).arg(b, 0, 'f', 2);
                QVERIFY2(a >= last, "a short plays its source out of order");
                last = b;
                for (const auto& other : std::as_const(all))
                    QVERIFY2(b <= other.first + 1e-3 || a >= other.second - 1e-3,
                             qPrintable(QStringLiteral("short %1 overlaps another at %2-%3 s")
                                            .arg(n)
                                            .arg(a)
                                            .arg(b)));
                for (double cut : {a, b})
                    for (const Span& w : std::as_const(m_speech))
                        if (cut > 0.001 && cut < m_length - 0.05) // the file's own ends cut nothing
                            QVERIFY2(
                                cut <= w.start - 0.05 || cut >= w.end + 0.05,
                                qPrintable(QStringLiteral("short %1 cuts at %2 s, in the speech "
                                                          "%3-%4 s")
                                               .arg(n)
                                               .arg(cut)
                                               .arg(w.start)
                                               .arg(w.end)));
            }
            for (const SourceRange& k : spec.keep)
                all << qMakePair(k.in / 1000.0, k.out / 1000.0);
            qInfo("short %d: %s (%lld ms)", n, qPrintable(shown.join(", ")), len);
        }
        // Numbered in the order they start.
        QVERIFY(shorts[0].keep.first().in < shorts[1].keep.first().in);
        QVERIFY(shorts[1].keep.first().in < shorts[2].keep.first().in);

        // Short 2 exported as the app sends it.
        const test::Turn e = test::runTurn(c, sid, "export short 2");
        QVERIFY2(e.text.contains("Short 2"), qPrintable(e.text));
        const test::State chosen = test::stateOf(c, sid);
        QCOMPARE(chosen.draft.m.value("export").toObject().value("short").toInt(), 2);
        const std::optional<Draft> two = shortDraft(chosen.draft, 2);
        QVERIFY(two);
        const QString file = test::exportSession(c, sid, m_dir.path(), "1080p", two->toJson());
        QVERIFY(!file.isEmpty());
        const QJsonObject probed = test::probe(file);
        const double exported = probed["format"].toObject()["duration"].toString().toDouble();
        QVERIFY2(
            std::abs(exported * 1000 - double(two->computedDuration())) <= 100,
            qPrintable(
                QString("export %1 s, short %2 ms").arg(exported).arg(two->computedDuration())));
        int w = 0, h = 0;
        for (const QJsonValue& st : probed["streams"].toArray())
            if (st["codec_type"].toString() == "video") {
                w = st["width"].toInt();
                h = st["height"].toInt();
            }
        QVERIFY2(w > 0 && std::abs(double(h) / w - 16.0 / 9.0) < 0.02,
                 qPrintable(QString("%1x%2").arg(w).arg(h)));

        // Bad: a short that does not exist; more than the footage holds.
        const int v = test::stateOf(c, sid).version;
        const test::Turn bad = test::runTurn(c, sid, "export short 7");
        QVERIFY2(bad.text.contains("There is no short 7: this edit has 3"), qPrintable(bad.text));
        const test::Turn many = test::runTurn(c, sid, "make 5 shorts of 30 seconds");
        QVERIFY2(many.text.contains("The video is") && many.text.contains("5 shorts of 0:30") &&
                     many.text.contains("Nothing was changed"),
                 qPrintable(many.text));
        QCOMPARE(test::stateOf(c, sid).version, v);

        const test::Turn off = test::runTurn(c, sid, "remove the shorts");
        QVERIFY2(off.text.contains("Removed the 3 shorts"), qPrintable(off.text));
        QVERIFY(shortsOf(test::stateOf(c, sid).draft).isEmpty());

        // Chinese, in a new session.
        const QString zh = c.createSession();
        QVERIFY(f.seek(0));
        QCOMPARE(c.upload(zh, {{f.readAll(), "talk.mp4"}}).code(), 0);
        const test::Turn z = test::runTurn(c, zh, "剪成3个10秒的短视频");
        QVERIFY2(z.text.contains("已做好 3 条") && z.text.contains("短视频 2"), qPrintable(z.text));
        QCOMPARE(shortsOf(test::stateOf(c, zh).draft).size(), 3);
        const test::Turn zoff = test::runTurn(c, zh, "删掉短视频");
        QVERIFY2(zoff.text.contains("已删除 3 条短视频"), qPrintable(zoff.text));
    }

    void cli()
    {
        auto run = [](const QStringList& args, QByteArray* err) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert("CLIPWRIGHT_X264_PRESET", "ultrafast");
            p.setProcessEnvironment(env);
            p.start(test::binDir() + "/clipwright-engine", args);
            if (!p.waitForFinished(240000)) {
                p.kill();
                p.waitForFinished();
                return -1;
            }
            *err = p.readAllStandardError();
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        auto seconds = [](const QString& file) {
            return test::probe(file)["format"].toObject()["duration"].toString().toDouble();
        };
        QByteArray err;
        const QString out = m_dir.filePath("cli/out.mp4");
        QCOMPARE(run({"edit", m_talk, "--do", "make 3 shorts of 10 seconds", "--preset", "720p",
                      "-o", out},
                     &err),
                 0);
        QVERIFY(!QFile::exists(out));
        for (int n = 1; n <= 3; ++n) {
            const QString file = m_dir.filePath(QStringLiteral("cli/out-%1.mp4").arg(n));
            QVERIFY2(QFile::exists(file), qPrintable(file + " missing; " + err));
            const double s = seconds(file);
            QVERIFY2(s >= 8.9 && s <= 10.1, qPrintable(QString("%1: %2 s").arg(file).arg(s)));
        }
        const QString two = m_dir.filePath("cli/two.mp4");
        QCOMPARE(run({"edit", m_talk, "--do", "make 3 shorts of 10 seconds", "--short", "2",
                      "--preset", "720p", "-o", two},
                     &err),
                 0);
        QVERIFY(std::abs(seconds(two) - seconds(m_dir.filePath("cli/out-2.mp4"))) < 0.05);
        const QString seven = m_dir.filePath("cli/seven.mp4");
        QCOMPARE(run({"edit", m_talk, "--do", "make 3 shorts of 10 seconds", "--short", "7", "-o",
                      seven},
                     &err),
                 2);
        QVERIFY2(err.contains("There is no short 7: this edit has 3"), err.constData());
        QVERIFY(!QFile::exists(seven));
    }
};

QTEST_GUILESS_MAIN(TstShortsChat)
#include "tst_shortschat.moc"
