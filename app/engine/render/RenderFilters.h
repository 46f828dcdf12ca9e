// Internal pieces of the render graph (RenderGraph.cpp assembles them): per-segment video
// and audio chains (trim, speed, fit to the frame by pad / crop / blurred fill, volume), the
// joins between pieces (concat, or xfade + acrossfade with the outgoing piece held), text
// styles, looks, and what sits on top (RenderLayers.cpp, shared with the smart render): the
// audio tracks' mix (denoise, ducking, loudness) and the titles.
#pragma once

#include "render/RenderGraph.h"

#include <functional>

namespace cw::engine::render {

QString sec(qint64 ms);
QString num(double v);
QString audioFormat();         // every audio chain's output: 48 kHz float stereo
QStringList aacArgs(int kbps); // every AAC encode of an export
// x264 as every export encodes (the smart render's pieces must match the normal render).
QStringList x264Args(const RenderPreset& preset);
bool isStill(const RenderInput& in);
// Output options tagging the picture as BT.709 (what the exported pixels are): for an
// encode, and for a stream copy (rewrites the H.264 headers of every piece alike).
QStringList bt709Tags();
QStringList bt709CopyTags();
// What makes a source's picture what it shows, each empty or ending in ',': square pixels
// (before any sizing) and HDR tone-mapped to BT.709 (best after sizing: it is costly).
QString squarePixels(const RenderInput& in);
QString toneMap(const RenderInput& in);
// Options of a scale that bring a source's samples to BT.709 ("" when they are).
QString toBt709(const RenderInput& in);

struct Piece {
    qint64 ms = 0;  // timeline length
    QString trType; // transition into this piece; empty = straight cut
    qint64 trMs = 0;
};

struct Graph {
    RenderPreset p;
    QString aspectMode; // "" (pad), "crop", "blur"
    QStringList chains;
    QList<Piece> pieces;

    QString silence(qint64 ms) const;
    QString black(qint64 ms) const;
    // picture -> the frame (display geometry and SDR first); may add chains (blur) labelled n
    // `startMs`: where the piece's first frame belongs (its frames are timed from there).
    // `cropAt`: the crop's ":x=...:y=..." when it follows the subject (reframeCrop).
    QString fit(int n, const RenderInput& in, qint64 startMs = 0, const QString& cropAt = {}) const;
    void addGap(qint64 ms);
    void addSegment(const Segment& s, int input, const RenderInput& in);
    QString zoomFilter(const Segment& s) const;
    bool hasTransitions() const;
    // A B-roll cutaway: adds its chain [bK] and returns the overlay filter taking [bK].
    QString addBroll(const Segment& s, int input, const RenderInput& in, int k);
    // A logo (edit/Overlays.h): scaled to m.w percent of the width, at m.pos, m.op opaque.
    QString addOverlay(const Segment& s, int input, const RenderInput& in, int k);
    // A picture-in-picture or split screen (edit/Layouts.h; RenderLayout.cpp): adds the other
    // clip's chain [bK] and returns the filters drawing it (and moving the main picture) on top.
    QString addLayout(const Segment& s, int input, const RenderInput& in, int k);
    // Joins the pieces into vout/aout (labels with brackets).
    void join(const QString& vout, const QString& aout);
};

QString atempoChain(double speed); // "atempo=2,atempo=1.5"; empty for 1
// A segment's m.speed, 1 when absent or not a usable number.
double segmentSpeed(const Segment& s);
QString xfadeName(const QString& type);
QString audioTrackChain(const Segment& s, int input, int k);
// overlay's x and y for a picture at `pos` (top_left ... bottom_right, center): a margin of
// 3% of the frame's width from the edges it names, as broadcasters place a bug.
QPair<QString, QString> cornerXY(const QString& pos, int frameWidth);
// The expansion drawtext shows for a countdown or timecode text (m.style), else "".
QString timerText(const Segment& s);
QString drawtext(const Segment& s, const RenderPreset& p, const QString& fontFile,
                 const QString& textFile);
// The bold face beside a regular font file, or the file itself when there is none.
QString boldFontFile(const QString& fontFile);
QString lookFilter(const QString& look); // empty for none/unknown
// The crop's x/y options (":x='...':y='...'") that follow in.reframe over segment s, whose
// picture runs at `speed` (t in the crop is the segment's own time); "" when it has no path
// (RenderReframe.cpp).
QString reframeCrop(const Segment& s, const RenderInput& in, double speed, bool frozen);

// The audio tracks mixed into the main track's sound `in` (RenderLayers.cpp). chains: the
// audio-track chains, then the steps after the join ending in `out`; post is false when
// there are no such steps (the join must then write `out` itself). inputFor returns the
// ffmpeg input of a segment's media, or -1 with an error.
struct AudioMix {
    QStringList chains;
    bool post = false;
    bool loudness = false; // the draft sets a loudness target (lufs)
    double lufs = -14.0;
    QString error;
};
AudioMix mixAudio(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                  const std::function<int(const Segment&, QString*)>& inputFor, const QString& in,
                  const QString& out);

// One drawtext filter per text segment, in track order; the texts are written to
// textDir/<stem>.textN.txt (appended to files; on failure the written ones are removed).
// spans, when given, receives each filter's segment (start, end) in ms.
QStringList textOverlays(const Draft& draft, const RenderPreset& p, const QString& fontFile,
                         const QString& textDir, const QString& stem, QStringList* files,
                         QString* error, QList<QPair<qint64, qint64>>* spans = nullptr);

// Fades (edit/Fades.h). The whole video's at timeline times over totalMs (the picture's
// filters, their spans in ms when asked; the sound's as one chain or ""), and one clip's at
// its own times (m a segment's, totalMs its length). A window of the timeline (a preview
// frame, PreviewMedia.h draftWindow) carries m.fade_window {at, length}: its frames are
// shifted to their timeline times around the fades, so a frame inside a fade is faded as much
// as in the export.
qint64 timelineLength(const Draft& draft); // the latest end of a picture, sound or text
QStringList pictureFades(const QJsonObject& m, qint64 totalMs,
                         QList<QPair<qint64, qint64>>* spans = nullptr);
QString soundFades(const QJsonObject& m, qint64 totalMs);

} // namespace cw::engine::render
