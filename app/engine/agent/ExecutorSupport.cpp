// See ExecutorSupport.h.
#include "agent/ExecutorSupport.h"

#include "edit/TextLook.h"
#include "store/Store.h"

#include <algorithm>

#include <QFileInfo>
#include <QJsonObject>

namespace cw::engine {

QString pick(bool zh, const char* en, const char* chinese)
{
    return zh ? QString::fromUtf8(chinese) : QString::fromUtf8(en);
}

OpOutcome saveVersion(Store& store, const QString& sessionId, Draft draft, const QString& label,
                      const QJsonObject& details, bool zh)
{
    draft.d = draft.computedDuration();
    const int version = store.addDraftVersion(sessionId, draft.toBytes(), label);
    if (version <= 0)
        return failure(pick(zh, "The edit could not be saved.", "无法保存这次编辑。"));
    OpOutcome out;
    out.ok = true;
    out.response = details;
    out.response.insert(QStringLiteral("ok"), true);
    out.response.insert(QStringLiteral("version"), version);
    out.response.insert(QStringLiteral("duration_ms"), draft.d);
    return out;
}

OpOutcome saveEdit(Store& store, const QString& sessionId, const EditResult& r,
                   const QString& label, bool zh)
{
    if (!r.ok)
        return failure(r.error + pick(zh, " Nothing was changed.", "（没有修改）"));
    return saveVersion(store, sessionId, r.draft, label, r.details, zh);
}

std::optional<MediaRecord> pickUpload(Store& store, const QString& sessionId, const QString& file,
                                      const QString& kind)
{
    const QString generated = store.dataDir() + QStringLiteral("/generated/");
    std::optional<MediaRecord> picked;
    for (const MediaRecord& m : store.sessionMedia(sessionId))
        if (!file.isEmpty() ? sameFileName(m.filename, file)
                            : m.kind == kind && !m.path.startsWith(generated))
            picked = m; // the latest one wins
    return picked;
}

OpOutcome notUploaded(const QString& file, bool zh)
{
    return failure(zh ? QStringLiteral("没有找到上传的 %1，所以没有修改。请先上传它。").arg(file)
                      : QStringLiteral("I can't find %1 among your uploads, so nothing was "
                                       "changed. Upload it first.")
                            .arg(file));
}

OpOutcome failure(const QString& message)
{
    OpOutcome out;
    out.ok = false;
    out.response = QJsonObject{{QStringLiteral("ok"), false}, {QStringLiteral("error"), message}};
    out.reply = message;
    return out;
}

MediaRef refOf(const MediaRecord& m)
{
    MediaRef r;
    r.id = m.id;
    r.fileName = m.filename;
    r.kind = m.kind;
    r.durationMs = m.durationMs;
    r.hasAudio = m.hasAudio;
    r.hasVideo = m.hasVideo;
    return r;
}

bool sameFileName(const QString& stored, const QString& asked)
{
    if (stored.compare(asked, Qt::CaseInsensitive) == 0 ||
        QFileInfo(stored).fileName().compare(QFileInfo(asked).fileName(), Qt::CaseInsensitive) == 0)
        return true;
    // Chinese runs words into the name ("用旁白.m4a作为配音" reads "用旁白.m4a"): the stored
    // name at the end, after Chinese characters only.
    const QString name = QFileInfo(stored).fileName();
    if (name.isEmpty() || !asked.endsWith(name, Qt::CaseInsensitive))
        return false;
    const QString before = asked.left(asked.size() - name.size());
    return !before.isEmpty() && std::all_of(before.begin(), before.end(), [](QChar c) {
        return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff;
    });
}

std::optional<Draft> editableHead(Store& store, const QString& sessionId, bool zh,
                                  OpOutcome* failed)
{
    const std::optional<DraftVersion> head = store.headDraft(sessionId);
    const std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft) {
        *failed =
            failure(pick(zh, "The stored timeline cannot be read.", "无法读取保存的时间线。"));
        return std::nullopt;
    }
    if (!draft->isExportable()) {
        *failed = failure(pick(zh, "The timeline is empty: upload a clip first.",
                               "时间线是空的：请先上传一个片段。"));
        return std::nullopt;
    }
    return draft;
}

