// The export workflow in the real window against a real local engine: the Export button
// opens the export dialog (no save hook set), an existing file is kept until the user says
// "replace", the chosen preset reaches the engine (720p output), the status bar shows the
// running job, and when done "Show in folder" opens the folder (hook) and "Play" loads the
// result in the preview. Also: Delete on the second clip goes to the agent as
// "delete clip 2" and the engine's new draft comes back to the timeline.
#include "Backend.h"
#include "EditorSession.h"
#include "EngineWindowFixture.h"
#include "ExportBar.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "PlatformNoise.h"
#include "PreviewPane.h"
#include "TestMedia.h"
#include "TimelineView.h"

#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace cw;

class TstExportFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { cw::test::dropPlatformNoise(); }
    void exportThroughDialog();
};

void TstExportFlow::exportThroughDialog()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString clip = tmp.filePath(QStringLiteral("bars.mp4"));
    const QString clip2 = tmp.filePath(QStringLiteral("tone.mp4"));
    QString error;
    QVERIFY2(test::makeToneClip(clip, QStringLiteral("testsrc2"), 2, 440, &error),
             qPrintable(error));
    QVERIFY2(test::makeToneClip(clip2, QStringLiteral("testsrc"), 1, 660, &error),
             qPrintable(error));

    test::EngineWindowFixture app(tmp.filePath(QStringLiteral("engine")));
    QVERIFY2(app.start() && app.addMedia({clip, clip2}), qPrintable(app.error()));
    Backend& backend = app.backend();
    MainWindow& window = app.window();
    TimelineView* timeline = app.timeline();

    // An older export with the same name: the dialog asks, "no" keeps the dialog open.
    const QString out = tmp.filePath(QStringLiteral("flow.mp4"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    QStringList asked;
    bool replace = false;
    window.setConfirmOverwriteHook([&](QWidget*, const QString& path) {
        asked << path;
        return replace;
    });
    ExportDialog* dialog = app.openExportDialog();
    QVERIFY2(dialog, qPrintable(app.error()));
    auto* preset = dialog->findChild<QComboBox*>(QStringLiteral("exportPreset"));
    preset->setCurrentIndex(preset->findData(QStringLiteral("720p")));
    dialog->findChild<QLineEdit*>(QStringLiteral("exportFileName"))->setText("flow");
    dialog->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(tmp.path());
    auto* start = dialog->findChild<QPushButton*>(QStringLiteral("exportStart"));
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(asked, QStringList{out});
    QVERIFY(dialog->isVisible());
    QVERIFY(!backend.session()->isExporting());

    QSignalSpy finished(backend.session(), &EditorSession::exportFinished);
    QSignalSpy failed(backend.session(), &EditorSession::exportFailed);
    replace = true;
    QTest::mouseClick(start, Qt::LeftButton);
    QCOMPARE(asked.size(), 2);
    QTRY_VERIFY(!window.findChild<ExportDialog*>(QStringLiteral("exportDialog")));
    auto* jobs = window.findChild<QLabel*>(QStringLiteral("jobsStatus"));
    QVERIFY2(jobs->text().startsWith(QLatin1String("1 job")), qPrintable(jobs->text()));
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() + failed.count() > 0, 120000);
    QVERIFY2(failed.isEmpty(),
             failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    QCOMPARE(finished.first().first().toString(), out);
    QCOMPARE(jobs->text(), QStringLiteral("No jobs running"));

    const QJsonObject probe = test::probe(out);
    int height = 0;
    for (const QJsonValue& stream : probe.value(QStringLiteral("streams")).toArray())
        if (stream.toObject().value(QStringLiteral("codec_type")).toString() == "video")
            height = stream.toObject().value(QStringLiteral("height")).toInt();
    QCOMPARE(height, 720); // the dialog's preset reached the engine

    // Done: Show in folder and Play.
    ExportBar* bar = window.exportBar();
    QList<QUrl> opened;
    bar->setOpenUrlHook([&](const QUrl& url) { opened << url; });
    auto* show = bar->findChild<QToolButton*>(QStringLiteral("showInFolderButton"));
    auto* play = bar->findChild<QToolButton*>(QStringLiteral("playExportButton"));
    QTRY_VERIFY(show->isVisible() && play->isVisible());
    QVERIFY(test::saveScreenshot(&window, QStringLiteral("export-done.png")));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(tmp.path())});
    window.previewPane()->setSource(QUrl::fromLocalFile(clip));
    QTest::mouseClick(play, Qt::LeftButton);
    QCOMPARE(window.previewPane()->source(), QUrl::fromLocalFile(out));
    // While the export plays, the preview drives the playhead; a source clip does not.
    window.previewPane()->stop();
    QTest::qWait(50);
    Q_EMIT window.previewPane()->positionChanged(1200);
    QCOMPARE(timeline->playheadMs(), qint64(1200));
    const QString first = timeline->draft().t.at(0).sg.at(0).m.value("name").toString();
    QTest::mouseClick(timeline, Qt::LeftButton, {},
                      timeline->layout().segmentRect(0, 0).center().toPoint());
    QCOMPARE(window.previewPane()->source().fileName(), first); // the clicked clip's source
    const qint64 clicked = timeline->playheadMs(); // the click moved the playhead there
    Q_EMIT window.previewPane()->positionChanged(300);
    QCOMPARE(timeline->playheadMs(), clicked);

    // Delete on the selected clip is an instruction to the agent, not a local edit.
    QSignalSpy agent(backend.session(), &EditorSession::agentStarted);
    const QString firstName = timeline->draft().t.at(0).sg.at(0).m.value("name").toString();
    QTest::mouseClick(timeline, Qt::LeftButton, {},
                      timeline->layout().segmentRect(0, 1).center().toPoint());
    QTest::keyClick(timeline, Qt::Key_Delete);
    QCOMPARE(timeline->segmentCount(), 2); // nothing changes until the engine answers
    QTRY_VERIFY_WITH_TIMEOUT(agent.count() == 1, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!backend.session()->isAgentBusy(), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(timeline->segmentCount(), 1, 10000); // the engine's new draft
    QCOMPARE(timeline->draft().t.at(0).sg.at(0).m.value("name").toString(), firstName);
}

QTEST_MAIN(TstExportFlow)
#include "tst_exportflow.moc"
