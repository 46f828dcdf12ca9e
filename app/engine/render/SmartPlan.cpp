// Smart-render eligibility and planning (pure; see SmartRender.h). Frame alignment follows
// the normal render: trim start=in keeps the frames at or after `in` (a = ceil(in*fps)), and
// trim duration=d keeps ceil(d*fps) frames from there; the audio of a segment is cut to the
// same frame-aligned span, so every join is A/V-aligned by construction.
#include "render/SmartCodec.h"
#include "render/SmartRender.h"

#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace cw::engine {
namespace {

constexpr int kMinCopyFrames = 8;      // a shorter copy is not worth an extra IDR pair
constexpr int kMaxRangesPerPiece = 16; // one decoder per range in the encoder run

bool notUnit(const QJsonObject& m, const char* key)
{
    const QJsonValue v = m.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull() && v.toDouble(-1) != 1.0;
}

QList<Segment> videoSegments(const Draft& draft)
{
    for (const Track& t : draft.t) {
        if (t.tt != int(TrackType::Video) || t.sg.isEmpty())
            continue;
        QList<Segment> segs;
        for (const Segment& s : t.sg)
            if (s.d > 0)
                segs << s;
        std::stable_sort(segs.begin(), segs.end(),
                         [](const Segment& a, const Segment& b) { return a.st < b.st; });
        return segs;
    }
    return {};
}

QString sourceProblem(const SmartSource& s, int width, int height, FrameRate fps, bool keepCodec)
{
    if (!s.ok)
        return s.error.isEmpty() ? QStringLiteral("source not probed") : s.error;
    // Codec, profile and pixel format (SmartCodec.cpp): H.264 Main/High, or HEVC when the
    // export keeps the source's codec.
    if (const QString codec = smartCodecProblem(s, keepCodec); !codec.isEmpty())
        return codec;
    if (!s.progressive)
        return QStringLiteral("interlaced source");
    if (s.width != width || s.height != height)
        return QStringLiteral("source is %1x%2, output %3x%4")
            .arg(s.width)
            .arg(s.height)
            .arg(width)
            .arg(height);
    if (s.fpsDen <= 0 || qint64(s.fpsNum) * fps.den != qint64(fps.num) * s.fpsDen)
        return QStringLiteral("source frame rate %1/%2 is not %3")
            .arg(s.fpsNum)
            .arg(s.fpsDen)
            .arg(fps.text());
    if (s.sarNum != 0 && s.sarNum != s.sarDen)
        return QStringLiteral("non-square pixels");
    if (!s.hasAudio)
        return QStringLiteral("source has no audio");
    if (s.frameCount() == 0 || s.dts.size() != s.frameCount() || s.key.size() != s.frameCount())
        return QStringLiteral("no video packets");
    return {};
}

void addEncode(QList<SmartPiece>& pieces, const SmartRange& r)
{
    if (r.frames() <= 0)
        return;
    if (!pieces.isEmpty() && !pieces.last().copy) {
        QList<SmartRange>& ranges = pieces.last().ranges;
        if (ranges.last().src == r.src && ranges.last().to == r.from) {
            ranges.last().to = r.to;
            return;
        }
        if (ranges.size() < kMaxRangesPerPiece) {
            ranges << r;
            return;
        }
    }
    SmartPiece p;
    p.ranges << r;
    pieces << p;
}

} // namespace

QVector<bool> cleanPrefixes(const SmartSource& s)
{
    QVector<bool> clean(s.frameCount() + 1, false);
    clean[0] = true;
    int maxFrame = -1;
    for (int j = 0; j < s.frameCount(); ++j) {
        maxFrame = std::max(maxFrame, s.frame[j]);
        clean[j + 1] = maxFrame == j;
    }
    return clean;
}

bool startsCleanGop(const SmartSource& s, const QVector<bool>& clean, int frame)
{
    return frame >= 0 && frame < s.frameCount() && clean.value(frame) && s.key[frame] &&
           s.frame[frame] == frame;
}

int SmartPiece::frames() const
{
    int n = 0;
    for (const SmartRange& r : ranges)
        n += r.frames();
    return n;
}

int SmartPlan::copiedFrames() const
{
    int n = 0;
    for (const SmartPiece& p : pieces)
        n += p.copy ? p.frames() : 0;
    return n;
}

int SmartPlan::encodedFrames() const
{
    return totalFrames() - copiedFrames();
}

int SmartPlan::totalFrames() const
{
    int n = 0;
    for (const SmartPiece& p : pieces)
        n += p.frames();
    return n;
}

QHash<QString, SmartSource> probeSmartSources(const Draft& draft,
                                              const QHash<QString, RenderInput>& inputs)
{
    QHash<QString, SmartSource> out;
    for (const Segment& s : videoSegments(draft))
        if (!out.contains(s.src) && inputs.contains(s.src))
            out.insert(s.src, probeSmartSourceCached(inputs.value(s.src).path));
    return out;
}

