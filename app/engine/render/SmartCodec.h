// Fast export: the smart render (SmartRender.h) in the source's own codec. An H.264 source is
// the smart render as it is; an HEVC source (what phones record) stays HEVC: the untouched
// GOPs are stream-copied and only the frames around cuts and titles are re-encoded with
// libx265 at the source's profile (Main / Main10), pixel format, level, colour description and
// range, so the output is the source's stream with a few re-encoded GOPs, tagged hvc1 for
// QuickTime. H.264 stays the default export; fast export is asked for by the render request
// (output.fast), the CLI (--fast) or the chat (the draft's m.export.fast).
//
// Joining HEVC pieces: the concat demuxer's auto_convert makes only H.264 Annex B, so every
// HEVC piece carries its own VPS/SPS/PPS in band at each keyframe instead (the video-only
// copies through hevc_mp4toannexb, the x265 batches with repeat-headers); a decoder then
// switches parameter sets at each join as it does for the H.264 smart render's pieces.
#pragma once

#include "render/SmartRender.h"

namespace cw::engine {

// True when the export asks to keep the source codec: the preset's keepCodec (request
// output.fast, CLI --fast) or the draft's m.export.fast (set by the chat).
bool fastExportAsked(const Draft& draft, const RenderPreset& preset);

// Why `s` cannot be smart-rendered in its own codec ("" when it can): H.264 Main/High yuv420p
// always; HEVC Main (yuv420p) or Main10 (yuv420p10le) only when keepCodec is asked, and then
// an HDR (PQ/HLG) one too: fast export keeps it HDR, where the normal render tone-maps.
QString smartCodecProblem(const SmartSource& s, bool keepCodec);

// Why sources cannot share one output stream ("" when they can): one codec, one pixel format.
QString smartCodecMix(const SmartSource& first, const SmartSource& s);

// The source's bitrate (kbit/s) over the frames a batch re-encodes: what those frames cost in
// the source (packet sizes); 0 when unknown.
int smartBatchKbps(const SmartPlan& plan, const QHash<QString, SmartSource>& sources,
                   const SmartBatch& batch);

// The encoder arguments of a batch of re-encoded pieces, matched to `s` (the plan's first
// source): libx264 at plan.profile, or libx265 at the source's profile, pixel format, level,
// colour and range, closed GOPs as long as the source's, headers in band, at `kbps` (the
// source's bitrate for those frames; CRF when 0).
QStringList smartEncoderArgs(const SmartPlan& plan, const SmartSource& s,
                             const RenderPreset& preset, int kbps);

// The video-only copy's bitstream filter (in-band parameter sets for HEVC; none for H.264).
QStringList smartCopyFilter(const SmartPlan& plan);

// The join's stream tags: H.264 gets the BT.709 colour tags of every export, HEVC keeps the
// source's colour and is tagged hvc1.
QStringList smartJoinTags(const SmartPlan& plan);

// The x265 level of an HEVC general_level_idc (30 x level: 123 -> "4.1"); "" when unknown.
QString hevcLevelText(int levelIdc);

// The job log's line when a fast export falls back to the normal (H.264) render.
void logFastStepAside(const QString& reason);

} // namespace cw::engine
