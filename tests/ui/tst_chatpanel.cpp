// ChatPanel: Enter sends and Shift+Enter breaks the line, blank input sends nothing,
// streamed agent text stays one bubble, errors have their own style, text is escaped, and
// the suggestion chips send their text once and then go away; while the agent works the send
// button gives way to Stop, which Esc presses too.
#include "ChatInput.h"
#include "ChatPanel.h"
#include "ChatTranscript.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace cw;

class TstChatPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void enterSends_data();
    void enterSends();
    void shiftEnterInsertsNewline();
    void upRecallsHistory();
    void sendButtonSends();
    void partialThenFinalIsOneBubble();
    void secondAnswerIsNewBubble();
    void errorHasDistinctStyle();
    void textIsEscaped();
    void suggestionChips();
    void progressLine();
    void stopWhileWorking();
    void errorActions();

private:
    ChatPanel* m_panel = nullptr;
};

void TstChatPanel::init()
{
    m_panel = new ChatPanel;
    m_panel->resize(500, 600);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel));
    m_panel->input()->setFocus();
}

void TstChatPanel::cleanup()
{
    delete m_panel;
    m_panel = nullptr;
}

void TstChatPanel::enterSends_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("sent"); // empty: nothing is sent
    QTest::newRow("return") << "cut the pauses" << int(Qt::Key_Return) << "cut the pauses";
    QTest::newRow("keypad enter") << "show tracks" << int(Qt::Key_Enter) << "show tracks";
    QTest::newRow("trimmed") << "  undo  " << int(Qt::Key_Return) << "undo";
    QTest::newRow("chinese") << QString::fromUtf8("导出") << int(Qt::Key_Return)
                             << QString::fromUtf8("导出");
    QTest::newRow("blank") << "   " << int(Qt::Key_Return) << "";
    QTest::newRow("empty") << "" << int(Qt::Key_Return) << "";
}

void TstChatPanel::enterSends()
{
    QFETCH(QString, typed);
    QFETCH(int, key);
    QFETCH(QString, sent);
    QSignalSpy spy(m_panel, &ChatPanel::messageSubmitted);
    ChatInput* input = m_panel->input();
    QCOMPARE(input->objectName(), QStringLiteral("chatInput"));
    input->insertPlainText(typed);
    QTest::keyClick(input, Qt::Key(key));
    if (sent.isEmpty()) {
        QCOMPARE(spy.count(), 0);
        return;
    }
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), sent);
    QVERIFY(input->toPlainText().isEmpty());
}

void TstChatPanel::shiftEnterInsertsNewline()
{
    QSignalSpy spy(m_panel, &ChatPanel::messageSubmitted);
    ChatInput* input = m_panel->input();
    QTest::keyClicks(input, QStringLiteral("first line"));
    QTest::keyClick(input, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(input, QStringLiteral("second"));
    QCOMPARE(spy.count(), 0);
    QCOMPARE(input->toPlainText(), QStringLiteral("first line\nsecond"));
    QTest::keyClick(input, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("first line\nsecond"));
}

void TstChatPanel::upRecallsHistory()
{
    ChatInput* input = m_panel->input();
    for (const QString& m : {QStringLiteral("cut the pauses"), QStringLiteral("add music")}) {
        QTest::keyClicks(input, m);
        QTest::keyClick(input, Qt::Key_Return);
    }
    QTest::keyClicks(input, QStringLiteral("half typed"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->toPlainText(), QStringLiteral("add music"));
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->toPlainText(), QStringLiteral("cut the pauses"));
    QTest::keyClick(input, Qt::Key_Up); // nothing older: stays
    QCOMPARE(input->toPlainText(), QStringLiteral("cut the pauses"));
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->toPlainText(), QStringLiteral("add music"));
    QTest::keyClick(input, Qt::Key_Down);
    QCOMPARE(input->toPlainText(), QStringLiteral("half typed"));

    // Inside a multi-line message Up moves the cursor instead of recalling.
    input->setPlainText(QStringLiteral("line one\nline two"));
    input->moveCursor(QTextCursor::End);
    QTest::keyClick(input, Qt::Key_Up);
    QCOMPARE(input->toPlainText(), QStringLiteral("line one\nline two"));
    QCOMPARE(input->textCursor().blockNumber(), 0);
}

