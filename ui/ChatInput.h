// The message box: Enter sends, Shift+Enter starts a new line (chat convention). Up on the
// first line recalls earlier messages and Down walks back to what was being typed, as in a
// shell. It only emits submitted(); the panel decides what to do with the text. Dropped files
// are not pasted as paths: the drop goes on to the window, which adds them as media.
#pragma once

#include <QPlainTextEdit>

namespace cw {

class ChatInput : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ChatInput(QWidget* parent = nullptr);
    QSize sizeHint() const override;
    void remember(const QString& message); // adds a sent message to the history

Q_SIGNALS:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool canInsertFromMimeData(const QMimeData* source) const override;

private:
    bool recall(int step); // -1 older, +1 newer; false when there is nothing to move to

    QStringList m_history;
    int m_historyPos = 0; // == m_history.size() while editing a new message
    QString m_pending;    // what was typed before walking into the history
};

} // namespace cw
