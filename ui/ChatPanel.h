// The chat column: transcript, suggestion chips (until the first message), a quiet progress
// line for tool calls and analyses, and the input with its send button, which becomes a Stop
// button (Esc) while the agent works. It emits messageSubmitted() / stopRequested() and shows
// whatever the window feeds it; it never talks to the session itself.
// An error or a notice can carry actions ("Retry", "Open settings", "Top up"): they appear as
// buttons under the transcript (objectName "errorAction-<id>") until the next message, and a click
// emits errorActionTriggered(id); the window decides what the id means.
#pragma once

#include "ChatTranscript.h"

#include <QList>
#include <QPair>
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
    using ErrorAction = QPair<QString, QString>; // id, button label
    QStringList errorActions() const;            // ids of the buttons shown now

public Q_SLOTS:
    void addUserMessage(const QString& text);
    void setAgentText(const QString& text, bool partial);
    void setProgress(const QString& line); // empty hides the line
    void agentStarted();
    void agentFinished();
    void addError(const QString& message);
    void addErrorWithActions(const QString& message, const QList<ErrorAction>& actions);
    void addNoticeWithActions(const QString& message, const QList<ErrorAction>& actions);
    void clearErrorActions();
    void addNotice(const QString& message);
    void submit(); // sends the input's text if it is not blank

Q_SIGNALS:
    void messageSubmitted(const QString& text);
    void stopRequested();
    void errorActionTriggered(const QString& id);

private:
    QWidget* createSuggestions();
    void showActions(const QList<ErrorAction>& actions);

    ChatTranscript* m_transcript;
    QWidget* m_suggestions;
    QWidget* m_errorActions;
    QLabel* m_progress;
    ChatInput* m_input;
    QPushButton* m_send;
    QPushButton* m_stop;
};

} // namespace cw
