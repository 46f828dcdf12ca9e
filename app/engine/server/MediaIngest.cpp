#include "server/MediaIngest.h"

#include "ApiError.h"
#include "Draft.h"
#include "agent/Executor.h"
#include "media/AnimatedWebp.h"
#include "media/AudioAnalysis.h"
#include "media/MediaProbe.h"
#include "media/SvgImage.h"
#include "server/MediaJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <cmath>
#include <mutex>

namespace cw::engine {

namespace {

constexpr qint64 kImageDurationMs = 5000;

void removeAll(const QList<ReceivedFile>& files)
{
    for (const ReceivedFile& f : files)
        QFile::remove(f.tempPath);
}

std::optional<AudioAnalysis> ensureAnalysis(Store& store, const MediaRecord& m)
{
    if (m.kind == QLatin1String("image"))
        return std::nullopt;
    if (const std::optional<QByteArray> cached = store.analysis(m.hash))
        return AudioAnalysis::fromJson(*cached);
    const AudioAnalysis analysis = analyzeAudio(m.path);
    if (analysis.ok)
        store.putAnalysis(m.hash, analysis.toJson());
    else
        qWarning("engine: audio analysis of %s failed: %s", qPrintable(m.id),
                 qPrintable(analysis.error));
    return analysis.ok ? std::optional<AudioAnalysis>(analysis) : std::nullopt;
}

bool isVideo(const MediaRecord& m)
{
    return m.hasVideo && m.kind == QLatin1String("video");
}

bool isPicture(const MediaRecord& m)
{
    return m.hasVideo || m.kind == QLatin1String("image");
}

// resources/media/ingest.json: a vocabulary, not code.
const QStringList& musicNameWords()
{
    static const QStringList words = [] {
        QFile f(QStringLiteral(":/media/ingest.json"));
        QStringList out;
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("engine: cannot open %s", qPrintable(f.fileName()));
            return out;
        }
        const QJsonArray list = QJsonDocument::fromJson(f.readAll())
                                    .object()
                                    .value(QLatin1String("music_name_words"))
                                    .toArray();
        for (const QJsonValue& v : list)
            out << v.toString().toLower();
        return out;
    }();
    return words;
}

// A sound file is the main footage (a podcast, a voice memo) unless the project already has
// pictures or the file is clearly music: named so, or sustained sound without the pauses of
// speech (AudioAnalysis.h, looksLikeMusic).
bool soundIsFootage(const MediaRecord& m, const std::optional<AudioAnalysis>& analysis,
                    bool projectHasPicture)
{
    if (projectHasPicture)
        return false;
    const QString name = m.filename.toLower();
    for (const QString& w : musicNameWords())
        if (name.contains(w))
            return false;
    return !(analysis && looksLikeMusic(*analysis));
}

// The canvas follows the first picture's display orientation until the user picks an aspect.
QPair<int, int> canvasFor(int width, int height)
{
    if (width <= 0 || height <= 0)
        return {1920, 1080};
    const double r = double(width) / height;
    if (r < 0.95)
        return {1080, 1920};
    if (r <= 1.05)
        return {1080, 1080};
    return {1920, 1080};
}

Track& trackFor(Draft& draft, bool audio)
{
    const QString id = audio ? QStringLiteral("a1") : QStringLiteral("v1");
    if (Track* t = draft.track(id))
        return *t;
    Track t;
    t.id = id;
    t.tt = audio ? int(TrackType::Audio) : int(TrackType::Video);
    t.n = audio ? QStringLiteral("Audio") : QStringLiteral("Video");
    if (audio) {
        draft.t.append(t);
        return draft.t.last();
    }
    draft.t.prepend(t); // the picture track leads, as in every editor
    return draft.t.first();
}

// A project that was sound only (a voice memo on the main track) gets its first pictures:
// the sound moves, at its times, to a voice track under them (its own track: an audio track
// holding music would make it music to the pause cutter), and the pictures start the main
// track.
void moveSoundFootageUnder(Draft& draft, Store& store)
{
    Track* main = draft.track(QStringLiteral("v1"));
    if (!main || main->sg.isEmpty())
        return;
    for (const Segment& s : std::as_const(main->sg)) {
        const std::optional<MediaRecord> m = store.media(s.src);
        if (!m || isPicture(*m))
            return;
    }
    const QList<Segment> sound = main->sg;
    main->sg.clear();
    if (Track* voice = draft.track(QStringLiteral("voice"))) {
        voice->sg << sound;
        return;
    }
    Track voice;
    voice.id = QStringLiteral("voice");
    voice.tt = int(TrackType::Audio);
    voice.n = QStringLiteral("Voice");
    voice.sg = sound;
    draft.t.append(voice);
}

void appendSegment(Draft& draft, const MediaRecord& m, bool onAudioTrack)
{
    Track& track = trackFor(draft, onAudioTrack);
    qint64 start = 0;
    for (const Segment& s : std::as_const(track.sg))
        start = std::max(start, s.end());
    Segment s;
    s.id = newId(QStringLiteral("s_"));
    s.src = m.id;
    s.st = start;
    s.in = 0;
    s.d = m.kind == QLatin1String("image") ? kImageDurationMs : m.durationMs;
    s.m = QJsonObject{{QStringLiteral("name"), m.filename}};
    track.sg.append(s);
}

// The project's frame rate for a clip's: film, PAL and NTSC rates keep their own (23.976,
// 24, 25, 29.97, 30), high rates are halved until they fit (every other frame, no judder:
// 50 -> 25, 59.94 -> 29.97), unusual ones become 30. The NTSC rates only when exact: a
// phone's variable rate averages 29.9-something and means 30. RenderGraph.h
// FrameRate::ofProject reads them back.
double projectRate(double fps)
{
    if (fps > 46)
        return projectRate(fps / 2);
    const auto ntsc = [fps](double base) { return std::abs(fps - base * 1000 / 1001) < 0.002; };
    if (ntsc(24))
        return 23.976;
    if (ntsc(30))
        return 29.97;
    if (fps >= 23 && fps < 24.5)
        return 24;
    if (fps >= 24.5 && fps < 27.5)
        return 25;
    return 30;
}

QString rateText(double fps)
{
    return QString::number(fps, 'g', 5);
}

QString canvasNote(const QString& file, int w, int h, bool zh)
{
    if (zh)
        return (w < h ? QStringLiteral(
                            "项目画面设为竖屏（%1×%2），与 %3 一致。说“改成横屏”可以更改。")
                      : QStringLiteral("项目画面设为方形（%1×%2），与 %3 一致。"))
            .arg(w)
            .arg(h)
            .arg(file);
    return (w < h ? QStringLiteral("The project is vertical (%1×%2) to match %3; say \"make it "
                                   "16:9\" to change it.")
                  : QStringLiteral("The project is square (%1×%2) to match %3."))
        .arg(w)
        .arg(h)
        .arg(file);
}

// A file damaged midway is kept (what decodes is rendered, as players show it); the user is
// told where, so a glitch in the export is not a surprise.
QString damageNote(const QString& file, qint64 atMs, bool zh)
{
    return (zh ? QStringLiteral("%1 在 %2 附近有损坏：能解码的部分都保留了，那里的画面或声音可能"
                                "缺失。")
               : QStringLiteral("%1 is damaged near %2: everything that can be decoded is kept, "
                                "but picture or sound may be missing there."))
        .arg(file, formatClock(atMs));
}

// What the user should know about a file as it arrives: what will be converted or chosen.
QStringList ingestNotes(const MediaRecord& m, const MediaInfo& info, bool zh)
{
    QStringList notes;
    if (info.audioStreams > 1)
        notes << (zh ? QStringLiteral("%1 有 %2 条音轨，使用第一条。")
                     : QStringLiteral("%1 has %2 sound tracks; the first one is used."))
                     .arg(m.filename, QString::number(info.audioStreams));
    if (info.hdr())
        notes << (zh ? QStringLiteral("%1 是 HDR 视频，导出时转换为标准动态范围（BT.709）。")
                           .arg(m.filename)
                     : QStringLiteral("%1 is HDR; the export converts it to standard dynamic "
                                      "range (BT.709) so it does not look washed out.")
                           .arg(m.filename));
    return notes;
}

// An SVG's links to other files are not followed (SvgImage.h): what they drew is missing.
QString svgLinksNote(const QString& file, const QStringList& links, bool zh)
{
    const QString shown =
        links.mid(0, 3).join(zh ? QStringLiteral("、") : QStringLiteral(", ")) +
        (links.size() > 3 ? (zh ? QStringLiteral(" 等") : QStringLiteral(" and more")) : QString());
    return (zh ? QStringLiteral("%1 引用了它之外的文件（%2）：出于安全不会读取，这些部分不会显示。")
               : QStringLiteral("%1 refers to files outside it (%2); they are not read, for "
                                "safety, so those parts do not show."))
        .arg(file, shown);
}

} // namespace

