// SVG logos below the server (media/SvgImage.h): cleanSvg from a table of hostile and ordinary
// documents (what is refused, what is dropped and named, what stays), the namespaces of its
// output, the size it gives the drawing, the sniff, and the real librsvg drawing: a plain logo
// draws the same after cleaning, the PNG has alpha where the SVG is transparent, an embedded
// (data:) picture shows and a picture on disk does not.
#include "media/SvgImage.h"

#include "MeasureAudio.h"
#include "TestMedia.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

namespace {

const QByteArray kOpen = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
                         "xmlns:xlink=\"http://www.w3.org/1999/xlink\" width=\"200\" "
                         "height=\"100\" viewBox=\"0 0 200 100\">";
const QByteArray kCircle = "<circle cx=\"150\" cy=\"50\" r=\"45\" fill=\"red\"/>";

QByteArray doc(const QByteArray& body)
{
    return kOpen + body + kCircle + "</svg>";
}

// A 4x4 opaque lime PNG as base64.
QByteArray limePngBase64(const QString& dir)
{
    const QString png = dir + QStringLiteral("/lime4.png");
    test::runFfmpeg({"-f", "lavfi", "-i", "color=c=lime:s=4x4", "-frames:v", "1", png});
    QFile f(png);
    return f.open(QIODevice::ReadOnly) ? f.readAll().toBase64() : QByteArray();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The file drawn by FFmpeg's librsvg decoder as RGBA at its own size.
QByteArray drawn(const QString& svg)
{
    return test::ffmpegOutput({"-v", "error", "-f", "svg_pipe", "-i", svg, "-frames:v", "1",
                               "-pix_fmt", "rgba", "-f", "rawvideo", "-"});
}

} // namespace

class TstSvgClean : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void clean_data();
    void clean();
    void namespacesStayCorrect();
    void sizes_data();
    void sizes();
    void sniff_data();
    void sniff();
    void plainLogoDrawsTheSame();
    void rasterizedHasAlphaAndNothingFromDisk();
    void refusedLeavesNoFile();
};

