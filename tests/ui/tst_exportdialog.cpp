// ExportDialog and ExportBar on their own: presets and their ids, the remembered folder and
// preset (QSettings in test mode), Browse through its hook, bad file names refused, an
// existing file never replaced without a yes from the confirm hook, and the export bar's
// time-left estimate (injected clock), Cancel, Show in folder (injected opener) and Play.
// Shorts: the "What" row appears only with shorts, names each with its length, preselects
// the one the chat chose, and "all shorts" writes NAME-1, NAME-2, ... (each checked for
// overwriting); the max file size field gives bytes, no limit by default, none for WAV. A
// screenshot of the dialog with shorts goes to $CLIPWRIGHT_SCREENSHOT_DIR when set.
#include "EngineWindowFixture.h"
#include "ExportBar.h"
#include "ExportDialog.h"
#include "ExportSettings.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace cw;

namespace {
template <typename T> T* child(QWidget* parent, const char* name)
{
    auto* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("missing child %s", name);
    return found;
}
} // namespace

class TstExportDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void presets();
    void remembersFolderAndPreset();
    void browseUsesHook();
    void refusesBadNames_data();
    void refusesBadNames();
    void neverOverwritesWithoutAsking_data();
    void neverOverwritesWithoutAsking();
    void barTimeLeft();
    void barDoneActions();
    void timeLeftText_data();
    void timeLeftText();
    void shortsChoice();
    void maxFileSize();

private:
    QTemporaryDir m_tmp;
};

void TstExportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
}

void TstExportDialog::init()
{
    QSettings().clear();
}

void TstExportDialog::presets()
{
    const QStringList ids = {"1080p", "vertical-1080", "square-1080", "720p", "4k"};
    QStringList got;
    for (const ExportPreset& preset : exportPresets()) {
        got << preset.id;
        QVERIFY(!preset.label.isEmpty());
    }
    QCOMPARE(got, ids);
    ExportDialog dialog(QStringLiteral("city"));
    auto* combo = child<QComboBox>(&dialog, "exportPreset");
    QVERIFY(combo);
    QCOMPARE(combo->count(), ids.size());
    QCOMPARE(dialog.preset(), QStringLiteral("1080p"));
    for (const char* name :
         {"exportPreset", "exportFileName", "exportFolder", "exportBrowse", "exportStart"}) {
        auto* w = child<QWidget>(&dialog, name);
        QVERIFY2(w && !w->accessibleName().isEmpty(), name);
    }
    QCOMPARE(dialog.objectName(), QStringLiteral("exportDialog"));
    QCOMPARE(child<QLineEdit>(&dialog, "exportFileName")->text(), QStringLiteral("city.mp4"));
    // A stored preset that no longer exists falls back to 1080p.
    setDefaultExportPreset(QStringLiteral("8k-imax"));
    QCOMPARE(defaultExportPreset(), QStringLiteral("1080p"));
}

void TstExportDialog::remembersFolderAndPreset()
{
    const QString folder = m_tmp.filePath(QStringLiteral("remembered"));
    QVERIFY(QDir().mkpath(folder));
    {
        ExportDialog dialog(QStringLiteral("walk.mp4"));
        dialog.show();
        auto* combo = child<QComboBox>(&dialog, "exportPreset");
        combo->setCurrentIndex(combo->findData(QStringLiteral("vertical-1080")));
        auto* folderEdit = child<QLineEdit>(&dialog, "exportFolder");
        folderEdit->clear();
        QTest::keyClicks(folderEdit, folder);
        QTest::mouseClick(child<QPushButton>(&dialog, "exportStart"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.path(), QDir(folder).filePath(QStringLiteral("walk.mp4")));
        QCOMPARE(dialog.preset(), QStringLiteral("vertical-1080"));
    }
    ExportDialog again(QStringLiteral("next"));
    QCOMPARE(again.preset(), QStringLiteral("vertical-1080"));
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(&again, "exportFolder")->text()), folder);
    QVERIFY(test::saveScreenshot(&again, QStringLiteral("export-dialog.png")));
}

