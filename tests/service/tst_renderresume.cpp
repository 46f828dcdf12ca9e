// No job or edit lost (issue 4): a render in flight is recorded in the RenderJournal, and a
// new EditorSession on the same session picks it up. Two rows: the app restarts while the
// engine keeps rendering (the job is resumed and downloaded), and the engine is killed with
// SIGKILL mid-render and restarted on the same data dir (the job ends as failed with a clear
// message). In both the draft the new session reads is the one the old session had.
#include "EditorSession.h"
#include "EngineFixture.h"
#include "RenderJournal.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace cw;
using namespace cw::test;

class TestRenderResume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void resumeAfterRestart_data();
    void resumeAfterRestart();
    void journalFile();

private:
    QTemporaryDir m_tmp;
    QString m_clip;
};

void TestRenderResume::initTestCase()
{
    m_clip = m_tmp.filePath(QStringLiteral("speech.mp4"));
    QString error;
    QVERIFY2(!makeSpeechClip(m_clip, 1.5, 3, 640, 360, &error).isEmpty(), qPrintable(error));
}

void TestRenderResume::resumeAfterRestart_data()
{
    QTest::addColumn<bool>("killEngine");
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("x264");
    QTest::newRow("app restarts, engine keeps rendering") << false << "720p"
                                                          << "ultrafast";
    QTest::newRow("engine killed mid-render") << true << "4k"
                                              << "medium";
}

void TestRenderResume::resumeAfterRestart()
{
    QFETCH(bool, killEngine);
    QFETCH(QString, preset);
    QFETCH(QString, x264);
    QTemporaryDir dir;
    const QString journalPath = dir.filePath(QStringLiteral("render-jobs.json"));
    const QString dest = dir.filePath(QStringLiteral("out.mp4"));

    EngineFixture f;
    f.engine.setDataDir(dir.filePath(QStringLiteral("engine")));
    f.engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), x264);
    QVERIFY2(f.start(), qPrintable(f.error));

    auto first = std::make_unique<EditorSession>(f.api.get());
    first->setRenderJournalPath(journalPath);
    first->setRenderPollInterval(100);
    QSignalSpy ready(first.get(), &EditorSession::ready);
    QSignalSpy uploaded(first.get(), &EditorSession::uploadFinished);
    first->start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), 10000);
    first->upload({m_clip});
    QTRY_VERIFY_WITH_TIMEOUT(!uploaded.isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(first->draft().isExportable(), 10000);
    QSignalSpy cut(first.get(), &EditorSession::agentFinished);
    first->sendMessage(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(cut.size(), 1, 30000);
    const QString sid = first->sessionId();
    const QByteArray draftBefore = QJsonDocument(first->draft().toJson()).toJson();

    QSignalSpy progress(first.get(), &EditorSession::exportProgress);
    first->exportVideo(dest, preset);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 20000); // the job was accepted
    QVERIFY(RenderJournal(journalPath).find(sid).has_value());
    if (killEngine) {
        f.engine.kill(); // SIGKILL, no event loop runs before the session goes away
        QVERIFY(!f.engine.isRunning());
    }
    first.reset(); // the app dies (its destructor does not end the export)
    QVERIFY(RenderJournal(journalPath).find(sid).has_value());

    if (killEngine) {
        QVERIFY2(f.start(), qPrintable(f.error)); // same data dir and token
    }
    EditorSession second(f.api.get());
    second.setRenderJournalPath(journalPath);
    second.setRenderPollInterval(100);
    QSignalSpy ready2(&second, &EditorSession::ready);
    QSignalSpy errors(&second, &EditorSession::errorOccurred);
    second.open(sid);
    QTRY_VERIFY_WITH_TIMEOUT(!ready2.isEmpty() || !errors.isEmpty(), 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QCOMPARE(second.sessionId(), sid);
    QCOMPARE(QJsonDocument(second.draft().toJson()).toJson(), draftBefore);

    QSignalSpy resumed(&second, &EditorSession::exportResumed);
    QSignalSpy finished(&second, &EditorSession::exportFinished);
    QSignalSpy failed(&second, &EditorSession::exportFailed);
    QVERIFY(second.resumeExport());
    QCOMPARE(resumed.size(), 1);
    QVERIFY(second.isExporting());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
    QVERIFY(!second.isExporting());
    if (killEngine) {
        QVERIFY(finished.isEmpty());
        const QString message = failed.first().first().toString();
        qInfo("after the engine was killed: %s", qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("export"), Qt::CaseInsensitive),
                 qPrintable(message));
        QVERIFY(!QFile::exists(dest));
    } else {
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QCOMPARE(finished.first().first().toString(), QFileInfo(dest).absoluteFilePath());
        QVERIFY(QFileInfo(dest).size() > 1000);
        QCOMPARE(probe(dest).value(QStringLiteral("format")).toObject().isEmpty(), false);
    }
    QVERIFY(!QFile::exists(dest + QStringLiteral(".part")));
    QVERIFY(!RenderJournal(journalPath).find(sid).has_value()); // the job is closed
    QVERIFY(!second.resumeExport());
    // The draft survived the restart and the export.
    QCOMPARE(QJsonDocument(second.draft().toJson()).toJson(), draftBefore);
}

void TestRenderResume::journalFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/jobs.json"));
    RenderJournal journal(path);
    QVERIFY(!journal.find(QStringLiteral("s1")));
    QVERIFY(journal.record({QStringLiteral("s1"), QStringLiteral("r1"), QStringLiteral("/a.mp4"),
                            QStringLiteral("1080p")}));
    QVERIFY(journal.record({QStringLiteral("s2"), QStringLiteral("r2"), QStringLiteral("/b.mp4"),
                            QStringLiteral("720p")}));
    QVERIFY(journal.record({QStringLiteral("s1"), QStringLiteral("r3"), QStringLiteral("/c.mp4"),
                            QStringLiteral("4k")}));
    QCOMPARE(RenderJournal(path).find(QStringLiteral("s1"))->renderId, QStringLiteral("r3"));
    QCOMPARE(RenderJournal(path).find(QStringLiteral("s2"))->destination, QStringLiteral("/b.mp4"));
    QVERIFY(journal.remove(QStringLiteral("s1")));
    QVERIFY(!journal.find(QStringLiteral("s1")));
    QVERIFY(journal.find(QStringLiteral("s2")));
    // A damaged journal counts as empty instead of blocking exports.
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{not json[");
    file.close();
    QVERIFY(!journal.find(QStringLiteral("s2")));
    QVERIFY(journal.record({QStringLiteral("s4"), QStringLiteral("r4"), QStringLiteral("/d.mp4"),
                            QStringLiteral("1080p")}));
    QVERIFY(journal.find(QStringLiteral("s4")));
}

QTEST_GUILESS_MAIN(TestRenderResume)
#include "tst_renderresume.moc"