void logSmartStepAside(const QString& reason, const RenderPreset& preset)
{
    if (!reason.isEmpty() && preset.name != QLatin1String("preview"))
        qInfo("engine: smart render steps aside: %s", qPrintable(reason.left(300)));
}

bool smartRenderEnabled()
{
    return qEnvironmentVariable("CLIPWRIGHT_SMART_RENDER") != QLatin1String("0");
}

bool draftSuitsSmartRender(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                           const RenderPreset& preset, QString* reason)
{
    auto no = [reason](const QString& why) {
        if (reason)
            *reason = why;
        return false;
    };
    for (const char* key :
         {"look", "aspect", "aspect_mode", "audiogram", "progress_bar"}) { // on every frame
        const QJsonValue v = draft.m.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && v != QJsonValue(false) &&
            v != QJsonValue(QString()) && v != QJsonValue(QStringLiteral("none")))
            return no(QStringLiteral("draft sets %1").arg(QLatin1String(key)));
    }
    const QList<Segment> segs = videoSegments(draft);
    if (segs.isEmpty())
        return no(QStringLiteral("no video segments"));
    qint64 cursor = 0;
    for (const Segment& s : segs) {
        if (s.st != cursor)
            return no(QStringLiteral("segment %1 leaves a gap or overlaps").arg(s.id));
        cursor = s.end();
        if (s.in < 0)
            return no(QStringLiteral("segment %1 starts before its source").arg(s.id));
        if (notUnit(s.m, "speed"))
            return no(QStringLiteral("segment %1 changes speed").arg(s.id));
        if (s.m.contains(QLatin1String("fade_in")) || s.m.contains(QLatin1String("fade_out")))
            return no(QStringLiteral("segment %1 fades").arg(s.id));
        for (const char* key : {"reverse", "freeze", "zoom"})
            if (s.m.contains(QLatin1String(key)))
                return no(QStringLiteral("segment %1 sets %2").arg(s.id, QLatin1String(key)));
        // Stabilising transforms every frame (media/Stabilise.h): nothing to copy.
        if (s.m.contains(QLatin1String("stab")))
            return no(QStringLiteral("segment %1 is stabilised").arg(s.id));
        const QJsonObject tr = s.m.value(QLatin1String("tr")).toObject();
        if (!tr.value(QLatin1String("type")).toString().isEmpty() &&
            tr.value(QLatin1String("d")).toInteger(0) > 0)
            return no(QStringLiteral("segment %1 has a transition").arg(s.id));
        const auto in = inputs.constFind(s.src);
        if (in == inputs.constEnd())
            return no(QStringLiteral("segment %1 uses unknown media").arg(s.id));
        if (in->isImage || !in->hasVideo || !in->hasAudio || in->durationMs <= 0)
            return no(QStringLiteral("segment %1 is not a video with sound").arg(s.id));
    }
    // Sound and text may sit on top (the sound is mixed again in the final mux, titled
    // frames are re-encoded), as long as nothing runs past the picture: the normal render
    // would add black there.
    int videoTracks = 0;
    for (const Track& t : draft.t) {
        const bool used = std::any_of(t.sg.begin(), t.sg.end(), [](const Segment& s) {
            return s.d > 0 && (!s.src.isEmpty() || s.m.contains(QLatin1String("text")));
        });
        if (!used)
            continue;
        if (t.tt == int(TrackType::Video) && ++videoTracks > 1)
            return no(QStringLiteral("more than one video track"));
        if (t.tt != int(TrackType::Video) && t.tt != int(TrackType::Audio) &&
            t.tt != int(TrackType::Text))
            return no(QStringLiteral("track %1 has an unknown type").arg(t.id));
        for (const Segment& s : t.sg) {
            if (t.tt == int(TrackType::Video) || s.d <= 0)
                continue;
            if (s.st < 0 || s.end() > cursor)
                return no(QStringLiteral("segment %1 runs outside the picture").arg(s.id));
            if (t.tt == int(TrackType::Audio) && !inputs.contains(s.src))
                return no(QStringLiteral("segment %1 uses unknown media").arg(s.id));
        }
    }
    if (preset.fps.num <= 0 || preset.fps.den <= 0)
        return no(QStringLiteral("bad preset"));
    return true;
}

