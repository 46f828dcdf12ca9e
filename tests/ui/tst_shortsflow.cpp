// Shorts in the real window against the real local engine: "make 2 vertical shorts of 10
// seconds" typed in the chat, then "export short 2"; the Export dialog then shows its "What"
// row on Short 2, "All 2 shorts" with a 5 MB limit writes NAME-1.mp4 and NAME-2.mp4 one after
// the other through the export queue, each the length of its short (core shortDraft), 9:16
// and under the limit (ffprobe, file size). Screenshot: export-shorts-window.png.
#include "Backend.h"
#include "EditorSession.h"
#include "EngineWindowFixture.h"
#include "ExportDialog.h"
#include "MainWindow.h"
#include "PlatformNoise.h"
#include "Shorts.h"
#include "TestMedia.h"

#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

namespace {
// Where saveScreenshot writes (<build>/screenshots).
QString binDirScreenshots()
{
    const QString dir = QCoreApplication::applicationDirPath() + QStringLiteral("/../screenshots");
    QDir().mkpath(dir);
    return dir;
}
} // namespace

class TstShortsFlow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        cw::test::dropPlatformNoise();
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void allShortsThroughTheWindow()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString clip = tmp.filePath(QStringLiteral("talk.mp4"));
        QString error;
        const QJsonObject info =
            test::makeSpeechClipWithPauses(clip, QList<double>(12, 0.7), 640, 360, &error);
        QVERIFY2(!info.isEmpty(), qPrintable(error));
        test::EngineWindowFixture app(tmp.filePath(QStringLiteral("engine")));
        QVERIFY2(app.start() && app.addMedia({clip}), qPrintable(app.error()));
        EditorSession* session = app.backend().session();

        app.window().sendMessage(QStringLiteral("make 2 vertical shorts of 10 seconds"));
        QTRY_VERIFY_WITH_TIMEOUT(shortsOf(session->draft()).size() == 2, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isAgentBusy(), 30000);
        app.window().sendMessage(QStringLiteral("export short 2"));
        QTRY_VERIFY_WITH_TIMEOUT(session->draft()
                                         .m.value(QLatin1String("export"))
                                         .toObject()
                                         .value(QLatin1String("short"))
                                         .toInt() == 2,
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isAgentBusy(), 30000);

        ExportDialog* dialog = app.openExportDialog();
        QVERIFY2(dialog, qPrintable(app.error()));
        auto* what = dialog->findChild<QComboBox*>(QStringLiteral("exportWhat"));
        QVERIFY(what && what->isVisible());
        QCOMPARE(dialog->shortChoice(), 2); // the one the chat chose
        what->setCurrentIndex(what->findData(ExportDialog::kAllShorts));
        dialog->findChild<QSpinBox*>(QStringLiteral("exportMaxSize"))->setValue(5);
        dialog->findChild<QLineEdit*>(QStringLiteral("exportFileName"))->setText("clip");
        dialog->findChild<QLineEdit*>(QStringLiteral("exportFolder"))->setText(tmp.path());
        QVERIFY(test::saveScreenshot(dialog, QStringLiteral("export-shorts.png")));
        // The whole screen: the window with the dialog over it, as the user sees them.
        QTest::qWait(300);
        const QString dir = QFileInfo(binDirScreenshots()).absoluteFilePath();
        QVERIFY(QGuiApplication::primaryScreen()->grabWindow(0).save(
            QDir(dir).filePath(QStringLiteral("export-shorts-window.png"))));

        QSignalSpy finished(session, &EditorSession::exportFinished);
        QSignalSpy failed(session, &EditorSession::exportFailed);
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("exportStart")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 2 || failed.count() > 0, 240000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        for (int n = 1; n <= 2; ++n) {
            const QString out = tmp.filePath(QStringLiteral("clip-%1.mp4").arg(n));
            QCOMPARE(finished.at(n - 1).first().toString(), out);
            const std::optional<Draft> one = shortDraft(session->draft(), n);
            QVERIFY(one);
            const QJsonObject probe = test::probe(out);
            const double s = probe["format"].toObject()["duration"].toString().toDouble();
            QVERIFY2(
                std::abs(s * 1000 - double(one->computedDuration())) <= 100,
                qPrintable(
                    QString("%1: %2 s, short %3 ms").arg(out).arg(s).arg(one->computedDuration())));
            int w = 0, h = 0;
            for (const QJsonValue& st : probe["streams"].toArray())
                if (st["codec_type"].toString() == "video") {
                    w = st["width"].toInt();
                    h = st["height"].toInt();
                }
            QVERIFY2(w > 0 && std::abs(double(h) / w - 16.0 / 9.0) < 0.02,
                     qPrintable(QString("%1x%2").arg(w).arg(h)));
            QVERIFY2(QFileInfo(out).size() <= 5000000,
                     qPrintable(QString::number(QFileInfo(out).size())));
        }
        QSettings().clear();
    }
};

QTEST_MAIN(TstShortsFlow)
#include "tst_shortsflow.moc"
