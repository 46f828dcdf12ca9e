// Export formats through the real engine over loopback HTTP and the real CLI, checked with
// ffprobe and ffmpeg on the files themselves: the audio formats (MP3, M4A, WAV) carry the MP4's
// sound (same mix of speech, music and its ducking, loudness) and last the draft's duration
// within one audio frame; an audio-only upload exports to them; GIF, WebM and MOV have their
// codecs, size, rate and length (the GIF loops forever); an unknown format and an over-long
// GIF are refused with a clear 400. Encoder speed: ultrafast (VP9: realtime).
#include "EngineClient.h"
#include "MeasureAudio.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>
#include <cmath>

using namespace cw::test;

namespace {

QString uniqueId(const QString& format)
{
    static int n = 0;
    return QStringLiteral("fmt_%1_%2_%3")
        .arg(format)
        .arg(QDateTime::currentMSecsSinceEpoch())
        .arg(++n);
}

// Mono 16 kHz float samples of the whole file's sound, as a player decodes it (the MP3's and
// AAC's encoder delay and padding removed by their gapless information).
QVector<float> samples(const QString& file)
{
    const QByteArray raw = ffmpegOutput(
        {"-v", "error", "-i", file, "-vn", "-ac", "1", "-ar", "16000", "-f", "f32le", "-"});
    QVector<float> out(int(raw.size() / sizeof(float)));
    memcpy(out.data(), raw.constData(), size_t(out.size()) * sizeof(float));
    return out;
}

// Seconds of sound a decoder gives at the file's own rate (sum of the frames' samples).
double decodedSeconds(const QString& file)
{
    const QByteArray raw = ffmpegOutput(
        {"-v", "error", "-i", file, "-vn", "-ac", "1", "-ar", "48000", "-f", "s16le", "-"});
    return double(raw.size()) / 2.0 / 48000.0;
}

// Pearson correlation and the RMS ratio (dB) of b against a over their common length.
void compareSound(const QVector<float>& a, const QVector<float>& b, double* corr, double* db)
{
    const int n = int(std::min(a.size(), b.size()));
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    for (int i = 0; i < n; ++i) {
        sa += a[i];
        sb += b[i];
        saa += double(a[i]) * a[i];
        sbb += double(b[i]) * b[i];
        sab += double(a[i]) * b[i];
    }
    const double cov = sab - sa * sb / n;
    const double va = saa - sa * sa / n;
    const double vb = sbb - sb * sb / n;
    *corr = va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : 0;
    *db = 10.0 * std::log10((sbb + 1e-12) / (saa + 1e-12));
}

QJsonObject streamOf(const QJsonObject& info, const char* type)
{
    for (const QJsonValue& v : info.value("streams").toArray())
        if (v.toObject().value("codec_type").toString() == QLatin1String(type))
            return v.toObject();
    return {};
}

double rate(const QString& fraction)
{
    const QStringList p = fraction.split('/');
    return p.size() == 2 && p[1].toDouble() > 0 ? p[0].toDouble() / p[1].toDouble() : 0;
}

} // namespace

class TstExportFormats : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void audioFormatsCarryTheMp4Sound_data();
    void audioFormatsCarryTheMp4Sound();
    void audioOnlyProject();
    void videoFormats_data();
    void videoFormats();
    void refusals_data();
    void refusals();
    void cliPicksFormatByExtension();
    void cliRefusesUnknownExtension();

private:
    EngineClient client() { return EngineClient(m_engine.baseUrl(), m_engine.token()); }
    // Renders the session's head draft (or `draft`) as `format`; returns the downloaded file.
    QString render(const QString& sid, const QString& format, const QString& preset = "720p");

    TestEngine m_engine;
    QTemporaryDir m_tmp;
    QString m_clip;
    QString m_sid;
    qint64 m_draftMs = 0;
    QString m_mp4;
};

