// See ChatTranscript.h. The whole document is rebuilt on each change: conversations are
// short, and rebuilding keeps partial/final replacement trivially correct.
#include "ChatTranscript.h"

#include "Colours.h"

#include <QEvent>
#include <QScrollBar>

namespace cw {

ChatTranscript::ChatTranscript(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("chatTranscript"));
    setAccessibleName(tr("Conversation"));
    setReadOnly(true);
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    setPlaceholderText(tr("Drop clips on the left, then tell me what to make, for example "
                          "“cut the pauses and add a title that says Urban Dreams”."));
}

void ChatTranscript::appendUser(const QString& text)
{
    finishAgent();
    m_messages.append({ChatMessage::User, text, false});
    render();
}

void ChatTranscript::setAgentText(const QString& text, bool partial)
{
    if (!m_messages.isEmpty() && m_messages.last().role == ChatMessage::Agent &&
        m_messages.last().partial) {
        m_messages.last().text = text;
        m_messages.last().partial = partial;
    } else {
        m_messages.append({ChatMessage::Agent, text, partial});
    }
    render();
}

void ChatTranscript::finishAgent()
{
    if (!m_messages.isEmpty() && m_messages.last().partial) {
        m_messages.last().partial = false;
        render();
    }
}

void ChatTranscript::appendError(const QString& text)
{
    m_messages.append({ChatMessage::Error, text, false});
    render();
}

void ChatTranscript::appendNotice(const QString& text)
{
    m_messages.append({ChatMessage::Notice, text, false});
    render();
}

void ChatTranscript::clearMessages()
{
    m_messages.clear();
    render();
}

QColor ChatTranscript::colorFor(ChatMessage::Role role) const
{
    const QPalette pal = palette();
    const QColor base = pal.color(QPalette::Base);
    switch (role) {
    case ChatMessage::User:
        return mix(base, pal.color(QPalette::Highlight), 0.22);
    case ChatMessage::Agent:
        return mix(base, pal.color(QPalette::Text), 0.07);
    case ChatMessage::Error:
        return mix(base, QColor(0xd0, 0x30, 0x30), 0.25);
    case ChatMessage::Notice:
        break;
    }
    return base;
}

QString ChatTranscript::bubbleHtml(const ChatMessage& message) const
{
    QString body = message.text.toHtmlEscaped();
    body.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    if (message.partial)
        body += QStringLiteral(" …");
    QString who;
    QString align = QStringLiteral("left");
    switch (message.role) {
    case ChatMessage::User:
        who = tr("You");
        align = QStringLiteral("right");
        break;
    case ChatMessage::Agent:
        who = tr("Clipwright");
        break;
    case ChatMessage::Error:
        who = tr("Problem");
        break;
    case ChatMessage::Notice:
        return QStringLiteral("<p align=\"center\" style=\"color:%1\"><small>%2</small></p>")
            .arg(palette().color(QPalette::PlaceholderText).name(), body);
    }
    const QString textColor =
        message.role == ChatMessage::Error
            ? mix(palette().color(QPalette::Text), QColor(0xc0, 0x10, 0x10), 0.6).name()
            : palette().color(QPalette::Text).name();
    return QStringLiteral("<table width=\"100%\" cellspacing=\"4\" cellpadding=\"8\"><tr><td "
                          "align=\"%1\" bgcolor=\"%2\" style=\"color:%3\"><b>%4</b><br>%5</td>"
                          "</tr></table>")
        .arg(align, colorFor(message.role).name(), textColor, who.toHtmlEscaped(), body);
}

void ChatTranscript::render()
{
    QScrollBar* bar = verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 4;
    QString html;
    for (const ChatMessage& message : qAsConst(m_messages))
        html += bubbleHtml(message);
    setHtml(html);
    if (atEnd || (!m_messages.isEmpty() && m_messages.last().role == ChatMessage::User)) {
        moveCursor(QTextCursor::End);
        ensureCursorVisible();
    }
}

void ChatTranscript::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();
}

} // namespace cw
