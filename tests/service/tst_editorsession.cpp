// EditorSession end to end against the real engine: client-side refusals (no request made),
// a real upload with progress, "cut the pauses" and "undo" through the agent stream, routed
// messages answered without /run_sse, export with progress to a real 1080p MP4, and a
// cancelled export that leaves nothing behind. The cases run in order on one session.
#include "EditorSession.h"
#include "EngineFixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <unistd.h>

using namespace cw;
using namespace cw::test;

class TestEditorSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void refusesBadFilesWithoutRequest_data();
    void refusesBadFilesWithoutRequest();
    void uploadsClip();
    void uploadsFolder();
    void cutPauses();
    void undo();
    void routedMessages_data();
    void routedMessages();
    void exportVideo();
    void cancelExport();

private:
    QStringList runSse() const;
    EngineFixture* m_f = nullptr;
    EditorSession* m_session = nullptr;
    QSignalSpy* m_requests = nullptr;
    QTemporaryDir m_tmp;
    QString m_clip;
    qint64 m_fullMs = 0;
};

QStringList TestEditorSession::runSse() const
{
    QStringList out;
    for (const auto& args : *m_requests)
        if (args.first().toString() == QLatin1String("POST /run_sse"))
            out << args.first().toString();
    return out;
}

void TestEditorSession::initTestCase()
{
    m_clip = m_tmp.filePath(QStringLiteral("speech.mp4"));
    QString error;
    QVERIFY2(!makeSpeechClip(m_clip, 1.5, 3, 640, 360, &error).isEmpty(), qPrintable(error));
    m_f = new EngineFixture;
    m_f->engine.setEnv(QStringLiteral("CLIPWRIGHT_X264_PRESET"), QStringLiteral("ultrafast"));
    QVERIFY2(m_f->start(), qPrintable(m_f->error));
    m_session = new EditorSession(m_f->api.get());
    m_session->setRenderPollInterval(200);
    m_requests = new QSignalSpy(m_f->api.get(), &ApiClient::requestStarted);
    QSignalSpy ready(m_session, &EditorSession::ready);
    QSignalSpy errors(m_session, &EditorSession::errorOccurred);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !errors.isEmpty(), 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QVERIFY(m_session->isReady());
    QVERIFY(!m_session->sessionId().isEmpty());
}

void TestEditorSession::cleanupTestCase()
{
    delete m_requests;
    delete m_session;
    delete m_f;
}

void TestEditorSession::refusesBadFilesWithoutRequest_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expected"); // part of the reason
    QTest::newRow("text file") << "txt" << QStringLiteral("not a supported file type");
    QTest::newRow("sparse 501 MiB") << "big" << QStringLiteral("larger than 500 MB");
    QTest::newRow("missing") << "missing" << QStringLiteral("does not exist");
    QTest::newRow("empty") << "empty" << QStringLiteral("is empty");
    QTest::newRow("folder without media") << "folder" << QStringLiteral("has no files");
    QTest::newRow("unreadable") << "unreadable" << QStringLiteral("cannot be read");
}

