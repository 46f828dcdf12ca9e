// "Use beach.mp4 as B-roll over 0:20-0:25" and "add B-roll every 10 seconds": cutaways of the
// other uploaded video clips drawn over the main (first, usually speech) clip while its sound
// goes on (edit/Operations.h addBroll). The main clip is never its own B-roll, and generated
// media (intros) are not footage the user chose. A request with an interval chains several
// addBroll calls into one draft, so it is one version and one undo. Without another clip the
// answer says so honestly instead of cutting the main clip over itself. The interval's
// cutaways start on the main track's scene changes where one is near (edit/BrollTimes.h); the
// scene list is read from the cache (made after upload) or found now, with progress, before the
// edit lock is taken, as in ExecutorScene.cpp. Without it the plain times are kept.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "Draft.h"
#include "edit/BrollTimes.h"
#include "edit/Overlays.h"
#include "edit/Scenes.h"
#include "store/Store.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <algorithm>
#include <mutex>

namespace cw::engine {

namespace {

// The earliest clip of the main video track: the footage the B-roll cuts away from.
QString mainClipId(const Draft& d, qint64* endMs)
{
    QString id;
    qint64 first = -1;
    *endMs = 0;
    for (const Track& t : d.t) {
        if (t.tt != 0 || t.sg.isEmpty())
            continue;
        for (const Segment& s : t.sg) {
            *endMs = std::max(*endMs, s.end());
            if (!s.src.isEmpty() && (first < 0 || s.st < first)) {
                first = s.st;
                id = s.src;
            }
        }
        break;
    }
    return id;
}

QString joinNames(const QStringList& names, bool zh)
{
    if (zh)
        return names.join(QStringLiteral("、"));
    if (names.size() <= 1)
        return names.join(QString());
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           names.last();
}

} // namespace

OpOutcome Executor::applyBroll(const QString& sessionId, const Operation& op, bool zh)
{
    const qint64 fromMs = op.args.value(QStringLiteral("from_ms")).toInteger(-1);
    const qint64 toMs = op.args.value(QStringLiteral("to_ms")).toInteger(-1);
    const bool ranged = fromMs >= 0 && toMs > fromMs;
    // The scene list only matters when there is something to cut away to.
    const QList<MediaRecord> uploads = m_store.sessionMedia(sessionId);
    const auto pictures = std::count_if(uploads.begin(), uploads.end(), [](const MediaRecord& m) {
        return m.hasVideo || m.kind == QLatin1String("image");
    });
    SourceScenes scenes;
    if (!ranged && pictures >= 2) {
        OpOutcome failed;
        const std::optional<Draft> head = editableHead(m_store, sessionId, zh, &failed);
        if (!head)
            return failed;
        scenes = sourceScenes(m_store, sessionId, *head);
        if (scenes.cancelled)
            return failure(scenes.error + pick(zh, " Nothing was changed.", "（没有修改）"));
    }
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    const std::optional<DraftVersion> head = m_store.headDraft(sessionId);
    const std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft)
        return failure(pick(zh, "The stored timeline cannot be read.", "无法读取保存的时间线。"));
    qint64 end = 0;
    const QString mainId = mainClipId(*draft, &end);
    if (mainId.isEmpty() || end <= 0)
        return failure(pick(zh, "The timeline is empty: upload a clip first.",
                            "时间线是空的：请先上传一个片段。"));

    const QString generatedDir = m_store.dataDir() + QStringLiteral("/generated/");
    QSet<QString> logos; // pictures already over the video are not cutaways
    for (const Track& t : draft->t)
        for (const Segment& s : t.sg)
            if (isOverlaySegment(s))
                logos.insert(s.src);
    const QList<MediaRecord>& media = uploads;
    const QString file = op.args.value(QStringLiteral("file")).toString();
    QList<MediaRef> sources;
    for (const MediaRecord& m : media) {
        const bool picture = m.hasVideo || m.kind == QLatin1String("image");
        if (!picture)
            continue;
        if (!file.isEmpty()) {
            if (sameFileName(m.filename, file)) {
                sources = {refOf(m)};
                break;
            }
        } else if (m.id != mainId && !m.path.startsWith(generatedDir) && !logos.contains(m.id)) {
            sources << refOf(m);
        }
    }
    if (sources.isEmpty() && !file.isEmpty())
        return failure(
            zh ? QStringLiteral("没有找到上传的视频 %1，所以没有修改。请先上传它。").arg(file)
               : QStringLiteral("I can't find the video %1 among your uploads, so "
                                "nothing was changed. Upload it first.")
                     .arg(file));
    if (sources.isEmpty())
        return failure(pick(zh,
                            "Upload another clip to use as B-roll: there is only the main clip, "
                            "so nothing was changed.",
                            "请再上传一个片段用作空镜（B-roll）：现在只有主片段，所以没有修改。"));

