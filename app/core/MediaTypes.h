// What may be uploaded (PROTOCOL.md): checked by the client before sending and again by
// the engine, which probes the content rather than trusting the name.
#pragma once

#include <QString>
#include <QStringList>

namespace cw {

constexpr qint64 kMaxUploadBytes = 500LL * 1024 * 1024;

QStringList acceptedExtensions(); // lower case, no dot
bool isAcceptedFileName(const QString& fileName);
QString mediaKindForFileName(const QString& fileName); // "video", "audio", "image" or ""

} // namespace cw
