// Backend prose written for a GUI that Clipwright does not have (PROTOCOL.md "Routing in the
// client"): the cloud agent says "click Export", "open the project", "drag the clip" or
// "preview it in the timeline". translateGuiText finds such an instruction in the agent's
// text so the client can do it through the API instead of leaving the user puzzled.
// English and Chinese; a pure function of the text, table-tested.
#pragma once

#include <QString>

namespace cw {

enum class GuiAction {
    None,
    Export,      // "click ... Export" / "点击导出": run the export workflow
    FetchState,  // "open ..." / "打开": fetch the state
    SendEdit,    // "drag ..." / "拖拽": the edit goes through the stream
    ShowSummary, // "preview in timeline" / "在时间线中预览": show the track summary
};

GuiAction translateGuiText(const QString& text);

} // namespace cw
