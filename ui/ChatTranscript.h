// The conversation, read-only. It keeps the messages as data and renders them as HTML
// bubbles: while the agent streams, partial text updates the last agent bubble and the final
// text replaces it, so one answer is always one bubble. Errors get their own style.
#pragma once

#include <QList>
#include <QTextBrowser>

namespace cw {

struct ChatMessage {
    enum Role { User, Agent, Error, Notice };
    Role role = Agent;
    QString text;
    bool partial = false; // an agent answer still streaming
};

class ChatTranscript : public QTextBrowser {
    Q_OBJECT
public:
    explicit ChatTranscript(QWidget* parent = nullptr);

    void appendUser(const QString& text);
    void setAgentText(const QString& text, bool partial);
    void finishAgent(); // the stream ended: a partial bubble becomes final
    void appendError(const QString& text);
    void appendNotice(const QString& text);
    void clearMessages();

    int messageCount() const { return int(m_messages.size()); }
    ChatMessage message(int index) const { return m_messages.value(index); }
    QColor colorFor(ChatMessage::Role role) const; // bubble background

protected:
    void changeEvent(QEvent* event) override;

private:
    void render();
    QString bubbleHtml(const ChatMessage& message) const;

    QList<ChatMessage> m_messages;
};

} // namespace cw
