// "Put my face cam in the corner", "put both clips side by side": a second clip shown with the
// main one (edit/Layouts.h addLayout), as one version (one undo).
//
// The main clip is the earliest on the main track. The other is the file named, else the clip
// named by its number ("clip 2"), else the latest uploaded video that is not the main clip, a
// logo or generated. Whose sound plays, when the user does not say: the clip with speech
// (media/AudioAnalysis.h hasSpeech), the main one when both or neither have it; the reply
// always says whose it is and why, so a wrong guess is one sentence away from being fixed.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "ApiError.h"
#include "Draft.h"
#include "edit/Layouts.h"
#include "edit/Overlays.h"
#include "store/Store.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <mutex>

namespace cw::engine {

namespace {

// The main track's clips in timeline order (their media ids).
QStringList mainClips(const Draft& d)
{
    for (const Track& t : d.t) {
        if (t.tt != int(TrackType::Video) || t.sg.isEmpty())
            continue;
        QList<const Segment*> order;
        for (const Segment& s : t.sg)
            order << &s;
        std::stable_sort(order.begin(), order.end(),
                         [](const Segment* a, const Segment* b) { return a->st < b->st; });
        QStringList ids;
        for (const Segment* s : order)
            ids << s->src;
        return ids;
    }
    return {};
}

bool speaks(const QHash<QString, AudioAnalysis>& analyses, const QString& id)
{
    const auto it = analyses.constFind(id);
    return it != analyses.constEnd() && it->ok && hasSpeech(*it, adaptiveSilenceThresholdDb(*it));
}

} // namespace

// "Remove the picture in picture", 去掉分屏: the layouts go, the main clips get their sound back.
OpOutcome Executor::takeOff(const QString& sessionId, const Draft& draft, const QString& role,
                            bool zh)
{
    const EditResult r = removeLayout(draft, role);
    if (!r.ok && r.errorCode == ErrorCode::Conflict)
        return failure(role == QLatin1String("pip")
                           ? pick(zh,
                                  "There is no picture-in-picture to remove; nothing was changed.",
                                  "没有画中画可以去掉，没有修改。")
                       : role == QLatin1String("split")
                           ? pick(zh, "There is no split screen to remove; nothing was changed.",
                                  "没有分屏可以去掉，没有修改。")
                           : pick(zh,
                                  "There is no picture-in-picture or split screen to remove; "
                                  "nothing was changed.",
                                  "没有画中画或分屏可以去掉，没有修改。"));
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("remove layout"), zh);
    if (!out.ok)
        return out;
    QStringList what;
    for (const QJsonValue& v : r.details.value(QStringLiteral("removed")).toArray()) {
        const QJsonObject o = v.toObject();
        const bool pip = o.value(QStringLiteral("role")).toString() == QLatin1String("pip");
        const qint64 st = o.value(QStringLiteral("start_ms")).toInteger();
        const QString span = formatClock(st) + QStringLiteral("–") +
                             formatClock(st + o.value(QStringLiteral("duration_ms")).toInteger());
        const QString name = o.value(QStringLiteral("name")).toString();
        what << (zh ? QStringLiteral("%1的%2（%3）")
                          .arg(name, pip ? QStringLiteral("画中画") : QStringLiteral("分屏"), span)
                    : QStringLiteral("the %1 of %2 (%3)")
                          .arg(pip ? QStringLiteral("picture-in-picture")
                                   : QStringLiteral("split screen"),
                               name, span));
    }
    out.reply = zh ? QStringLiteral("已去掉%1，那段时间只显示主画面，使用它自己的声音。")
                         .arg(what.join(QStringLiteral("、")))
                   : QStringLiteral("Removed %1; the main clip plays alone there, with its own "
                                    "sound.")
                         .arg(what.join(QStringLiteral(", ")));
    return out;
}

