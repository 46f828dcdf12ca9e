// Fast export's codec side (see SmartCodec.h). The HEVC re-encode is matched to the source
// rather than to the export preset: a piece between copied GOPs must decode with the same
// profile, bit depth, colour and range as its neighbours, or players switch picture formats
// at every join; its bitrate is capped near the source's so a fast export keeps the source's
// size (the re-encoded frames are a few GOPs around each cut).
#include "render/SmartCodec.h"

#include "render/RenderFilters.h"

#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace cw::engine {
namespace {

bool isHevc(const QString& codec)
{
    return codec == QLatin1String("hevc");
}

// The longest distance between keyframes (display order), for x265's keyint: re-encoded
// pieces get GOPs no longer than the source's.
int longestGop(const SmartSource& s)
{
    QVector<int> keys;
    for (int i = 0; i < s.frameCount(); ++i)
        if (s.key.value(i))
            keys << s.frame[i];
    std::sort(keys.begin(), keys.end());
    int longest = 0;
    for (int i = 1; i < keys.size(); ++i)
        longest = std::max(longest, keys[i] - keys[i - 1]);
    return longest > 0 ? longest : 250;
}

} // namespace

bool fastExportAsked(const Draft& draft, const RenderPreset& preset)
{
    if (preset.name == QLatin1String("preview"))
        return false;
    return preset.keepCodec ||
           draft.m.value(QLatin1String("export")).toObject().value(QLatin1String("fast")).toBool();
}

QString smartCodecProblem(const SmartSource& s, bool keepCodec)
{
    // The normal render tone-maps PQ/HLG to BT.709; fast export keeps the HEVC picture as
    // the phone recorded it (HLG stays HLG), its re-encoded pieces tagged the same.
    if (s.hdr && !(keepCodec && isHevc(s.codec)))
        return QStringLiteral("HDR transfer (tone-mapped by the normal render)");
    if (isHevc(s.codec)) {
        if (!keepCodec)
            return QStringLiteral("codec hevc is not h264 (fast export keeps HEVC)");
        // FF_PROFILE_HEVC_MAIN (1), _MAIN_10 (2); the pixel format decides the x265 profile.
        if (s.profile != 1 && s.profile != 2)
            return QStringLiteral("HEVC profile %1 is not Main or Main10").arg(s.profile);
        if (s.pixFmt != QLatin1String("yuv420p") && s.pixFmt != QLatin1String("yuv420p10le"))
            return QStringLiteral("pixel format %1 is not yuv420p or yuv420p10le").arg(s.pixFmt);
        return {};
    }
    if (s.codec != QLatin1String("h264"))
        return QStringLiteral("codec %1 is not h264%2")
            .arg(s.codec, keepCodec ? QStringLiteral(" or hevc") : QString());
    // Main (77) and High (100): the re-encoded pieces use the same profile (x264 main/high),
    // so a Main stream stays Main throughout.
    if (s.profile != 100 && s.profile != 77)
        return QStringLiteral("H.264 profile %1 is not Main or High").arg(s.profile);
    if (s.pixFmt != QLatin1String("yuv420p"))
        return QStringLiteral("pixel format %1 is not yuv420p").arg(s.pixFmt);
    return {};
}

QString smartCodecMix(const SmartSource& first, const SmartSource& s)
{
    if (s.codec != first.codec)
        return QStringLiteral("sources mix codecs (%1 and %2)").arg(first.codec, s.codec);
    if (isHevc(s.codec) &&
        (s.pixFmt != first.pixFmt || s.colorTrc != first.colorTrc ||
         s.colorPrimaries != first.colorPrimaries || s.colorRange != first.colorRange))
        return QStringLiteral("HEVC sources differ in pixel format or colour");
    return {};
}

QString hevcLevelText(int levelIdc)
{
    if (levelIdc <= 0 || levelIdc % 3 != 0)
        return {};
    const int tenths = levelIdc / 3; // 123 -> 41
    return tenths % 10 == 0 ? QString::number(tenths / 10)
                            : QStringLiteral("%1.%2").arg(tenths / 10).arg(tenths % 10);
}

