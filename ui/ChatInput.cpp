// See ChatInput.h.
#include "ChatInput.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QTextBlock>

namespace cw {

ChatInput::ChatInput(QWidget* parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("chatInput"));
    setAccessibleName(tr("Message"));
    setPlaceholderText(tr("Tell me what to make… (Enter sends, Shift+Enter for a new line)"));
    setTabChangesFocus(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

QSize ChatInput::sizeHint() const
{
    const int lines = 3;
    return QSize(QPlainTextEdit::sizeHint().width(),
                 fontMetrics().lineSpacing() * lines + 2 * frameWidth() + 12);
}

void ChatInput::remember(const QString& message)
{
    if (!message.isEmpty() && (m_history.isEmpty() || m_history.constLast() != message))
        m_history.append(message);
    m_historyPos = m_history.size();
    m_pending.clear();
}

bool ChatInput::recall(int step)
{
    const int pos = m_historyPos + step;
    if (pos < 0 || pos > m_history.size())
        return false;
    if (m_historyPos == m_history.size())
        m_pending = toPlainText();
    m_historyPos = pos;
    setPlainText(pos == m_history.size() ? m_pending : m_history.at(pos));
    moveCursor(QTextCursor::End);
    return true;
}

bool ChatInput::canInsertFromMimeData(const QMimeData* source) const
{
    if (source && source->hasUrls()) {
        for (const QUrl& url : source->urls())
            if (url.isLocalFile())
                return false;
    }
    return QPlainTextEdit::canInsertFromMimeData(source);
}

void ChatInput::keyPressEvent(QKeyEvent* event)
{
    // Only on the first/last line, so Up/Down still move the cursor inside a long message.
    const QTextCursor cursor = textCursor();
    if (event->modifiers() == Qt::NoModifier &&
        ((event->key() == Qt::Key_Up && cursor.blockNumber() == 0 && recall(-1)) ||
         (event->key() == Qt::Key_Down && cursor.blockNumber() == blockCount() - 1 &&
          recall(+1)))) {
        event->accept();
        return;
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && (event->modifiers() & Qt::ShiftModifier)) {
        insertPlainText(QStringLiteral("\n"));
        event->accept();
        return;
    }
    if (enter && !(event->modifiers() & (Qt::ControlModifier | Qt::AltModifier))) {
        event->accept();
        Q_EMIT submitted();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace cw
