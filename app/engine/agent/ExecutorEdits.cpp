// The executor's editing operations: resolve the planned arguments against the head draft
// (the end of the video, "the middle part", which clip "the second clip" is, which audio
// file is the music), call the pure function of edit/Operations.h, store the result as one
// new version and say what changed with numbers, in English or Chinese. References to
// things that do not exist are answered before any edit, so the draft stays unchanged.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "Draft.h"
#include "generate/MusicBed.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>
#include <mutex>

namespace cw::engine {

namespace {

qint64 argMs(const Operation& op, const char* key, qint64 fallback = -1)
{
    const QJsonValue v = op.args.value(QLatin1String(key));
    return v.isDouble() ? qint64(v.toDouble()) : fallback;
}

QString span(qint64 from, qint64 to)
{
    return formatClock(from) + QChar(0x2013) + formatClock(to);
}

QString percent(double v)
{
    return QString::number(qRound(v * 100)) + QLatin1Char('%');
}

// The clips of the main video track, in timeline order.
int clipCount(const Draft& d)
{
    for (const Track& t : d.t)
        if (t.tt == 0 && !t.sg.isEmpty())
            return int(t.sg.size());
    return 0;
}

QString moodZh(const QString& mood)
{
    static const QHash<QString, QString> names{
        {QStringLiteral("lofi"), QStringLiteral("低保真")},
        {QStringLiteral("upbeat"), QStringLiteral("欢快")},
        {QStringLiteral("calm"), QStringLiteral("舒缓")},
        {QStringLiteral("cinematic"), QStringLiteral("电影感")}};
    return names.value(mood, mood);
}

QString lookName(const QString& look, bool zh)
{
    static const QHash<QString, QString> en{
        {QStringLiteral("bw"), QStringLiteral("black and white")},
        {QStringLiteral("cinematic"), QStringLiteral("cinematic")},
        {QStringLiteral("warm"), QStringLiteral("warm")},
        {QStringLiteral("cool"), QStringLiteral("cool")},
        {QStringLiteral("vivid"), QStringLiteral("vivid")}};
    static const QHash<QString, QString> cn{{QStringLiteral("bw"), QStringLiteral("黑白")},
                                            {QStringLiteral("cinematic"), QStringLiteral("电影感")},
                                            {QStringLiteral("warm"), QStringLiteral("暖色")},
                                            {QStringLiteral("cool"), QStringLiteral("冷色")},
                                            {QStringLiteral("vivid"), QStringLiteral("鲜艳")}};
    return (zh ? cn : en).value(look, look);
}

QString ordinalText(int index, bool zh)
{
    if (index < 0)
        return pick(zh, "the last clip", "最后一个片段");
    return zh ? QStringLiteral("第 %1 个片段").arg(index + 1)
              : QStringLiteral("clip %1").arg(index + 1);
}

// An uploaded audio file sits on a plain audio track; used as music it should not also play
// there at full volume.
Draft withoutPlainAudio(Draft d, const QString& mediaId)
{
    for (Track& t : d.t) {
        if (t.tt != 1)
            continue;
        t.sg.erase(std::remove_if(t.sg.begin(), t.sg.end(),
                                  [&](const Segment& s) {
                                      return s.src == mediaId &&
                                             s.m.value(QLatin1String("role")).toString() !=
                                                 QLatin1String("music");
                                  }),
                   t.sg.end());
    }
    d.t.erase(std::remove_if(d.t.begin(), d.t.end(),
                             [](const Track& t) { return t.tt == 1 && t.sg.isEmpty(); }),
              d.t.end());
    return d;
}

// The operations' reasons are English; the common ones are said in Chinese here.
QString reasonText(const QString& error, bool zh)
{
    if (!zh)
        return error.contains(QLatin1String("nothing was changed"))
                   ? error
                   : error + QStringLiteral(" Nothing was changed.");
    static const QHash<QString, QString> known{
        {QStringLiteral("That is already the whole video; nothing was changed."),
         QStringLiteral("这已经是整个视频了")},
        {QStringLiteral("That is the only clip; deleting it would leave nothing."),
         QStringLiteral("这是唯一的片段，删除后就什么都不剩了")},
        {QStringLiteral("That time range is empty."), QStringLiteral("这个时间范围是空的")},
        {QStringLiteral("That would remove the whole video; nothing was changed."),
         QStringLiteral("这样会删除整个视频")},
        {QStringLiteral("The clip is already there."), QStringLiteral("这个片段已经在那个位置了")},
        {QStringLiteral("The text is empty."), QStringLiteral("文字是空的")},
        {QStringLiteral("The timeline is empty."), QStringLiteral("时间线是空的")},
        {QStringLiteral("There are no clips on the timeline."), QStringLiteral("时间线上没有片段")},
        {QStringLiteral("There is only one clip."), QStringLiteral("只有一个片段")}};
    static const QRegularExpression afterEnd(
        QStringLiteral("^(\\S+) is after the end of the video \\((\\S+)\\)\\.$"));
    static const QRegularExpression noSplit(
        QStringLiteral("^There is no clip to split at (\\S+) "));
    QString reason = known.value(error);
    if (reason.isEmpty()) {
        QRegularExpressionMatch m = afterEnd.match(error);
        if (m.hasMatch())
            reason = QStringLiteral("%1 超出了视频结尾（%2）").arg(m.captured(1), m.captured(2));
        else if ((m = noSplit.match(error)).hasMatch())
            reason = QStringLiteral("%1 处没有可以分割的片段（正好是剪切点或超出结尾）")
                         .arg(m.captured(1));
        else
            reason = error;
    }
    return reason + QStringLiteral("，所以没有修改。");
}

bool isGenerated(const MediaRecord& m)
{
    return m.filename.startsWith(QLatin1String("music-bed-"));
}

} // namespace

bool Executor::resolveMusic(const QString& sessionId, const Draft& draft, const Operation& op,
                            bool zh, MediaRef* music, bool* generated, QString* reply)
{
    const QString file = op.args.value(QStringLiteral("file")).toString();
    const QList<MediaRecord> media = m_store.sessionMedia(sessionId);
    if (!file.isEmpty()) {
        for (const MediaRecord& m : media) {
            if (m.hasAudio && sameFileName(m.filename, file)) {
                *music = refOf(m);
                *generated = false;
                return true;
            }
        }
        *reply = zh ? QStringLiteral(
                          "没有找到上传的文件 %1，所以没有修改。请先上传它，或者说“添加背景音乐”"
                          "让我生成一段。")
                          .arg(file)
                    : QStringLiteral("I can't find %1 among your uploads, so nothing was changed. "
                                     "Upload it first, or say \"add background music\" for a "
                                     "generated bed.")
                          .arg(file);
        return false;
    }
    // The newest uploaded sound file that is not the footage itself (a voice memo on the main
    // track is what the music goes under, not the music).
    QSet<QString> footage;
    for (const Track& t : draft.t)
        if (t.tt == int(TrackType::Video))
            for (const Segment& s : t.sg)
                footage.insert(s.src);
    const qint64 lengthMs = draft.computedDuration();
    const MediaRecord* latest = nullptr;
    for (const MediaRecord& m : media)
        if (m.kind == QLatin1String("audio") && !isGenerated(m) && !footage.contains(m.id) &&
            (!latest || m.created >= latest->created))
            latest = &m;
    if (latest && !op.args.contains(QStringLiteral("mood"))) {
        *music = refOf(*latest);
        *generated = false;
        return true;
    }
    const QString mood = op.args.value(QStringLiteral("mood")).toString(QStringLiteral("calm"));
    const QString id = newId(QStringLiteral("m_"));
    const QString dir = m_store.dataDir() + QStringLiteral("/generated");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + id + QStringLiteral(".m4a");
    QString error;
    const qint64 bedMs = std::max<qint64>(lengthMs, 1000) + 2000;
    if (!generateMusicBed(path, mood, bedMs, &error)) {
        *reply = pick(zh, "The music bed could not be generated, so nothing was changed.",
                      "无法生成背景音乐，所以没有修改。");
        return false;
    }
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    MediaRecord rec;
    rec.id = id;
    rec.sessionId = sessionId;
    rec.filename = QStringLiteral("music-bed-%1.m4a").arg(mood);
    rec.kind = QStringLiteral("audio");
    rec.path = path;
    rec.hash = QString::fromLatin1(hash.result().toHex());
    rec.durationMs = bedMs;
    rec.hasAudio = true;
    rec.created = QDateTime::currentMSecsSinceEpoch();
    if (!m_store.addMedia(rec)) {
        *reply = pick(zh, "The edit could not be saved.", "无法保存这次编辑。");
        return false;
    }
    *music = refOf(rec);
    *generated = true;
    return true;
}

OpOutcome Executor::applyEdit(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const qint64 length = draft->computedDuration();
    const int clips = clipCount(*draft);
    auto rangeOf = [&](qint64* from, qint64* to) {
        const qint64 last = argMs(op, "last_ms");
        if (last >= 0) {
            *from = std::max<qint64>(0, length - last);
            *to = length;
            return;
        }
        *from = argMs(op, "from_ms", 0);
        *to = argMs(op, "to_ms", 0);
        if (*to < 0)
            *to = length;
    };

    EditResult r;
    QString label;
    QString reply;
    bool generated = false;
    MediaRef music;
    qint64 speedFrom = 0;
    qint64 speedTo = 0;
    const QString& n = op.name;
    if (n == Op::removeRange() || n == Op::keepRange()) {
        qint64 from = 0;
        qint64 to = 0;
        rangeOf(&from, &to);
        const bool remove = n == Op::removeRange();
        r = remove ? removeRange(*draft, from, to) : keepRange(*draft, from, to);
        label = remove ? QStringLiteral("remove range") : QStringLiteral("keep range");
    } else if (n == Op::splitAt()) {
        r = splitAt(*draft, argMs(op, "at_ms", 0));
        label = QStringLiteral("split");
    } else if (n == Op::deleteClip() || n == Op::moveClip()) {
        const bool del = n == Op::deleteClip();
        const int index =
            op.args.value(del ? QStringLiteral("index") : QStringLiteral("from")).toInt();
        const int to = op.args.value(QStringLiteral("to")).toInt();
        for (int i : {index, del ? 0 : to}) {
            if (i >= clips) {
                const QString msg =
                    zh ? QStringLiteral("时间线上只有 %1 个片段，没有%2，所以没有修改。")
                             .arg(clips)
                             .arg(ordinalText(i, true))
                       : QStringLiteral("There %1 only %2 clip%3 on the timeline, so there is no "
                                        "%4; nothing was changed.")
                             .arg(clips == 1 ? QStringLiteral("is") : QStringLiteral("are"))
                             .arg(clips)
                             .arg(clips == 1 ? QString() : QStringLiteral("s"))
                             .arg(ordinalText(i, false));
                return failure(msg);
            }
        }
        r = del ? deleteClip(*draft, index) : moveClip(*draft, index, to);
        label = del ? QStringLiteral("delete clip") : QStringLiteral("move clip");
    } else if (n == Op::setSpeed()) {
        qint64 from = 0;
        qint64 to = 0;
        if (op.args.value(QStringLiteral("part")).toString() == QLatin1String("middle")) {
            from = length / 3;
            to = 2 * length / 3;
        } else if (op.args.contains(QStringLiteral("from_ms")) ||
                   op.args.contains(QStringLiteral("last_ms"))) {
            rangeOf(&from, &to);
        }
        speedFrom = from;
        speedTo = to;
        r = setSpeed(*draft, from, to, op.args.value(QStringLiteral("factor")).toDouble(1.0));
        label = QStringLiteral("change speed");
    } else if (n == Op::setVolume()) {
        r = setClipVolume(*draft, op.args.value(QStringLiteral("gain")).toDouble(1.0),
                          op.args.contains(QStringLiteral("clip"))
                              ? op.args.value(QStringLiteral("clip")).toInt()
                              : -2);
        label = QStringLiteral("change volume");
    } else if (n == Op::addMusic()) {
        if (!resolveMusic(sessionId, *draft, op, zh, &music, &generated, &reply))
            return failure(reply);
        MusicOptions o;
        o.volume = op.args.value(QStringLiteral("volume")).toDouble(o.volume);
        o.duck = op.args.value(QStringLiteral("duck")).toBool(true);
        r = addMusic(withoutPlainAudio(*draft, music.id), music, o);
        label = QStringLiteral("add music");
    } else if (n == Op::addText()) {
        TextOptions o;
        o.text = op.args.value(QStringLiteral("text")).toString();
        o.style = op.args.value(QStringLiteral("style")).toString(o.style);
        // A timer draws its own digits; its text is its name on the timeline.
        if (o.text.isEmpty() && o.style == QLatin1String("countdown"))
            o.text = pick(zh, "Countdown", "倒计时");
        else if (o.text.isEmpty() && o.style == QLatin1String("timecode"))
            o.text = pick(zh, "Timecode", "时间码");
        o.startMs = argMs(op, "start_ms", 0);
        // A watermark and a timecode stay to the end unless a length is said.
        const bool toEnd =
            o.style == QLatin1String("watermark") || o.style == QLatin1String("timecode");
        o.durationMs = argMs(op, "duration_ms", toEnd ? -1 : o.durationMs);
        o.position = op.args.value(QStringLiteral("position")).toString();
        o.look = textLookFromArgs(op.args);
        // "a caption 'Bye' in the last 2 seconds": it ends with the video.
        if (op.args.value(QStringLiteral("at")).toString() == QLatin1String("end"))
            o.startMs = std::max<qint64>(0, draft->computedDuration() - o.durationMs);
        r = addText(*draft, o);
        label = QStringLiteral("add text");
    } else if (n == Op::addTransitions()) {
        const bool none = op.args.value(QStringLiteral("type")).toString() == QLatin1String("none");
        if (clips < 2 && none)
            return failure(pick(zh, "There are no transitions to remove; nothing was changed.",
                                "没有可以去掉的转场，所以没有修改。"));
        if (clips < 2)
            return failure(pick(
                zh,
                "There is only one clip, so there is no cut to put a transition "
                "on; nothing was changed. Split it or upload another clip first.",
                "只有一个片段，没有可以加转场的剪切点，所以没有修改。请先分割或再上传一个片段。"));
        r = addTransitions(*draft, op.args.value(QStringLiteral("type")).toString(),
                           argMs(op, "duration_ms", 500));
        // "remove the transitions" when there are none: said, and no version is made.
        if (none && r.ok && r.draft == *draft)
            return failure(pick(zh, "There are no transitions to remove; nothing was changed.",
                                "没有可以去掉的转场，所以没有修改。"));
        label = none ? QStringLiteral("remove transitions") : QStringLiteral("add transitions");
    } else if (n == Op::setAspect()) {
        // "auto reframe" names no frame: the draft's own, or vertical.
        r = setAspect(
            *draft,
            op.args.value(QStringLiteral("ratio"))
                .toString(draft->m.value(QLatin1String("aspect")).toString(QStringLiteral("9:16"))),
            op.args.value(QStringLiteral("mode")).toString(),
            op.args.value(QStringLiteral("reframe")).toString());
        label = QStringLiteral("change aspect");
    } else if (n == Op::setLoudness()) {
        r = setLoudness(*draft, op.args.value(QStringLiteral("lufs")).toDouble(-14));
        label = QStringLiteral("normalise loudness");
    } else if (n == Op::denoise()) {
        r = setDenoise(*draft, true);
        label = QStringLiteral("denoise");
    } else if (n == Op::setLook()) {
        const bool none = op.args.value(QStringLiteral("look")).toString() == QLatin1String("none");
        // "remove the black and white" with no look on: said, and no version is made.
        if (none && !draft->m.contains(QLatin1String("look")))
            return failure(pick(zh, "There is no colour look to remove; nothing was changed.",
                                "没有可以去掉的调色，所以没有修改。"));
        r = setLook(*draft, op.args.value(QStringLiteral("look")).toString());
        label = none ? QStringLiteral("remove colour look") : QStringLiteral("colour look");
    } else {
        return failure(capabilitiesReply(zh));
    }
    if (!r.ok)
        return failure(reasonText(r.error, zh));
    // Times the user typed may hide a bigger cut than they meant: over half the video, or a
    // whole clip they did not name, waits for a "yes".
    if ((n == Op::removeRange() || n == Op::keepRange()) &&
        !op.args.value(QStringLiteral("confirmed")).toBool()) {
        const qint64 removed = length - r.draft.computedDuration();
        const bool wholeClip = clips >= 2 && clipCount(r.draft) < clips;
        if (removed * 2 > length || wholeClip)
            return ask(sessionId, op,
                       zh ? QStringLiteral("这会删掉 %1 中的 %2%3。说“好的”继续，或者换一个范围。")
                                .arg(formatClock(length), formatClock(removed),
                                     wholeClip ? QStringLiteral("，包括一整个片段")
                                               : QStringLiteral("（超过一半）"))
                          : QStringLiteral("That removes %1 of %2%3. Say \"yes\" to do it, or give "
                                           "another range.")
                                .arg(formatClock(removed), formatClock(length),
                                     wholeClip ? QStringLiteral(", including a whole clip")
                                               : QStringLiteral(" — more than half")));
    }

    r.draft.d = r.draft.computedDuration();
    const int version = m_store.addDraftVersion(sessionId, r.draft.toBytes(), label);
    if (version <= 0)
        return failure(pick(zh, "The edit could not be saved.", "无法保存这次编辑。"));

    const QJsonObject& d = r.details;
    const qint64 now = r.draft.d;
    const QString nowText = formatClock(now);
    auto num = [&d](const char* key) { return qint64(d.value(QLatin1String(key)).toDouble()); };
    if (n == Op::removeRange()) {
        reply = zh ? QStringLiteral("已删除 %1（%2 秒），现在 %3。")
                         .arg(span(num("from_ms"), num("to_ms")), formatSeconds(num("removed_ms")),
                              nowText)
                   : QStringLiteral("Removed %1 (%2 s); now %3.")
                         .arg(span(num("from_ms"), num("to_ms")), formatSeconds(num("removed_ms")),
                              nowText);
    } else if (n == Op::keepRange()) {
        reply = zh ? QStringLiteral("已只保留 %1，删掉了 %2 秒，现在 %3。")
                         .arg(span(num("from_ms"), num("to_ms")), formatSeconds(num("removed_ms")),
                              nowText)
                   : QStringLiteral("Kept only %1 (%2 s removed); now %3.")
                         .arg(span(num("from_ms"), num("to_ms")), formatSeconds(num("removed_ms")),
                              nowText);
    } else if (n == Op::splitAt()) {
        reply = zh ? QStringLiteral("已在 %1 处分割，现在有 %2 个片段。")
                         .arg(formatClock(num("at_ms")))
                         .arg(num("segments"))
                   : QStringLiteral("Split at %1; there are now %2 clips.")
                         .arg(formatClock(num("at_ms")))
                         .arg(num("segments"));
    } else if (n == Op::deleteClip()) {
        reply = zh ? QStringLiteral("已删除第 %1 个片段（%2 秒），现在 %3。")
                         .arg(num("index") + 1)
                         .arg(formatSeconds(num("removed_ms")), nowText)
                   : QStringLiteral("Deleted clip %1 (%2 s); now %3.")
                         .arg(num("index") + 1)
                         .arg(formatSeconds(num("removed_ms")), nowText);
    } else if (n == Op::moveClip()) {
        reply = zh ? QStringLiteral("已把第 %1 个片段移到第 %2 个位置。")
                         .arg(num("from") + 1)
                         .arg(num("to") + 1)
                   : QStringLiteral("Moved clip %1 to position %2.")
                         .arg(num("from") + 1)
                         .arg(num("to") + 1);
    } else if (n == Op::setSpeed()) {
        const QString factor = QString::number(op.args.value(QStringLiteral("factor")).toDouble());
        if (speedTo > speedFrom)
            reply = zh ? QStringLiteral("已把 %1 设为 %2 倍速，现在 %3。")
                             .arg(span(speedFrom, speedTo), factor, nowText)
                       : QStringLiteral("Set %1 to %2x speed; now %3.")
                             .arg(span(speedFrom, speedTo), factor, nowText);
        else
            reply = zh ? QStringLiteral("已设为 %1 倍速，现在 %2。").arg(factor, nowText)
                       : QStringLiteral("Set the speed to %1x; now %2.").arg(factor, nowText);
    } else if (n == Op::setVolume()) {
        const double gain = op.args.value(QStringLiteral("gain")).toDouble();
        const int clip = op.args.value(QStringLiteral("clip")).toInt(-2);
        const QString which = clip == -1 ? pick(zh, "the last clip", "最后一个片段")
                              : zh       ? QStringLiteral("第 %1 个片段").arg(clip + 1)
                                         : QStringLiteral("clip %1").arg(clip + 1);
        if (clip != -2)
            reply = gain <= 0 ? (zh ? QStringLiteral("已把%1静音，其他片段的声音不变。")
                                    : QStringLiteral("Muted %1; the other clips keep their sound."))
                                    .arg(which)
                              : (zh ? QStringLiteral("已把%1的音量设为 %2。")
                                    : QStringLiteral("Set %1's volume to %2."))
                                    .arg(which, percent(gain));
        else if (gain <= 0)
            reply = pick(zh, "Muted the clips' sound.", "已把片段静音。");
        else
            reply = zh ? QStringLiteral("已把片段音量设为 %1。").arg(percent(gain))
                       : QStringLiteral("Set the clips' volume to %1.").arg(percent(gain));
    } else if (n == Op::addMusic()) {
        const QString mood = op.args.value(QStringLiteral("mood")).toString(QStringLiteral("calm"));
        const double vol = op.args.value(QStringLiteral("volume")).toDouble(MusicOptions().volume);
        const bool duck = op.args.value(QStringLiteral("duck")).toBool(true);
        if (zh)
            reply = QStringLiteral("已添加背景音乐（%1），音量 %2，%3。")
                        .arg(generated ? QStringLiteral("自动生成，%1风格").arg(moodZh(mood))
                                       : music.fileName,
                             percent(vol),
                             duck ? QStringLiteral("有人声时自动压低")
                                  : QStringLiteral("不随人声压低"));
        else
            reply =
                QStringLiteral("Added background music (%1) at %2 %3.")
                    .arg(generated ? QStringLiteral("generated, ") + mood : music.fileName,
                         percent(vol),
                         duck ? QStringLiteral("with ducking") : QStringLiteral("without ducking"));
    } else if (n == Op::addText()) {
        const QString text = op.args.value(QStringLiteral("text")).toString();
        const QString style = op.args.value(QStringLiteral("style")).toString();
        const QString start = formatClock(num("start_ms"));
        const QString dur = formatSeconds(num("duration_ms"));
        if (style == QLatin1String("countdown") || style == QLatin1String("timecode")) {
            const bool down = style == QLatin1String("countdown");
            const QString end = formatClock(num("start_ms") + num("duration_ms"));
            reply = down ? (zh ? QStringLiteral("已添加 %1 秒倒计时（%2 到 %3，画面中央）。")
                               : QStringLiteral("Added a %1-second countdown from %2 to %3 (centre "
                                                "of the picture)."))
                               .arg(QString::number((num("duration_ms") + 999) / 1000), start, end)
                         : (zh ? QStringLiteral("已添加走动的时间码（%1 到 %2，右上角）。")
                               : QStringLiteral("Added a running timecode from %1 to %2 (top "
                                                "right)."))
                               .arg(start, end);
        } else if (zh) {
            const QString kind = style == QLatin1String("caption")       ? QStringLiteral("字幕")
                                 : style == QLatin1String("lower_third") ? QStringLiteral("人名条")
                                 : style == QLatin1String("watermark")   ? QStringLiteral("水印")
                                                                         : QStringLiteral("标题");
            reply = QStringLiteral("已添加%1「%2」，从 %3 开始，持续 %4 秒。")
                        .arg(kind, text, start, dur);
        } else {
            const QString kind = style == QLatin1String("caption") ? QStringLiteral("caption")
                                 : style == QLatin1String("lower_third")
                                     ? QStringLiteral("lower third")
                                 : style == QLatin1String("watermark") ? QStringLiteral("watermark")
                                                                       : QStringLiteral("title");
            reply = QStringLiteral("Added a %1 \"%2\" at %3 for %4 s.").arg(kind, text, start, dur);
        }
        if (const QStringList look = textLookWords(op.args, d, zh); !look.isEmpty())
            reply.insert(reply.size() - 1,
                         zh ? QStringLiteral("（%1）").arg(look.join(QStringLiteral("，")))
                            : QStringLiteral(" (%1)").arg(look.join(QStringLiteral(", "))));
    } else if (n == Op::addTransitions() &&
               d.value(QStringLiteral("type")).toString() == QLatin1String("none")) {
        reply = pick(zh, "Removed the transitions: the clips now follow each other with hard cuts.",
                     "已去掉转场，片段之间恢复为直接切换。");
    } else if (n == Op::addTransitions()) {
        const QString type = d.value(QStringLiteral("type")).toString();
        reply =
            zh ? QStringLiteral("已添加 %1 个转场（%2，%3 秒）。")
                     .arg(num("transitions"))
                     .arg(type, formatSeconds(num("duration_ms")))
               : QString::fromLatin1(num("transitions") == 1 ? "Added %1 %2 transition of %3 s."
                                                             : "Added %1 %2 transitions of %3 s.")
                     .arg(num("transitions"))
                     .arg(type, formatSeconds(num("duration_ms")));
    } else if (n == Op::setAspect()) {
        const bool blur = op.args.value(QStringLiteral("mode")).toString() == QLatin1String("blur");
        // A crop that follows the subject says what it follows after the edit (reframeNote).
        const bool follow =
            r.details.value(QStringLiteral("reframe")).toString() == QLatin1String("subject");
        const QString size = QStringLiteral("%1×%2").arg(num("width")).arg(num("height"));
        const QString ratio = r.details.value(QStringLiteral("aspect")).toString();
        reply = zh ? QStringLiteral("画面比例已改为 %1（%2，%3）。")
                         .arg(ratio, size,
                              blur     ? QStringLiteral("模糊背景填充")
                              : follow ? QStringLiteral("裁剪")
                                       : QStringLiteral("居中裁剪"))
                   : QStringLiteral("Changed the aspect ratio to %1 (%2, %3).")
                         .arg(ratio, size,
                              blur     ? QStringLiteral("padded with a blurred fill")
                              : follow ? QStringLiteral("cropped")
                                       : QStringLiteral("cropped to the centre"));
    } else if (n == Op::setLoudness()) {
        const QString lufs = QString::number(op.args.value(QStringLiteral("lufs")).toDouble(-14));
        reply = zh ? QStringLiteral("导出时响度将标准化到 %1 LUFS。").arg(lufs)
                   : QStringLiteral("Loudness will be normalised to %1 LUFS on export.").arg(lufs);
    } else if (n == Op::denoise()) {
        reply = pick(zh, "Background noise reduction is on.", "已开启降噪。");
    } else if (n == Op::setLook() &&
               op.args.value(QStringLiteral("look")).toString() == QLatin1String("none")) {
        reply = pick(zh, "Removed the colour look: the original colours are back.",
                     "已去掉调色，恢复原来的颜色。");
    } else if (n == Op::setLook()) {
        const QString look = lookName(op.args.value(QStringLiteral("look")).toString(), zh);
        reply = zh ? QStringLiteral("已应用%1调色。").arg(look)
                   : QStringLiteral("Applied the %1 look.").arg(look);
    }

    OpOutcome out;
    out.ok = true;
    out.response = d;
    out.response.insert(QStringLiteral("ok"), true);
    out.response.insert(QStringLiteral("version"), version);
    out.response.insert(QStringLiteral("duration_ms"), now);
    if (n == Op::addMusic()) {
        out.response.insert(QStringLiteral("music"), music.fileName);
        out.response.insert(QStringLiteral("generated"), generated);
    }
    out.reply = reply;
    return out;
}

} // namespace cw::engine
