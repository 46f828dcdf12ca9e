// The executor's changes to what is already there (music level, texts, the added intro, fades),
// the frame for a named platform, export words inside an edit message, pauses named by place
// ("the silence at the end", "the pause at 4:20") and cutting to a target length. Each is one
// new version with a reply that says what changed in numbers; a removal of more than half the
// video, or of a whole clip the user did not name, is asked about first (Executor::ask).
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "Draft.h"
#include "agent/Lexicon.h"
#include "edit/CutPauses.h"
#include "edit/Fades.h"
#include "edit/OperationsChange.h"
#include "edit/TargetLength.h"
#include "render/SizeTarget.h"
#include "store/Store.h"

#include <algorithm>
#include <mutex>

namespace cw::engine {

namespace {

QString pct(double v)
{
    return QString::number(qRound(v * 100)) + QLatin1Char('%');
}

QString platformName(const QString& id, bool zh)
{
    static const QHash<QString, QPair<const char*, const char*>> names{
        {QStringLiteral("tiktok"), {"TikTok", "抖音/TikTok"}},
        {QStringLiteral("reels"), {"Instagram Reels", "Instagram Reels"}},
        {QStringLiteral("shorts"), {"YouTube Shorts", "YouTube Shorts"}},
        {QStringLiteral("stories"), {"Stories", "快拍（Stories）"}},
        {QStringLiteral("instagram_feed"), {"the Instagram feed", "Instagram 动态"}},
        {QStringLiteral("youtube"), {"YouTube", "YouTube"}},
        {QStringLiteral("linkedin"), {"LinkedIn", "领英"}},
        {QStringLiteral("x"), {"X", "X（推特）"}}};
    const auto it = names.constFind(id);
    return it == names.cend() ? id : pick(zh, it->first, it->second);
}

const Track* mainTrack(const Draft& d)
{
    for (const Track& t : d.t)
        if (t.tt == 0 && !t.sg.isEmpty())
            return &t;
    return nullptr;
}

} // namespace

OpOutcome Executor::applyChange(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const QString& n = op.name;
    auto arg = [&op](const char* key) { return op.args.value(QLatin1String(key)); };
    EditResult r;
    QString label;
    QString note;
    if (n == Op::setMusicVolume()) {
        r = setMusicVolume(*draft, arg("volume").toDouble(-1), arg("factor").toDouble(1));
        label = QStringLiteral("change music volume");
    } else if (n == Op::removeMusic()) {
        r = removeMusic(*draft);
        label = QStringLiteral("remove music");
    } else if (n == Op::editText()) {
        TextChange c;
        c.style = arg("style").toString();
        c.text = arg("text").toString();
        c.position = arg("position").toString();
        c.startMs = arg("start_ms").toInteger(-1);
        c.durationMs = arg("duration_ms").toInteger(-1);
        c.look = textLookFromArgs(op.args);
        c.all = arg("all").toBool();
        r = editText(*draft, c);
        label = QStringLiteral("edit text");
    } else if (n == Op::removeText()) {
        r = removeText(*draft, arg("style").toString());
        label = QStringLiteral("remove text");
    } else if (n == Op::removeIntro()) {
        r = removeIntro(*draft);
        if (!r.ok)
            return failure(
                pick(zh,
                     "There is no intro that I added, so nothing was changed. To cut the "
                     "start of your footage say e.g. \"cut the first 10 seconds\".",
                     "没有我添加的片头，所以没有修改。要剪掉素材开头，可以说“删除前10秒”。"));
        label = QStringLiteral("remove intro");
    } else if (n == Op::exportSettings()) {
        // Export words inside an edit message: remembered with the draft (the export dialog
        // and the CLI read m.export) and answered, never reported as "not done".
        Draft d = *draft;
        QJsonObject exp;
        for (const char* key : {"resolution", "format", "platform"})
            if (arg(key).isString())
                exp.insert(QLatin1String(key), arg(key));
        // Fast export (render/SmartCodec.h): the source's codec kept, untouched GOPs copied.
        if (arg("fast").toBool())
            exp.insert(QStringLiteral("fast"), true);
        // A size to stay under: the bitrates it allows for this length, or the smallest size
        // that works (render/SizeTarget.h).
        const qint64 maxBytes = arg("max_bytes").toInteger(0);
        if (maxBytes > 0) {
            const QString fmt = arg("format").toString(QStringLiteral("mp4"));
            if (fmt != QLatin1String("mp4") && fmt != QLatin1String("mov"))
                return failure(pick(zh,
                                    "A file size can be aimed at for MP4 and MOV exports; nothing "
                                    "was changed.",
                                    "只有 MP4 和 MOV 导出可以指定文件大小，没有修改。"));
            const QString res = arg("resolution").toString(QStringLiteral("1080p"));
            const int shortSide = res == QLatin1String("4k")     ? 2160
                                  : res == QLatin1String("720p") ? 720
                                                                 : 1080;
            const int w0 = std::max(1, d.m.value(QLatin1String("width")).toInt(1920));
            const int h0 = std::max(1, d.m.value(QLatin1String("height")).toInt(1080));
            const bool portrait = h0 > w0;
            const SizePlan plan = planSize(draft->computedDuration(), maxBytes,
                                           portrait ? shortSide : shortSide * w0 / h0,
                                           portrait ? shortSide * h0 / w0 : shortSide,
                                           d.m.value(QLatin1String("fps")).toDouble(30));
            if (!plan.ok)
                return failure(
                    zh ? QStringLiteral("%1 装不下 %2 的视频：至少需要 %3。没有修改。")
                             .arg(formatBytes(maxBytes), formatClock(draft->computedDuration()),
                                  formatBytes(plan.minimumBytes))
                       : QStringLiteral("%1 is too small for %2 of video: the smallest that works "
                                        "is %3. Nothing was changed.")
                             .arg(formatBytes(maxBytes), formatClock(draft->computedDuration()),
                                  formatBytes(plan.minimumBytes)));
            exp.insert(QStringLiteral("max_bytes"), maxBytes);
            note =
                (zh ? QStringLiteral("，不超过 %1（%2）") : QStringLiteral(", under %1 (%2)"))
                    .arg(formatBytes(maxBytes),
                         describeSizePlan(plan, zh ? QStringLiteral("zh") : QStringLiteral("en")));
        }
        // The Export dialog offers these formats (RenderOutput.h) and preselects the one said.
        const QString format = arg("format").toString(QStringLiteral("mp4"));
        const bool sound = format == QLatin1String("mp3") || format == QLatin1String("m4a") ||
                           format == QLatin1String("wav");
        QString what = sound ? pick(zh, "the sound alone as ", "仅声音，格式 ")
                       : format == QLatin1String("gif")
                           ? QString()
                           : arg("resolution").toString(QStringLiteral("1080p")) + QLatin1Char(' ');
        what += format == QLatin1String("webm") ? QStringLiteral("WebM") : format.toUpper();
        if (format == QLatin1String("gif"))
            note = pick(zh, " (480 pixels wide, 12 frames a second, up to 60 s)",
                        "（宽 480 像素，每秒 12 帧，最长 60 秒）");
        if (exp.value(QLatin1String("fast")).toBool())
            note +=
                pick(zh,
                     ", fast: the source's codec is kept (HEVC stays HEVC) and only the "
                     "frames around cuts are re-encoded",
                     "，快速导出：保留原视频编码（HEVC 仍为 HEVC），只重新编码剪辑点附近的画面");
        if (exp.isEmpty() || exp == d.m.value(QLatin1String("export")).toObject()) {
            OpOutcome out;
            out.ok = true;
            out.response =
                QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("export"), exp}};
            out.reply =
                zh ? QStringLiteral("准备好导出 %1%2：点击“导出”（Ctrl+E）。").arg(what, note)
                   : QStringLiteral("Ready to export as %1%2: click Export (Ctrl+E).")
                         .arg(what, note);
            return out;
        }
        d.m.insert(QStringLiteral("export"), exp);
        r.ok = true;
        r.draft = d;
        r.details = QJsonObject{{QStringLiteral("export"), exp}};
        label = QStringLiteral("export settings");
        note = zh ? QStringLiteral("导出设置：%1%2。点击“导出”（Ctrl+E）开始。").arg(what, note)
                  : QStringLiteral("Export set to %1%2. Click Export (Ctrl+E) to make the file.")
                        .arg(what, note);
    } else if (n == Op::setAspect()) {
        // A platform named: its frame, and a word about its length limit. A vertical source
        // for a landscape platform is padded, never cropped to a sliver without saying so.
        const lexicon::Platform* pf = lexicon::platform(arg("platform").toString());
        QString ratio = arg("ratio").toString(pf ? pf->ratio : QStringLiteral("16:9"));
        QString mode = arg("mode").toString(QStringLiteral("crop"));
        const Track* main = mainTrack(*draft);
        const std::optional<MediaRecord> media =
            main ? m_store.media(main->sg.first().src) : std::nullopt;
        const bool portraitSource = media && media->height > media->width;
        const bool landscapeTarget = ratio == QLatin1String("16:9");
        if (portraitSource && landscapeTarget && mode == QLatin1String("crop")) {
            mode = QStringLiteral("blur");
            note += pick(zh,
                         " Your footage is vertical, so I kept the whole picture on a blurred fill "
                         "instead of cropping it; say \"crop it\" to fill the frame.",
                         "你的素材是竖屏，所以保留了完整画面并用模糊背景填充，没有裁剪；说“裁剪填满"
                         "”可以铺满画面。");
        }
        r = setAspect(*draft, ratio, mode, arg("reframe").toString());
        label = QStringLiteral("change aspect");
        const qint64 length = draft->computedDuration();
        if (pf && pf->maxMs > 0 && length > pf->maxMs)
            note += zh ? QStringLiteral("%1 最长 %2，而视频有 %3：说“剪到 %4 秒”可以缩短。")
                             .arg(platformName(pf->id, true), formatClock(pf->maxMs),
                                  formatClock(length))
                             .arg(pf->maxMs / 1000)
                       : QStringLiteral(" %1 takes up to %2 and this is %3: say \"cut it down to "
                                        "%4 seconds\" to fit.")
                             .arg(platformName(pf->id, false), formatClock(pf->maxMs),
                                  formatClock(length))
                             .arg(pf->maxMs / 1000);
        if (r.ok) {
            const QString size = QStringLiteral("%1×%2")
                                     .arg(r.details.value(QStringLiteral("width")).toInt())
                                     .arg(r.details.value(QStringLiteral("height")).toInt());
            note = (zh ? QStringLiteral("已改为适合%1的 %2 画面（%3）。")
                             .arg(pf ? platformName(pf->id, true) : QString(), ratio, size)
                       : QStringLiteral("Set the frame to %1 (%2) for %3.")
                             .arg(ratio, size, pf ? platformName(pf->id, false) : QString())) +
                   note;
        }
    }
    if (!r.ok)
        return failure(r.error + pick(zh, "", "（没有修改）") +
                       (r.error.contains(QLatin1String("nothing was changed")) || zh
                            ? QString()
                            : QStringLiteral(" Nothing was changed.")));
    r.draft.d = r.draft.computedDuration();
    OpOutcome out = saveVersion(m_store, sessionId, r.draft, label, r.details, zh);
    if (!out.ok)
        return out;
    const QJsonObject& d = r.details;
    if (n == Op::setMusicVolume()) {
        const double v = d.value(QStringLiteral("volume")).toDouble();
        const double old = d.value(QStringLiteral("old_volume")).toDouble();
        out.reply =
            zh ? QStringLiteral("背景音乐音量已从 %1 调到 %2。").arg(pct(old), pct(v))
               : QStringLiteral("Music volume changed from %1 to %2.").arg(pct(old), pct(v));
    } else if (n == Op::removeMusic()) {
        out.reply = pick(zh, "Removed the background music.", "已去掉背景音乐。");
    } else if (n == Op::editText()) {
        QStringList what;
        QStringList cn;
        if (op.args.contains(QStringLiteral("text"))) {
            what << QStringLiteral("now says \"%1\"").arg(arg("text").toString());
            cn << QStringLiteral("内容改为「%1」").arg(arg("text").toString());
        }
        if (op.args.contains(QStringLiteral("position"))) {
            what << QStringLiteral("moved to the %1")
                        .arg(
                            arg("position").toString().replace(QLatin1Char('_'), QLatin1Char(' ')));
            cn << QStringLiteral("位置改为 %1").arg(arg("position").toString());
        }
        if (op.args.contains(QStringLiteral("start_ms"))) {
            what << QStringLiteral("starts at %1")
                        .arg(formatClock(d.value(QStringLiteral("start_ms")).toInteger()));
            cn << QStringLiteral("从 %1 开始")
                      .arg(formatClock(d.value(QStringLiteral("start_ms")).toInteger()));
        }
        if (op.args.contains(QStringLiteral("duration_ms"))) {
            what << QStringLiteral("lasts %1 s")
                        .arg(formatSeconds(d.value(QStringLiteral("duration_ms")).toInteger()));
            cn << QStringLiteral("持续 %1 秒")
                      .arg(formatSeconds(d.value(QStringLiteral("duration_ms")).toInteger()));
        }
        const QStringList look = textLookWords(op.args, d, zh);
        const int k = d.value(QStringLiteral("changed")).toInt(1);
        cn << look;
        if (k > 1)
            what << look;
        else if (!look.isEmpty())
            what << QStringLiteral("is now ") + look.join(QStringLiteral(", "));
        out.reply = zh ? QStringLiteral("已修改%1文字：%2。")
                             .arg(k > 1 ? QStringLiteral("%1 段").arg(k) : QString(),
                                  cn.join(QStringLiteral("，")))
                    : k > 1 ? QStringLiteral("Changed %1 texts: %2.")
                                  .arg(k)
                                  .arg(what.join(QStringLiteral(", ")))
                            : QStringLiteral("The text %1.").arg(what.join(QStringLiteral(", ")));
    } else if (n == Op::removeText()) {
        const int k = d.value(QStringLiteral("removed")).toInt();
        out.reply = zh ? QStringLiteral("已删除 %1 段文字。").arg(k)
                       : (k == 1 ? QStringLiteral("Removed 1 text.")
                                 : QStringLiteral("Removed %1 texts.").arg(k));
    } else if (n == Op::removeIntro()) {
        out.reply = zh ? QStringLiteral("已删除片头（%1 秒），现在 %2。")
                             .arg(formatSeconds(d.value(QStringLiteral("removed_ms")).toInteger()),
                                  formatClock(r.draft.d))
                       : QStringLiteral("Removed the intro (%1 s); now %2.")
                             .arg(formatSeconds(d.value(QStringLiteral("removed_ms")).toInteger()),
                                  formatClock(r.draft.d));
    } else {
        out.reply = note.trimmed();
    }
    return out;
}

