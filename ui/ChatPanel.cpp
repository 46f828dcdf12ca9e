// See ChatPanel.h.
#include "ChatPanel.h"

#include "ChatInput.h"
#include "FlowLayout.h"
#include "Icons.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace cw {

ChatPanel::ChatPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("chatPanel"));
    setAccessibleName(tr("Chat"));

    m_transcript = new ChatTranscript(this);
    m_suggestions = createSuggestions();
    m_errorActions = new QWidget(this);
    m_errorActions->setObjectName(QStringLiteral("chatErrorActions"));
    m_errorActions->setAccessibleName(tr("Actions for the last message"));
    auto* actionRow = new QHBoxLayout(m_errorActions);
    actionRow->setContentsMargins(0, 0, 0, 0);
    actionRow->addStretch(1);
    m_errorActions->hide();

    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("chatProgress"));
    m_progress->setAccessibleName(tr("Agent progress"));
    m_progress->setForegroundRole(QPalette::PlaceholderText);
    m_progress->setTextFormat(Qt::PlainText);
    m_progress->setWordWrap(true);
    m_progress->hide();

    m_input = new ChatInput(this);
    m_send = new QPushButton(icon(QStringLiteral("send")), tr("Send"), this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send message"));
    m_send->setToolTip(tr("Send (Enter)"));

    m_stop = new QPushButton(icon(QStringLiteral("stop")), tr("Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setAccessibleName(tr("Stop the agent"));
    m_stop->setToolTip(tr("Stop (Esc)"));
    m_stop->hide();
    auto* stopKey = new QShortcut(QKeySequence(Qt::Key_Escape), this, nullptr, nullptr,
                                  Qt::WidgetWithChildrenShortcut);
    connect(stopKey, &QShortcut::activated, m_stop, &QPushButton::click);

    auto* inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_send, 0, Qt::AlignBottom);
    inputRow->addWidget(m_stop, 0, Qt::AlignBottom);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_transcript, 1);
    layout->addWidget(m_errorActions);
    layout->addWidget(m_suggestions);
    layout->addWidget(m_progress);
    layout->addLayout(inputRow);

    connect(m_input, &ChatInput::submitted, this, &ChatPanel::submit);
    connect(m_send, &QPushButton::clicked, this, &ChatPanel::submit);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (m_stop->isVisible())
            Q_EMIT stopRequested();
    });
}

QWidget* ChatPanel::createSuggestions()
{
    auto* box = new QWidget(this);
    box->setObjectName(QStringLiteral("chatSuggestions"));
    auto* row = new FlowLayout(box); // wraps in a narrow chat column
    const struct {
        const char* objectName;
        QString text;
    } chips[] = {
        {"suggestionCutPauses", tr("Cut the pauses")},
        {"suggestionShowTracks", tr("Show the tracks")},
        {"suggestionExport", tr("Export 1080p MP4")},
    };
    for (const auto& chip : chips) {
        auto* button = new QPushButton(chip.text, box);
        button->setObjectName(QLatin1String(chip.objectName));
        button->setAccessibleName(tr("Suggestion: %1").arg(chip.text));
        button->setFlat(true);
        button->setCursor(Qt::PointingHandCursor);
        button->setStyleSheet(
            QStringLiteral("QPushButton { border: 1px solid palette(mid); border-radius: 10px; "
                           "padding: 3px 10px; }"
                           "QPushButton:hover { background: palette(alternate-base); }"));
        const QString text = chip.text;
        connect(button, &QPushButton::clicked, this, [this, text] {
            m_input->setPlainText(text);
            submit();
        });
        row->addWidget(button);
    }
    return box;
}

QString ChatPanel::progressText() const
{
    return m_progress->isHidden() ? QString() : m_progress->text();
}

bool ChatPanel::suggestionsVisible() const
{
    return !m_suggestions->isHidden();
}

void ChatPanel::submit()
{
    const QString text = m_input->toPlainText().trimmed();
    if (text.isEmpty())
        return;
    m_input->remember(text);
    m_input->clear();
    Q_EMIT messageSubmitted(text);
}

void ChatPanel::addUserMessage(const QString& text)
{
    clearErrorActions();
    m_suggestions->hide();
    m_transcript->appendUser(text);
}

void ChatPanel::setAgentText(const QString& text, bool partial)
{
    m_transcript->setAgentText(text, partial);
}

void ChatPanel::setProgress(const QString& line)
{
    m_progress->setText(line);
    m_progress->setVisible(!line.isEmpty());
}

void ChatPanel::agentStarted()
{
    setProgress(tr("Thinking…"));
    m_send->hide();
    m_stop->show();
}

void ChatPanel::agentFinished()
{
    m_transcript->finishAgent();
    setProgress(QString());
    m_stop->hide();
    m_send->show();
}

void ChatPanel::addError(const QString& message)
{
    m_transcript->appendError(message);
}

void ChatPanel::addErrorWithActions(const QString& message, const QList<ErrorAction>& actions)
{
    m_transcript->appendError(message);
    showActions(actions);
}

void ChatPanel::addNoticeWithActions(const QString& message, const QList<ErrorAction>& actions)
{
    m_transcript->appendNotice(message);
    showActions(actions);
}

void ChatPanel::showActions(const QList<ErrorAction>& actions)
{
    clearErrorActions();
    auto* row = static_cast<QHBoxLayout*>(m_errorActions->layout());
    for (const ErrorAction& action : actions) {
        auto* button = new QPushButton(action.second, m_errorActions);
        button->setObjectName(QStringLiteral("errorAction-") + action.first);
        button->setAccessibleName(action.second);
        const QString id = action.first;
        connect(button, &QPushButton::clicked, this, [this, id] {
            clearErrorActions();
            Q_EMIT errorActionTriggered(id);
        });
        row->insertWidget(row->count() - 1, button);
    }
    m_errorActions->setVisible(!actions.isEmpty());
}

void ChatPanel::clearErrorActions()
{
    const auto buttons = m_errorActions->findChildren<QPushButton*>();
    for (QPushButton* button : buttons) {
        button->hide();
        button->deleteLater();
    }
    m_errorActions->hide();
}

QStringList ChatPanel::errorActions() const
{
    QStringList ids;
    if (m_errorActions->isHidden())
        return ids;
    for (const QPushButton* button : m_errorActions->findChildren<QPushButton*>())
        if (!button->isHidden())
            ids << button->objectName().mid(int(qstrlen("errorAction-")));
    return ids;
}

void ChatPanel::addNotice(const QString& message)
{
    m_transcript->appendNotice(message);
}

} // namespace cw
