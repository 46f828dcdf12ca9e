// The size planner (SizeTarget.h) and the named limits' table. Sizes the user types count
// MB as 1,000,000 bytes: when they mean MiB the file is then 5% smaller than allowed, never
// larger.
#include "render/SizeTarget.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace cw::engine {
namespace {

constexpr int kAudioRungs[] = {128, 96, 64};
constexpr int kShortSides[] = {720, 540, 480, 360}; // the steps the picture drops through
constexpr double kMaxAudioShare = 0.125; // sound may take this much of the budget at 128k/96k

int even(double v)
{
    return std::max(2, int(std::lround(v / 2.0)) * 2);
}

// kb/s the streams may use in total for maxBytes over durationMs.
double streamKbps(qint64 durationMs, qint64 maxBytes)
{
    const double usable =
        (double(maxBytes) - kMuxerFixedBytes) * (1.0 - kSizeSafety) / (1.0 + kMuxerFraction);
    return usable * 8.0 / double(durationMs); // bytes*8 / ms = kbit/s
}

double bitsPerPixel(int videoKbps, int w, int h, double fps)
{
    return videoKbps * 1000.0 / (double(w) * h * fps);
}

struct NamedLimit {
    QString id, label;
    qint64 bytes = 0;
    QStringList names;
};

const QList<NamedLimit>& limitsTable()
{
    static const QList<NamedLimit> table = [] {
        QList<NamedLimit> out;
        QFile f(QStringLiteral(":/export/size_limits.json"));
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("size limits: cannot open %s", qPrintable(f.fileName()));
            return out;
        }
        const QJsonArray limits =
            QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("limits")).toArray();
        for (const QJsonValue& v : limits) {
            const QJsonObject o = v.toObject();
            NamedLimit l;
            l.id = o.value(QLatin1String("id")).toString();
            l.label = o.value(QLatin1String("label")).toString();
            l.bytes = qint64(o.value(QLatin1String("bytes")).toDouble());
            for (const QJsonValue& n : o.value(QLatin1String("names")).toArray())
                l.names << n.toString();
            out << l;
        }
        return out;
    }();
    return table;
}

} // namespace

SizePlan planSize(qint64 durationMs, qint64 maxBytes, int width, int height, double fps,
                  bool hasSound)
{
    SizePlan plan;
    if (durationMs <= 0 || width <= 0 || height <= 0 || fps <= 0)
        return plan;
    const bool portrait = height > width;
    const int shortSide = std::min(width, height);
    const double ratio = double(std::max(width, height)) / shortSide;
    const int smallest = std::min(shortSide, kShortSides[std::size(kShortSides) - 1]);
    const int smallestLong = even(smallest * ratio);
    const double floorKbps = kMinBitsPerPixel * smallest * smallestLong * fps / 1000.0;
    const int floorAudio = hasSound ? kAudioRungs[std::size(kAudioRungs) - 1] : 0;
    // The smallest limit: the floor's rates, back through the margin and the muxer's bytes.
    plan.minimumBytes = qint64(std::ceil((std::ceil(floorKbps) + floorAudio) * durationMs / 8.0 *
                                             (1.0 + kMuxerFraction) / (1.0 - kSizeSafety) +
                                         kMuxerFixedBytes));

    const double total = maxBytes > kMuxerFixedBytes ? streamKbps(durationMs, maxBytes) : 0.0;
    if (hasSound) {
        plan.audioKbps = floorAudio;
        for (int rung : kAudioRungs)
            if (rung <= total * kMaxAudioShare) {
                plan.audioKbps = rung;
                break;
            }
    }
    plan.videoKbps = int(std::floor(total - plan.audioKbps));
    if (plan.videoKbps < floorKbps)
        return plan;

    plan.width = width;
    plan.height = height;
    for (int side : kShortSides) {
        if (bitsPerPixel(plan.videoKbps, plan.width, plan.height, fps) >= kMinBitsPerPixel)
            break;
        if (side >= shortSide)
            continue;
        const int longSide = even(side * ratio);
        plan.width = portrait ? side : longSide;
        plan.height = portrait ? longSide : side;
    }
    plan.ok = true;
    return plan;
}

SizePlan planSoundSize(qint64 durationMs, qint64 maxBytes)
{
    static constexpr int kRates[] = {192, 160, 128, 112, 96, 80, 64, 56, 48, 40, 32};
    SizePlan plan;
    if (durationMs <= 0)
        return plan;
    // The sound formats carry no index worth counting: a few KB of header.
    const double kbps = double(maxBytes) * (1.0 - kSizeSafety) * 8.0 / double(durationMs);
    for (int rate : kRates)
        if (rate <= kbps) {
            plan.ok = true;
            plan.audioKbps = rate;
            return plan;
        }
    plan.minimumBytes = qint64(std::ceil(32.0 * double(durationMs) / 8.0 / (1.0 - kSizeSafety)));
    return plan;
}