QString TstExportFormats::render(const QString& sid, const QString& format, const QString& preset)
{
    EngineClient c = client();
    const QString id = uniqueId(format);
    const HttpReply submit =
        c.postJson("/api/render/proxy/lambda",
                   QJsonObject{{"id", id},
                               {"sessionId", sid},
                               {"output", QJsonObject{{"format", format}, {"preset", preset}}}});
    if (submit.status != 200) {
        qWarning("submit: %d %s", submit.status, submit.body.constData());
        return {};
    }
    QElapsedTimer t;
    t.start();
    QJsonObject d;
    while (t.elapsed() < 120000) {
        d = c.get("/api/render/proxy/lambda/" + id).data();
        const QString status = d.value("status").toString();
        if (status != "pending" && status != "processing")
            break;
        QThread::msleep(100);
    }
    if (d.value("status").toString() != "completed") {
        qWarning("render %s: %s", qPrintable(format),
                 QJsonDocument(d).toJson(QJsonDocument::Compact).constData());
        return {};
    }
    const QString url = d.value("outputUrl").toString();
    if (!url.endsWith("/" + id + "." + format)) {
        qWarning("url %s", qPrintable(url));
        return {};
    }
    const HttpReply file = c.get("/files/renders/" + id + "." + format);
    const QString out = m_tmp.filePath(id + "." + format);
    QFile f(out);
    if (file.status != 200 || !f.open(QIODevice::WriteOnly))
        return {};
    f.write(file.body);
    qInfo("%s: %lld bytes in %.1f s", qPrintable(format), qint64(file.body.size()),
          t.elapsed() / 1000.0);
    return out;
}

void TstExportFormats::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QString error;
    m_clip = m_tmp.filePath("talk.mp4");
    QVERIFY2(!makeSpeechClip(m_clip, 1.0, 2, 640, 360, &error).isEmpty(), qPrintable(error));
    m_engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
    EngineClient c = client();
    m_sid = c.createSession();
    QFile f(m_clip);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(c.upload(m_sid, {{f.readAll(), "talk.mp4"}}).status, 200);
    QList<cw::AgentEvent> events;
    c.runSse(m_sid, "cut the pauses, add background music, normalize loudness", &events);
    const QJsonObject draft =
        c.state(m_sid).data().value("state").toObject().value("draft").toObject();
    QCOMPARE(draft.value("t").toArray().size(), 2); // the clip and the music
    m_draftMs = draft.value("d").toInteger();
    QVERIFY(m_draftMs > 2000);
    m_mp4 = render(m_sid, "mp4");
    QVERIFY(!m_mp4.isEmpty());
}

void TstExportFormats::cleanupTestCase()
{
    QVERIFY(m_engine.stop());
}

void TstExportFormats::audioFormatsCarryTheMp4Sound_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("codec");
    QTest::addColumn<QString>("container");
    QTest::newRow("mp3") << "mp3"
                         << "mp3"
                         << "mp3";
    QTest::newRow("m4a") << "m4a"
                         << "aac"
                         << "mov,mp4,m4a,3gp,3g2,mj2";
    QTest::newRow("wav") << "wav"
                         << "pcm_s16le"
                         << "wav";
}

void TstExportFormats::audioFormatsCarryTheMp4Sound()
{
    QFETCH(QString, format);
    QFETCH(QString, codec);
    QFETCH(QString, container);
    const QString out = render(m_sid, format);
    QVERIFY(!out.isEmpty());
    const QJsonObject info = probe(out);
    QCOMPARE(info.value("format").toObject().value("format_name").toString(), container);
    QVERIFY(streamOf(info, "video").isEmpty()); // no picture at all
    const QJsonObject audio = streamOf(info, "audio");
    QCOMPARE(audio.value("codec_name").toString(), codec);
    QCOMPARE(audio.value("sample_rate").toString(), QStringLiteral("48000"));
    QCOMPARE(audio.value("channels").toInt(), 2);
    if (format != "wav") {
        const int kbps = audio.value("bit_rate").toString().toInt() / 1000;
        QVERIFY2(kbps > 150 && kbps < 230, qPrintable(QString::number(kbps)));
    }
    // One audio frame: MP3 1152 samples, else the MP4's AAC frame (1024). The MP4's sound is
    // the reference, and concat pads it to whole video frames at each join.
    const double frame = (format == "mp3" ? 1152.0 : 1024.0) / 48000;
    const double draft = m_draftMs / 1000.0;
    const double decoded = decodedSeconds(out);
    const double stated = info.value("format").toObject().value("duration").toString().toDouble();
    qInfo("%s: draft %.3f s, decoded %.3f s, container says %.3f s", qPrintable(format), draft,
          decoded, stated);
    QVERIFY2(std::abs(decoded - draft) <= frame + 1e-3, qPrintable(QString::number(decoded)));
    // An MP3's header counts whole frames, encoder delay and padding included (< 2 frames).
    QVERIFY2(std::abs(stated - draft) <= (format == "mp3" ? 2 * frame : frame) + 1e-3,
             qPrintable(QString::number(stated)));

    double corr = 0, db = 0;
    compareSound(samples(m_mp4), samples(out), &corr, &db);
    qInfo("%s vs the MP4's sound: correlation %.4f, level %+.2f dB", qPrintable(format), corr, db);
    QVERIFY2(corr > 0.995, qPrintable(QString::number(corr)));
    QVERIFY2(std::abs(db) < 0.5, qPrintable(QString::number(db)));
    // The mix is in it: the music bed plays under the pauses the cut left at the joins' ends.
    QVERIFY(integratedLufs(out) > -20.0);
}

