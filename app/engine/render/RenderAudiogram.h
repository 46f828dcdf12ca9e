// The picture of an audiogram (edit/Audiogram.h), drawn by the normal render graph: a copy of
// the final mix (after the music, clean-up and loudness steps of the graph) becomes the
// waveform or spectrum, so the picture moves with exactly what is heard. It replaces the black
// frame of a sound-only timeline and sits under the titles, like footage would.
#pragma once

#include "render/RenderGraph.h"

namespace cw::engine::render {

// The draft sets a valid audiogram and no video track holds a picture.
bool audiogramDrawn(const Draft& draft, const QHash<QString, RenderInput>& inputs);

struct AudiogramPicture {
    QStringList chains;    // the waveform [agw], the progress bar [agp], the background [agbg]
    QStringList filters;   // applied in order to the joined picture, each a filter chain body
    QStringList inputArgs; // the background picture's input, if any
    QString error;
};
// p: the output size and rate; totalMs: the timeline's length; input: the ffmpeg input index
// the background picture gets; sound: the label of a copy of the final mix ("[agwa]").
AudiogramPicture audiogramPicture(const Draft& draft, const QHash<QString, RenderInput>& inputs,
                                  const RenderPreset& p, qint64 totalMs, int input,
                                  const QString& sound);

// A progress bar along the bottom edge in `hex` (#rrggbb, validated), a strip as wide as the
// frame slid in from the left over the draft's length: the audiogram's, and the one over
// footage (edit/ProgressBar.h). chain makes [label]; filter overlays it on the picture.
struct ProgressBarLayer {
    QString chain;
    QString filter;
};
ProgressBarLayer progressBarLayer(const Draft& draft, const QString& hex, const RenderPreset& p,
                                  qint64 totalMs, const QString& label);

} // namespace cw::engine::render