void TstChatPanel::sendButtonSends()
{
    QSignalSpy spy(m_panel, &ChatPanel::messageSubmitted);
    auto* send = m_panel->findChild<QPushButton*>(QStringLiteral("sendButton"));
    QVERIFY(send);
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(spy.count(), 0);
    QTest::keyClicks(m_panel->input(), QStringLiteral("add a title"));
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("add a title"));
}

void TstChatPanel::partialThenFinalIsOneBubble()
{
    ChatTranscript* t = m_panel->transcript();
    QCOMPARE(t->objectName(), QStringLiteral("chatTranscript"));
    QVERIFY(t->isReadOnly());
    m_panel->addUserMessage(QStringLiteral("cut the pauses"));
    m_panel->agentStarted();
    m_panel->setAgentText(QStringLiteral("Looking"), true);
    m_panel->setAgentText(QStringLiteral("Looking for pauses"), true);
    QCOMPARE(t->messageCount(), 2);
    QVERIFY(t->message(1).partial);
    QVERIFY(t->toPlainText().contains(QStringLiteral("Looking for pauses")));
    m_panel->setAgentText(QStringLiteral("Removed 3 pauses, 5.4 s."), false);
    m_panel->agentFinished();
    QCOMPARE(t->messageCount(), 2);
    QCOMPARE(t->message(1).role, ChatMessage::Agent);
    QCOMPARE(t->message(1).text, QStringLiteral("Removed 3 pauses, 5.4 s."));
    QVERIFY(!t->message(1).partial);
    const QString shown = t->toPlainText();
    QVERIFY(shown.contains(QStringLiteral("Removed 3 pauses")));
    QVERIFY(!shown.contains(QStringLiteral("Looking")));
}

void TstChatPanel::secondAnswerIsNewBubble()
{
    ChatTranscript* t = m_panel->transcript();
    m_panel->setAgentText(QStringLiteral("First answer"), false);
    m_panel->setAgentText(QStringLiteral("Second"), true);
    QCOMPARE(t->messageCount(), 2);
    m_panel->agentFinished(); // stream ended without a final text: keep the partial
    QCOMPARE(t->messageCount(), 2);
    QVERIFY(!t->message(1).partial);
    m_panel->setAgentText(QStringLiteral("Third"), true);
    QCOMPARE(t->messageCount(), 3);
}

void TstChatPanel::errorHasDistinctStyle()
{
    ChatTranscript* t = m_panel->transcript();
    m_panel->setAgentText(QStringLiteral("Fine"), false);
    m_panel->addError(QStringLiteral("The engine stopped."));
    QCOMPARE(t->messageCount(), 2);
    QCOMPARE(t->message(1).role, ChatMessage::Error);
    const QColor error = t->colorFor(ChatMessage::Error);
    QVERIFY(error != t->colorFor(ChatMessage::Agent));
    QVERIFY(error != t->colorFor(ChatMessage::User));
    QVERIFY(error.red() > error.blue());
    const QString html = t->toHtml();
    QVERIFY2(html.contains(error.name(), Qt::CaseInsensitive), qPrintable(html));
    QVERIFY(t->toPlainText().contains(QStringLiteral("The engine stopped.")));
}

void TstChatPanel::textIsEscaped()
{
    ChatTranscript* t = m_panel->transcript();
    m_panel->addUserMessage(QStringLiteral("<b>bold</b> & <img src=x>"));
    QVERIFY(t->toPlainText().contains(QStringLiteral("<b>bold</b> & <img src=x>")));
}

void TstChatPanel::suggestionChips()
{
    QSignalSpy spy(m_panel, &ChatPanel::messageSubmitted);
    QVERIFY(m_panel->suggestionsVisible());
    const QStringList names = {QStringLiteral("suggestionCutPauses"),
                               QStringLiteral("suggestionShowTracks"),
                               QStringLiteral("suggestionExport")};
    for (const QString& name : names)
        QVERIFY2(m_panel->findChild<QPushButton*>(name), qPrintable(name));
    auto* chip = m_panel->findChild<QPushButton*>(names.at(0));
    QCOMPARE(chip->text(), QStringLiteral("Cut the pauses"));
    QTest::mouseClick(chip, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("Cut the pauses"));
    m_panel->addUserMessage(spy.at(0).at(0).toString());
    QVERIFY(!m_panel->suggestionsVisible());
}

