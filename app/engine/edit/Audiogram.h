// An audiogram: a podcast or voice memo (sound with no picture) exported as a video whose
// picture is the sound's own waveform or spectrum. It is a setting of the whole video, stored
// in draft.m.audiogram:
//   style       "wave" (a centred waveform, showwaves cline), "line" (one trace, showwaves
//               p2p), "bars" (frequency bars, showfreqs bar), "spectrum" (a frequency curve,
//               showfreqs line)
//   color       "#rrggbb" of the waveform
//   background  "#rrggbb" behind it
//   bg_media    optional: the id of an uploaded picture shown instead, scaled to cover
//   progress    bool: a bar along the bottom that grows with the playing time
// The renderer draws it only while no video track holds a picture (render/RenderAudiogram.cpp);
// over footage it is refused, not layered. Only validated values reach the draft and the
// renderer reads the setting back through audiogramOf, which drops anything else, so a
// hand-edited draft cannot put filter syntax into the graph.
#pragma once

#include "edit/Operations.h"

#include <QHash>
#include <optional>

namespace cw::engine {

struct Audiogram {
    QString style = QStringLiteral("wave");
    QString color = QStringLiteral("#ffffff");
    QString background = QStringLiteral("#14213d");
    QString backgroundMedia; // a media id; empty: the colour
    bool progress = false;
};

const QStringList& audiogramStyles(); // wave, line, bars, spectrum

// The draft's audiogram when m.audiogram is present and every value in it is valid.
std::optional<Audiogram> audiogramOf(const QJsonObject& draftMeta);

// Sets (or changes) the audiogram. args: style, color, background (a colour name or #rrggbb),
// background_media (a media id), progress (bool); what is not given keeps its current value
// (or the default). media: the session's media by id (the draft's and the background's): a
// picture on a video track refuses it, a background that is not an image too. details: style,
// color, background, background_media, progress, changed (the keys given).
EditResult setAudiogram(const Draft& draft, const QJsonObject& args,
                        const QHash<QString, MediaRef>& media);
EditResult removeAudiogram(const Draft& draft);

} // namespace cw::engine
