// The music bed is one aevalsrc expression per channel: a four-chord progression (the chord
// is picked by the bar number), a bass note an octave under the root, and a volume envelope
// that gives the rhythm (plucked beats for lo-fi/upbeat, a slow swell for calm/cinematic).
// The right channel is detuned by a few cents for width. Evaluating the expression costs
// ~0.1 s of CPU per second of music, so only one four-bar period is evaluated and aloop
// repeats it: the loop seam falls on a bar change, where the chord already changes. Lo-fi is
// low-passed and cinematic darkened; the result is stored losslessly (ALAC 48 kHz stereo in an
// .m4a): the bed is mixed and encoded again at export, and AAC here would cost a generation of
// quality and most of the time (9.5 s vs 1.9 s for a 7-minute bed on 2 cores). The
// expression is built from numbers only, so nothing user-supplied reaches ffmpeg but the
// output path (a separate argument, never parsed as a graph).
#include "generate/MusicBed.h"

#include "generate/GenerateRun.h"

#include <QStringList>
#include <array>

namespace cw::engine {
namespace {

struct Mood {
    const char* name;
    double bar;                                  // seconds per chord
    int beats;                                   // envelope beats per bar
    double decay;                                // pluck decay per second (0 = swell)
    std::array<std::array<double, 3>, 4> chords; // Hz
    QString post;                                // filters after the source
};

const Mood& moodFor(const QString& name)
{
    static const Mood moods[] = {
        {"lofi",
         2.4,
         4,
         3.0,
         {{{349.23, 440.00, 523.25},
           {246.94, 349.23, 392.00},
           {329.63, 392.00, 493.88},
           {261.63, 329.63, 392.00}}},
         QStringLiteral("lowpass=f=1600,aecho=0.8:0.6:180:0.25")},
        {"upbeat",
         1.6,
         8,
         7.0,
         {{{523.25, 659.25, 783.99},
           {392.00, 493.88, 587.33},
           {440.00, 523.25, 659.25},
           {349.23, 440.00, 523.25}}},
         QStringLiteral("highpass=f=60")},
        {"calm",
         3.2,
         2,
         0.0,
         {{{261.63, 329.63, 392.00},
           {196.00, 246.94, 293.66},
           {220.00, 261.63, 329.63},
           {174.61, 220.00, 261.63}}},
         QStringLiteral("lowpass=f=3000")},
        {"cinematic",
         4.0,
         1,
         0.0,
         {{{220.00, 261.63, 329.63},
           {174.61, 220.00, 261.63},
           {196.00, 261.63, 329.63},
           {196.00, 246.94, 293.66}}},
         QStringLiteral("lowpass=f=2200,aecho=0.8:0.7:400:0.3")},
    };
    for (const Mood& m : moods)
        if (name == QLatin1String(m.name))
            return m;
    return moods[2];
}

QString n(double v)
{
    return QString::number(v, 'f', 4);
}

// Frequency of chord note `k` for the bar playing at time t, times `scale`.
QString noteExpr(const Mood& m, int k, double scale)
{
    const QString bar = QStringLiteral("mod(floor(t/%1),4)").arg(n(m.bar));
    return QStringLiteral("if(lt(%1,1),%2,if(lt(%1,2),%3,if(lt(%1,3),%4,%5)))")
        .arg(bar, n(m.chords[0][k] * scale), n(m.chords[1][k] * scale), n(m.chords[2][k] * scale),
             n(m.chords[3][k] * scale));
}

QString channelExpr(const Mood& m, double detune)
{
    QStringList voices;
    for (int k = 0; k < 3; ++k)
        voices << QStringLiteral("0.16*sin(2*PI*t*%1)").arg(noteExpr(m, k, detune));
    voices << QStringLiteral("0.22*sin(2*PI*t*%1)").arg(noteExpr(m, 0, 0.5 * detune));
    const double beat = m.bar / m.beats;
    QString env;
    if (m.decay > 0)
        env = QStringLiteral("(0.25+0.75*exp(-%1*mod(t,%2)))").arg(n(m.decay), n(beat));
    else
        env = QStringLiteral("(0.55-0.35*cos(2*PI*t/%1))").arg(n(beat));
    return env + QStringLiteral("*(") + voices.join(QLatin1Char('+')) + QLatin1Char(')');
}

} // namespace

QStringList musicMoods()
{
    return {QStringLiteral("lofi"), QStringLiteral("upbeat"), QStringLiteral("calm"),
            QStringLiteral("cinematic")};
}

bool generateMusicBed(const QString& outPath, const QString& mood, qint64 durationMs,
                      QString* error)
{
    auto fail = [&](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (durationMs <= 0 || durationMs > 3 * 3600 * 1000)
        return fail(QStringLiteral("The music length must be between 0 and 3 hours."));
    const Mood& m = moodFor(mood.toLower().remove(QLatin1Char('-')));
    const QString seconds = QString::number(double(durationMs) / 1000.0, 'f', 3);
    const qint64 periodSamples = qRound64(4 * m.bar * 48000);
    const QString graph =
        QStringLiteral("aevalsrc=exprs='%1|%2':s=48000:c=stereo:d=%3,aloop=loop=-1:size=%4,%5")
            .arg(channelExpr(m, 1.0), channelExpr(m, 1.003), n(4 * m.bar))
            .arg(periodSamples)
            .arg(m.post);
    const int timeoutMs = int(std::min<qint64>(600000, 60000 + durationMs / 2));
    return generateFile({QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                         QStringLiteral("-i"), graph, QStringLiteral("-af"),
                         QStringLiteral("atrim=duration=") + seconds +
                             QStringLiteral(",afade=t=in:d=0.05,aformat=sample_fmts=s16p:"
                                            "sample_rates=48000:channel_layouts=stereo"),
                         QStringLiteral("-c:a"), QStringLiteral("alac"), QStringLiteral("-f"),
                         QStringLiteral("mp4"), outPath},
                        outPath, error, timeoutMs);
}

} // namespace cw::engine
