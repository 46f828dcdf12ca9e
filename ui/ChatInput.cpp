// See ChatInput.h.
#include "ChatInput.h"

#include <QKeyEvent>

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

void ChatInput::keyPressEvent(QKeyEvent* event)
{
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