OpOutcome Executor::applyTargetLength(const QString& sessionId, const Operation& op, bool zh,
                                      bool confirmed)
{
    OpOutcome failed;
    LengthOptions o;
    o.best = op.args.value(QStringLiteral("best")).toBool();
    bool moving = false; // the picture's activity took part in the choice
    if (o.best) {
        // The scene pass (picture activity) runs before the lock, as in ExecutorScene.cpp; a
        // picture that cannot be read leaves the choice to the sound.
        const std::optional<Draft> head = editableHead(m_store, sessionId, zh, &failed);
        if (!head)
            return failed;
        const SourceScenes scenes = sourceScenes(m_store, sessionId, *head);
        if (scenes.error.isEmpty())
            o.motion = scenes.motion;
        for (const QList<float>& m : std::as_const(o.motion))
            moving = moving || std::any_of(m.begin(), m.end(), [](float x) { return x > 0.05f; });
    }
    std::unique_lock<std::mutex> lock(m_store.editMutex());
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    // "pick the best moments" names no length: a quarter of the video, 15-60 s, said in the reply.
    const qint64 whole = draft->computedDuration();
    o.targetMs =
        op.args.value(QStringLiteral("target_ms"))
            .toInteger(o.best ? std::min<qint64>(whole, std::clamp<qint64>(whole / 4, 15000, 60000))
                              : 0);
    const LengthResult res = cutToLength(*draft, analysesOf(m_store, sessionId, *draft), o);
    if (!res.edit.ok)
        return failure(res.edit.error + pick(zh, " Nothing was changed.", "（没有修改）"));
    const qint64 before = draft->computedDuration();
    const QJsonObject& d = res.edit.details;
    if (d.value(QStringLiteral("already_short")).toBool()) {
        OpOutcome out;
        out.ok = true;
        out.response =
            QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("duration_ms"), before}};
        out.reply = zh ? QStringLiteral("视频只有 %1，已经不超过 %2，没有修改。")
                             .arg(formatClock(before), formatClock(o.targetMs))
                       : QStringLiteral("The video is %1, already within %2; nothing was changed.")
                             .arg(formatClock(before), formatClock(o.targetMs));
        return out;
    }
    Draft result = res.edit.draft;
    result.d = result.computedDuration();
    const qint64 removed = before - result.d;
    if (!confirmed && removed * 2 > before) {
        lock.unlock();
        return ask(
            sessionId, op,
            zh ? QStringLiteral(
                     "剪到 %1 要删掉 %2 中的 %3（超过一半）。说“好的”继续，或换一个时长。")
                     .arg(formatClock(o.targetMs), formatClock(before), formatClock(removed))
               : QStringLiteral("Cutting it to %1 removes %2 of %3 — more than half. Say "
                                "\"yes\" to do it, or give another length.")
                     .arg(formatClock(o.targetMs), formatClock(removed), formatClock(before)));
    }
    OpOutcome out = saveVersion(m_store, sessionId, result, QStringLiteral("cut to length"), d, zh);
    if (!out.ok)
        return out;
    const int stretches = int(res.removedStretches.size());
    if (o.best) {
        QStringList left; // what was left out, in the timeline the user saw
        for (const Interval& iv : res.removedStretches) {
            if (left.size() == 4) {
                left << QStringLiteral("…");
                break;
            }
            left << QStringLiteral("%1–%2").arg(formatClock(iv.startMs), formatClock(iv.endMs));
        }
        out.reply =
            zh ? QStringLiteral("已保留最精彩的部分（按音量、说话密度%1选出，在停顿处剪开），现在 "
                                "%2，删掉了 %3：%4。")
                     .arg(moving ? QStringLiteral("和画面动作") : QString(), formatClock(result.d),
                          formatClock(removed), left.join(QStringLiteral("、")))
               : QStringLiteral("Kept the liveliest stretches (chosen by loudness, how densely "
                                "people speak%1, cut in pauses); now %2. Left out %3: %4.")
                     .arg(moving ? QStringLiteral(" and how much the picture moves") : QString(),
                          formatClock(result.d), formatClock(removed),
                          left.join(QStringLiteral(", ")));
    } else if (zh)
        out.reply =
            QStringLiteral("已剪到 %1：剪掉 %2 处停顿（%3 秒）%4。")
                .arg(formatClock(result.d))
                .arg(res.pausesRemoved)
                .arg(formatSeconds(res.pausesMs))
                .arg(stretches > 0 ? QStringLiteral("，以及 %1 段最安静的片段").arg(stretches)
                                   : QString());
    else
        out.reply =
            QStringLiteral("Cut to %1: removed %2 pause%3 (%4 s)%5.")
                .arg(formatClock(result.d))
                .arg(res.pausesRemoved)
                .arg(res.pausesRemoved == 1 ? QString() : QStringLiteral("s"))
                .arg(formatSeconds(res.pausesMs))
                .arg(stretches > 0 ? QStringLiteral(" and the %1 quietest stretch%2")
                                         .arg(stretches)
                                         .arg(stretches == 1 ? QString() : QStringLiteral("es"))
                                   : QString());
    return out;
}

