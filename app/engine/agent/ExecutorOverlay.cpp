// Things laid over the video: pictures (logos) and recordings (voice-overs).
//
// "Put my logo in the bottom-right corner at 80% opacity from 0:03": an uploaded picture drawn
// over the video (edit/Overlays.h). The picture is the one named, else the latest uploaded
// image; without one the reply asks for it and nothing changes. An upload puts a picture on
// the main track as a 3-second clip, so the logo's clip is taken off the main track in the
// same version (one undo), and the reply says so.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "Draft.h"
#include "edit/Overlays.h"
#include "store/Store.h"

#include <algorithm>
#include <cmath>
#include <mutex>

namespace cw::engine {

OpOutcome Executor::applyLogo(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    auto arg = [&op](const char* key) { return op.args.value(QLatin1String(key)); };
    const QString file = arg("file").toString();
    const std::optional<MediaRecord> picture =
        pickUpload(m_store, sessionId, file, QStringLiteral("image"));
    if (!picture && !file.isEmpty())
        return notUploaded(file, zh);
    if (!picture)
        return failure(pick(zh,
                            "Upload your logo first (a PNG with a transparent background works "
                            "best), then say e.g. \"put my logo in the bottom-right corner\". "
                            "Nothing was changed.",
                            "请先上传你的 logo（透明背景的 PNG 效果最好），再说“把 logo "
                            "放在右下角”。没有修改。"));

    // The upload's own clip of the picture on the main track goes: it is a logo, not a shot.
    // deleteClip counts clips in timeline order; each removal makes a new draft, so the next
    // clip is looked for in that one.
    Draft base = *draft;
    int taken = 0;
    for (int guard = 0; guard < 64; ++guard) {
        int at = -1;
        for (const Track& t : base.t) {
            if (t.tt != int(TrackType::Video) || t.sg.isEmpty())
                continue;
            QList<const Segment*> order;
            for (const Segment& s : t.sg)
                order << &s;
            std::stable_sort(order.begin(), order.end(),
                             [](const Segment* a, const Segment* b) { return a->st < b->st; });
            for (int k = 0; k < order.size() && at < 0; ++k)
                if (order[k]->src == picture->id && !isOverlaySegment(*order[k]))
                    at = k;
            break; // the main track only
        }
        if (at < 0)
            break;
        const EditResult r = deleteClip(base, at);
        if (!r.ok)
            break;
        base = r.draft;
        ++taken;
    }
    OverlayOptions o;
    o.position = arg("position").toString(o.position);
    o.widthPercent = arg("size").toDouble(o.widthPercent);
    o.opacity = arg("opacity").toDouble(o.opacity);
    o.startMs = arg("start_ms").toInteger(0);
    o.durationMs = arg("duration_ms").toInteger(-1);
    const EditResult r = addOverlay(base, refOf(*picture), o);
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("add logo"), zh);
    if (!out.ok)
        return out;
    const qint64 st = r.details.value(QStringLiteral("start_ms")).toInteger();
    const qint64 end = st + r.details.value(QStringLiteral("duration_ms")).toInteger();
    const QString span = end >= r.draft.computedDuration() && st == 0
                             ? pick(zh, "for the whole video", "全程显示")
                             : (zh ? QStringLiteral("%1 到 %2") : QStringLiteral("from %1 to %2"))
                                   .arg(formatClock(st), formatClock(end));
    const QString size = QString::number(std::round(o.widthPercent)) + QLatin1Char('%');
    const QString opacity = QString::number(std::round(o.opacity * 100)) + QLatin1Char('%');
    out.reply =
        zh ? QStringLiteral("已把 %1 放在%2，宽度为画面的 %3，不透明度 %4，%5。")
                 .arg(picture->filename, positionWords(o.position, true), size, opacity, span)
           : QStringLiteral("Put %1 in the %2 at %3 of the width, %4 opaque, %5.")
                 .arg(picture->filename, positionWords(o.position, false), size, opacity, span);
    if (taken > 0)
        out.reply += pick(zh, " It is no longer a clip of its own on the timeline.",
                          "它不再作为单独的片段出现在时间线上。");
    return out;
}

// "Remove my logo": the logos put on here go; with none the reply says so (and that a logo in
// the footage itself cannot be removed), and nothing changes.
OpOutcome Executor::applyRemoveLogo(const QString& sessionId, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const EditResult r = removeOverlays(*draft);
    if (!r.ok && zh)
        return failure(
            QStringLiteral("这个视频没有加过 logo，所以没有可去掉的（素材画面里原有的 logo "
                           "这里去不掉）。没有修改。"));
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("remove logo"), zh);
    if (out.ok)
        out.reply =
            zh ? QStringLiteral("已去掉 logo（%1 处）。").arg(r.details.value("removed").toInt())
               : QStringLiteral("Took the logo off (%1 placed).")
                     .arg(r.details.value("removed").toInt());
    return out;
}

// "Use voiceover.m4a as the narration from 0:05", "replace the audio with take2.wav": a
// recording under the video (edit/Overlays.h setVoiceOver). The file is the one named, else
// the latest uploaded sound-only file; without one the reply asks for it.
OpOutcome Executor::applyVoiceOver(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const QString file = op.args.value(QStringLiteral("file")).toString();
    const std::optional<MediaRecord> voice =
        pickUpload(m_store, sessionId, file, QStringLiteral("audio"));
    if (!voice && !file.isEmpty())
        return notUploaded(file, zh);
    if (!voice)
        return failure(
            pick(zh,
                 "Upload the voice-over first (an audio file), then say e.g. \"use "
                 "voiceover.m4a as the narration\". Nothing was changed.",
                 "请先上传旁白录音（音频文件），再说“用 voiceover.m4a 作为旁白”。没有修改。"));
    const bool replace = op.args.value(QStringLiteral("replace")).toBool();
    const EditResult r = setVoiceOver(
        *draft, refOf(*voice), op.args.value(QStringLiteral("start_ms")).toInteger(0), replace);
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("voice-over"), zh);
    if (!out.ok)
        return out;
    const qint64 st = r.details.value(QStringLiteral("start_ms")).toInteger();
    const qint64 end = st + r.details.value(QStringLiteral("duration_ms")).toInteger();
    const qint64 cut = r.details.value(QStringLiteral("cut_ms")).toInteger();
    out.reply = zh ? QStringLiteral("%1 现在是旁白（%2 到 %3），背景音乐会在它下面自动压低。")
                         .arg(voice->filename, formatClock(st), formatClock(end))
                   : QStringLiteral("%1 is now the voice-over from %2 to %3; music ducks under it.")
                         .arg(voice->filename, formatClock(st), formatClock(end));
    if (replace)
        out.reply += pick(zh, " The clips' own sound is muted.", "片段原声已静音。");
    if (cut > 0)
        out.reply +=
            zh ? QStringLiteral("录音比视频长，最后 %1 秒没有用上。").arg(formatSeconds(cut))
               : QStringLiteral(" It runs longer than the video: the last %1 s are not used.")
                     .arg(formatSeconds(cut));
    return out;
}

} // namespace cw::engine