void TstExportFormats::audioOnlyProject()
{
    const QString memo = m_tmp.filePath("memo.m4a");
    QVERIFY(
        runFfmpeg({"-v", "error", "-y", "-i", m_clip, "-vn", "-c:a", "aac", "-b:a", "96k", memo}));
    EngineClient c = client();
    const QString sid = c.createSession();
    QFile f(memo);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(c.upload(sid, {{f.readAll(), "memo.m4a"}}).status, 200);
    QList<cw::AgentEvent> events;
    c.runSse(sid, "cut the pauses", &events);
    const QJsonObject draft =
        c.state(sid).data().value("state").toObject().value("draft").toObject();
    const double draftS = draft.value("d").toInteger() / 1000.0;
    const double sourceS =
        probe(memo).value("format").toObject().value("duration").toString().toDouble();
    QVERIFY2(draftS > 1.0 && draftS < sourceS - 0.5, qPrintable(QString::number(draftS))); // cut
    const QString mp3 = render(sid, "mp3");
    QVERIFY(!mp3.isEmpty());
    const double decoded = decodedSeconds(mp3);
    qInfo("voice memo: source %.3f s, draft %.3f s, MP3 decoded %.3f s", sourceS, draftS, decoded);
    QVERIFY(std::abs(decoded - draftS) <= 1152.0 / 48000 + 1e-3);
    QVERIFY(rmsDb(mp3, 0, draftS) > -40.0); // the speech, not silence
}

void TstExportFormats::videoFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("video");
    QTest::addColumn<QString>("audio");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("fps");
    QTest::newRow("gif") << "gif"
                         << "gif"
                         << "" << 480 << 270 << 12.0;
    QTest::newRow("webm") << "webm"
                          << "vp9"
                          << "opus" << 1280 << 720 << 25.0;
    QTest::newRow("mov") << "mov"
                         << "h264"
                         << "aac" << 1280 << 720 << 25.0;
}

void TstExportFormats::videoFormats()
{
    QFETCH(QString, format);
    QFETCH(QString, video);
    QFETCH(QString, audio);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, fps);
    const QString out = render(m_sid, format);
    QVERIFY(!out.isEmpty());
    const QJsonObject info = probe(out);
    const QJsonObject v = streamOf(info, "video");
    QCOMPARE(v.value("codec_name").toString(), video);
    QCOMPARE(v.value("width").toInt(), width);
    QCOMPARE(v.value("height").toInt(), height);
    const double measuredFps = rate(v.value("avg_frame_rate").toString());
    const double projectFps = rate(probe(m_mp4)
                                       .value("streams")
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value("avg_frame_rate")
                                       .toString());
    qInfo("%s: %dx%d, %.3f fps (the MP4: %.3f), %s", qPrintable(format), v.value("width").toInt(),
          v.value("height").toInt(), measuredFps, projectFps,
          qPrintable(info.value("format").toObject().value("duration").toString()));
    QVERIFY2(std::abs(measuredFps - (format == "gif" ? fps : projectFps)) < 0.05,
             qPrintable(QString::number(measuredFps)));
    QCOMPARE(streamOf(info, "audio").value("codec_name").toString(), audio);
    const double duration = info.value("format").toObject().value("duration").toString().toDouble();
    QVERIFY2(std::abs(duration - m_draftMs / 1000.0) <=
                 1.0 / (format == "gif" ? fps : projectFps) + 0.025,
             qPrintable(QString::number(duration)));
    if (format == "gif") { // NETSCAPE2.0 application block, loop count 0 = forever
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        const int at = int(bytes.indexOf("NETSCAPE2.0"));
        QVERIFY(at > 0);
        QCOMPARE(bytes.mid(at + 11, 4), QByteArray("\x03\x01\x00\x00", 4));
    }
    if (format == "mov")
        QCOMPARE(info.value("format")
                     .toObject()
                     .value("tags")
                     .toObject()
                     .value("major_brand")
                     .toString(),
                 QStringLiteral("qt  "));
}

