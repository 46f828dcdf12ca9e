// A progress bar over footage (tutorials, long explainers): a strip along the bottom edge in
// one colour that grows from the left with the playing time, drawn over every frame, titles
// and logos included. It is a setting of the whole video, m.progress_bar = {"color":
// "#rrggbb"}; an audiogram draws its own (edit/Audiogram.h: progress). Only a validated colour
// reaches the draft and the renderer reads it back through progressBarColor, so a hand-edited
// draft cannot put filter syntax into the graph.
#pragma once

#include "edit/Operations.h"

#include <optional>

namespace cw::engine {

// The bar's colour when m.progress_bar is present and valid.
std::optional<QString> progressBarColor(const QJsonObject& draftMeta);

// args: color (a colour name or #rrggbb; default: the current one, else white). details:
// color, had (a bar was there before).
EditResult setProgressBar(const Draft& draft, const QJsonObject& args);
EditResult removeProgressBar(const Draft& draft); // 4004 when there is none

} // namespace cw::engine