int smartBatchKbps(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                   const SmartBatch& batch)
{
    QHash<QString, QVector<int>> position; // frame -> decode position, per source
    QHash<QString, double> keyExtra;       // a keyframe's bytes over an average other frame
    double bytes = 0;
    int frames = 0;
    for (const int index : batch.pieces) {
        const QList<SmartRange>& ranges = plan.pieces.value(index).ranges;
        for (const SmartRange& r : ranges) {
            const SmartSource& s = sources[r.src];
            if (s.bytes.size() != s.frameCount())
                return 0;
            if (!position.contains(r.src)) {
                QVector<int> pos(s.frameCount(), 0);
                double key = 0, other = 0;
                int keys = 0;
                for (int i = 0; i < s.frameCount(); ++i) {
                    pos[s.frame[i]] = i;
                    (s.key[i] ? key : other) += s.bytes[i];
                    keys += s.key[i] ? 1 : 0;
                }
                position.insert(r.src, pos);
                keyExtra.insert(r.src, keys > 0 && keys < s.frameCount()
                                           ? key / keys - other / (s.frameCount() - keys)
                                           : 0.0);
            }
            const QVector<int>& pos = position[r.src];
            for (int f = std::max(0, r.from); f < std::min(r.to, s.frameCount()); ++f)
                bytes += s.bytes[pos[f]];
            frames += r.frames();
            // The piece's forced IDR where the source had none: the rest of the piece pays
            // for it, or the export would grow by a keyframe at every cut.
            if (&r == &ranges.first() && r.from < s.frameCount() && !s.key[pos[r.from]])
                bytes -= std::max(0.0, keyExtra[r.src]);
        }
    }
    if (frames <= 0 || plan.fps.value() <= 0 || bytes <= 0)
        return 0;
    return int(std::lround(bytes * 8.0 * plan.fps.value() / frames / 1000.0));
}

QStringList smartEncoderArgs(const SmartPlan& plan, const SmartSource& s,
                             const RenderPreset& preset, int kbps)
{
    if (!isHevc(plan.codec)) {
        QStringList x264 = render::x264Args(preset);
        const int profile = x264.indexOf(QStringLiteral("-profile:v"));
        if (profile >= 0 && profile + 1 < x264.size())
            x264[profile + 1] = plan.profile;
        return x264;
    }
    const bool ten = s.pixFmt == QLatin1String("yuv420p10le");
    QStringList params{QStringLiteral("keyint=%1").arg(longestGop(s)),
                       QStringLiteral("min-keyint=1"), QStringLiteral("open-gop=0"),
                       QStringLiteral("repeat-headers=1"), QStringLiteral("log-level=error")};
    if (const QString level = hevcLevelText(s.level); !level.isEmpty())
        params << QStringLiteral("level-idc=") + level;
    // The bits the source spent on these frames (smartBatchKbps): a re-encoded stretch then
    // costs what the source's did, and the export keeps the source's size. A CRF at the
    // preset's quality spent 18% more on a low-bitrate source; a tighter VBV than twice the
    // rate let x265's ABR overshoot more on these short runs, not less.
    if (kbps > 0)
        params << QStringLiteral("bitrate=%1").arg(kbps)
               << QStringLiteral("vbv-maxrate=%1").arg(kbps * 2)
               << QStringLiteral("vbv-bufsize=%1").arg(kbps * 2);
    QStringList args{
        QStringLiteral("-c:v"),         QStringLiteral("libx265"),
        QStringLiteral("-preset"),      preset.x264Preset,
        QStringLiteral("-profile:v"),   ten ? QStringLiteral("main10") : QStringLiteral("main"),
        QStringLiteral("-pix_fmt"),     s.pixFmt,
        QStringLiteral("-x265-params"), params.join(QLatin1Char(':'))};
    const QPair<const char*, QString> colour[] = {{"-color_primaries", s.colorPrimaries},
                                                  {"-color_trc", s.colorTrc},
                                                  {"-colorspace", s.colorSpace},
                                                  {"-color_range", s.colorRange}};
    if (kbps <= 0)
        args << QStringLiteral("-crf") << QString::number(preset.crf);
    for (const auto& [option, value] : colour)
        if (!value.isEmpty())
            args << QLatin1String(option) << value;
    return args;
}

QStringList smartCopyFilter(const SmartPlan& plan)
{
    if (!isHevc(plan.codec))
        return {};
    return {QStringLiteral("-bsf:v"), QStringLiteral("hevc_mp4toannexb")};
}

QStringList smartJoinTags(const SmartPlan& plan)
{
    if (!isHevc(plan.codec))
        return render::bt709CopyTags();
    return {QStringLiteral("-tag:v"), QStringLiteral("hvc1")};
}

void logFastStepAside(const QString& reason)
{
    if (!reason.isEmpty())
        qInfo("engine: fast export steps aside (normal H.264 render): %s",
              qPrintable(reason.left(300)));
}

} // namespace cw::engine