GifTry nextGifTry(int longSide, int fps, qint64 bytes, qint64 maxBytes)
{
    GifTry next;
    if (bytes <= 0 || maxBytes <= 0 || longSide <= 0 || fps <= 0)
        return next;
    const double share = std::min(1.0, double(maxBytes) / double(bytes) * 0.85);
    next.fps = std::max(std::min(8, fps), int(std::floor(fps * std::sqrt(share))));
    const double left = share * double(fps) / double(next.fps); // of the area
    next.longSide = even(longSide * std::sqrt(left));
    next.ok = next.longSide >= kGifMinSide && (next.longSide < longSide || next.fps < fps);
    return next;
}

qint64 parseByteSize(const QString& text)
{
    static const QRegularExpression rx(
        QStringLiteral("^\\s*(\\d+(?:\\.\\d+)?)\\s*(k|kb|kib|m|mb|mib|兆|g|gb|gib)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = rx.match(text);
    if (!m.hasMatch())
        return 0;
    const double value = m.captured(1).toDouble();
    const QString unit = m.captured(2).toLower();
    double scale = 1e6; // a bare number is MB: nobody asks for a 50-byte video
    if (unit == QLatin1String("k") || unit == QLatin1String("kb"))
        scale = 1e3;
    else if (unit == QLatin1String("kib"))
        scale = 1024.0;
    else if (unit == QLatin1String("mib"))
        scale = 1048576.0;
    else if (unit.startsWith(QLatin1Char('g')))
        scale = unit == QLatin1String("gib") ? 1073741824.0 : 1e9;
    return qint64(value * scale);
}

QString formatBytes(qint64 bytes)
{
    if (bytes >= 1000000000)
        return QStringLiteral("%1 GB").arg(bytes / 1e9, 0, 'f', 1);
    if (bytes >= 1000000)
        return QStringLiteral("%1 MB").arg(bytes / 1e6, 0, 'f', 1);
    return QStringLiteral("%1 KB").arg(std::max<qint64>(1, bytes / 1000));
}

qint64 namedSizeLimit(const QString& name, QString* label)
{
    const QString key = name.trimmed().toLower();
    for (const NamedLimit& l : limitsTable())
        if (l.id == key || l.names.contains(key)) {
            if (label)
                *label = l.label;
            return l.bytes;
        }
    return 0;
}

qint64 namedSizeLimitIn(const QString& text, QString* label)
{
    const QString lower = text.toLower();
    for (const NamedLimit& l : limitsTable())
        for (const QString& name : l.names) {
            const bool latin = name.front().unicode() < 0x2E80;
            const QRegularExpression word(QStringLiteral("(?<![\\w-])") +
                                          QRegularExpression::escape(name) +
                                          QStringLiteral("(?![\\w-])"));
            if (latin ? word.match(lower).hasMatch() : lower.contains(name)) {
                if (label)
                    *label = l.label;
                return l.bytes;
            }
        }
    return 0;
}

QStringList namedSizeLimits()
{
    QStringList ids;
    for (const NamedLimit& l : limitsTable())
        ids << l.id;
    return ids;
}

QString describeSizePlan(const SizePlan& plan, const QString& language)
{
    if (language.startsWith(QLatin1String("zh")))
        return plan.audioKbps > 0 ? QStringLiteral("画面 %1 kb/s、%2x%3，声音 %4 kb/s")
                                        .arg(plan.videoKbps)
                                        .arg(plan.width)
                                        .arg(plan.height)
                                        .arg(plan.audioKbps)
                                  : QStringLiteral("画面 %1 kb/s、%2x%3")
                                        .arg(plan.videoKbps)
                                        .arg(plan.width)
                                        .arg(plan.height);
    return plan.audioKbps > 0 ? QStringLiteral("video %1 kb/s at %2x%3, sound %4 kb/s")
                                    .arg(plan.videoKbps)
                                    .arg(plan.width)
                                    .arg(plan.height)
                                    .arg(plan.audioKbps)
                              : QStringLiteral("video %1 kb/s at %2x%3")
                                    .arg(plan.videoKbps)
                                    .arg(plan.width)
                                    .arg(plan.height);
}

} // namespace cw::engine