void TstExportDialog::browseUsesHook()
{
    ExportDialog dialog(QStringLiteral("a"));
    QString offered;
    dialog.setBrowseHook([&](QWidget*, const QString& current) {
        offered = current;
        return m_tmp.path();
    });
    const QString before =
        QDir::fromNativeSeparators(child<QLineEdit>(&dialog, "exportFolder")->text());
    QTest::mouseClick(child<QPushButton>(&dialog, "exportBrowse"), Qt::LeftButton);
    QCOMPARE(offered, before);
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(&dialog, "exportFolder")->text()),
             m_tmp.path());
    // Cancelling the folder picker keeps the folder.
    dialog.setBrowseHook([](QWidget*, const QString&) { return QString(); });
    QTest::mouseClick(child<QPushButton>(&dialog, "exportBrowse"), Qt::LeftButton);
    QCOMPARE(QDir::fromNativeSeparators(child<QLineEdit>(&dialog, "exportFolder")->text()),
             m_tmp.path());
}

void TstExportDialog::refusesBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("plain") << "holiday" << true;
    QTest::newRow("unicode") << "城市漫步" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("spaces") << "   " << false;
    QTest::newRow("slash") << "../../etc/passwd" << false;
    QTest::newRow("colon") << "a:b" << false;
    QTest::newRow("control") << QStringLiteral("a\x01b") << false;
    QTest::newRow("dotdot") << ".." << false;
}

void TstExportDialog::refusesBadNames()
{
    QFETCH(QString, name);
    QFETCH(bool, accepted);
    setDefaultExportFolder(m_tmp.path());
    ExportDialog dialog(QStringLiteral("x"));
    dialog.show();
    auto* edit = child<QLineEdit>(&dialog, "exportFileName");
    edit->setText(name);
    auto* start = child<QPushButton>(&dialog, "exportStart");
    QCOMPARE(start->isEnabled(), accepted);
    dialog.accept();
    QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
    if (!accepted)
        QVERIFY(!child<QLabel>(&dialog, "exportProblem")->text().isEmpty());
    else
        QVERIFY(dialog.path().endsWith(QLatin1String(".mp4")));
}

void TstExportDialog::neverOverwritesWithoutAsking_data()
{
    QTest::addColumn<bool>("exists");
    QTest::addColumn<bool>("answer");
    QTest::addColumn<bool>("asked");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("new file") << false << false << false << true;
    QTest::newRow("exists, keep") << true << false << true << false;
    QTest::newRow("exists, replace") << true << true << true << true;
}

void TstExportDialog::neverOverwritesWithoutAsking()
{
    QFETCH(bool, exists);
    QFETCH(bool, answer);
    QFETCH(bool, asked);
    QFETCH(bool, accepted);
    const QString target = m_tmp.filePath(QStringLiteral("existing.mp4"));
    QFile::remove(target);
    if (exists) {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("old export");
    }
    setDefaultExportFolder(m_tmp.path());
    ExportDialog dialog(QStringLiteral("existing"));
    dialog.show();
    int questions = 0;
    QString askedFor;
    dialog.setConfirmOverwriteHook([&](QWidget*, const QString& path) {
        ++questions;
        askedFor = path;
        return answer;
    });
    QTest::mouseClick(child<QPushButton>(&dialog, "exportStart"), Qt::LeftButton);
    QCOMPARE(questions, asked ? 1 : 0);
    if (asked)
        QCOMPARE(askedFor, target);
    QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
    QCOMPARE(dialog.isVisible(), !accepted);
    if (exists) {
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("old export")); // the dialog itself never writes
    }
    // A folder under the target name is refused, never "replaced".
    QVERIFY(QDir().mkpath(m_tmp.filePath(QStringLiteral("dir.mp4"))));
    ExportDialog onDir(QStringLiteral("dir.mp4"));
    onDir.setConfirmOverwriteHook([](QWidget*, const QString&) { return true; });
    onDir.accept();
    QVERIFY(onDir.result() != QDialog::Accepted);
}