void TstSvgClean::clean_data()
{
    QTest::addColumn<QByteArray>("svg");
    QTest::addColumn<int>("refusal");         // SvgRefusal
    QTest::addColumn<QStringList>("dropped"); // each is in some entry of dropped
    QTest::addColumn<QStringList>("external");
    QTest::addColumn<QStringList>("absent"); // not in the output
    QTest::addColumn<QStringList>("present");
    const int ok = int(SvgRefusal::None);
    const QStringList none;
    QTest::newRow("plain logo") << doc({}) << ok << none << none << none
                                << QStringList{"<circle", "fill=\"red\"",
                                               "viewBox=\"0 0 200 100\""};
    QTest::newRow("entity reads a file")
        << "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
               doc("<text>&x;</text>")
        << int(SvgRefusal::Doctype) << none << none << none << none;
    QTest::newRow("billion laughs")
        << "<!DOCTYPE svg [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>" +
               doc("<text>&b;</text>")
        << int(SvgRefusal::Doctype) << none << none << none << none;
    QTest::newRow("bare DOCTYPE (old Illustrator)")
        << "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
           "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">" +
               doc({})
        << ok << none << none << QStringList{"DOCTYPE", "svg11.dtd"} << QStringList{"<circle"};
    QTest::newRow("image file URL")
        << doc("<image href=\"file:///etc/passwd\" width=\"10\" height=\"10\"/>") << ok
        << QStringList{"<image href=\"file:///etc/passwd\">"} << QStringList{"file:///etc/passwd"}
        << QStringList{"passwd", "<image"} << QStringList{"<circle"};
    QTest::newRow("xlink:href absolute path")
        << doc("<image xlink:href=\"/etc/hostname\"/><use xlink:href=\"/etc/hostname#a\"/>") << ok
        << QStringList{"<image", "xlink:href"} << QStringList{"/etc/hostname", "/etc/hostname#a"}
        << QStringList{"hostname"} << QStringList{"<use"};
    QTest::newRow("xlink under another prefix")
        << doc("<image xmlns:q=\"http://www.w3.org/1999/xlink\" q:href=\"secret.png\"/>") << ok
        << QStringList{"<image"} << QStringList{"secret.png"} << QStringList{"secret"} << none;
    QTest::newRow("character reference spells file:")
        << doc("<image href=\"&#x66;ile:///etc/passwd\"/>") << ok << QStringList{"<image"}
        << QStringList{"file:///etc/passwd"} << QStringList{"passwd"} << none;
    QTest::newRow("use of a fragment")
        << doc("<defs><rect id=\"a\" width=\"5\" height=\"5\"/></defs><use href=\"#a\" x=\"9\"/>")
        << ok << none << none << none << QStringList{"<use href=\"#a\"", "id=\"a\""};
    QTest::newRow("use of another file")
        << doc("<use href=\"other.svg#a\"/>") << ok << QStringList{"href"}
        << QStringList{"other.svg#a"} << QStringList{"other.svg"} << QStringList{"<use"};
    QTest::newRow("data: PNG image")
        << doc("<image href=\"data:image/png;base64,iVBORw0KGgo=\" width=\"4\" height=\"4\"/>")
        << ok << none << none << none << QStringList{"data:image/png;base64,iVBORw0KGgo="};
    QTest::newRow("data: SVG image")
        << doc("<image href=\"data:image/svg+xml;base64,PHN2Zy8+\"/>") << ok
        << QStringList{"<image"} << none << QStringList{"svg+xml"} << none;
    QTest::newRow("script")
        << doc("<script>alert(1)</script><script xlink:href=\"http://x/e.js\"/>") << ok
        << QStringList{"<script>"} << none << QStringList{"alert", "script", "e.js"} << none;
    QTest::newRow("foreignObject")
        << doc("<foreignObject><iframe xmlns=\"http://www.w3.org/1999/xhtml\" "
               "src=\"file:///etc/passwd\"/></foreignObject>")
        << ok << QStringList{"<foreignObject>"} << none << QStringList{"iframe", "passwd"} << none;
    QTest::newRow("event attributes")
        << QByteArray(kOpen).replace("<svg ", "<svg onload=\"alert(1)\" ") +
               "<rect ONCLICK=\"x()\" width=\"5\" height=\"5\"/></svg>"
        << ok << QStringList{"onload", "ONCLICK"} << none << QStringList{"alert", "x()"}
        << QStringList{"<rect"};
    QTest::newRow("style url to a file")
        << doc("<rect style=\"fill:url(file:///x)\" width=\"5\" height=\"5\"/>") << ok
        << QStringList{"style"} << QStringList{"file:///x"} << QStringList{"file:"}
        << QStringList{"<rect"};
    QTest::newRow("style url to a fragment")
        << doc("<rect style=\"fill:url(#g)\" width=\"5\" height=\"5\"/>") << ok << none << none
        << none << QStringList{"fill:url(#g)"};
    QTest::newRow("fill url to another file")
        << doc("<rect fill=\"url( 'http://evil/x.svg#g' )\"/>") << ok << QStringList{"fill"}
        << QStringList{"http://evil/x.svg#g"} << QStringList{"evil"} << none;
    QTest::newRow("CSS escape spells url")
        << doc("<rect style=\"fill:\\75rl(file:///x)\"/>") << ok << QStringList{"style"} << none
        << QStringList{"file:"} << none;
    QTest::newRow("style element @import")
        << doc("<style>@import url(x.css); rect{fill:blue}</style>") << ok << QStringList{"<style>"}
        << QStringList{"x.css"} << QStringList{"@import", "x.css"} << none;
    QTest::newRow("style element kept")
        << doc("<style type=\"text/css\">.a{fill:blue}</style>") << ok << none << none << none
        << QStringList{"<style type=\"text/css\">.a{fill:blue}</style>"};
    QTest::newRow("xi:include")
        << doc("<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"/etc/passwd\" "
               "parse=\"text\"/>")
        << ok << QStringList{"<xi:include>"} << QStringList{"/etc/passwd"}
        << QStringList{"include", "passwd"} << none;
    QTest::newRow("xml-stylesheet")
        << "<?xml-stylesheet href=\"evil.css\" type=\"text/css\"?>" + doc({}) << ok
        << QStringList{"<?xml-stylesheet?>"} << QStringList{"evil.css"}
        << QStringList{"stylesheet", "evil"} << none;
    QTest::newRow("set animates href")
        << doc("<rect><set attributeName=\"href\" to=\"file:///etc/passwd\"/></rect>") << ok
        << QStringList{"<set>"} << none << QStringList{"passwd", "<set"} << QStringList{"<rect"};
    QTest::newRow("editor metadata") << doc("<sodipodi:namedview xmlns:sodipodi=\"http://"
                                            "sodipodi.sourceforge.net/DTD/sodipodi-0.dtd\"/>")
                                     << ok << none << none << QStringList{"namedview"} << none;
    QTest::newRow("prefixed svg root")
        << QByteArray("<s:svg xmlns:s=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\">"
                      "<s:rect width=\"9\" height=\"9\"/></s:svg>")
        << ok << none << none << none
        << QStringList{"<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"", "<s:rect"};
    QTest::newRow("malformed") << kOpen + "<g></svg>" << int(SvgRefusal::Malformed) << none << none
                               << none << none;
    QTest::newRow("undeclared prefix")
        << kOpen + "<x:y/></svg>" << int(SvgRefusal::Malformed) << none << none << none << none;
    QTest::newRow("undeclared entity")
        << doc("<text>&foo;</text>") << int(SvgRefusal::Malformed) << none << none << none << none;
    QTest::newRow("not svg") << QByteArray("<html><body/></html>") << int(SvgRefusal::NotSvg)
                             << none << none << none << none;
    QTest::newRow("6 MB") << doc("<desc>" + QByteArray(6 * 1024 * 1024, 'x') + "</desc>")
                          << int(SvgRefusal::TooLarge) << none << none << none << none;
    QTest::newRow("300 deep") << doc(QByteArray("<g>").repeated(300) +
                                     QByteArray("</g>").repeated(300))
                              << int(SvgRefusal::TooDeep) << none << none << none << none;
    QTest::newRow("60000 elements")
        << doc(QByteArray("<rect/>").repeated(60000)) << int(SvgRefusal::TooManyElements) << none
        << none << none << none;
}

void TstSvgClean::clean()
{
    QFETCH(QByteArray, svg);
    QFETCH(int, refusal);
    QFETCH(QStringList, dropped);
    QFETCH(QStringList, external);
    QFETCH(QStringList, absent);
    QFETCH(QStringList, present);
    const SvgCleanResult r = cleanSvg(svg);
    QCOMPARE(int(r.refusal), refusal);
    QCOMPARE(r.ok, refusal == int(SvgRefusal::None));
    if (!r.ok) {
        QVERIFY(!r.error.isEmpty());
        QVERIFY(r.svg.isEmpty());
        return;
    }
    const QString all = r.dropped.join(QLatin1Char('|'));
    if (dropped.isEmpty())
        QVERIFY2(r.dropped.isEmpty(), qPrintable(all));
    for (const QString& d : dropped)
        QVERIFY2(all.contains(d), qPrintable(d + QStringLiteral(" not in ") + all));
    QCOMPARE(r.externalRefs, external);
    for (const QString& a : absent)
        QVERIFY2(!r.svg.contains(a.toUtf8()), qPrintable(a + QStringLiteral(" in ") + r.svg));
    for (const QString& p : present)
        QVERIFY2(r.svg.contains(p.toUtf8()), qPrintable(p + QStringLiteral(" not in ") + r.svg));
    QVERIFY(!cleanSvg(r.svg).ok || cleanSvg(r.svg).dropped.isEmpty()); // clean is a fixed point
}

void TstSvgClean::namespacesStayCorrect()
{
    const SvgCleanResult r =
        cleanSvg(doc("<use xlink:href=\"#c\"/><i:g xmlns:i=\"http://ns.adobe.com/x\"/>"));
    QVERIFY(r.ok);
    QXmlStreamReader in(r.svg);
    QStringList seen;
    while (!in.atEnd()) {
        if (in.readNext() != QXmlStreamReader::StartElement)
            continue;
        seen << in.namespaceUri().toString() + QLatin1Char(' ') + in.name().toString();
        for (const QXmlStreamAttribute& a : in.attributes())
            if (a.name() == QLatin1String("href"))
                QCOMPARE(a.namespaceUri().toString(), QString("http://www.w3.org/1999/xlink"));
    }
    QVERIFY2(!in.hasError(), qPrintable(in.errorString()));
    QCOMPARE(seen, (QStringList{"http://www.w3.org/2000/svg svg", "http://www.w3.org/2000/svg use",
                                "http://www.w3.org/2000/svg circle"}));
}

void TstSvgClean::sizes_data()
{
    QTest::addColumn<QByteArray>("root"); // the root's attributes
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<QString>("viewBox");
    QTest::addColumn<int>("refusal");
    const int ok = int(SvgRefusal::None);
    QTest::newRow("px and viewBox")
        << QByteArray("width=\"200\" height=\"100\" viewBox=\"0 0 200 100\"") << 1920 << 960
        << "0 0 200 100" << ok;
    QTest::newRow("no viewBox") << QByteArray("width=\"100\" height=\"200\"") << 960 << 1920
                                << "0 0 100 200" << ok;
    QTest::newRow("viewBox only") << QByteArray("viewBox=\"0,0,30,10\"") << 1920 << 640
                                  << "0,0,30,10" << ok;
    QTest::newRow("millimetres") << QByteArray("width=\"10mm\" height=\"5mm\"") << 1920 << 960
                                 << "0 0 37.79527559 18.8976378" << ok;
    QTest::newRow("percent and viewBox")
        << QByteArray("width=\"100%\" height=\"100%\" viewBox=\"0 0 50 100\"") << 960 << 1920
        << "0 0 50 100" << ok;
    QTest::newRow("width and viewBox")
        << QByteArray("width=\"300\" viewBox=\"0 0 3 1\"") << 1920 << 640 << "0 0 3 1" << ok;
    QTest::newRow("a sliver") << QByteArray("width=\"1\" height=\"1000\"") << 2 << 1920
                              << "0 0 1 1000" << ok;
    QTest::newRow("no size") << QByteArray() << 0 << 0 << QString() << int(SvgRefusal::NoSize);
    QTest::newRow("zero width") << QByteArray("width=\"0\" height=\"5\"") << 0 << 0 << QString()
                                << int(SvgRefusal::NoSize);
}

void TstSvgClean::sizes()
{
    QFETCH(QByteArray, root);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QString, viewBox);
    QFETCH(int, refusal);
    const SvgCleanResult r = cleanSvg(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" " + root + ">" + kCircle + "</svg>", 1920);
    QCOMPARE(int(r.refusal), refusal);
    if (!r.ok)
        return;
    QXmlStreamReader in(r.svg);
    QVERIFY(in.readNextStartElement());
    QCOMPARE(in.attributes().value("width").toString(), QString::number(width));
    QCOMPARE(in.attributes().value("height").toString(), QString::number(height));
    QCOMPARE(in.attributes().value("viewBox").toString(), viewBox);
}

