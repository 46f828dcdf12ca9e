// Procedural music bed so "add background music" works with no asset: a few seconds of
// chords in the given mood (lo-fi, upbeat, calm, cinematic) rendered by ffmpeg's lavfi
// sources to a WAV/M4A file, looped by the renderer. Blocking; runs ffmpeg.
#pragma once

#include <QString>

namespace cw::engine {

QStringList musicMoods(); // lofi, upbeat, calm, cinematic
// Writes outPath (.m4a); durationMs is the bed's length. Unknown mood -> "calm".
bool generateMusicBed(const QString& outPath, const QString& mood, qint64 durationMs,
                      QString* error = nullptr);

} // namespace cw::engine
