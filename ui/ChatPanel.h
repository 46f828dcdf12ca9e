// The chat column: transcript, suggestion chips (until the first message), a quiet progress
// line for tool calls, and the input with its send button. It emits messageSubmitted() and
// shows whatever the window feeds it; it never talks to the session itself.
#pragma once

#include "ChatTranscript.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace cw {

class ChatInput;

class ChatPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChatPanel(QWidget* parent = nullptr);

    ChatTranscript* transcript() const { return m_transcript; }
    ChatInput* input() const { return m_input; }
    QString progressText() const;
    bool suggestionsVisible() const;

public Q_SLOTS:
    void addUserMessage(const QString& text);
    void setAgentText(const QString& text, bool partial);
    void setProgress(const QString& line); // empty hides the line
    void agentStarted();
    void agentFinished();
    void addError(const QString& message);
    void addNotice(const QString& message);
    void submit(); // sends the input's text if it is not blank

Q_SIGNALS:
    void messageSubmitted(const QString& text);

private:
    QWidget* createSuggestions();

    ChatTranscript* m_transcript;
    QWidget* m_suggestions;
    QLabel* m_progress;
    ChatInput* m_input;
    QPushButton* m_send;
};

} // namespace cw
