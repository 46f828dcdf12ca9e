// "Clean up the audio" (setAudioCleanup) measured in the export: a generated voice (a 300 Hz
// tone, on for half of every second) over a 40 Hz rumble and white hiss. After the chain the
// rumble and the hiss between the words are far lower against the voice, and the export's
// integrated loudness is the target.
#include "edit/Operations.h"
#include "render/FfmpegRunner.h"

#include "DraftBuilder.h"
#include "MeasureAudio.h"
#include "RenderFixtures.h"
#include "TestMedia.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

class TstAudioCleanup : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QHash<QString, RenderInput> inputs_;

    Draft plain() const
    {
        return test::draftOf({test::track("v1", 0, "Video", {test::seg("s1", "m1", 0, 0, 4000)})});
    }

private Q_SLOTS:
    void initTestCase();
    void rules();
    void rumbleHissAndLoudness();
};

void TstAudioCleanup::initTestCase()
{
    QVERIFY(dir_.isValid());
    const QString src = dir_.filePath("noisy.mp4");
    QString error;
    QVERIFY2(test::runFfmpeg(
                 {"-f",
                  "lavfi",
                  "-i",
                  "color=c=gray:s=320x180:r=30:d=4",
                  "-f",
                  "lavfi",
                  "-i",
                  "sine=f=300:d=4:sample_rate=48000,volume='if(lt(mod(t,1),0.5),0.5,0)':eval=frame",
                  "-f",
                  "lavfi",
                  "-i",
                  "sine=f=40:d=4:sample_rate=48000,volume=0.3",
                  "-f",
                  "lavfi",
                  "-i",
                  "anoisesrc=d=4:c=white:a=0.03:r=48000",
                  "-filter_complex",
                  "[1][2][3]amix=inputs=3:normalize=0[a]",
                  "-map",
                  "0:v",
                  "-map",
                  "[a]",
                  "-c:v",
                  "libx264",
                  "-pix_fmt",
                  "yuv420p",
                  "-c:a",
                  "aac",
                  "-b:a",
                  "192k",
                  "-shortest",
                  src},
                 &error),
             qPrintable(error));
    inputs_.insert(QStringLiteral("m1"), RenderInput{src, true, true, 4000, false});
}

void TstAudioCleanup::rules()
{
    Draft d = plain();
    d.m.insert("denoise", true);
    EditResult r = setAudioCleanup(d, true);
    QVERIFY(r.ok);
    QVERIFY(r.draft.m.value("cleanup").toBool());
    QVERIFY(!r.draft.m.contains("denoise")); // part of the chain
    QCOMPARE(r.draft.m.value("loudness_lufs").toDouble(), -14.0);
    // A loudness the user chose stays; switching the chain off keeps it.
    d.m.insert("loudness_lufs", -16.0);
    r = setAudioCleanup(d, true);
    QCOMPARE(r.draft.m.value("loudness_lufs").toDouble(), -16.0);
    r = setAudioCleanup(r.draft, false);
    QVERIFY(!r.draft.m.contains("cleanup"));
    QCOMPARE(r.draft.m.value("loudness_lufs").toDouble(), -16.0);
}

void TstAudioCleanup::rumbleHissAndLoudness()
{
    QString error;
    const QString before = test::renderDraft(plain(), inputs_, dir_, "before.mp4", &error);
    QVERIFY2(!before.isEmpty(), qPrintable(error));
    const QString after =
        test::renderDraft(setAudioCleanup(plain(), true).draft, inputs_, dir_, "after.mp4", &error);
    QVERIFY2(!after.isEmpty(), qPrintable(error));

    auto voice = [](const QString& f) { return test::rmsDb(f, 0, 4, "bandpass=f=300:w=50"); };
    auto rumble = [](const QString& f) { return test::rmsDb(f, 0, 4, "bandpass=f=40:w=20"); };
    auto hiss = [](const QString& f) { return test::rmsDb(f, 0.6, 0.9, "highpass=f=1000"); };
    const double rumbleDrop = (voice(after) - rumble(after)) - (voice(before) - rumble(before));
    const double hissDrop = (voice(after) - hiss(after)) - (voice(before) - hiss(before));
    qInfo("rumble %.1f dB and hiss %.1f dB lower against the voice", rumbleDrop, hissDrop);
    QVERIFY2(rumbleDrop > 10, qPrintable(QString::number(rumbleDrop)));
    QVERIFY2(hissDrop > 6, qPrintable(QString::number(hissDrop)));

    const double lufs = test::integratedLufs(after);
    QVERIFY2(std::abs(lufs + 14) < 1.0, qPrintable(QString::number(lufs)));
    // The loudness the reply gives as "before" is the source's, measured the same way.
    int status = 0;
    const double source = integratedLoudness(inputs_.value("m1").path, nullptr, &status);
    QCOMPARE(status, 0);
    QVERIFY2(std::abs(source - test::integratedLufs(before)) < 1.5,
             qPrintable(QString("%1 vs %2").arg(source).arg(test::integratedLufs(before))));
}

QTEST_GUILESS_MAIN(TstAudioCleanup)
#include "tst_audiocleanup.moc"
