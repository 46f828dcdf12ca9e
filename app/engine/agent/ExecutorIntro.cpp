// "Generate a cinematic intro (called X)": the engine makes a 3-5 s opening from the first
// clip's footage (generate/IntroCard.h), registers it as session media so the renderer finds
// it, and inserts it at the start of the main video track with a fade (edit/Operations.h
// insertClip). One new version, so undo removes the intro again.
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"

#include "Draft.h"
#include "generate/IntroCard.h"
#include "media/MediaProbe.h"
#include "store/Store.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <mutex>

namespace cw::engine {

namespace {

QString sha256(const QString& path)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

OpOutcome Executor::applyIntro(const QString& sessionId, const Operation& op, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    const std::optional<DraftVersion> head = m_store.headDraft(sessionId);
    const std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft)
        return failure(pick(zh, "The stored timeline cannot be read.", "无法读取保存的时间线。"));
    const Segment* first = nullptr;
    for (const Track& t : draft->t) {
        if (t.tt != 0)
            continue;
        for (const Segment& s : t.sg)
            if (!s.src.isEmpty() && (!first || s.st < first->st))
                first = &s;
        if (first)
            break;
    }
    const std::optional<MediaRecord> source = first ? m_store.media(first->src) : std::nullopt;
    if (!source || !source->hasVideo)
        return failure(pick(zh, "There is no video clip to make an intro from: upload one first.",
                            "没有可以用来制作片头的视频片段：请先上传一个。"));

    IntroOptions options;
    options.title = op.args.value(QStringLiteral("title")).toString();
    options.width = draft->m.value(QStringLiteral("width")).toInt(1920);
    options.height = draft->m.value(QStringLiteral("height")).toInt(1080);
    options.fps = qRound(draft->m.value(QStringLiteral("fps")).toDouble(30));
    const QString id = newId(QStringLiteral("m_"));
    const QString dir = m_store.dataDir() + QStringLiteral("/generated");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + id + QStringLiteral(".mp4");
    QString error;
    qint64 pickedMs = -1;
    if (!generateIntro(path, source->path, source->durationMs, options, m_store.tmpDir(), &error,
                       &pickedMs))
        return failure(pick(zh, "The intro could not be made, so nothing was changed.",
                            "无法生成片头，所以没有修改。"));
    const MediaInfo info = probeMedia(path);
    if (!info.ok)
        return failure(pick(zh, "The intro could not be made, so nothing was changed.",
                            "无法生成片头，所以没有修改。"));
    MediaRecord rec;
    rec.id = id;
    rec.sessionId = sessionId;
    rec.filename = QStringLiteral("intro.mp4");
    rec.kind = QStringLiteral("video");
    rec.path = path;
    rec.hash = sha256(path);
    rec.durationMs = info.durationMs;
    rec.width = info.width;
    rec.height = info.height;
    rec.fps = info.fps;
    rec.hasAudio = info.hasAudio;
    rec.hasVideo = info.hasVideo;
    rec.created = QDateTime::currentMSecsSinceEpoch();
    if (!m_store.addMedia(rec))
        return failure(pick(zh, "The edit could not be saved.", "无法保存这次编辑。"));

    MediaRef ref;
    ref.id = rec.id;
    ref.fileName = rec.filename;
    ref.kind = rec.kind;
    ref.durationMs = rec.durationMs;
    ref.hasAudio = rec.hasAudio;
    ref.hasVideo = rec.hasVideo;
    EditResult r = insertClip(*draft, ref, 0, QStringLiteral("fade"), 500);
    for (Track& t : r.draft.t) // the marker removeIntro (edit/OperationsChange.h) looks for
        for (Segment& s : t.sg)
            if (s.src == rec.id)
                s.m.insert(QStringLiteral("role"), QStringLiteral("intro"));
    if (!r.ok)
        return failure(zh ? QStringLiteral("没有修改：%1").arg(r.error)
                          : r.error + QStringLiteral(" Nothing was changed."));
    r.draft.d = r.draft.computedDuration();
    OpOutcome out =
        saveVersion(m_store, sessionId, r.draft, QStringLiteral("add intro"), r.details, zh);
    if (!out.ok)
        return out;
    out.response.insert(QStringLiteral("intro_ms"), rec.durationMs);
    out.response.insert(QStringLiteral("frame_ms"), pickedMs);
    const QString len = formatSeconds(rec.durationMs);
    const QString now = formatClock(r.draft.d);
    if (zh)
        out.reply = options.title.isEmpty()
                        ? QStringLiteral("已添加 %1 秒的电影感片头，现在 %2。").arg(len, now)
                        : QStringLiteral("已添加 %1 秒的电影感片头「%2」，现在 %3。")
                              .arg(len, options.title, now);
    else
        out.reply = options.title.isEmpty()
                        ? QStringLiteral("Added a %1 s cinematic intro; now %2.").arg(len, now)
                        : QStringLiteral("Added a %1 s cinematic intro \"%2\"; now %3.")
                              .arg(len, options.title, now);
    return out;
}

} // namespace cw::engine