void TstExportFormats::refusals_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<qint64>("textMs"); // a title this long makes the draft that long
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown format")
        << "avi" << qint64(0)
        << "Unknown output format avi; use mp4, mov, webm, gif, mp3, m4a, wav.";
    QTest::newRow("long gif") << "gif" << qint64(61000)
                              << "A GIF can be at most 60 s long; this edit is 61.0 s.";
    QTest::newRow("gif of 59 s is fine") << "gif" << qint64(59000) << "";
}

void TstExportFormats::refusals()
{
    QFETCH(QString, format);
    QFETCH(qint64, textMs);
    QFETCH(QString, message);
    EngineClient c = client();
    QJsonObject draft = c.state(m_sid).data().value("state").toObject().value("draft").toObject();
    if (textMs > 0) {
        QJsonArray tracks = draft.value("t").toArray();
        tracks.append(QJsonObject{
            {"id", "xlong"},
            {"tt", 7},
            {"n", "Titles"},
            {"sg",
             QJsonArray{QJsonObject{
                 {"id", "slong"}, {"st", 0}, {"d", textMs}, {"m", QJsonObject{{"text", "Hi"}}}}}}});
        draft.insert("t", tracks);
        draft.insert("d", textMs);
    }
    const QString id = uniqueId("refuse");
    const HttpReply r = c.postJson("/api/render/proxy/lambda",
                                   QJsonObject{{"id", id},
                                               {"sessionId", m_sid},
                                               {"draft", draft},
                                               {"output", QJsonObject{{"format", format}}}});
    if (message.isEmpty()) { // accepted; cancelled at once to keep the test short
        QCOMPARE(r.status, 200);
        c.postJson("/api/render/proxy/lambda/" + id + "/cancel", {});
        return;
    }
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json.value("message").toString().startsWith(message), r.body.constData());
    QCOMPARE(c.get("/api/render/proxy/lambda/" + id).status, 404); // no job was made
}

void TstExportFormats::cliPicksFormatByExtension()
{
    const QString out = m_tmp.filePath("cli/voice.m4a");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("CLIPWRIGHT_X264_PRESET", "ultrafast");
    p.setProcessEnvironment(env);
    p.start(binDir() + "/clipwright-engine",
            {"edit", m_clip, "--do", "cut the pauses", "-o", out, "--json"});
    QVERIFY(p.waitForFinished(120000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    QVERIFY(p.readAllStandardOutput().contains("\"format\":\"m4a\""));
    const QJsonObject info = probe(out);
    QVERIFY(streamOf(info, "video").isEmpty());
    QCOMPARE(streamOf(info, "audio").value("codec_name").toString(), QStringLiteral("aac"));
    QVERIFY(!QFileInfo::exists(out + ".part"));
}

void TstExportFormats::cliRefusesUnknownExtension()
{
    struct Row {
        QStringList args;
        QString message;
    };
    const QList<Row> rows = {
        {{"-o", m_tmp.filePath("x.flac")},
         "x.flac: unsupported output type; use .mp4, .mov, .webm, .gif, .mp3, .m4a, .wav or a "
         "hand-off format"},
        {{"--format", "flac"},
         "unknown format 'flac'; use one of: mp4, mov, webm, gif, mp3, m4a, wav."},
        {{"--format", "gif", "-o", m_tmp.filePath("x.mp4")},
         "does not end in .gif as --format gif asks"},
    };
    for (const Row& row : rows) {
        QProcess p;
        p.start(binDir() + "/clipwright-engine",
                QStringList{"edit", m_clip, "--do", "mute"} + row.args);
        QVERIFY(p.waitForFinished(30000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 2);
        QVERIFY2(err.startsWith("clipwright-engine: ") && err.contains(row.message),
                 qPrintable(err));
    }
    QVERIFY(!QFileInfo::exists(m_tmp.filePath("x.flac")));
    QProcess help;
    help.start(binDir() + "/clipwright-engine", {"edit", "--help"});
    QVERIFY(help.waitForFinished(30000));
    QVERIFY(help.readAllStandardOutput().contains("--format FORMAT    what to write: mp4"));
}

QTEST_GUILESS_MAIN(TstExportFormats)
#include "tst_exportformats.moc"
