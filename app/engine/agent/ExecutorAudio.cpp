// "Clean up the audio" (edit/Operations.h setAudioCleanup): the chain goes on the draft, and
// the reply gives the loudness before (measured now on the clips' own sound, EBU R128) and
// after (the target the export is corrected to, within 0.5 LU).
#include "agent/Executor.h"
#include "agent/ExecutorSupport.h"
#include "render/FfmpegRunner.h"
#include "store/Store.h"

#include <QSet>
#include <cmath>

namespace cw::engine {

namespace {

// The main track's sound as loud as its clips are, weighted by how long each is used: the
// energy mean of each distinct source's integrated loudness. NaN when none could be measured.
double footageLoudness(Store& store, const QString& sessionId, const Draft& d)
{
    QHash<QString, qint64> used;
    for (const Track& t : d.t)
        if (t.tt == int(TrackType::Video))
            for (const Segment& s : t.sg)
                if (!s.src.isEmpty())
                    used[s.src] += s.d;
    double energy = 0;
    qint64 total = 0;
    for (const MediaRecord& m : store.sessionMedia(sessionId)) {
        if (!used.contains(m.id) || m.path.isEmpty())
            continue;
        int status = 0;
        const double lufs = integratedLoudness(m.path, nullptr, &status);
        if (!std::isfinite(lufs) || lufs < -69)
            continue;
        energy += std::pow(10.0, lufs / 10.0) * double(used.value(m.id));
        total += used.value(m.id);
    }
    return total > 0 ? 10.0 * std::log10(energy / double(total)) : std::nan("");
}

} // namespace

OpOutcome Executor::applyCleanAudio(const QString& sessionId, bool zh)
{
    std::lock_guard<std::mutex> lock(m_store.editMutex());
    OpOutcome failed;
    const std::optional<Draft> draft = editableHead(m_store, sessionId, zh, &failed);
    if (!draft)
        return failed;
    const EditResult r = setAudioCleanup(*draft, true);
    OpOutcome out = saveEdit(m_store, sessionId, r, QStringLiteral("clean up audio"), zh);
    if (!out.ok)
        return out;
    const double before = footageLoudness(m_store, sessionId, *draft);
    const double after = r.draft.m.value(QLatin1String("loudness_lufs")).toDouble(-14);
    out.response.insert(QStringLiteral("lufs_before"),
                        std::isfinite(before) ? QJsonValue(std::round(before * 10) / 10)
                                              : QJsonValue());
    out.response.insert(QStringLiteral("lufs_after"), after);
    const QString level =
        std::isfinite(before)
            ? (zh ? QStringLiteral("响度从 %1 LUFS 调到 %2 LUFS")
                  : QStringLiteral("loudness from %1 LUFS to %2 LUFS"))
                  .arg(before, 0, 'f', 1)
                  .arg(after, 0, 'f', 0)
            : (zh ? QStringLiteral("响度调到 %1 LUFS") : QStringLiteral("loudness set to %1 LUFS"))
                  .arg(after, 0, 'f', 0);
    out.reply = zh ? QStringLiteral("已清理声音：去掉 80 Hz 以下的低频隆隆声，降噪，减弱齿音，%1。")
                         .arg(level)
                   : QStringLiteral("Cleaned up the audio: rumble below 80 Hz removed, background "
                                    "noise reduced, harsh \"s\" sounds softened, %1.")
                         .arg(level);
    return out;
}

} // namespace cw::engine
