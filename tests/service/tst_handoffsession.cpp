// EditorSession::exportInterchange against the real engine: a clip is uploaded, its pauses
// cut through the agent stream, then the draft is exported in every format. Each file must
// name the engine's stored copy of the clip (the media JSON's "path", which must exist),
// place the cut segments where the draft has them, and failures (unknown format, no text
// track for subtitles, an unwritable folder) must leave an earlier file untouched.
#include "../core/InterchangeParse.h"
#include "EditorSession.h"
#include "EngineFixture.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace cw;
using namespace cw::test;

class TstHandoffSession : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void mediaHasStoredPath();
    void exportsEveryFormat_data();
    void exportsEveryFormat();
    void subtitlesNeedText();
    void failuresKeepOldFile_data();
    void failuresKeepOldFile();

private:
    QByteArray exportBytes(const QString& format, QString* error);
    QTemporaryDir m_tmp;
    EngineFixture* m_f = nullptr;
    EditorSession* m_session = nullptr;
    QString m_clip;
};

void TstHandoffSession::initTestCase()
{
    m_clip = m_tmp.filePath(QStringLiteral("talk.mp4"));
    QString error;
    QVERIFY2(!makeSpeechClip(m_clip, 1.2, 2, 320, 240, &error).isEmpty(), qPrintable(error));
    m_f = new EngineFixture;
    QVERIFY2(m_f->start(), qPrintable(m_f->error));
    m_session = new EditorSession(m_f->api.get());
    QSignalSpy ready(m_session, &EditorSession::ready);
    QSignalSpy errors(m_session, &EditorSession::errorOccurred);
    m_session->start();
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !errors.isEmpty(), 10000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));

    QSignalSpy uploaded(m_session, &EditorSession::uploadFinished);
    QSignalSpy failed(m_session, &EditorSession::uploadFailed);
    m_session->upload({m_clip});
    QTRY_VERIFY_WITH_TIMEOUT(!uploaded.isEmpty() || !failed.isEmpty(), 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(1).toString()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->draft().t.value(0).sg.isEmpty(), 10000);

    QSignalSpy finished(m_session, &EditorSession::agentFinished);
    m_session->sendMessage(QStringLiteral("cut the pauses"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.value(0).value(0).toString()));
    QVERIFY2(m_session->draft().t.value(0).sg.size() >= 2,
             qPrintable(m_session->draft().summary()));
}

void TstHandoffSession::cleanupTestCase()
{
    delete m_session;
    delete m_f;
}

void TstHandoffSession::mediaHasStoredPath()
{
    const QList<MediaItem> media = m_session->media();
    QCOMPARE(media.size(), 1);
    const QFileInfo stored(media.first().localPath);
    QVERIFY2(stored.isAbsolute() && stored.isFile(), qPrintable(media.first().localPath));
    QVERIFY(
        stored.absoluteFilePath().startsWith(QFileInfo(m_f->engine.dataDir()).absoluteFilePath()));
    QVERIFY(stored.absoluteFilePath() != QFileInfo(m_clip).absoluteFilePath());
    QCOMPARE(stored.size(), QFileInfo(m_clip).size());
    QVERIFY(media.first().hasVideo);
    QVERIFY(media.first().hasAudio);
}

