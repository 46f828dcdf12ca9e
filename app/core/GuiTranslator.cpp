// Matching is by phrase, case-insensitive, in priority order: export beats the rest (a
// sentence like "open the menu and click Export" means export), then preview, drag, open.
// "open" alone is a common English word, so it only counts followed by an object the cloud
// talks about (project, draft, timeline, editor, state, file, session); "export" only counts
// after a click/press/tap (an agent that says "you can export later" has not asked for it).
#include "GuiTranslator.h"

#include <QRegularExpression>

namespace cw {

namespace {

bool matches(const QString& text, const char* pattern)
{
    const QRegularExpression re(QString::fromUtf8(pattern),
                                QRegularExpression::CaseInsensitiveOption |
                                    QRegularExpression::UseUnicodePropertiesOption);
    return re.match(text).hasMatch();
}

} // namespace

GuiAction translateGuiText(const QString& text)
{
    if (text.trimmed().isEmpty())
        return GuiAction::None;
    if (matches(text, R"(\b(click|press|tap|hit|select)\b[^.!?\n]{0,40}\b(export|download)\b)") ||
        matches(text, "(点击|点|按|单击|选择)[^。！？\n]{0,12}(导出|下载)"))
        return GuiAction::Export;
    if (matches(text, R"(\bpreview\b[^.!?\n]{0,30}\b(in|on)\s+(the\s+)?timeline\b)") ||
        matches(text, "(在)?时间线(上|中|里)?[^。！？\n]{0,6}预览"))
        return GuiAction::ShowSummary;
    if (matches(text, R"(\bdrag\b)") || matches(text, "(拖拽|拖动|拖到)"))
        return GuiAction::SendEdit;
    if (matches(
            text,
            R"(\bopen\b\s+(the\s+|your\s+)?(project|draft|timeline|editor|state|file|session)s?\b)") ||
        matches(text, "打开"))
        return GuiAction::FetchState;
    return GuiAction::None;
}

} // namespace cw