void TstSvgClean::sniff_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("svg");
    QTest::newRow("plain") << kOpen + "</svg>" << true;
    QTest::newRow("declaration and comment")
        << "<?xml version=\"1.0\"?>\n<!-- by hand -->\n" + kOpen + "</svg>" << true;
    QTest::newRow("BOM and blank lines") << "\xEF\xBB\xBF \n\n" + kOpen << true;
    QTest::newRow("bare DOCTYPE")
        << QByteArray("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x.dtd\">"
                      "<svg/>")
        << true;
    QTest::newRow("DOCTYPE hiding ]> in an entity")
        << QByteArray("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"]>\">]>\n<svg/>") << true;
    QTest::newRow("long comment") << "<!--" + QByteArray(40000, 'x') + "-->" + kOpen << true;
    QTest::newRow("prefixed") << QByteArray("<s:svg xmlns:s=\"http://www.w3.org/2000/svg\"/>")
                              << true;
    QTest::newRow("svgz") << QByteArray("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03<svg", 14)
                          << false;
    QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n<svg") << false;
    QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><svg/></html>") << false;
    QTest::newRow("text") << QByteArray("hello <svg/>") << false;
}

void TstSvgClean::sniff()
{
    QFETCH(QByteArray, head);
    QFETCH(bool, svg);
    const QString path = m_dir.filePath(QStringLiteral("sniff"));
    QVERIFY(writeFile(path, head));
    QCOMPARE(looksLikeSvg(path), svg);
}