IngestResult ingestUploads(Store& store, const QString& sessionId, const QList<ReceivedFile>& files)
{
    IngestResult result;
    QList<MediaInfo> infos;
    QHash<QString, QString> converted;           // temp path -> the extension of what it now holds
    QList<QPair<QString, QStringList>> svgLinks; // display name, links left out
    for (const ReceivedFile& f : files) {
        MediaInfo info;
        if (f.size > 0 && looksLikeSvg(f.tempPath)) {
            // The upload's file becomes the drawing as a PNG with alpha (SvgImage.h).
            const QString png = f.tempPath + QStringLiteral(".png");
            QString why;
            QStringList links;
            if (!rasterizeSvg(f.tempPath, png, &why, &links) || !QFile::remove(f.tempPath) ||
                !QFile::rename(png, f.tempPath)) {
                QFile::remove(png);
                removeAll(files);
                result.code = ErrorCode::UnsupportedFile;
                result.error = QStringLiteral("%1 %2.").arg(
                    f.displayName, why.isEmpty() ? QStringLiteral("cannot be stored") : why);
                return result;
            }
            converted.insert(f.tempPath, QStringLiteral(".png"));
            if (!links.isEmpty())
                svgLinks.append({f.displayName, links});
        }
        if (f.size > 0 && isAnimatedWebp(f.tempPath)) {
            // The upload's file becomes the animation as a clip (AnimatedWebp.h).
            const QString clip = f.tempPath + QStringLiteral(".mp4");
            QString why;
            if (!convertAnimatedWebp(f.tempPath, clip, &why) || !QFile::remove(f.tempPath) ||
                !QFile::rename(clip, f.tempPath)) {
                QFile::remove(clip);
                removeAll(files);
                result.code = ErrorCode::UnsupportedFile;
                result.error = QStringLiteral("%1 is an animated WebP that cannot be read: %2.")
                                   .arg(f.displayName, why);
                return result;
            }
            converted.insert(f.tempPath, QStringLiteral(".mp4"));
        }
        if (f.size > 0)
            info = probeMedia(f.tempPath);
        if (info.videoCodec == QLatin1String("svg")) {
            // An SVG the sniff did not take (.svgz): FFmpeg would draw it as it is.
            removeAll(files);
            result.code = ErrorCode::UnsupportedFile;
            result.error = QStringLiteral("%1 is a compressed or unusual SVG the engine cannot "
                                          "check; save it as a plain .svg.")
                               .arg(f.displayName);
            return result;
        }
        const bool usable = info.ok && !info.kind.isEmpty() &&
                            (info.kind == QLatin1String("image") || info.durationMs > 0);
        if (!usable) {
            removeAll(files);
            result.code = ErrorCode::UnsupportedFile;
            result.error =
                f.size == 0
                    ? QStringLiteral("%1 is empty.").arg(f.displayName)
                    : QStringLiteral("%1 is not a video, audio or image file the engine can "
                                     "read%2")
                          .arg(f.displayName, info.error.isEmpty()
                                                  ? QStringLiteral(".")
                                                  : QStringLiteral(": ") + info.error);
            return result;
        }
        infos << info;
    }

    const std::optional<SessionRecord> session = store.session(sessionId);
    const bool zh = session && session->language.startsWith(QLatin1String("zh"));
    for (const auto& [file, links] : std::as_const(svgLinks))
        result.notes << svgLinksNote(file, links, zh);
    QHash<QString, std::optional<AudioAnalysis>> analyses;
    QSet<QString> variableRate;
    for (int i = 0; i < files.size(); ++i) {
        const ReceivedFile& f = files.at(i);
        const MediaInfo& info = infos.at(i);
        MediaRecord m;
        m.id = newId(QStringLiteral("med_"));
        m.sessionId = sessionId;
        m.filename = f.displayName;
        m.kind = info.kind;
        m.path = store.mediaDir() + QLatin1Char('/') + m.id +
                 converted.value(f.tempPath, safeExtension(f.displayName));
        m.hash = f.hash;
        m.durationMs = info.durationMs;
        m.width = info.width;
        m.height = info.height;
        m.fps = info.fps;
        m.hasAudio = info.hasAudio;
        m.hasVideo = info.hasVideo;
        if (!QFile::rename(f.tempPath, m.path)) {
            removeAll(files.mid(i));
            result.code = ErrorCode::Internal;
            result.error = QStringLiteral("The upload could not be stored.");
            return result;
        }
        analyses.insert(m.id, ensureAnalysis(store, m));
        if (const std::optional<AudioAnalysis>& a = analyses.value(m.id); a && a->damagedAtMs >= 0)
            result.notes << damageNote(m.filename, a->damagedAtMs, zh);
        if (!store.addMedia(m)) {
            QFile::remove(m.path);
            removeAll(files.mid(i + 1));
            result.code = ErrorCode::Internal;
            result.error = QStringLiteral("The upload could not be recorded.");
            return result;
        }
        result.media << m;
        result.notes << ingestNotes(m, info, zh);
        if (info.variableRate)
            variableRate << m.id;
    }

    std::lock_guard<std::mutex> lock(store.editMutex());
    const std::optional<DraftVersion> head = store.headDraft(sessionId);
    std::optional<Draft> draft = head ? Draft::fromBytes(head->json) : std::nullopt;
    if (!draft) {
        result.code = ErrorCode::Internal;
        result.error = QStringLiteral("The session's timeline cannot be read.");
        return result;
    }
    // Pictures anywhere in the project (or in this request, whatever the order of its files)
    // decide whether a sound file is the footage or goes under the pictures.
    bool firstPicture = true; // the canvas follows it
    if (const Track* main = draft->track(QStringLiteral("v1")))
        for (const Segment& s : main->sg)
            if (const std::optional<MediaRecord> used = store.media(s.src))
                firstPicture = firstPicture && !isPicture(*used);
    const bool hasPicture =
        !firstPicture || std::any_of(result.media.begin(), result.media.end(), isPicture);
    if (hasPicture)
        moveSoundFootageUnder(*draft, store);
    // The rate follows the project's first video clip (a photo or a sound file first does not
    // set it).
    bool rateSet = false;
    if (const Track* main = draft->track(QStringLiteral("v1")))
        for (const Segment& s : main->sg)
            if (const std::optional<MediaRecord> used = store.media(s.src))
                rateSet = rateSet || isVideo(*used);
    for (const MediaRecord& m : std::as_const(result.media)) {
        const bool sound = m.kind == QLatin1String("audio");
        if (isVideo(m)) {
            // A variable rate averages below what the phone was set to, nearly always 30.
            const double rate = variableRate.contains(m.id) ? 30 : projectRate(m.fps);
            const double project = draft->m.value(QStringLiteral("fps")).toDouble(30);
            if (!rateSet) {
                draft->m.insert(QStringLiteral("fps"), rate);
                if (rate != 30)
                    result.notes << (zh ? QStringLiteral("项目帧率设为 %1 fps，与 %2 一致。")
                                        : QStringLiteral("The project runs at %1 fps to match %2."))
                                        .arg(rateText(rate), m.filename);
                rateSet = true;
            } else if (std::abs(rate - project) > 0.005) {
                result.notes << (zh ? QStringLiteral("%1 是 %2 fps；项目保持 %3 fps。")
                                    : QStringLiteral("%1 runs at %2 fps; the project stays at %3 "
                                                     "fps."))
                                    .arg(m.filename, rateText(m.fps), rateText(project));
            }
        }
        const bool footage = sound && soundIsFootage(m, analyses.value(m.id), hasPicture);
        if (firstPicture && isPicture(m) && !draft->m.contains(QLatin1String("aspect"))) {
            const auto [w, h] = canvasFor(m.width, m.height);
            draft->m.insert(QStringLiteral("width"), w);
            draft->m.insert(QStringLiteral("height"), h);
            if (w != 1920 || h != 1080)
                result.notes << canvasNote(m.filename, w, h, zh);
            firstPicture = false;
        }
        if (footage)
            result.notes << (zh ? QStringLiteral(
                                      "%1 没有画面：它作为主轨道，导出的视频用纯色背景。")
                                      .arg(m.filename)
                                : QStringLiteral("%1 has no picture, so it is the main track "
                                                 "(the video gets a plain background).")
                                      .arg(m.filename));
        appendSegment(*draft, m, sound && !footage);
    }
    draft->d = draft->computedDuration();
    const QString label = result.media.size() == 1
                              ? QStringLiteral("upload ") + result.media.first().filename
                              : QStringLiteral("upload %1 files").arg(result.media.size());
    result.version = store.addDraftVersion(sessionId, draft->toBytes(), label);
    if (result.version <= 0) {
        result.code = ErrorCode::Internal;
        result.error = QStringLiteral("The timeline could not be updated.");
        return result;
    }
    result.ok = true;
    return result;
}

} // namespace cw::engine