void TstExportDialog::barTimeLeft()
{
    ExportBar bar;
    qint64 clock = 1000;
    bar.setClock([&] { return clock; });
    QSignalSpy cancel(&bar, &ExportBar::cancelRequested);
    bar.start();
    QVERIFY(bar.isVisibleTo(nullptr) || !bar.isHidden());
    QCOMPARE(bar.secondsLeft(), qint64(-1));
    clock += 10000;
    bar.setProgress(25, QStringLiteral("rendering"));
    QCOMPARE(bar.secondsLeft(), qint64(30)); // 10 s for 25 %: 30 s for the rest
    QVERIFY(child<QLabel>(&bar, "exportTimeLeft")->text().contains(QLatin1String("30")));
    QVERIFY(bar.progressBar()->text().contains(QLatin1String("25")));
    clock += 30000;
    bar.setProgress(50, QStringLiteral("rendering")); // slower: 40 s for 50 %
    QCOMPARE(bar.secondsLeft(), qint64(40));
    bar.setProgress(150, QString()); // hostile values are clamped
    QCOMPARE(bar.progressBar()->value(), 100);
    QCOMPARE(bar.secondsLeft(), qint64(-1));
    bar.setProgress(-4, QString());
    QCOMPARE(bar.progressBar()->value(), 0);
    QTest::mouseClick(child<QToolButton>(&bar, "cancelExportButton"), Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    bar.finish();
    QVERIFY(bar.isHidden());
}

void TstExportDialog::barDoneActions()
{
    QWidget window;
    auto* bar = new ExportBar(&window);
    window.resize(600, 40);
    window.show();
    QList<QUrl> opened;
    bar->setOpenUrlHook([&](const QUrl& url) { opened << url; });
    QSignalSpy play(bar, &ExportBar::playRequested);
    bar->start();
    auto* showInFolder = child<QToolButton>(bar, "showInFolderButton");
    auto* playButton = child<QToolButton>(bar, "playExportButton");
    QVERIFY(showInFolder && playButton);
    QVERIFY(!showInFolder->isVisible());
    const QString path = m_tmp.filePath(QStringLiteral("out/final.mp4"));
    bar->finishWith(path);
    QVERIFY(showInFolder->isVisible());
    QVERIFY(playButton->isVisible());
    QVERIFY(!child<QToolButton>(bar, "cancelExportButton")->isVisible());
    QVERIFY(!showInFolder->accessibleName().isEmpty());
    QVERIFY(test::saveScreenshot(&window, QStringLiteral("export-done-bar.png")));
    QTest::mouseClick(showInFolder, Qt::LeftButton);
    QCOMPARE(opened, QList<QUrl>{QUrl::fromLocalFile(m_tmp.filePath(QStringLiteral("out")))});
    QTest::mouseClick(playButton, Qt::LeftButton);
    QCOMPARE(play.count(), 1);
    QCOMPARE(play.first().first().toString(), path);
    QTest::mouseClick(child<QToolButton>(bar, "dismissExportButton"), Qt::LeftButton);
    QVERIFY(bar->isHidden());
}

void TstExportDialog::timeLeftText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("unknown") << qint64(-1) << QString();
    QTest::newRow("zero") << qint64(0) << "about 1 s left";
    QTest::newRow("seconds") << qint64(42) << "about 42 s left";
    QTest::newRow("minutes") << qint64(150) << "about 3 min left";
    QTest::newRow("hours") << qint64(3 * 3600 + 600) << "about 3 h 10 min left";
}

void TstExportDialog::timeLeftText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(ExportBar::formatTimeLeft(seconds), text);
}