void TstChatPanel::progressLine()
{
    auto* line = m_panel->findChild<QLabel*>(QStringLiteral("chatProgress"));
    QVERIFY(line);
    QVERIFY(m_panel->progressText().isEmpty());
    m_panel->agentStarted();
    QVERIFY(!m_panel->progressText().isEmpty());
    m_panel->setProgress(QStringLiteral("cut_pauses: removed 3 pauses"));
    QCOMPARE(m_panel->progressText(), QStringLiteral("cut_pauses: removed 3 pauses"));
    QVERIFY(line->isVisible());
    m_panel->agentFinished();
    QVERIFY(m_panel->progressText().isEmpty());
    QVERIFY(!line->isVisible());
}

void TstChatPanel::stopWhileWorking()
{
    auto* send = m_panel->findChild<QPushButton*>(QStringLiteral("sendButton"));
    auto* stop = m_panel->findChild<QPushButton*>(QStringLiteral("stopButton"));
    QVERIFY(send && stop);
    QSignalSpy stops(m_panel, &ChatPanel::stopRequested);
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel)); // shortcuts need the active window
    QVERIFY(send->isVisible() && !stop->isVisible());
    QTest::keyClick(m_panel->input(), Qt::Key_Escape); // idle: nothing to stop
    QCOMPARE(stops.count(), 0);
    m_panel->agentStarted();
    QVERIFY(!send->isVisible() && stop->isVisible());
    QTest::mouseClick(stop, Qt::LeftButton);
    QCOMPARE(stops.count(), 1);
    QTest::keyClick(m_panel->input(), Qt::Key_Escape);
    QCOMPARE(stops.count(), 2);
    m_panel->agentFinished();
    QVERIFY(send->isVisible() && !stop->isVisible());
    QTest::keyClick(m_panel->input(), Qt::Key_Escape);
    QCOMPARE(stops.count(), 2);
}

void TstChatPanel::errorActions()
{
    QSignalSpy triggered(m_panel, &ChatPanel::errorActionTriggered);
    QVERIFY(m_panel->errorActions().isEmpty());
    m_panel->addErrorWithActions(QStringLiteral("Cannot reach the server."),
                                 {{QStringLiteral("retry"), QStringLiteral("Retry")},
                                  {QStringLiteral("settings"), QStringLiteral("Open settings")}});
    ChatTranscript* transcript = m_panel->transcript();
    QCOMPARE(transcript->message(transcript->messageCount() - 1).role, ChatMessage::Error);
    QCOMPARE(m_panel->errorActions(),
             (QStringList{QStringLiteral("retry"), QStringLiteral("settings")}));
    auto* retry = m_panel->findChild<QPushButton*>(QStringLiteral("errorAction-retry"));
    QVERIFY(retry && retry->isVisible());
    QCOMPARE(retry->accessibleName(), QStringLiteral("Retry"));
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(triggered.count(), 1);
    QCOMPARE(triggered.first().first().toString(), QStringLiteral("retry"));
    QVERIFY(m_panel->errorActions().isEmpty()); // one click, then they go

    // A newer error replaces the buttons; the next message clears them; a plain error has none.
    m_panel->addErrorWithActions(QStringLiteral("a"),
                                 {{QStringLiteral("one"), QStringLiteral("1")}});
    m_panel->addNoticeWithActions(QStringLiteral("b"),
                                  {{QStringLiteral("folder"), QStringLiteral("Show in folder")}});
    QCOMPARE(transcript->message(transcript->messageCount() - 1).role, ChatMessage::Notice);
    QCOMPARE(m_panel->errorActions(), QStringList{QStringLiteral("folder")});
    m_panel->addUserMessage(QStringLiteral("hello"));
    QVERIFY(m_panel->errorActions().isEmpty());
    m_panel->addErrorWithActions(QStringLiteral("c"), {});
    QVERIFY(m_panel->errorActions().isEmpty());
    QVERIFY(m_panel->findChild<QWidget*>(QStringLiteral("chatErrorActions"))->isHidden());
    QCOMPARE(triggered.count(), 1);
}

QTEST_MAIN(TstChatPanel)
#include "tst_chatpanel.moc"
