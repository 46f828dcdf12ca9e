// generateMusicBed with real ffmpeg: each mood gives an ALAC (lossless) stereo 48 kHz file of
// the asked length (±0.1 s) at a sane level, the moods sound different, an unknown mood falls back
// to calm, and bad lengths or an unwritable folder fail cleanly without leftovers.
#include "generate/MusicBed.h"

#include "MeasureAudio.h"
#include "TestMedia.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

class TstMusicBed : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

    QString bed(const QString& mood, qint64 ms)
    {
        const QString out = dir_.filePath(mood + QString::number(ms) + ".m4a");
        QString error;
        if (!QFile::exists(out))
            [&] { QVERIFY2(generateMusicBed(out, mood, ms, &error), qPrintable(error)); }();
        return out;
    }

private slots:
    void moods() { QCOMPARE(musicMoods(), (QStringList{"lofi", "upbeat", "calm", "cinematic"})); }

    void eachMood_data()
    {
        QTest::addColumn<QString>("mood");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("lofi 3 s") << "lofi" << qint64(3000);
        QTest::newRow("upbeat 2.5 s") << "upbeat" << qint64(2500);
        QTest::newRow("calm 4 s") << "calm" << qint64(4000);
        QTest::newRow("cinematic 6.2 s") << "cinematic" << qint64(6200);
        // Longer than the four-bar period that is evaluated and then looped.
        QTest::newRow("lofi 45 s, looped") << "lofi" << qint64(45000);
    }

    void eachMood()
    {
        QFETCH(QString, mood);
        QFETCH(qint64, ms);
        const QString out = bed(mood, ms);
        QVERIFY(QFile::exists(out));
        QVERIFY(!QFile::exists(out + ".part"));
        const QJsonObject probe = test::probe(out);
        const QJsonObject stream = probe.value("streams").toArray().first().toObject();
        QCOMPARE(stream.value("codec_name").toString(), "alac");
        QCOMPARE(stream.value("channels").toInt(), 2);
        QCOMPARE(stream.value("sample_rate").toString(), "48000");
        const double seconds =
            probe.value("format").toObject().value("duration").toString().toDouble();
        QVERIFY2(std::abs(seconds - ms / 1000.0) <= 0.1, qPrintable(QString::number(seconds)));
        const double rms = test::rmsDb(out, 0.2, ms / 1000.0 - 0.1);
        QVERIFY2(rms > -30 && rms < -6, qPrintable(QString::number(rms)));
        const double tail = test::rmsDb(out, std::max(0.2, ms / 1000.0 - 2), ms / 1000.0 - 0.1);
        QVERIFY2(tail > -30 && tail < -6, qPrintable(QString::number(tail)));
    }

    void moodsDiffer()
    {
        const QByteArray lofi = test::pcm(bed("lofi", 3000), 2.5);
        const QByteArray upbeat = test::pcm(bed("upbeat", 3000), 2.5);
        const QByteArray calm = test::pcm(bed("calm", 3000), 2.5);
        QVERIFY(lofi.size() > 30000);
        QCOMPARE(lofi.size(), upbeat.size());
        QVERIFY(test::meanAbsDiff(lofi, upbeat) > 2);
        QVERIFY(test::meanAbsDiff(calm, upbeat) > 2);
        // Unknown moods fall back to calm.
        const QByteArray unknown = test::pcm(bed("polka", 3000), 2.5);
        QCOMPARE(unknown, calm);
    }

    void badInput()
    {
        QString error;
        const QString out = dir_.filePath("bad.m4a");
        QVERIFY(!generateMusicBed(out, "calm", 0, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!generateMusicBed(out, "calm", -5, &error));
        QVERIFY(!QFile::exists(out));
        error.clear();
        const QString nowhere = dir_.filePath("missing/dir/bed.m4a");
        QVERIFY(!generateMusicBed(nowhere, "calm", 1000, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!QFile::exists(nowhere + ".part"));
        // A hostile name is just a path: no graph syntax reaches ffmpeg from it.
        const QString odd = dir_.filePath("it's [a],b;c:d.m4a");
        QVERIFY2(generateMusicBed(odd, "calm", 500, &error), qPrintable(error));
        QVERIFY(QFile::exists(odd));
    }
};

QTEST_GUILESS_MAIN(TstMusicBed)
#include "tst_musicbed.moc"