void TestEditorSession::refusesBadFilesWithoutRequest()
{
    QFETCH(QString, kind);
    QFETCH(QString, expected);
    QString path;
    if (kind == QLatin1String("txt")) {
        path = m_tmp.filePath(QStringLiteral("notes.txt"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("cut the pauses");
    } else if (kind == QLatin1String("big")) {
        path = m_tmp.filePath(QStringLiteral("huge.mp4"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(501LL * 1024 * 1024)); // sparse: no disk used
    } else if (kind == QLatin1String("missing")) {
        path = m_tmp.filePath(QStringLiteral("gone.mp4"));
    } else if (kind == QLatin1String("empty")) {
        path = m_tmp.filePath(QStringLiteral("empty.mov"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
    } else if (kind == QLatin1String("folder")) {
        path = m_tmp.filePath(QStringLiteral("docs"));
        QVERIFY(QDir().mkpath(path));
        QFile f(path + QStringLiteral("/readme.txt"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
    } else {
        if (::geteuid() == 0)
            QSKIP("root can read any file");
        path = m_tmp.filePath(QStringLiteral("locked.mp4"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x");
        f.close();
        QVERIFY(f.setPermissions(QFile::WriteOwner));
    }
    m_requests->clear();
    QSignalSpy failed(m_session, &EditorSession::uploadFailed);
    QSignalSpy started(m_session, &EditorSession::uploadStarted);
    m_session->upload({path});
    QCOMPARE(failed.size(), 1); // synchronous: nothing was sent
    const QString reason = failed.first().at(1).toString();
    QVERIFY2(reason.contains(expected), qPrintable(reason));
    QCOMPARE(failed.first().at(0).toString(), QFileInfo(path).fileName());
    QTest::qWait(50);
    QCOMPARE(started.size(), 0);
    QCOMPARE(m_requests->size(), 0);
}

void TestEditorSession::uploadsClip()
{
    QSignalSpy started(m_session, &EditorSession::uploadStarted);
    QSignalSpy progress(m_session, &EditorSession::uploadProgress);
    QSignalSpy finished(m_session, &EditorSession::uploadFinished);
    QSignalSpy failed(m_session, &EditorSession::uploadFailed);
    QSignalSpy draft(m_session, &EditorSession::draftChanged);
    m_session->upload({m_clip});
    QTRY_VERIFY_WITH_TIMEOUT(!draft.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QCOMPARE(started.size(), 1);
    QCOMPARE(started.first().first().toString(), QStringLiteral("speech.mp4"));
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), progress.last().at(2).toLongLong());
    QVERIFY(progress.last().at(2).toLongLong() > QFileInfo(m_clip).size());
    QCOMPARE(finished.size(), 1);
    const auto item = finished.first().first().value<MediaItem>();
    QVERIFY(!item.id.isEmpty());
    QCOMPARE(item.fileName, QStringLiteral("speech.mp4"));
    QCOMPARE(item.kind, QStringLiteral("video"));
    QCOMPARE(item.width, 640);
    QVERIFY2(item.durationMs > 15000 && item.durationMs < 20000,
             qPrintable(QString::number(item.durationMs)));
    QCOMPARE(m_session->media().size(), 1);

    const Draft d = m_session->draft();
    QVERIFY(d.isExportable());
    m_fullMs = d.computedDuration();
    QVERIFY(qAbs(m_fullMs - item.durationMs) < 200);
}

void TestEditorSession::uploadsFolder()
{
    const QString folder = m_tmp.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/sub")));
    QString error;
    QVERIFY2(runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                        QStringLiteral("sine=frequency=330:duration=1"),
                        folder + QStringLiteral("/sub/tone.wav")},
                       &error),
             qPrintable(error));
    QFile notes(folder + QStringLiteral("/notes.txt"));
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("x");
    notes.close();

    QSignalSpy finished(m_session, &EditorSession::uploadFinished);
    QSignalSpy failed(m_session, &EditorSession::uploadFailed);
    QSignalSpy media(m_session, &EditorSession::mediaChanged);
    m_session->upload({folder});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(failed.isEmpty()); // the .txt in a folder is skipped, not an error
    const auto item = finished.first().first().value<MediaItem>();
    QCOMPARE(item.fileName, QStringLiteral("tone.wav"));
    QCOMPARE(item.kind, QStringLiteral("audio"));
    QVERIFY(!media.isEmpty());
    QTRY_COMPARE(m_session->media().size(), 2);
    QTest::qWait(300); // the refresh after the queue drained
    m_fullMs = m_session->draft().computedDuration();
}

void TestEditorSession::cutPauses()
{
    QVERIFY(m_fullMs > 0);
    m_requests->clear();
    QSignalSpy startedSpy(m_session, &EditorSession::agentStarted);
    QSignalSpy progress(m_session, &EditorSession::agentProgress);
    QSignalSpy text(m_session, &EditorSession::agentText);
    QSignalSpy draft(m_session, &EditorSession::draftChanged);
    QSignalSpy finished(m_session, &EditorSession::agentFinished);
    QSignalSpy errors(m_session, &EditorSession::errorOccurred);
    m_session->sendMessage(QStringLiteral("cut the pauses"));
    QCOMPARE(startedSpy.size(), 1);
    QVERIFY(m_session->isAgentBusy());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QVERIFY(!m_session->isAgentBusy());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.first().first().toString(), QStringLiteral("Cutting pauses…"));
    QVERIFY(!text.isEmpty());
    QCOMPARE(text.last().at(1).toBool(), false);
    QVERIFY(!text.last().first().toString().isEmpty());
    QCOMPARE(draft.size(), 1);
    const qint64 after = draft.first().first().value<Draft>().computedDuration();
    const qint64 saved = m_fullMs - after;
    QVERIFY2(saved > 3500 && saved < 5800,
             qPrintable(QStringLiteral("%1 -> %2").arg(m_fullMs).arg(after)));
    QCOMPARE(m_session->draft().computedDuration(), after);
    QCOMPARE(runSse().size(), 1);
}

void TestEditorSession::undo()
{
    QSignalSpy draft(m_session, &EditorSession::draftChanged);
    QSignalSpy finished(m_session, &EditorSession::agentFinished);
    QSignalSpy progress(m_session, &EditorSession::agentProgress);
    m_session->sendMessage(QStringLiteral("undo"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(draft.size(), 1);
    QCOMPARE(m_session->draft().computedDuration(), m_fullMs);
    QCOMPARE(progress.value(0).value(0).toString(), QStringLiteral("Undoing…"));
}

void TestEditorSession::routedMessages_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("reply"); // empty: the draft summary
    QTest::addColumn<bool>("exportRequested");
    QTest::newRow("show tracks") << "show tracks" << QString() << false;
    QTest::newRow("状态") << QStringLiteral("查看状态") << QString() << false;
    QTest::newRow("credits") << "how many credits do I have?"
                             << QStringLiteral("The local engine has no credit limit.") << false;
    QTest::newRow("export") << "export the video please" << QString() << true;
}

void TestEditorSession::routedMessages()
{
    QFETCH(QString, message);
    QFETCH(QString, reply);
    QFETCH(bool, exportRequested);
    m_requests->clear();
    QSignalSpy text(m_session, &EditorSession::agentText);
    QSignalSpy finished(m_session, &EditorSession::agentFinished);
    QSignalSpy exportSpy(m_session, &EditorSession::exportRequested);
    QSignalSpy exporting(m_session, &EditorSession::exportProgress);
    m_session->sendMessage(message);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(text.size(), 1);
    if (exportRequested) {
        QCOMPARE(exportSpy.size(), 1);
        QVERIFY(exporting.isEmpty()); // the UI decides where to save
    } else {
        QCOMPARE(exportSpy.size(), 0);
        QCOMPARE(text.first().first().toString(),
                 reply.isEmpty() ? m_session->draft().summary() : reply);
    }
    QVERIFY(runSse().isEmpty());
}

void TestEditorSession::exportVideo()
{
    const QString dest = m_tmp.filePath(QStringLiteral("out/final.mp4"));
    QVERIFY(QDir().mkpath(QFileInfo(dest).path()));
    QSignalSpy progress(m_session, &EditorSession::exportProgress);
    QSignalSpy finished(m_session, &EditorSession::exportFinished);
    QSignalSpy failed(m_session, &EditorSession::exportFailed);
    m_session->exportVideo(dest);
    QVERIFY(m_session->isExporting());
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
    QCOMPARE(finished.first().first().toString(), QFileInfo(dest).absoluteFilePath());
    QVERIFY(!m_session->isExporting());

    // Rendering then downloading, each phase's percent never going down.
    QString phase = QStringLiteral("rendering");
    int last = -1;
    bool sawDownload = false;
    for (const auto& args : progress) {
        const int p = args.at(0).toInt();
        const QString ph = args.at(1).toString();
        if (ph != phase) {
            QCOMPARE(phase, QStringLiteral("rendering"));
            QCOMPARE(ph, QStringLiteral("downloading"));
            phase = ph;
            last = -1;
            sawDownload = true;
        }
        QVERIFY(p >= last && p <= 100);
        last = p;
    }
    QVERIFY(sawDownload);
    QCOMPARE(last, 100);
    QVERIFY(progress.size() >= 3);

    QVERIFY(!QFile::exists(dest + QStringLiteral(".part")));
    const QJsonObject info = probe(dest);
    bool video = false;
    for (const QJsonValue& s : info.value(QStringLiteral("streams")).toArray()) {
        const QJsonObject o = s.toObject();
        if (o.value(QStringLiteral("codec_type")).toString() == QLatin1String("video")) {
            video = true;
            QCOMPARE(o.value(QStringLiteral("width")).toInt(), 1920);
            QCOMPARE(o.value(QStringLiteral("height")).toInt(), 1080);
        }
    }
    QVERIFY(video);
    const double seconds = info.value(QStringLiteral("format"))
                               .toObject()
                               .value(QStringLiteral("duration"))
                               .toString()
                               .toDouble();
    QVERIFY2(qAbs(seconds * 1000 - m_fullMs) < 500, qPrintable(QString::number(seconds)));
}

void TestEditorSession::cancelExport()
{
    const QString dest = m_tmp.filePath(QStringLiteral("cancelled.mp4"));
    QSignalSpy finished(m_session, &EditorSession::exportFinished);
    QSignalSpy failed(m_session, &EditorSession::exportFailed);
    connect(
        m_session, &EditorSession::exportProgress, this, [this] { m_session->cancelExport(); },
        Qt::SingleShotConnection);
    m_session->exportVideo(dest);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 30000);
    QCOMPARE(failed.first().first().toString(), QStringLiteral("Export cancelled."));
    QVERIFY(!m_session->isExporting());
    QTest::qWait(1500); // late poll answers must not bring it back
    QCOMPARE(finished.size(), 0);
    QCOMPARE(failed.size(), 1);
    QVERIFY(!QFile::exists(dest));
    QVERIFY(!QFile::exists(dest + QStringLiteral(".part")));
}

QTEST_GUILESS_MAIN(TestEditorSession)
#include "tst_editorsession.moc"
