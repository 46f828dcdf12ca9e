// How the generators (music beds, intro cards) run ffmpeg: to completion with a time limit
// (they are short, bounded jobs, unlike renders, which FfmpegRunner drives with progress and
// cancel), and writing their file atomically through <out>.part so a reader never sees half
// a file and a failure leaves nothing.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cw::engine {

// ffmpeg -hide_banner -nostdin -v error <args>; stdout into *out when given. On failure
// *error says why (ffmpeg's last words, or that it could not start or took too long).
bool runGenerator(const QStringList& args, QByteArray* out, QString* error, int timeoutMs);

// Like runGenerator, but the last argument is replaced by <outPath>.part, which becomes
// outPath only on success (an existing outPath is replaced); on failure nothing is left.
bool generateFile(QStringList args, const QString& outPath, QString* error, int timeoutMs);

} // namespace cw::engine