    Draft out = *draft;
    int placed = 0;
    qint64 totalMs = 0;
    qint64 shortest = -1;
    qint64 longest = 0;
    QStringList used;
    QHash<QString, qint64> nextIn;
    QString error;
    auto place = [&](const MediaRef& m, qint64 at, qint64 d) {
        qint64 in = nextIn.value(m.id, 0);
        if (m.kind != QLatin1String("image") && in + d > m.durationMs)
            in = 0;
        const EditResult r = addBroll(out, m, at, d, in);
        if (!r.ok) {
            error = r.error;
            return false;
        }
        out = r.draft;
        const qint64 got = qint64(r.details.value(QStringLiteral("duration_ms")).toDouble());
        nextIn.insert(m.id, in + got);
        ++placed;
        totalMs += got;
        shortest = shortest < 0 ? got : std::min(shortest, got);
        longest = std::max(longest, got);
        if (!used.contains(m.fileName))
            used << m.fileName;
        return true;
    };

    qint64 every = 0;
    int onCuts = 0;
    if (ranged) {
        if (!place(sources.first(), fromMs, toMs - fromMs))
            return failure(zh ? QStringLiteral("没有修改：%1").arg(error)
                              : error + QStringLiteral(" Nothing was changed."));
    } else {
        every = std::clamp<qint64>(op.args.value(QStringLiteral("every_ms")).toInteger(10000), 2000,
                                   600000);
        const QList<BrollTime> times =
            brollTimes(every, end, timelineSceneCuts(*draft, scenes.cuts));
        for (int k = 0; k < times.size(); ++k)
            if (place(sources.at(k % sources.size()), times[k].atMs, times[k].durationMs) &&
                times[k].onCut)
                ++onCuts;
        if (placed == 0)
            return failure(
                zh ? QStringLiteral("视频只有 %1，不到一个间隔（%2 秒），所以没有添加空镜。")
                         .arg(formatClock(end), formatSeconds(every))
                   : QStringLiteral("The video is only %1 long, less than one interval (%2 s), "
                                    "so no B-roll was added.")
                         .arg(formatClock(end), formatSeconds(every)));
    }

    out.d = out.computedDuration();
    const int version =
        m_store.addDraftVersion(sessionId, out.toBytes(), QStringLiteral("add B-roll"));
    if (version <= 0)
        return failure(pick(zh, "The edit could not be saved.", "无法保存这次编辑。"));

    OpOutcome result;
    result.ok = true;
    result.response = QJsonObject{{QStringLiteral("ok"), true},
                                  {QStringLiteral("version"), version},
                                  {QStringLiteral("duration_ms"), out.d},
                                  {QStringLiteral("cutaways"), placed},
                                  {QStringLiteral("broll_ms"), totalMs},
                                  {QStringLiteral("on_scene_changes"), onCuts},
                                  {QStringLiteral("sources"), QJsonArray::fromStringList(used)}};
    const QString names = joinNames(used, zh);
    if (ranged) {
        const QString at = formatClock(fromMs) + QChar(0x2013) + formatClock(fromMs + totalMs);
        result.reply = zh ? QStringLiteral("已在 %1 插入来自 %2 的空镜（%3 秒）。")
                                .arg(at, names, formatSeconds(totalMs))
                          : QStringLiteral("Added B-roll from %1 over %2 (%3 s).")
                                .arg(names, at, formatSeconds(totalMs));
        return result;
    }
    const QString each = shortest == longest
                             ? formatSeconds(longest)
                             : formatSeconds(shortest) + QChar(0x2013) + formatSeconds(longest);
    if (zh)
        result.reply =
            QStringLiteral("已每隔 %1 秒添加空镜，共 %2 段，来自 %3（每段 %4 秒）。")
                .arg(formatSeconds(every))
                .arg(placed)
                .arg(names, each) +
            (onCuts == 0        ? QString()
             : onCuts == placed ? QStringLiteral("空镜都从场景切换处开始。")
                                : QStringLiteral("其中 %1 段从场景切换处开始。").arg(onCuts));
    else
        result.reply = (placed == 1 ? QStringLiteral("Added %1 B-roll cutaway from %2 (%3 s).")
                                    : QStringLiteral("Added %1 B-roll cutaways from %2 (%3 s "
                                                     "each)."))
                           .arg(QString::number(placed), names, each) +
                       (onCuts == 0 ? QString()
                        : onCuts == placed
                            ? (placed == 1 ? QStringLiteral(" It starts on a scene change.")
                                           : QStringLiteral(" They start on scene changes."))
                            : QStringLiteral(" %1 of them start on scene changes.").arg(onCuts));
    return result;
}

} // namespace cw::engine
