// An SVG logo through the real engine over loopback (media/SvgImage.h, server/MediaIngest):
// a generated red circle on a transparent background, uploaded under a name made of quotes and
// filter syntax, placed by chat ("put my logo in the bottom right corner") over a generated
// grid clip and exported. In the export's frames red is in the bottom-right corner and nowhere
// else, and the rest of the frame matches the source, the logo's transparent half included:
// there the SVG points an <image> at a lime PNG on this disk, which must not be read (the
// upload's note names it instead). An SVG that declares entities is refused with a 4001 that
// names it, and nothing is stored. Below the server: the note in a Chinese session, and a
// gzip-compressed .svgz (which FFmpeg would draw as it is) refused after the probe.
#include "server/MediaIngest.h"

#include "AgentTurn.h"
#include "LocalHttpServer.h"
#include "MeasureAudio.h"
#include "TestEngine.h"
#include "TestMedia.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRect>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace cw;

namespace {

constexpr int kW = 640;
constexpr int kH = 360;

QByteArray rgbFrame(const QString& file, double seconds)
{
    return test::ffmpegOutput({"-v", "error", "-ss", QString::number(seconds), "-i", file,
                               "-frames:v", "1", "-vf",
                               QStringLiteral("scale=%1:%2").arg(kW).arg(kH), "-pix_fmt", "rgb24",
                               "-f", "rawvideo", "-"});
}

struct Rgb {
    int r, g, b;
};

Rgb at(const QByteArray& f, int x, int y)
{
    const int i = (y * kW + x) * 3;
    return {quint8(f[i]), quint8(f[i + 1]), quint8(f[i + 2])};
}

bool isRed(Rgb p)
{
    return p.r > 150 && p.g < 90 && p.b < 90;
}

bool isLime(Rgb p)
{
    return p.g > 150 && p.r < 100 && p.b < 100;
}

double diff(Rgb a, Rgb b)
{
    return (std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b)) / 3.0;
}

} // namespace

class TstSvgLogo : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    test::TestEngine m_engine;
    QString m_clip;
    QString m_secret;

    test::EngineClient client() { return {m_engine.baseUrl(), m_engine.token()}; }
    QString render(const QString& sid);

private Q_SLOTS:
    void initTestCase();
    void logoByChat();
    void entitiesRefused();
    void chineseNoteAndSvgzRefused();
    void fetchedByUrl();
};

void TstSvgLogo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_clip = m_dir.filePath("grid.mp4");
    m_secret = m_dir.filePath("secret.png");
    QString error;
    QVERIFY2(test::runFfmpeg({"-f", "lavfi", "-i",
                              "color=c=0x305070:s=640x360:r=30:d=3,drawgrid=w=40:h=40:t=2:"
                              "c=white@0.8",
                              "-f", "lavfi", "-i", "sine=f=440:d=3:sample_rate=48000", "-c:v",
                              "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", m_clip},
                             &error),
             qPrintable(error));
    QVERIFY2(test::runFfmpeg(
                 {"-f", "lavfi", "-i", "color=c=lime:s=64x64", "-frames:v", "1", m_secret}, &error),
             qPrintable(error));
    m_engine.setEnv("CLIPWRIGHT_X264_PRESET", "ultrafast");
    QVERIFY2(m_engine.start(&error), qPrintable(error));
}

QString TstSvgLogo::render(const QString& sid)
{
    test::EngineClient c = client();
    const QString id = QStringLiteral("svg%1").arg(QDateTime::currentMSecsSinceEpoch());
    const test::HttpReply submit = c.postJson(
        "/api/render/proxy/lambda",
        QJsonObject{{"id", id}, {"sessionId", sid}, {"output", QJsonObject{{"preset", "720p"}}}});
    if (submit.status != 200)
        return {};
    QElapsedTimer t;
    t.start();
    QJsonObject d;
    while (t.elapsed() < 120000) {
        d = c.get("/api/render/proxy/lambda/" + id).data();
        if (d.value("status") != "pending" && d.value("status") != "processing")
            break;
        QThread::msleep(100);
    }
    const test::HttpReply file = c.get("/files/renders/" + id + ".mp4");
    const QString out = m_dir.filePath(id + ".mp4");
    QFile f(out);
    if (d.value("status") != "completed" || file.status != 200 || !f.open(QIODevice::WriteOnly))
        return {};
    f.write(file.body);
    return out;
}

