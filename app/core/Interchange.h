// Hand-off of a draft to other editors and subtitle files (issue 6): pure writers from a
// Draft plus the source media it references to the bytes of an FCPXML 1.9, CMX 3600 EDL,
// MLT XML (Shotcut/Kdenlive), OpenTimelineIO JSON, SRT or WebVTT document. No I/O: the
// caller (the app's Export menu, the engine CLI) supplies the media paths and writes the
// file. Times in the draft are integer ms; each format's own time base is derived from
// the draft's fps (m.fps, default 30).
#pragma once

#include "Draft.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace cw::interchange {

struct SourceMedia {
    QString id;   // the draft's segment "src"
    QString path; // absolute file path (preferred) or URL
    QString name; // file name shown in the other editor
    qint64 durationMs = 0;
    int width = 0;
    int height = 0;
    double fps = 0;
    bool hasVideo = true;
    bool hasAudio = true;
};

enum class Format { Fcpxml, Edl, Mlt, Otio, Srt, Vtt };

// "fcpxml", "edl", "mlt", "otio", "srt", "vtt", with or without a leading dot, any case;
// also a file name/path, judged by its extension.
std::optional<Format> formatFromName(const QString& nameOrPath);
QString extension(Format format);   // without the dot: "fcpxml", "edl", ...
QString displayName(Format format); // "Final Cut Pro XML", "CMX 3600 EDL", ... (tr-able)
QList<Format> allFormats();

// Empty result and *error set when the draft cannot be written (e.g. a segment's source is
// not in media, or SRT/VTT with no text track).
QByteArray write(Format format, const Draft& draft, const QList<SourceMedia>& media,
                 QString* error = nullptr);

} // namespace cw::interchange
