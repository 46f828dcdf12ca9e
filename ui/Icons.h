// Icons come from the SVGs in resources/icons. Qt renders SVG only through its svg plugins,
// which a minimal install may lack; then each icon falls back to a standard style icon so
// no button is ever blank.
#pragma once

#include <QIcon>
#include <QString>

namespace cw {

// name: "clipwright", "add", "send", "export", "undo", "redo",
// "track-video", "track-audio", "track-text"
QIcon icon(const QString& name);

} // namespace cw