void TstSvgClean::plainLogoDrawsTheSame()
{
    const QByteArray logo =
        doc("<defs><linearGradient id=\"g\"><stop offset=\"0\" stop-color=\"#00f\"/><stop "
            "offset=\"1\" stop-color=\"#0ff\"/></linearGradient><path id=\"a\" d=\"M0 0h20v20z\"/>"
            "</defs><rect x=\"5\" y=\"5\" width=\"80\" height=\"40\" fill=\"url(#g)\" "
            "stroke=\"#333\" stroke-width=\"3\" opacity=\"0.8\"/><use xlink:href=\"#a\" x=\"10\" "
            "y=\"55\" style=\"fill:green\"/>");
    const SvgCleanResult r = cleanSvg(logo);
    QVERIFY(r.ok);
    QVERIFY2(r.dropped.isEmpty(), qPrintable(r.dropped.join(", ")));
    const QString a = m_dir.filePath(QStringLiteral("original.svg"));
    const QString b = m_dir.filePath(QStringLiteral("cleaned.svg"));
    QVERIFY(writeFile(a, logo) && writeFile(b, r.svg));
    const QByteArray before = drawn(a);
    QCOMPARE(before.size(), 200 * 100 * 4);
    QVERIFY(before == drawn(b));
}

// Left top: an embedded lime PNG; left bottom: a lime PNG on disk, by path and by file: URL;
// right: the red circle. Drawn at 1920x960.
void TstSvgClean::rasterizedHasAlphaAndNothingFromDisk()
{
    const QByteArray lime = limePngBase64(m_dir.path());
    QVERIFY(!lime.isEmpty());
    const QString secret = m_dir.filePath(QStringLiteral("secret.png"));
    QVERIFY(
        test::runFfmpeg({"-f", "lavfi", "-i", "color=c=lime:s=64x64", "-frames:v", "1", secret}));
    const QString in = m_dir.filePath(QStringLiteral("logo.svg"));
    QVERIFY(writeFile(in, doc("<image x=\"0\" y=\"0\" width=\"50\" height=\"50\" "
                              "href=\"data:image/png;base64," +
                              lime +
                              "\"/><image x=\"0\" y=\"50\" width=\"50\" "
                              "height=\"50\" xlink:href=\"" +
                              secret.toUtf8() +
                              "\"/><image x=\"50\" y=\"50\" "
                              "width=\"50\" height=\"50\" href=\"file://" +
                              secret.toUtf8() + "\"/>")));
    const QString out = m_dir.filePath(QStringLiteral("logo.png"));
    QString why;
    QStringList external;
    QVERIFY2(rasterizeSvg(in, out, &why, &external), qPrintable(why));
    QCOMPARE(external, (QStringList{secret, "file://" + secret}));
    const QJsonObject stream = test::probe(out).value("streams").toArray().at(0).toObject();
    QCOMPARE(stream.value("width").toInt(), 1920);
    QCOMPARE(stream.value("height").toInt(), 960);
    QCOMPARE(stream.value("pix_fmt").toString(), QString("rgba"));
    const QByteArray rgba =
        test::ffmpegOutput({"-v", "error", "-i", out, "-pix_fmt", "rgba", "-f", "rawvideo", "-"});
    QCOMPARE(rgba.size(), 1920 * 960 * 4);
    const auto px = [&rgba](int x, int y) {
        const int i = (y * 1920 + x) * 4;
        return QList<int>{quint8(rgba[i]), quint8(rgba[i + 1]), quint8(rgba[i + 2]),
                          quint8(rgba[i + 3])};
    };
    const auto near = [](const QList<int>& got, const QList<int>& want) {
        for (int c = 0; c < 4; ++c)
            if (std::abs(got.at(c) - want.at(c)) > 3)
                return false;
        return true;
    };
    QVERIFY(near(px(240, 240), {0, 255, 0, 255}));  // embedded: drawn
    QCOMPARE(px(240, 720).at(3), 0);                // on disk, by path: not read
    QCOMPARE(px(720, 720).at(3), 0);                // on disk, by URL: not read
    QCOMPARE(px(700, 240).at(3), 0);                // transparent background
    QVERIFY(near(px(1440, 480), {255, 0, 0, 255})); // the circle
    int transparent = 0;
    for (int i = 3; i < rgba.size(); i += 4)
        transparent += rgba[i] == 0;
    qInfo("transparent: %.1f%% of the PNG", 100.0 * transparent / (1920 * 960));
}

void TstSvgClean::refusedLeavesNoFile()
{
    const QString in = m_dir.filePath(QStringLiteral("entity.svg"));
    QVERIFY(writeFile(in, "<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                              doc("<text>&x;</text>")));
    const QString out = m_dir.filePath(QStringLiteral("entity.png"));
    QString why;
    QVERIFY(!rasterizeSvg(in, out, &why));
    QVERIFY2(why.contains("DOCTYPE"), qPrintable(why));
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(out + ".clean.svg"));

    QVERIFY(writeFile(in, doc("<desc>" + QByteArray(7 * 1024 * 1024, 'x') + "</desc>")));
    QVERIFY(!rasterizeSvg(in, out, &why));
    QCOMPARE(why,
             QString("is over 5 MB, more than a logo needs; simplify it or export it as a PNG"));
    QVERIFY(!QFile::exists(out));
}

QTEST_GUILESS_MAIN(TstSvgClean)
#include "tst_svgclean.moc"
