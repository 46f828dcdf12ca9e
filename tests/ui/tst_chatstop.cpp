// A long first analysis in the real window with the real engine: "split it at every scene
// change" on a one-minute clip shows "Finding the scene changes in pattern.mp4… N%" under the
// chat while the Stop button stands where Send was; Stop ends the turn, says so, and leaves
// the timeline as it was; asked again, the split is made. The window is saved as
// <build>/screenshots/chat-analysis-progress.png while the analysis runs.
#include "ChatPanel.h"
#include "ChatTranscript.h"
#include "EditorSession.h"
#include "EngineWindowFixture.h"
#include "PlatformNoise.h"
#include "TimelineView.h"

#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

namespace {

QString lastText(ChatPanel* chat)
{
    const ChatTranscript* t = chat->transcript();
    return t->message(t->messageCount() - 1).text;
}

} // namespace

class TstChatStop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { cw::test::dropPlatformNoise(); } // no sound server, no GPU under Xvfb
    void stopThenAgain();
};

void TstChatStop::stopThenAgain()
{
    // The analysis this test stops is the chat's own (first use): a pass started at upload
    // could finish before the request and leave nothing to stop.
    qputenv("CLIPWRIGHT_ANALYSE_AT_UPLOAD", "0");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString clip = tmp.filePath(QStringLiteral("pattern.mp4"));
    QString error;
    QVERIFY2(test::makeToneClip(clip, QStringLiteral("testsrc2"), 60, 300, &error),
             qPrintable(error));
    test::EngineWindowFixture app(tmp.filePath(QStringLiteral("engine")));
    QVERIFY2(app.start() && app.addMedia({clip}), qPrintable(app.error()));
    auto* chat = app.window().findChild<ChatPanel*>();
    auto* send = app.window().findChild<QPushButton*>(QStringLiteral("sendButton"));
    auto* stop = app.window().findChild<QPushButton*>(QStringLiteral("stopButton"));
    QVERIFY(chat && send && stop);
    const int segments = app.timeline()->draft().t.at(0).sg.size();
    QSignalSpy finished(app.backend().session(), &EditorSession::agentFinished);

    app.window().sendMessage(QStringLiteral("split it at every scene change"));
    static const QRegularExpression line(
        QStringLiteral("^Finding the scene changes in pattern\\.mp4… \\d{1,3}%$"));
    QTRY_VERIFY_WITH_TIMEOUT(line.match(chat->progressText()).hasMatch(), 30000);
    QVERIFY(stop->isVisible() && !send->isVisible());
    QVERIFY(test::saveScreenshot(&app.window(), QStringLiteral("chat-analysis-progress.png")));
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    QVERIFY(send->isVisible() && !stop->isVisible());
    QVERIFY2(lastText(chat).startsWith(QStringLiteral("Stopped.")), qPrintable(lastText(chat)));
    QCOMPARE(app.timeline()->draft().t.at(0).sg.size(), segments);

    app.window().sendMessage(QStringLiteral("split it at every scene change"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 90000);
    const QString reply = lastText(chat);
    QVERIFY2(!reply.startsWith(QStringLiteral("Stopped.")) && !reply.isEmpty(), qPrintable(reply));
}

QTEST_MAIN(TstChatStop)
#include "tst_chatstop.moc"