SmartPlan planSmartRender(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                          const QHash<QString, SmartSource>& sources, const RenderPreset& preset)
{
    SmartPlan plan;
    if (!draftSuitsSmartRender(draft, inputs, preset, &plan.reason))
        return plan;
    plan.draft = draft;
    plan.inputs = inputs;
    // The output size as RenderGraph computes it.
    std::tie(plan.width, plan.height) = renderSize(draft, preset);
    plan.fps = preset.fps;

    // Titled and faded frames (timeline frames, generously rounded outwards) are always
    // re-encoded.
    QList<QPair<qint64, qint64>> drawnMs;
    for (const Track& t : draft.t)
        for (const Segment& s : t.sg)
            if (t.tt == int(TrackType::Text) && s.d > 0 &&
                !s.m.value(QLatin1String("text")).toString().trimmed().isEmpty())
                drawnMs << qMakePair(s.st, s.end());
    render::pictureFades(draft.m, render::timelineLength(draft), &drawnMs);
    for (const auto& r : qAsConst(drawnMs))
        plan.redrawn << qMakePair(int(std::floor(double(r.first) * plan.fps.value() / 1000.0)),
                                  int(std::ceil(double(r.second) * plan.fps.value() / 1000.0)) + 1);

    QHash<QString, QVector<bool>> clean;
    int timeline = 0; // the segment's first frame on the timeline
    for (const Segment& s : videoSegments(draft)) {
        const auto src = sources.constFind(s.src);
        if (src == sources.constEnd()) {
            plan.reason = QStringLiteral("source %1 not probed").arg(s.src);
            return plan;
        }
        QString problem = sourceProblem(*src, plan.width, plan.height, plan.fps, preset.keepCodec);
        if (problem.isEmpty() && !clean.isEmpty())
            problem = smartCodecMix(sources[plan.segments.first().src], *src);
        if (!problem.isEmpty()) {
            plan.reason = problem;
            return plan;
        }
        plan.codec = src->codec;
        if (!clean.contains(s.src)) {
            clean.insert(s.src, cleanPrefixes(*src));
            if (clean.size() == 1)
                plan.profile = src->profile == 77 ? QStringLiteral("main") : QStringLiteral("high");
            else if (src->profile != 77)
                plan.profile = QStringLiteral("high");
        }
        const int a = int(std::ceil(double(s.in) * plan.fps.value() / 1000.0 - 1e-6));
        const int n = int(std::ceil(double(s.d) * plan.fps.value() / 1000.0 - 1e-6));
        // The clip's length (probed from the container) can exceed its last video frame by
        // a frame or two of audio: the normal render's trim then also stops at the last frame.
        int b = a + n;
        if (b > src->frameCount() && b - src->frameCount() <= 2)
            b = src->frameCount();
        if (n <= 0 || b > src->frameCount() || b <= a) {
            plan.reason = QStringLiteral("segment %1 runs past the end of its source").arg(s.id);
            return plan;
        }
        plan.segments << SmartRange{s.src, a, b};
        plan.volumes << s.m.value(QLatin1String("vol")).toDouble(1.0);

        // [a, b) minus the titled frames: the parts that may be copied.
        QList<QPair<int, int>> parts{{a, b}};
        for (const auto& r : qAsConst(plan.redrawn)) {
            const int x = a + r.first - timeline;
            const int y = a + r.second - timeline;
            QList<QPair<int, int>> rest;
            for (const auto& p : qAsConst(parts)) {
                if (y <= p.first || x >= p.second) {
                    rest << p;
                    continue;
                }
                if (x > p.first)
                    rest << qMakePair(p.first, x);
                if (y < p.second)
                    rest << qMakePair(y, p.second);
            }
            parts = rest;
        }
        std::sort(parts.begin(), parts.end());
        timeline += b - a;

        const QVector<bool>& ok = clean[s.src];
        int pos = a;
        for (const auto& p : qAsConst(parts)) {
            addEncode(plan.pieces, SmartRange{s.src, pos, p.first});
            int start = p.first;
            while (start < p.second && !startsCleanGop(*src, ok, start))
                ++start;
            int end = p.second;
            while (end > start && !ok[end])
                --end;
            if (start < p.second && end - start >= kMinCopyFrames) {
                addEncode(plan.pieces, SmartRange{s.src, p.first, start});
                SmartPiece copy;
                copy.copy = true;
                copy.ranges << SmartRange{s.src, start, end};
                plan.pieces << copy;
                addEncode(plan.pieces, SmartRange{s.src, end, p.second});
            } else {
                addEncode(plan.pieces, SmartRange{s.src, p.first, p.second});
            }
            pos = p.second;
        }
        addEncode(plan.pieces, SmartRange{s.src, pos, b});
    }
    // With little to copy (captions over everything, a cut every few frames) the pieces,
    // seeks and joins cost about what they save; the normal render is simpler.
    if (plan.copiedFrames() * 5 < plan.totalFrames()) {
        plan.reason = QStringLiteral("less than a fifth of the frames could be copied");
        return plan;
    }
    plan.eligible = true;
    return plan;
}

} // namespace cw::engine
