// The user story of the end-to-end issue, as a user performs it: generate a clip with three
// known pauses, drop it on the real MainWindow (real QDropEvent), type "cut the pauses",
// wait for the timeline to show the cut, export through the Export button, and check the
// file with ffprobe. Runs against a real clipwright-engine started by the app's Backend.
#include "Backend.h"
#include "EditorSession.h"
#include "MainWindow.h"
#include "PlatformNoise.h"
#include "TestMedia.h"
#include "TimelineView.h"

#include <QApplication>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QJsonArray>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace cw;

class TestE2eStory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The viewer plays the preview: Qt Multimedia's notes about the machine (no sound server,
    // no GPU) are not the app's warnings.
    void initTestCase() { test::dropPlatformNoise(); }
    void dropChatCutExport();

private:
    static void saveScreenshot(QWidget* window, const QString& name)
    {
        const QString dir = QStringLiteral(CLIPWRIGHT_BUILD_DIR) + QStringLiteral("/screenshots");
        QDir().mkpath(dir);
        QVERIFY(window->grab().save(dir + QLatin1Char('/') + name));
    }
};

void TestE2eStory::dropChatCutExport()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString clip = tmp.filePath(QStringLiteral("city walk.mp4"));
    QString error;
    const QJsonObject info = test::makeSpeechClip(clip, 1.5, 3, 1280, 720, &error);
    QVERIFY2(!info.isEmpty(), qPrintable(error));
    QCOMPARE(info.value(QStringLiteral("pauses")).toArray().size(), 3);
    const double sourceSeconds = info.value(QStringLiteral("duration")).toDouble();

    Backend backend;
    backend.setEngineDataDir(tmp.filePath(QStringLiteral("engine")));
    MainWindow window(&backend);
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    backend.start();
    QTRY_VERIFY_WITH_TIMEOUT(backend.isConnected() && backend.session()->isReady(), 30000);
    saveScreenshot(&window, QStringLiteral("e2e-empty.png"));

    // Drop the clip from "the file manager".
    auto* bin = window.findChild<QWidget*>(QStringLiteral("mediaBin"));
    QVERIFY(bin);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(clip)});
    const QPoint at = bin->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bin, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(bin, &drop);
    QVERIFY(drop.isAccepted());

    auto* timeline = window.findChild<TimelineView*>(QStringLiteral("timelineView"));
    QVERIFY(timeline);
    QTRY_COMPARE_WITH_TIMEOUT(timeline->segmentCount(), 1, 60000);
    const qint64 before = timeline->draft().computedDuration();
    QVERIFY(qAbs(before / 1000.0 - sourceSeconds) < 0.2);
    saveScreenshot(&window, QStringLiteral("e2e-uploaded.png"));

    // Ask for the edit in the chat, as a user types it.
    auto* input = window.findChild<QPlainTextEdit*>(QStringLiteral("chatInput"));
    QVERIFY(input);
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("cut the pauses"));
    QTest::keyClick(input, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(timeline->segmentCount(), 4, 60000);
    const qint64 after = timeline->draft().computedDuration();
    QVERIFY2(qAbs((before - after) / 1000.0 - 4.5) <= 0.5,
             qPrintable(QStringLiteral("removed %1 ms").arg(before - after)));
    QTest::qWait(300); // let the timeline's change settle before the screenshot
    saveScreenshot(&window, QStringLiteral("e2e-after-cut.png"));

    // Export through the button; the save dialog is answered by the hook.
    const QString out = tmp.filePath(QStringLiteral("export/city walk-edit.mp4"));
    QDir().mkpath(QFileInfo(out).absolutePath());
    window.setSaveFileHook([&](QWidget*, const QString&) { return out; });
    QSignalSpy finished(backend.session(), &EditorSession::exportFinished);
    QSignalSpy failed(backend.session(), &EditorSession::exportFailed);
    auto* exportButton = window.findChild<QAbstractButton*>(QStringLiteral("exportButton"));
    QVERIFY(exportButton);
    QTRY_VERIFY(exportButton->isEnabled());
    QTest::mouseClick(exportButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 300000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(0).toString()));
    QVERIFY(QFileInfo::exists(out));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral(".part")));
    saveScreenshot(&window, QStringLiteral("e2e-exported.png"));

    const QJsonObject probe = test::probe(out);
    QString videoCodec, audioCodec, profile;
    int width = 0, height = 0;
    for (const QJsonValue& s : probe.value(QStringLiteral("streams")).toArray()) {
        const QJsonObject stream = s.toObject();
        if (stream.value(QStringLiteral("codec_type")).toString() == QLatin1String("video")) {
            videoCodec = stream.value(QStringLiteral("codec_name")).toString();
            profile = stream.value(QStringLiteral("profile")).toString();
            width = stream.value(QStringLiteral("width")).toInt();
            height = stream.value(QStringLiteral("height")).toInt();
        } else if (stream.value(QStringLiteral("codec_type")).toString() ==
                   QLatin1String("audio")) {
            audioCodec = stream.value(QStringLiteral("codec_name")).toString();
        }
    }
    QCOMPARE(videoCodec, QStringLiteral("h264"));
    QCOMPARE(profile, QStringLiteral("High"));
    QCOMPARE(audioCodec, QStringLiteral("aac"));
    QCOMPARE(width, 1920);
    QCOMPARE(height, 1080);
    const double exported = probe.value(QStringLiteral("format"))
                                .toObject()
                                .value(QStringLiteral("duration"))
                                .toString()
                                .toDouble();
    QVERIFY2(
        qAbs(sourceSeconds - exported - 4.5) <= 0.5,
        qPrintable(QStringLiteral("source %1 s, export %2 s").arg(sourceSeconds).arg(exported)));
}

QTEST_MAIN(TestE2eStory)
#include "tst_e2e_story.moc"