// "The pause at 4:20", "the silence at the end", "the dead air at the beginning": one pause of
// the main track, found in its clip's analysis and removed as a range (kept margins as the
// pause cutter keeps them).
OpOutcome Executor::applyPauseAt(const QString& sessionId, const Operation& op, bool zh)
{
    std::unique_lock<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    const Track* main = draft ? mainTrack(*draft) : nullptr;
    if (!main)
        return draft ? failure(pick(zh, "There is no video clip on the timeline.",
                                    "时间线上没有视频片段。"))
                     : failed;
    const QHash<QString, AudioAnalysis> analyses = analysesOf(m_store, sessionId, *draft);
    const qint64 minMs = op.args.value(QStringLiteral("min_pause_ms")).toInteger(300);
    const double asked = op.args.value(QStringLiteral("threshold_db")).toDouble(0);
    constexpr qint64 kMargin = 150;
    QList<Interval> pauses; // timeline
    for (const Segment& s : main->sg) {
        const auto a = analyses.constFind(s.src);
        if (a == analyses.cend() || s.m.value(QLatin1String("speed")).toDouble(1) != 1.0)
            continue;
        const double threshold = asked < 0 ? asked : adaptiveSilenceThresholdDb(*a);
        for (const Interval& i : findSilences(*a, threshold, minMs)) {
            const qint64 from = std::max(i.startMs, s.in);
            const qint64 to = std::min(i.endMs, s.in + s.d);
            if (to - from >= minMs)
                pauses << Interval{s.st + from - s.in, s.st + to - s.in};
        }
    }
    const qint64 length = draft->computedDuration();
    const QString scope = op.args.value(QStringLiteral("scope")).toString();
    const qint64 at = op.args.value(QStringLiteral("at_ms")).toInteger(-1);
    std::optional<Interval> pick1;
    for (const Interval& p : pauses) {
        if (scope == QLatin1String("start") && p.startMs <= 100)
            pick1 = Interval{0, p.endMs - kMargin};
        else if (scope == QLatin1String("end") && p.endMs >= length - 100)
            pick1 = Interval{p.startMs + kMargin, length};
        else if (at >= 0 && p.startMs - 2000 <= at && at <= p.endMs + 2000 &&
                 (!pick1 || std::abs((p.startMs + p.endMs) / 2 - at) <
                                std::abs((pick1->startMs + pick1->endMs) / 2 - at)))
            pick1 = Interval{p.startMs + kMargin, p.endMs - kMargin};
    }
    lock.unlock();
    if (!pick1 || pick1->length() <= 0) {
        const QString where =
            scope == QLatin1String("start") ? pick(zh, "at the beginning", "开头")
            : scope == QLatin1String("end")
                ? pick(zh, "at the end", "结尾")
                : (zh ? QStringLiteral("%1 附近") : QStringLiteral("near %1")).arg(formatClock(at));
        OpOutcome out;
        out.ok = true;
        out.response =
            QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("pauses_removed"), 0}};
        out.reply = zh ? QStringLiteral("%1没有找到停顿，所以没有修改。").arg(where)
                       : QStringLiteral("There is no pause %1, so nothing was changed.").arg(where);
        return out;
    }
    return applyEdit(sessionId,
                     Operation{Op::removeRange(),
                               {{QStringLiteral("from_ms"), pick1->startMs},
                                {QStringLiteral("to_ms"), pick1->endMs},
                                {QStringLiteral("confirmed"), true}}},
                     zh);
}