void TstSvgLogo::logoByChat()
{
    test::EngineClient c = client();
    const QString sid = c.createSession();
    QFile clip(m_clip);
    QVERIFY(clip.open(QIODevice::ReadOnly));
    QCOMPARE(c.upload(sid, {{clip.readAll(), "grid.mp4"}}).code(), 0);
    const QString plain = render(sid); // the source as exported, to compare the logo's with
    QVERIFY(!plain.isEmpty());

    // Left half: a lime PNG on this disk, by path and by URL; right half: the red circle.
    const QByteArray svg =
        "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" height=\"100\" "
        "viewBox=\"0 0 200 100\"><image x=\"0\" y=\"0\" width=\"100\" height=\"50\" xlink:href=\"" +
        m_secret.toUtf8() +
        "\"/><image x=\"0\" y=\"50\" width=\"100\" height=\"50\" "
        "href=\"file://" +
        m_secret.toUtf8() + "\"/><circle cx=\"150\" cy=\"50\" r=\"45\" fill=\"#ff0000\"/></svg>";
    const QString name = QStringLiteral("it's;[0:v]drop:1,.svg");
    const test::HttpReply up = c.upload(sid, {{svg, name}});
    QCOMPARE(up.code(), 0);
    const QJsonObject file = up.data().value("files").toArray().at(0).toObject();
    const QString shown = file.value("filename").toString();
    QVERIFY2(shown.endsWith(".svg") && shown.contains("drop"), qPrintable(shown));
    QCOMPARE(file.value("file_type").toString(), QString("image"));
    QCOMPARE(file.value("width").toInt(), 1920);
    QCOMPARE(file.value("height").toInt(), 960);
    QVERIFY2(file.value("path").toString().endsWith(".png"),
             qPrintable(file.value("path").toString()));
    const QString notes = up.data().value("notes").toVariant().toStringList().join('\n');
    QVERIFY2(notes.contains(shown + " refers to files outside it") && notes.contains(m_secret) &&
                 notes.contains("not read"),
             qPrintable(notes));

    const test::Turn t = test::runTurn(c, sid, "put my logo in the bottom right corner");
    QCOMPARE(t.calls, QStringList{"add_logo"});
    QVERIFY2(t.text.contains(shown) && t.text.contains("bottom-right"), qPrintable(t.text));

    const QString out = render(sid);
    QVERIFY(!out.isEmpty());
    const QByteArray e = rgbFrame(out, 1.5);
    const QByteArray s = rgbFrame(plain, 1.5);
    QCOMPARE(e.size(), kW * kH * 3);
    QCOMPARE(s.size(), kW * kH * 3);

    QRect red;
    int redCorner = 0;
    int redElsewhere = 0;
    int lime = 0;
    const QRect corner(kW * 3 / 4, kH * 3 / 4, kW / 4, kH / 4);
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const Rgb p = at(e, x, y);
            lime += isLime(p);
            if (!isRed(p))
                continue;
            red = red.united(QRect(x, y, 1, 1));
            (corner.contains(x, y) ? redCorner : redElsewhere)++;
        }
    qInfo("red: %.1f%% of the bottom-right corner, %d pixels elsewhere; box %d,%d %dx%d; lime %d",
          100.0 * redCorner / (corner.width() * corner.height()), redElsewhere, red.x(), red.y(),
          red.width(), red.height(), lime);
    QVERIFY(redCorner > 600); // a 96x48 logo's circle is ~1400 px
    QCOMPARE(redElsewhere, 0);
    QCOMPARE(lime, 0);
    QVERIFY2(qAbs(red.width() - red.height()) <= 2, "the circle is not round");

    // The logo's left (transparent) half, and everything outside the logo, show the source
    // exactly as the export without the logo does.
    const QRect half(red.left() - red.width() - 2, red.top(), red.width(), red.height());
    const QRect logo = QRect(half.topLeft(), red.bottomRight()).adjusted(-3, -3, 3, 3);
    double halfDiff = 0;
    double restDiff = 0;
    int rest = 0;
    double worstBlock = 0;
    for (int by = 0; by < kH; by += 20)
        for (int bx = 0; bx < kW; bx += 20) {
            double block = 0;
            int n = 0;
            for (int y = by; y < by + 20; ++y)
                for (int x = bx; x < bx + 20; ++x) {
                    const double d = diff(at(e, x, y), at(s, x, y));
                    if (half.contains(x, y))
                        halfDiff += d;
                    if (logo.contains(x, y))
                        continue;
                    restDiff += d;
                    block += d;
                    ++rest;
                    ++n;
                }
            if (n > 0)
                worstBlock = std::max(worstBlock, block / n);
        }
    halfDiff /= half.width() * half.height();
    restDiff /= rest;
    qInfo("mean difference from the source: %.2f outside the logo (worst 20x20 block %.2f), %.2f "
          "in its transparent half",
          restDiff, worstBlock, halfDiff);
    QVERIFY(restDiff < 1);
    QVERIFY(worstBlock < 3);
    QVERIFY(halfDiff < 3);
}