QByteArray TstHandoffSession::exportBytes(const QString& format, QString* error)
{
    const QString path = m_tmp.filePath(QStringLiteral("handoff.") + format);
    QFile::remove(path);
    if (!m_session->exportInterchange(format, path, error))
        return {};
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TstHandoffSession::exportsEveryFormat_data()
{
    QTest::addColumn<QString>("format");
    for (const char* f : {"fcpxml", "edl", "mlt", "otio"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TstHandoffSession::exportsEveryFormat()
{
    QFETCH(QString, format);
    QString error;
    const QByteArray bytes = exportBytes(format, &error);
    QVERIFY2(!bytes.isEmpty(), qPrintable(error));
    QVERIFY(error.isEmpty());
    const QString stored = m_session->media().first().localPath;
    const QByteArray url = QUrl::fromLocalFile(stored).toEncoded();

    const Draft& draft = m_session->draft();
    const double fps = draft.m.value(QStringLiteral("fps")).toDouble(30);
    const bool ntsc = std::abs(fps - std::round(fps)) > 0.01;
    const qint64 num = ntsc ? std::llround(fps * 1.001) * 1000 : std::llround(fps);
    const qint64 den = ntsc ? 1001 : 1;
    auto frames = [&](qint64 ms) { return std::llround(double(ms) * num / (den * 1000.0)); };
    QList<Placed> want;
    for (const Segment& s : draft.t.value(0).sg)
        want << Placed{false, frames(s.st), frames(s.end()), frames(s.in), stored};
    std::sort(want.begin(), want.end());

    QList<Placed> got;
    if (format == QLatin1String("edl")) {
        QString bad;
        QStringList files;
        got = placedFromEdl(parseEdl(bytes, int(num / den), &bad, &files));
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
        QVERIFY(!files.isEmpty());
        for (const QString& file : files)
            QCOMPARE(file, stored);
    } else if (format == QLatin1String("otio")) {
        QString problem;
        got = placedFromOtio(QJsonDocument::fromJson(bytes).object(), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(bytes.contains(url));
    } else if (format == QLatin1String("fcpxml")) {
        const FcpxmlDoc doc = parseFcpxml(bytes, num, den);
        QVERIFY2(doc.problem.isEmpty(), qPrintable(doc.problem));
        QCOMPARE(doc.assetSources, QStringList{QString::fromLatin1(url)});
        got = doc.clips;
    } else {
        const MltDoc doc = parseMlt(bytes);
        QVERIFY2(doc.problem.isEmpty(), qPrintable(doc.problem));
        QCOMPARE(doc.resources, QStringList{stored});
        got = doc.clips;
    }
    std::sort(got.begin(), got.end());
    QVERIFY2(got == want, qPrintable(describe(got) + QStringLiteral(" / ") + describe(want)));
    for (const Placed& p : got)
        if (!p.path.isEmpty())
            QCOMPARE(p.path, stored);
}

void TstHandoffSession::subtitlesNeedText()
{
    QString error;
    QVERIFY(exportBytes(QStringLiteral("srt"), &error).isEmpty());
    QVERIFY2(error.contains(QStringLiteral("text track")), qPrintable(error));

    QSignalSpy finished(m_session, &EditorSession::agentFinished);
    m_session->sendMessage(QStringLiteral("add a title that says Tom & \"Jerry\" <live>"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    bool hasText = false;
    for (const Track& t : m_session->draft().t)
        hasText = hasText || (t.tt == int(TrackType::Text) && !t.sg.isEmpty());
    if (!hasText)
        QSKIP("the agent added no title for this phrasing; subtitle export covered in "
              "tst_interchange");
    for (const bool vtt : {false, true}) {
        const QByteArray bytes =
            exportBytes(vtt ? QStringLiteral("vtt") : QStringLiteral("srt"), &error);
        QVERIFY2(!bytes.isEmpty(), qPrintable(error));
        QString problem;
        const QList<Cue> cues = parseCues(bytes, vtt, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!cues.isEmpty());
        QVERIFY2(cues.first().text.contains(QStringLiteral("Jerry")),
                 qPrintable(cues.first().text));
    }
}

void TstHandoffSession::failuresKeepOldFile_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("path"); // relative to the temp dir; "-" for an unwritable one
    QTest::newRow("unknown format") << "docx"
                                    << "old.docx";
    QTest::newRow("empty format") << ""
                                  << "old.edl";
    QTest::newRow("missing folder") << "edl"
                                    << "no/such/dir/cut.edl";
    QTest::newRow("folder as file") << "mlt"
                                    << "-";
}

void TstHandoffSession::failuresKeepOldFile()
{
    QFETCH(QString, format);
    QFETCH(QString, path);
    QString target = path == QLatin1String("-") ? m_tmp.path() : m_tmp.filePath(path);
    const bool preexisting = path.startsWith(QLatin1String("old"));
    if (preexisting) {
        QFile old(target);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("earlier export");
    }
    QString error;
    QVERIFY(!m_session->exportInterchange(format, target, &error));
    QVERIFY(!error.isEmpty());
    if (preexisting) {
        QFile old(target);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("earlier export"));
    } else {
        QVERIFY(!QFileInfo(target).isFile());
    }
}

QTEST_GUILESS_MAIN(TstHandoffSession)
#include "tst_handoffsession.moc"