void TstExportDialog::shortsChoice()
{
    setDefaultExportFolder(m_tmp.path());
    ExportDialog dialog(QStringLiteral("talk"));
    dialog.show();
    auto* what = child<QComboBox>(&dialog, "exportWhat");
    QVERIFY(what);
    QVERIFY(!what->isVisible()); // no shorts: the edit only
    QCOMPARE(dialog.shortChoice(), 0);
    QCOMPARE(dialog.paths(), QStringList{dialog.path()});

    dialog.setShorts({29500, 30000, 27600}, 2);
    QTRY_VERIFY(what->isVisible());
    QCOMPARE(what->count(), 5); // the edit, 3 shorts, all
    QCOMPARE(what->itemText(1), QStringLiteral("Short 1 (0:30)"));
    QCOMPARE(what->itemText(3), QStringLiteral("Short 3 (0:28)"));
    QCOMPARE(dialog.shortChoice(), 2);
    QCOMPARE(dialog.paths(), QStringList{m_tmp.filePath("talk.mp4")});
    what->setCurrentIndex(what->count() - 1);
    QCOMPARE(dialog.shortChoice(), int(ExportDialog::kAllShorts));
    QCOMPARE(dialog.paths(),
             (QStringList{m_tmp.filePath("talk-1.mp4"), m_tmp.filePath("talk-2.mp4"),
                          m_tmp.filePath("talk-3.mp4")}));
    auto* files = child<QLabel>(&dialog, "exportFiles");
    QVERIFY(files);
    QTRY_VERIFY(files->isVisible());
    QCOMPARE(files->text(), QStringLiteral("Writes 3 files: talk-1.mp4, talk-2.mp4, talk-3.mp4"));
    child<QComboBox>(&dialog, "exportFormat")->setCurrentIndex(1); // MOV: the names follow
    QCOMPARE(files->text(), QStringLiteral("Writes 3 files: talk-1.mov, talk-2.mov, talk-3.mov"));
    child<QComboBox>(&dialog, "exportFormat")->setCurrentIndex(0);
    what->setCurrentIndex(1);
    QVERIFY(!files->isVisible()); // one short: one file, the name field says it
    what->setCurrentIndex(what->count() - 1);
    if (const QString dir = qEnvironmentVariable("CLIPWRIGHT_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QSpinBox* size = child<QSpinBox>(&dialog, "exportMaxSize");
        size->setValue(50);
        QTest::qWait(50);
        QVERIFY(dialog.grab().save(QDir(dir).filePath("export-shorts.png")));
        size->setValue(0);
    }

    // All shorts: a file that exists among them is asked about; "no" keeps the dialog open.
    {
        QFile old(m_tmp.filePath("talk-2.mp4"));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    QStringList asked;
    dialog.setConfirmOverwriteHook([&](QWidget*, const QString& path) {
        asked << path;
        return false;
    });
    dialog.accept();
    QCOMPARE(asked, QStringList{m_tmp.filePath("talk-2.mp4")});
    QVERIFY(dialog.isVisible());
    QFile::remove(m_tmp.filePath("talk-2.mp4"));

    // Shorts taken away (the chat removed them): the row hides again.
    dialog.setShorts({});
    QTRY_VERIFY(!what->isVisible());
    QCOMPARE(dialog.shortChoice(), 0);
    // One short: no "all" entry.
    dialog.setShorts({12000});
    QCOMPARE(what->count(), 2);
}

void TstExportDialog::maxFileSize()
{
    ExportDialog dialog(QStringLiteral("talk"));
    auto* size = child<QSpinBox>(&dialog, "exportMaxSize");
    QVERIFY(size);
    QCOMPARE(dialog.maxBytes(), qint64(0));
    QCOMPARE(size->text(), QStringLiteral("No limit"));
    size->setValue(50);
    QCOMPARE(dialog.maxBytes(), qint64(50000000));
    // WhatsApp's 16 MB said in the chat, never rounded up over it.
    dialog.suggestMaxBytes(16500000);
    QCOMPARE(dialog.maxBytes(), qint64(16000000));
    // WAV cannot be sized.
    auto* format = child<QComboBox>(&dialog, "exportFormat");
    format->setCurrentIndex(format->findData(QStringLiteral("wav")));
    QVERIFY(!size->isEnabled());
    QCOMPARE(dialog.maxBytes(), qint64(0));
    format->setCurrentIndex(format->findData(QStringLiteral("gif")));
    QVERIFY(size->isEnabled());
    QCOMPARE(dialog.maxBytes(), qint64(16000000));
}

QTEST_MAIN(TstExportDialog)
#include "tst_exportdialog.moc"