QHash<QString, AudioAnalysis> analysesOf(Store& store, const QString& sessionId, const Draft& d)
{
    QHash<QString, AudioAnalysis> out;
    for (const Track& t : d.t)
        for (const Segment& s : t.sg) {
            if (s.src.isEmpty() || out.contains(s.src))
                continue;
            const std::optional<MediaRecord> media = store.media(s.src);
            if (!media || media->sessionId != sessionId)
                continue;
            if (const std::optional<QByteArray> json = store.analysis(media->hash))
                out.insert(s.src, AudioAnalysis::fromJson(*json));
        }
    return out;
}

bool hasMusic(const Draft& d)
{
    return std::any_of(d.t.cbegin(), d.t.cend(), [](const Track& t) {
        return std::any_of(t.sg.cbegin(), t.sg.cend(), [](const Segment& s) {
            return s.m.value(QLatin1String("role")).toString() == QLatin1String("music");
        });
    });
}

QString positionWords(const QString& pos, bool zh)
{
    static const QHash<QString, QPair<const char*, const char*>> words{
        {QStringLiteral("top_left"), {"top-left corner", "左上角"}},
        {QStringLiteral("top"), {"top", "顶部"}},
        {QStringLiteral("top_right"), {"top-right corner", "右上角"}},
        {QStringLiteral("center"), {"centre", "中间"}},
        {QStringLiteral("bottom_left"), {"bottom-left corner", "左下角"}},
        {QStringLiteral("bottom"), {"bottom", "底部"}},
        {QStringLiteral("bottom_right"), {"bottom-right corner", "右下角"}}};
    const auto it = words.constFind(pos);
    return it == words.cend() ? pos : pick(zh, it->first, it->second);
}

QPair<qint64, qint64> stretchOf(const Operation& op, const Draft& d)
{
    const qint64 length = d.computedDuration();
    auto ms = [&op](const char* key, qint64 fallback) {
        return op.args.value(QLatin1String(key)).toInteger(fallback);
    };
    if (ms("last_ms", -1) >= 0)
        return {std::max<qint64>(0, length - ms("last_ms", 0)), length};
    if (op.args.contains(QLatin1String("from_ms"))) {
        const qint64 to = ms("to_ms", -1);
        return {ms("from_ms", 0), to < 0 ? length : to};
    }
    if (op.args.contains(QLatin1String("clip"))) {
        for (const Track& t : d.t) {
            if (t.tt != int(TrackType::Video) || t.sg.isEmpty())
                continue;
            QList<Segment> order = t.sg;
            std::stable_sort(order.begin(), order.end(),
                             [](const Segment& a, const Segment& b) { return a.st < b.st; });
            const int clip = int(ms("clip", 0));
            const int k = clip < 0 ? int(order.size()) + clip : clip;
            if (k >= 0 && k < order.size())
                return {order[k].st, order[k].end()};
            return {length + 1, length + 1}; // no such clip: the operation says so
        }
    }
    return {0, 0};
}

QStringList textLookWords(const QJsonObject& args, const QJsonObject& details, bool zh)
{
    QStringList words;
    auto asked = [&](const char* key) { return args.contains(QLatin1String(key)); };
    auto on = [&](const char* key) { return details.value(QLatin1String(key)).toBool(); };
    if (asked("color"))
        words << textColorName(details.value(QLatin1String("color")).toString(), zh);
    if (asked("size") || asked("size_px")) {
        const QString x = QString::number(details.value(QLatin1String("size")).toDouble(1), 'g', 3);
        words
            << (zh ? QStringLiteral("大小为原来的 %1 倍") : QStringLiteral("%1x the size")).arg(x);
    }
    if (asked("bold"))
        words << (on("bold") ? pick(zh, "bold", "加粗") : pick(zh, "not bold", "取消加粗"));
    if (asked("box_color"))
        words << (zh ? QStringLiteral("%1背景框") : QStringLiteral("on a %1 box"))
                     .arg(textColorName(details.value(QLatin1String("box_color")).toString(), zh));
    else if (asked("box"))
        words << (on("box") ? pick(zh, "on a box", "加背景框")
                            : pick(zh, "without a box", "去掉背景框"));
    if (asked("outline"))
        words << (on("outline") ? pick(zh, "with an outline", "加描边")
                                : pick(zh, "without an outline", "去掉描边"));
    return words;
}

} // namespace cw::engine
