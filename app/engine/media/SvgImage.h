// SVG logos. FFmpeg draws SVG with librsvg, which follows links inside the document (images,
// <use> of other files, CSS @import, XInclude) and expands DTD entities; a logo is a still
// picture and needs none of that. So an uploaded SVG is re-written from the parse (QtCore's
// stream reader and writer, nothing copied as text) keeping only what draws from the document
// itself, then drawn once at ingest into a PNG with alpha: the stored media, the renders and
// the previews only ever see that PNG, and the file's name never reaches FFmpeg.
//
// Departures from SVG: a DOCTYPE is refused (entities are the classic way for an XML file to
// read other files), links may only point inside the document or at an embedded PNG, JPEG, GIF
// or WebP (data: URI), and .svgz is not read.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace cw::engine {

enum class SvgRefusal {
    None,
    TooLarge,
    Doctype,
    Malformed,
    NotSvg,
    TooDeep,
    TooManyElements,
    NoSize
};

struct SvgCleanResult {
    bool ok = false;
    SvgRefusal refusal = SvgRefusal::None;
    QString error;  // English, completing "<file name> ...": "declares entities, which ..."
    QByteArray svg; // the re-written document (UTF-8)
    // Everything taken out, as "<script>", "onload", "style", "<image href=...>".
    QStringList dropped;
    // The links to other files or sites that were taken out (what the user may miss).
    QStringList externalRefs;
    double width = 0; // the drawing's own size in px; 0 when it has none
    double height = 0;
};

constexpr qint64 kSvgMaxBytes = 5 * 1024 * 1024;
constexpr int kSvgMaxDepth = 256;
constexpr int kSvgMaxElements = 50000;

// True when the file's first bytes are an XML document whose root is <svg> (after an XML
// declaration, comments or a DOCTYPE). Reads the head only; gzip (.svgz) is not SVG here.
bool looksLikeSvg(const QString& path);

// Pure: the document without scripts, foreign content, event handlers and links out (see top
// of file). longSide > 0 also sets the root's width and height so the longer side is that many
// pixels (a viewBox is added when the drawing had none), which fixes the size it is drawn at.
SvgCleanResult cleanSvg(const QByteArray& svg, int longSide = 0);

// cleanSvg, then FFmpeg's librsvg decoder into `out`: a PNG with alpha whose longer side is
// 1920 px. Refused or failed: `why` completes "<file name> ..." and `out` does not exist.
// `externalRefs` receives the links that were left out.
bool rasterizeSvg(const QString& in, const QString& out, QString* why,
                  QStringList* externalRefs = nullptr);

} // namespace cw::engine