void TstSvgLogo::entitiesRefused()
{
    test::EngineClient c = client();
    const QString sid = c.createSession();
    const int version = test::stateOf(c, sid).version;
    const QStringList before = QDir(m_engine.dataDir() + "/media").entryList(QDir::Files);
    const QByteArray svg = "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file://" +
                           m_secret.toUtf8() +
                           "\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" "
                           "height=\"9\"><text>&x;</text></svg>";
    const test::HttpReply r = c.upload(sid, {{svg, "evil's [1:v].svg"}});
    QCOMPARE(r.code(), 4001);
    const QString message = r.json.value("message").toString();
    QVERIFY2(message.startsWith("evil's [1:v].svg declares entities") &&
                 message.contains("without a DOCTYPE"),
             qPrintable(message));
    QCOMPARE(test::stateOf(c, sid).version, version);
    QCOMPARE(QDir(m_engine.dataDir() + "/media").entryList(QDir::Files), before);
    QCOMPARE(QDir(m_engine.dataDir() + "/tmp").entryList(QDir::Files), QStringList());
}

void TstSvgLogo::chineseNoteAndSvgzRefused()
{
    engine::Store store;
    QVERIFY(store.open(m_dir.filePath("store")));
    const std::optional<engine::SessionRecord> session = store.createSession("zh");
    QVERIFY(session);
    const auto received = [&](const QString& name, const QByteArray& bytes) {
        const QString path = store.tmpDir() + "/" + name;
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return engine::ReceivedFile{name, path, "0", bytes.size()};
    };
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"10\">"
                           "<image href=\"../../secret.png\"/><circle r=\"4\"/></svg>";
    engine::IngestResult r = engine::ingestUploads(store, session->id, {received("标志.svg", svg)});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.notes, QStringList{"标志.svg 引用了它之外的文件（../../secret.png）："
                                  "出于安全不会读取，这些部分不会显示。"});
    QVERIFY(r.media.value(0).path.endsWith(".png"));

    // The CLI's temporary link keeps the name's extension, and FFmpeg reads .svgz by it.
    const QString plain = m_dir.filePath("plain.svg");
    QFile f(plain);
    QVERIFY(f.open(QIODevice::WriteOnly) && f.write(svg) == svg.size());
    f.close();
    QProcess gzip;
    gzip.start("gzip", {"-kn9", plain});
    QVERIFY(gzip.waitForFinished(10000) && gzip.exitCode() == 0);
    QFile gz(plain + ".gz");
    QVERIFY(gz.open(QIODevice::ReadOnly));
    r = engine::ingestUploads(store, session->id, {received("x.svgz", gz.readAll())});
    QCOMPARE(r.code, 4001);
    QVERIFY2(r.error.startsWith("x.svgz is a compressed or unusual SVG"), qPrintable(r.error));
    QVERIFY(!QFile::exists(store.tmpDir() + "/x.svgz"));
}

// A link to an SVG ends in the same ingest: drawn, stored as a PNG.
void TstSvgLogo::fetchedByUrl()
{
    QDir(m_dir.path()).mkpath("web");
    QFile f(m_dir.filePath("web/badge.svg"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 20\"><rect width=\"5\" "
            "height=\"5\" fill=\"red\"/></svg>");
    f.close();
    test::LocalHttpServer web(m_dir.filePath("web"));
    test::TestEngine engine;
    engine.setEnv("CLIPWRIGHT_ENGINE_ALLOW_PRIVATE_URLS", "1");
    QString error;
    QVERIFY2(engine.start(&error), qPrintable(error));
    test::EngineClient c(engine.baseUrl(), engine.token());
    const QString sid = c.createSession();
    const test::HttpReply r = c.postJson(
        "/api/upload-video/nemo_agent/me/" + sid,
        QJsonObject{{"urls", QJsonArray{web.url("/files/badge.svg")}}, {"source_type", "url"}});
    QCOMPARE(r.code(), 0);
    const QJsonObject file = r.data().value("files").toArray().at(0).toObject();
    QCOMPARE(file.value("filename").toString(), QString("badge.svg"));
    QCOMPARE(file.value("file_type").toString(), QString("image"));
    QCOMPARE(file.value("width").toInt(), 960);
    QCOMPARE(file.value("height").toInt(), 1920);
    QVERIFY(file.value("path").toString().endsWith(".png"));
}

QTEST_GUILESS_MAIN(TstSvgLogo)
#include "tst_svglogo.moc"
