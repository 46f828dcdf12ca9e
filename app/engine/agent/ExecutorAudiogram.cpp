// An audiogram from the chat (edit/Audiogram.h). A podcast uploaded with its cover picture
// leaves the picture on the main track and the sound under it (MediaIngest.cpp): when every
// picture on the video tracks is a still, the still becomes the audiogram's background (unless
// another is asked for) and leaves the tracks, so the sound is alone again. Real footage is
// refused with what works instead; the renderer would not draw a waveform over it.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"
#include "edit/Audiogram.h"
#include "edit/Overlays.h"
#include "edit/ProgressBar.h"
#include "store/Store.h"

namespace cw::engine {

namespace {

QString styleWords(const QString& style, bool zh)
{
    if (style == QLatin1String("line"))
        return pick(zh, "a line waveform", "线条波形");
    if (style == QLatin1String("bars"))
        return pick(zh, "frequency bars", "频谱柱");
    if (style == QLatin1String("spectrum"))
        return pick(zh, "a spectrum curve", "频谱曲线");
    return pick(zh, "a waveform", "波形");
}

// Removes the stills from the video tracks when they are the only pictures there (logos stay:
// they are drawn over the audiogram); the first
// one's id, or "" when there is footage (nothing is removed then) or no picture.
QString takeStills(Draft& d, const QHash<QString, MediaRef>& media)
{
    QString first;
    for (const Track& t : d.t)
        for (const Segment& s : t.sg) {
            const MediaRef m = media.value(s.src);
            if (t.tt != int(TrackType::Video) || s.d <= 0 || m.id.isEmpty() || isOverlaySegment(s))
                continue;
            if (m.kind != QLatin1String("image"))
                return {};
            if (first.isEmpty())
                first = m.id;
        }
    if (!first.isEmpty())
        for (Track& t : d.t)
            if (t.tt == int(TrackType::Video))
                t.sg.removeIf([&](const Segment& s) {
                    return !isOverlaySegment(s) &&
                           media.value(s.src).kind == QLatin1String("image");
                });
    return first;
}

// The decline over footage, in the words of what was asked: a background or the audiogram
// itself (a progress bar alone is drawn over the footage instead).
OpOutcome overFootage(const Operation& op, bool zh)
{
    auto asked = [&op](const char* key) { return op.args.contains(QLatin1String(key)); };
    if (!asked("style") && !asked("color") && !asked("progress") &&
        (asked("background_file") || asked("background_image") || asked("background")))
        return failure(pick(zh,
                            "A picture or colour background is for audiograms (a video made from "
                            "sound alone); replacing the background behind people in footage is "
                            "not possible here, so nothing was changed.",
                            "背景图片或颜色只用于音频可视化视频（纯音频做成的视频）；替换画面里人物"
                            "身后的背景在这里做不到，所以没有修改。"));
    return failure(pick(zh,
                        "An audiogram (a waveform video) is made from sound alone, and this "
                        "video has footage, so nothing was changed. Upload the audio by "
                        "itself (mp3, m4a, wav) to make one; on footage, titles, a countdown "
                        "or a timecode work.",
                        "音频波形视频只能用纯音频制作，这个视频有画面，所以没有修改。请单独上传"
                        "音频（mp3、m4a、wav）再试；有画面的视频可以加标题、倒计时或时间码。"));
}

} // namespace

// "add a progress bar" on footage: the bar over the video (edit/ProgressBar.h), in the colour
// said; "remove the progress bar" takes it off. Called with the edit lock held.
OpOutcome Executor::progressOverFootage(const QString& sessionId, const Draft& draft,
                                        const Operation& op, bool zh)
{
    const bool off = !op.args.value(QLatin1String("progress")).toBool();
    QJsonObject args;
    if (op.args.contains(QLatin1String("bar_color")))
        args.insert(QStringLiteral("color"), op.args.value(QLatin1String("bar_color")));
    const EditResult r = off ? removeProgressBar(draft) : setProgressBar(draft, args);
    if (!r.ok && off)
        return failure(pick(zh, "There is no progress bar to remove; nothing was changed.",
                            "没有进度条可以去掉，没有修改。"));
    OpOutcome out =
        saveEdit(m_store, sessionId, r,
                 off ? QStringLiteral("remove progress bar") : QStringLiteral("progress bar"), zh);
    if (!out.ok)
        return out;
    const QString colour = textColorName(r.details.value(QLatin1String("color")).toString(), zh);
    if (off)
        out.reply = pick(zh, "Took the progress bar off.", "去掉了进度条。");
    else if (zh)
        out.reply = QStringLiteral("在画面底部加了%1进度条，随播放进度变长。").arg(colour);
    else
        out.reply = QStringLiteral("Added a %1 progress bar along the bottom; it grows with the "
                                   "playing time.")
                        .arg(colour);
    return out;
}

OpOutcome Executor::applyAudiogram(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    if (op.args.value(QLatin1String("off")).toBool()) {
        OpOutcome out = saveEdit(m_store, sessionId, removeAudiogram(*draft),
                                 QStringLiteral("remove audiogram"), zh);
        if (out.ok)
            out.reply = pick(zh, "Took the waveform off; the video shows a plain picture again.",
                             "去掉了波形，视频又是纯色画面了。");
        return out;
    }
    QHash<QString, MediaRef> media;
    for (const MediaRecord& m : m_store.sessionMedia(sessionId))
        media.insert(m.id, refOf(m));

    // Footage first: asking for a picture that is not uploaded is beside the point there.
    Draft base = *draft;
    const QString still = takeStills(base, media);
    if (const EditResult probe = setAudiogram(base, {}, media);
        !probe.ok &&
        probe.error.startsWith(QLatin1String("An audiogram is drawn from sound alone"))) {
        if (op.args.contains(QLatin1String("progress")) &&
            !op.args.contains(QLatin1String("style")) &&
            !op.args.contains(QLatin1String("background")) &&
            !op.args.contains(QLatin1String("background_file")) &&
            !op.args.contains(QLatin1String("background_image")))
            return progressOverFootage(sessionId, *draft, op, zh);
        return overFootage(op, zh);
    }

    QJsonObject args;
    for (const char* key : {"style", "color", "background", "progress"})
        if (op.args.contains(QLatin1String(key)))
            args.insert(QLatin1String(key), op.args.value(QLatin1String(key)));
    const QString file = op.args.value(QLatin1String("background_file")).toString();
    if (!file.isEmpty() || op.args.value(QLatin1String("background_image")).toBool()) {
        const std::optional<MediaRecord> picture =
            pickUpload(m_store, sessionId, file, QStringLiteral("image"));
        if (!picture && !file.isEmpty())
            return notUploaded(file, zh);
        if (!picture)
            return failure(
                pick(zh,
                     "Upload the picture first (PNG or JPEG), then say e.g. \"use "
                     "cover.png as the background\". Nothing was changed.",
                     "请先上传图片（PNG 或 JPEG），再说“用 cover.png 做背景”。没有修改。"));
        args.insert(QStringLiteral("background_media"), picture->id);
    }
    if (!still.isEmpty() && !args.contains(QLatin1String("background_media")) &&
        !args.contains(QLatin1String("background")))
        args.insert(QStringLiteral("background_media"), still);
    const EditResult r = setAudiogram(base, args, media);
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("audiogram"), zh);
    if (!out.ok)
        return out;
    const QJsonObject d = r.details;
    const QString colour = textColorName(d.value(QLatin1String("color")).toString(), zh);
    const QString bgId = d.value(QLatin1String("background_media")).toString();
    const QString bg = bgId.isEmpty()
                           ? textColorName(d.value(QLatin1String("background")).toString(), zh)
                           : media.value(bgId).fileName;
    const bool bar = d.value(QLatin1String("progress")).toBool();
    const QString style = styleWords(d.value(QLatin1String("style")).toString(), zh);
    if (zh)
        out.reply =
            QStringLiteral("做好了音频可视化：%1的%2，%3%4。导出即可得到视频。")
                .arg(colour, style,
                     bgId.isEmpty() ? QStringLiteral("%1背景").arg(bg)
                                    : QStringLiteral("背景是 %1").arg(bg),
                     bar ? QStringLiteral("，底部有进度条") : QStringLiteral("，没有进度条"));
    else
        out.reply =
            QStringLiteral("Made an audiogram: %1 in %2 on %3, %4. Export to get the "
                           "video.")
                .arg(style, colour,
                     bgId.isEmpty() ? QStringLiteral("a %1 background").arg(bg)
                                    : QStringLiteral("%1 (scaled to fill the frame)").arg(bg),
                     bar ? QStringLiteral("with a progress bar along the bottom")
                         : QStringLiteral("no progress bar"));
    return out;
}

} // namespace cw::engine
