// The message box: Enter sends, Shift+Enter starts a new line (chat convention). It only
// emits submitted(); the panel decides what to do with the text.
#pragma once

#include <QPlainTextEdit>

namespace cw {

class ChatInput : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ChatInput(QWidget* parent = nullptr);
    QSize sizeHint() const override;

Q_SIGNALS:
    void submitted();

protected:
    void keyPressEvent(QKeyEvent* event) override;
};

} // namespace cw