// Fades of the whole video, one clip, its sound only or the music (edit/Fades.h).
OpOutcome Executor::applyFade(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    FadeOptions o;
    o.in = op.name == Op::fadeIn();
    o.target = op.args.value(QStringLiteral("target")).toString();
    o.color = op.args.value(QStringLiteral("color")).toString();
    o.durationMs = op.args.value(QStringLiteral("duration_ms")).toInteger(-1);
    o.clip = op.args.value(QStringLiteral("clip")).toInt(-2);
    if (o.target == QLatin1String("music") && !hasMusic(*draft))
        return failure(pick(zh, "There is no background music to fade; nothing was changed.",
                            "还没有背景音乐，无法淡入淡出（没有修改）。"));
    const EditResult r = setFade(*draft, o);
    OpOutcome out = saveEdit(m_store, sessionId, r,
                             o.in ? QStringLiteral("fade in") : QStringLiteral("fade out"), zh);
    if (!out.ok)
        return out;
    const qint64 ms = r.details.value(QStringLiteral("duration_ms")).toInteger();
    const QString color = r.details.value(QStringLiteral("color")).toString();
    out.response.insert(QStringLiteral("fade_ms"), ms);
    const QString secs = formatSeconds(ms);
    const QString what =
        o.target == QLatin1String("music")   ? pick(zh, "The music", "背景音乐")
        : o.target == QLatin1String("sound") ? pick(zh, "The sound", "声音")
        : o.clip == -2                       ? pick(zh, "The video", "视频")
        : o.clip == -1
            ? pick(zh, "The last clip", "最后一段")
            : (zh ? QStringLiteral("第 %1 段") : QStringLiteral("Clip %1")).arg(o.clip + 1);
    if (ms <= 0) {
        out.reply = o.in ? (zh ? QStringLiteral("%1的淡入已去掉。")
                               : QStringLiteral("%1 no longer fades in."))
                               .arg(what)
                         : (zh ? QStringLiteral("%1的淡出已去掉。")
                               : QStringLiteral("%1 no longer fades out."))
                               .arg(what);
        return out;
    }
    const bool picture = color != QLatin1String("none") && o.target != QLatin1String("music");
    const QString shade =
        color == QLatin1String("white") ? pick(zh, "white", "白场") : pick(zh, "black", "黑场");
    if (zh)
        out.reply =
            o.in ? (picture ? QStringLiteral("%1现在从%2淡入，用时 %3 秒。").arg(what, shade, secs)
                            : QStringLiteral("%1现在在开头 %2 秒内淡入。").arg(what, secs))
                 : (picture ? QStringLiteral("%1现在在最后 %3 秒淡出到%2。").arg(what, shade, secs)
                            : QStringLiteral("%1现在在最后 %2 秒内淡出。").arg(what, secs));
    else
        out.reply =
            o.in
                ? (picture
                       ? QStringLiteral("%1 now fades in from %2 over %3 s.").arg(what, shade, secs)
                       : QStringLiteral("%1 now fades in over the first %2 s.").arg(what, secs))
                : (picture
                       ? QStringLiteral("%1 now fades out to %2 over the last %3 s.")
                             .arg(what, shade, secs)
                       : QStringLiteral("%1 now fades out over the last %2 s.").arg(what, secs));
    if (r.details.value(QStringLiteral("clamped")).toBool())
        out.reply += pick(zh, " (Shortened to half of its length, so the fades do not overlap.)",
                          "（已缩短到其长度的一半，以免淡入淡出重叠。）");
    return out;
}

} // namespace cw::engine
