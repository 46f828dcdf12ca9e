// What sits on top of the main track, shared by the normal render (RenderGraph.cpp) and the
// smart render (SmartRender.cpp), so both mix the same sound and draw the same titles:
// - the audio tracks mixed into the main track's sound after its join: other recordings (a
//   voice-over) first, into the speech, so the music ducks under them too; then denoise (it
//   is meant for the speech, not the music), then music ducked under the speech
//   (sidechaincompress keyed by the speech) or mixed plainly, amix normalize=0 so music at
//   35% stays at 35%, and loudnorm (one pass, its peaks 0.5 dB under the ceiling of
//   FfmpegRunner's correction, which then needs one gain for the rest);
// - the whole video's fades: the picture's after the titles (they fade too), the sound's
//   after loudnorm (whose one-pass gain would otherwise lift the fading tail back up);
// - the text segments as drawtext filters reading their text from files (expansion=none),
//   so no user text ever becomes filter syntax.
#include "edit/OperationsUtil.h"
#include "render/RenderFilters.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>

namespace cw::engine::render {

namespace {

struct Fade {
    qint64 ms = 0;
    QString color; // black, white, none (sound only)
};

// m's fade_in / fade_out, at most half of totalMs; ms 0 when absent or unreadable.
Fade fadeOf(const QJsonObject& m, const char* key, qint64 totalMs)
{
    const QJsonObject o = m.value(QLatin1String(key)).toObject();
    Fade f;
    f.ms = std::clamp<qint64>(o.value(QLatin1String("d")).toInteger(0), 0, totalMs / 2);
    f.color = o.value(QLatin1String("color")).toString();
    if (f.color != QLatin1String("white") && f.color != QLatin1String("none"))
        f.color = QStringLiteral("black");
    return f;
}

// A window of the timeline (m.fade_window {at, length}, RenderFilters.h) is faded as the
// whole timeline: its length, and its frames shifted to their timeline times around the fades.
qint64 fadedLength(const QJsonObject& m, qint64 totalMs)
{
    return m.value(QLatin1String("fade_window"))
        .toObject()
        .value(QLatin1String("length"))
        .toInteger(totalMs);
}

QStringList onTimeline(const QJsonObject& m, QStringList filters, bool sound)
{
    const qint64 at =
        m.value(QLatin1String("fade_window")).toObject().value(QLatin1String("at")).toInteger(0);
    if (filters.isEmpty() || at <= 0)
        return filters;
    const QString setpts = sound ? QStringLiteral("asetpts") : QStringLiteral("setpts");
    filters.prepend(setpts + QStringLiteral("=PTS+") + sec(at) + QStringLiteral("/TB"));
    filters << setpts + QStringLiteral("=PTS-") + sec(at) + QStringLiteral("/TB");
    return filters;
}

} // namespace

qint64 timelineLength(const Draft& draft)
{
    qint64 total = 0;
    for (const Track& t : draft.t)
        if (t.tt == int(TrackType::Video) || t.tt == int(TrackType::Audio) ||
            t.tt == int(TrackType::Text))
            for (const Segment& s : t.sg)
                if (s.d > 0)
                    total = std::max(total, s.end());
    return total;
}

QStringList pictureFades(const QJsonObject& m, qint64 totalMs, QList<QPair<qint64, qint64>>* spans)
{
    QStringList filters;
    totalMs = fadedLength(m, totalMs);
    for (const bool in : {true, false}) {
        const Fade f = fadeOf(m, in ? "fade_in" : "fade_out", totalMs);
        if (f.ms <= 0 || f.color == QLatin1String("none"))
            continue;
        const qint64 st = in ? 0 : totalMs - f.ms;
        filters << QStringLiteral("fade=t=%1:st=%2:d=%3:color=%4")
                       .arg(in ? QStringLiteral("in") : QStringLiteral("out"), sec(st), sec(f.ms),
                            f.color);
        if (spans)
            *spans << qMakePair(st, st + f.ms);
    }
    return onTimeline(m, filters, false);
}

QString soundFades(const QJsonObject& m, qint64 totalMs)
{
    QStringList filters;
    totalMs = fadedLength(m, totalMs);
    for (const bool in : {true, false}) {
        const Fade f = fadeOf(m, in ? "fade_in" : "fade_out", totalMs);
        if (f.ms > 0)
            filters << QStringLiteral("afade=t=%1:st=%2:d=%3")
                           .arg(in ? QStringLiteral("in") : QStringLiteral("out"),
                                sec(in ? 0 : totalMs - f.ms), sec(f.ms));
    }
    return onTimeline(m, filters, true).join(QLatin1Char(','));
}

AudioMix mixAudio(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                  const std::function<int(const Segment&, QString*)>& inputFor, const QString& in,
                  const QString& out)
{
    AudioMix mix;
    QStringList music;
    QStringList ducked;
    QStringList plain;
    QStringList voices;
    for (const Track& t : draft.t) {
        if (t.tt != int(TrackType::Audio))
            continue;
        for (const Segment& s : t.sg) {
            if (s.d <= 0)
                continue;
            const int index = inputFor(s, &mix.error);
            if (index < 0)
                return mix;
            if (!inputs.value(s.src).hasAudio)
                continue;
            const int k = int(music.size());
            music << audioTrackChain(s, index, k);
            const QString label = QStringLiteral("[m%1]").arg(k);
            if (s.m.value(QLatin1String("duck")).toBool())
                ducked << label;
            else if (ops::isMusicSegment(t, s))
                plain << label;
            else
                voices << label; // a voice-over or another recording: speech, not music
        }
    }
    mix.chains = music;

    // (chain without output label, label); the last one is renamed to `out`.
    QList<QPair<QString, QString>> steps;
    QString cur = in;
    if (!voices.isEmpty()) {
        steps << qMakePair(cur + voices.join(QString()) +
                               QStringLiteral("amix=inputs=%1:duration=first:"
                                              "dropout_transition=0:normalize=0")
                                   .arg(voices.size() + 1),
                           QStringLiteral("[avoice]"));
        cur = QStringLiteral("[avoice]");
    }
    // "Clean up the audio": rumble below 80 Hz goes, then the noise, then harsh sibilance
    // (the loudness target follows below).
    if (draft.m.value(QLatin1String("cleanup")).toBool()) {
        steps << qMakePair(cur + QStringLiteral("highpass=f=80:p=2,afftdn=nr=12:nf=-30,deesser"),
                           QStringLiteral("[aclean]"));
        cur = QStringLiteral("[aclean]");
    } else if (draft.m.value(QLatin1String("denoise")).toBool()) {
        steps << qMakePair(cur + QStringLiteral("afftdn=nr=12:nf=-30"), QStringLiteral("[aden]"));
        cur = QStringLiteral("[aden]");
    }
    if (!ducked.isEmpty() || !plain.isEmpty()) {
        QString mixIn = cur;
        if (!ducked.isEmpty()) {
            steps << qMakePair(cur + QStringLiteral("asplit=2[asp]"), QStringLiteral("[asc]"));
            QString bed = ducked.first();
            if (ducked.size() > 1) {
                steps << qMakePair(ducked.join(QString()) +
                                       QStringLiteral("amix=inputs=%1:duration=longest:"
                                                      "dropout_transition=0:normalize=0")
                                           .arg(ducked.size()),
                                   QStringLiteral("[mbed]"));
                bed = QStringLiteral("[mbed]");
            }
            steps << qMakePair(bed + QStringLiteral("[asc]sidechaincompress=threshold=0.03:"
                                                    "ratio=8:attack=20:release=400"),
                               QStringLiteral("[mduck]"));
            mixIn = QStringLiteral("[asp][mduck]");
        }
        mixIn += plain.join(QString());
        const int count = 1 + (ducked.isEmpty() ? 0 : 1) + int(plain.size());
        steps << qMakePair(mixIn + QStringLiteral("amix=inputs=%1:duration=first:"
                                                  "dropout_transition=0:normalize=0")
                                       .arg(count),
                           QStringLiteral("[amix]"));
        cur = QStringLiteral("[amix]");
    }
    const QJsonValue lufs = draft.m.value(QLatin1String("loudness_lufs"));
    if (lufs.isDouble() && lufs.toDouble() >= -70 && lufs.toDouble() <= 0) {
        steps << qMakePair(cur + QStringLiteral("loudnorm=I=") + num(lufs.toDouble()) +
                               QStringLiteral(":TP=-2:LRA=11,") + audioFormat(),
                           QStringLiteral("[aloud]"));
        cur = QStringLiteral("[aloud]");
        mix.loudness = true;
        mix.lufs = lufs.toDouble();
    }
    const QString fades = soundFades(draft.m, timelineLength(draft));
    if (!fades.isEmpty()) {
        steps << qMakePair(cur + fades, QStringLiteral("[afade]"));
        cur = QStringLiteral("[afade]");
    }
    if (steps.isEmpty())
        return mix;
    steps.last().second = out;
    for (const auto& step : qAsConst(steps))
        mix.chains << step.first + step.second;
    mix.post = true;
    return mix;
}

QStringList textOverlays(const Draft& draft, const RenderPreset& p, const QString& fontFile,
                         const QString& textDir, const QString& stem, QStringList* files,
                         QString* error, QList<QPair<qint64, qint64>>* spans)
{
    QStringList filters;
    for (const Track& t : draft.t) {
        if (t.tt != int(TrackType::Text))
            continue;
        for (const Segment& s : t.sg) {
            const QString timer = timerText(s);
            const QString text =
                timer.isEmpty() ? s.m.value(QLatin1String("text")).toString() : timer;
            if (s.d <= 0 || text.trimmed().isEmpty())
                continue;
            if (!QDir().mkpath(textDir)) {
                *error = QCoreApplication::translate("RenderGraph", "Cannot create the folder %1")
                             .arg(textDir);
                return {};
            }
            const QString file =
                QDir(textDir).filePath(stem + QStringLiteral(".text") +
                                       QString::number(files->size()) + QStringLiteral(".txt"));
            QFile f(file);
            const QByteArray bytes = text.toUtf8();
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
                f.write(bytes) != bytes.size()) {
                f.remove();
                for (const QString& written : qAsConst(*files))
                    QFile::remove(written);
                files->clear();
                *error = QCoreApplication::translate("RenderGraph", "Cannot write %1").arg(file);
                return {};
            }
            *files << file;
            filters << drawtext(s, p, fontFile, file);
            if (spans)
                *spans << qMakePair(s.st, s.end());
        }
    }
    return filters;
}

} // namespace cw::engine::render