OpOutcome Executor::applyLayout(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    auto arg = [&op](const char* key) { return op.args.value(QLatin1String(key)); };
    if (op.name == Op::removeLayout())
        return takeOff(sessionId, *draft, arg("role").toString(), zh);
    const bool pip = op.name == Op::addPip();
    const QStringList clips = mainClips(*draft);
    const QString file = arg("file").toString();
    const int clip = arg("clip").toInt(-2);
    const QString generated = m_store.dataDir() + QStringLiteral("/generated/");
    std::optional<MediaRecord> other;
    QSet<QString> logos;
    for (const Track& t : draft->t)
        for (const Segment& s : t.sg)
            if (isOverlaySegment(s))
                logos.insert(s.src);
    // "The second clip" with one clip on the track: the other picture is already beside it (a
    // layout took it off the track), so the latest other video is the one meant.
    const QString clipId = clip == -1 ? clips.value(clips.size() - 1) : clips.value(clip);
    const bool byClip = clip != -2 && !clipId.isEmpty() && (clip == 0 || clipId != clips.value(0));
    for (const MediaRecord& m : m_store.sessionMedia(sessionId)) {
        if (!file.isEmpty() ? sameFileName(m.filename, file)
            : byClip        ? m.id == clipId
                            : m.hasVideo && m.id != clips.value(0) && !logos.contains(m.id) &&
                           !m.path.startsWith(generated))
            other = m; // the latest one wins
    }
    if (!other && !file.isEmpty())
        return notUploaded(file, zh);
    if ((!other && byClip) || (clip >= 2 && clipId.isEmpty()))
        return failure(zh ? QStringLiteral("时间线上没有第 %1 个片段，没有修改。").arg(clip + 1)
                          : QStringLiteral("There is no clip %1 on the timeline; nothing was "
                                           "changed.")
                                .arg(clip + 1));
    if (!other)
        return failure(pick(zh,
                            "Upload the second clip first (e.g. your face cam), then say e.g. "
                            "\"put it in the bottom-right corner\" or \"side by side\". Nothing "
                            "was changed.",
                            "请先上传第二个片段（例如人像镜头），再说“放在右下角”或“左右分屏”。"
                            "没有修改。"));

    LayoutOptions o;
    o.role = pip ? QStringLiteral("pip") : QStringLiteral("split");
    o.position = arg("position").toString(o.position);
    o.widthPercent = arg("size").toDouble(o.widthPercent);
    o.borderPx = arg("border").toBool() ? 8 : 0;
    o.layout = arg("layout").toString(o.layout);
    o.fit = arg("fit").toString(o.fit);
    o.startMs = arg("start_ms").toInteger(0);
    o.durationMs = arg("duration_ms").toInteger(-1);
    // The main picture after the other clip is taken off the track.
    QString mainId;
    for (const QString& id : clips)
        if (id != other->id && mainId.isEmpty())
            mainId = id;
    const std::optional<MediaRecord> mainMedia = m_store.media(mainId);
    const QHash<QString, AudioAnalysis> analyses = analysesOf(m_store, sessionId, *draft);
    QString why;
    if (arg("sound").isString()) {
        o.sound = arg("sound").toString();
        why = pick(zh, "as you asked", "按你的要求");
    } else if (other->hasAudio && speaks(analyses, other->id) && !speaks(analyses, mainId)) {
        o.sound = QStringLiteral("other");
        why = pick(zh, "it has the speech", "它有人声");
    } else {
        why = speaks(analyses, mainId) ? pick(zh, "it has the speech", "它有人声")
                                       : pick(zh, "the main clip", "主片段");
    }
    const EditResult r = addLayout(*draft, refOf(*other), o);
    OpOutcome out =
        saveEdit(m_store, sessionId, r,
                 pip ? QStringLiteral("picture in picture") : QStringLiteral("split screen"), zh);
    if (!out.ok)
        return out;
    const QString mainName = mainMedia ? mainMedia->filename : mainId;
    const QString soundName = o.sound == QLatin1String("other") ? other->filename : mainName;
    const qint64 st = r.details.value(QStringLiteral("start_ms")).toInteger();
    const qint64 end = st + r.details.value(QStringLiteral("duration_ms")).toInteger();
    const QString span = end >= r.draft.computedDuration() && st == 0
                             ? pick(zh, "for the whole video", "全程")
                             : (zh ? QStringLiteral("%1 到 %2") : QStringLiteral("from %1 to %2"))
                                   .arg(formatClock(st), formatClock(end));
    const QString size = QString::number(std::round(o.widthPercent)) + QLatin1Char('%');
    if (pip)
        out.reply = zh ? QStringLiteral("已把 %1 以画中画放在%2，宽度为画面的 %3，%4。")
                             .arg(other->filename, positionWords(o.position, true), size, span)
                       : QStringLiteral("Put %1 as a picture-in-picture in the %2 at %3 of the "
                                        "width, %4.")
                             .arg(other->filename, positionWords(o.position, false), size, span);
    else if (zh)
        out.reply =
            QStringLiteral("%1 和 %2 现在%3分屏（%1 在%4），%5，%6。")
                .arg(mainName, other->filename,
                     o.layout == QLatin1String("v") ? QStringLiteral("上下")
                                                    : QStringLiteral("左右"),
                     o.layout == QLatin1String("v") ? QStringLiteral("上面")
                                                    : QStringLiteral("左边"),
                     o.fit == QLatin1String("pad") ? QStringLiteral("每个画面完整显示并加黑边")
                                                   : QStringLiteral("每个画面裁剪填满半边"),
                     span);
    else
        out.reply = QStringLiteral("%1 and %2 are now %3 (%1 %4), %5, %6.")
                        .arg(mainName, other->filename,
                             o.layout == QLatin1String("v") ? QStringLiteral("top and bottom")
                                                            : QStringLiteral("side by side"),
                             o.layout == QLatin1String("v") ? QStringLiteral("on top")
                                                            : QStringLiteral("on the left"),
                             o.fit == QLatin1String("pad")
                                 ? QStringLiteral("each shown whole with black bars")
                                 : QStringLiteral("each cropped to fill its half"),
                             span);
    out.reply += zh ? QStringLiteral("声音来自 %1（%2）。").arg(soundName, why)
                    : QStringLiteral(" The sound is %1's (%2).").arg(soundName, why);
    if (r.details.value(QStringLiteral("taken")).toInt() > 0)
        out.reply += pick(zh, " It is no longer a clip of its own on the timeline.",
                          "它不再作为单独的片段出现在时间线上。");
    return out;
}

} // namespace cw::engine
