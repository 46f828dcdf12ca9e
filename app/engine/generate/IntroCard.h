// Procedural "cinematic intro": a short opening clip made from the footage itself — the
// sharpest bright frame among a few candidates, a slow push-in, letterbox bars, a title
// that fades in (drawtext textfile, never inline text) and a rising swell in the sound.
// Blocking; runs ffmpeg. The clip is H.264 + AAC 48 kHz stereo, ready to be inserted at
// the start of the timeline (edit/Operations.h insertClip) with a transition.
#pragma once

#include <QString>

namespace cw::engine {

struct IntroOptions {
    QString title;            // may be empty: no text
    qint64 durationMs = 4000; // clamped to 3000..5000
    int width = 1920;
    int height = 1080;
    int fps = 30;
    QString fontFile; // "" = the render default (CJK-capable when installed)
};

// Time (ms) of the sharpest frame that is not dark among candidates spread over the clip;
// -1 on failure.
qint64 pickIntroFrame(const QString& sourcePath, qint64 sourceDurationMs, QString* error = nullptr);

// Writes outPath (.mp4). The temporary frame and text file live in a private subfolder of
// workDir (removed after), so concurrent intros may share workDir.
bool generateIntro(const QString& outPath, const QString& sourcePath, qint64 sourceDurationMs,
                   const IntroOptions& options, const QString& workDir, QString* error = nullptr,
                   qint64* pickedMs = nullptr);

} // namespace cw::engine
