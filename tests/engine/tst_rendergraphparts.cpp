// The parts buildRenderCommand is built from (its whole graphs are in tst_rendergraph): the
// export presets by name and the frame each gives an edit, the project rates a draft may name, the
// escaping of hostile paths and text in filter values, and the default title font.
#include "render/RenderGraph.h"

#include <QFile>
#include <QJsonObject>
#include <QSize>
#include <QtTest>

using namespace cw;
using namespace cw::engine;

class TstRenderGraphParts : public QObject {
    Q_OBJECT

private slots:
    void presets_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("height");
        QTest::newRow("1080p") << "1080p" << true << 1920 << 1080;
        QTest::newRow("vertical") << "vertical-1080" << true << 1080 << 1920;
        QTest::newRow("square") << "square-1080" << true << 1080 << 1080;
        QTest::newRow("720p") << "720p" << true << 1280 << 720;
        QTest::newRow("4k") << "4k" << true << 3840 << 2160;
        QTest::newRow("unknown") << "8k" << false << 1920 << 1080;
        QTest::newRow("empty") << "" << false << 1920 << 1080;
    }

    void presets()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        QFETCH(int, width);
        QFETCH(int, height);
        bool got = !ok;
        const RenderPreset p = RenderPreset::byName(name, &got);
        QCOMPARE(got, ok);
        QCOMPARE(p.width, width);
        QCOMPARE(p.height, height);
        QCOMPARE(p.name, ok ? name : QStringLiteral("1080p"));
        QCOMPARE(p.fps.text(), QStringLiteral("30"));
        QVERIFY(RenderPreset::byName(name).width == width); // ok pointer optional
    }

    // The output frame of an edit of each shape: 1080p, 720p and 4K keep the edit's frame at
    // their size (a phone's vertical edit stays vertical), the named frames are what they say.
    void frames_data()
    {
        QTest::addColumn<int>("w");
        QTest::addColumn<int>("h");
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QSize>("out");
        QTest::newRow("16:9 1080p") << 1920 << 1080 << "1080p" << QSize(1920, 1080);
        QTest::newRow("16:9 720p") << 1920 << 1080 << "720p" << QSize(1280, 720);
        QTest::newRow("16:9 4k") << 1920 << 1080 << "4k" << QSize(3840, 2160);
        QTest::newRow("9:16 1080p") << 1080 << 1920 << "1080p" << QSize(1080, 1920);
        QTest::newRow("9:16 720p") << 1080 << 1920 << "720p" << QSize(720, 1280);
        QTest::newRow("9:16 4k") << 1080 << 1920 << "4k" << QSize(2160, 3840);
        QTest::newRow("4:5 720p") << 1080 << 1350 << "720p" << QSize(720, 900);
        QTest::newRow("1:1 720p") << 1080 << 1080 << "720p" << QSize(720, 720);
        QTest::newRow("odd 720p stays even") << 1000 << 1333 << "720p" << QSize(720, 960);
        QTest::newRow("9:16 named vertical")
            << 1080 << 1920 << "vertical-1080" << QSize(1080, 1920);
        QTest::newRow("16:9 named square") << 1920 << 1080 << "square-1080" << QSize(1080, 1080);
        QTest::newRow("no frame in the draft") << 0 << 0 << "720p" << QSize(1280, 720);
        QTest::newRow("hostile frame") << 100000 << 5 << "4k" << QSize(3840, 2160);
    }

    void frames()
    {
        QFETCH(int, w);
        QFETCH(int, h);
        QFETCH(QString, preset);
        QFETCH(QSize, out);
        Draft d;
        if (w > 0)
            d.m = QJsonObject{{QStringLiteral("width"), w}, {QStringLiteral("height"), h}};
        const QPair<int, int> got = renderSize(d, RenderPreset::byName(preset));
        QCOMPARE(QSize(got.first, got.second), out);
    }

    // The project rates a draft may name (an NTSC one in every filter: tst_rendergraph).
    void projectRates_data()
    {
        QTest::addColumn<double>("fps");
        QTest::addColumn<QString>("rate"); // empty: not a project rate
        QTest::newRow("23.976") << 23.976 << "24000/1001";
        QTest::newRow("24") << 24.0 << "24";
        QTest::newRow("25") << 25.0 << "25";
        QTest::newRow("29.97") << 29.97 << "30000/1001";
        QTest::newRow("exact 30000/1001") << 30000.0 / 1001 << "30000/1001";
        QTest::newRow("30") << 30.0 << "30";
        QTest::newRow("60 is not a project rate") << 60.0 << "";
        QTest::newRow("29.9 is not") << 29.9 << "";
        QTest::newRow("0") << 0.0 << "";
    }

    void projectRates()
    {
        QFETCH(double, fps);
        QFETCH(QString, rate);
        const std::optional<FrameRate> r = FrameRate::ofProject(fps);
        QCOMPARE(r ? r->text() : QString(), rate);
    }

    void escaping_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << "/a/b.txt"
                               << "/a/b.txt";
        QTest::newRow("colon") << "/tmp/a:b"
                               << "/tmp/a\\\\:b";
        QTest::newRow("quote") << "it's"
                               << "it\\\\\\'s";
        QTest::newRow("backslash") << "a\\b"
                                   << "a\\\\\\\\b";
        QTest::newRow("graph separators") << "a,b;c[d]"
                                          << "a\\,b\\;c\\[d\\]";
        QTest::newRow("space") << " x"
                               << "\\\\\\ x";
    }

    void escaping()
    {
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(escapeFilterValue(value), expected);
    }

    void defaultFont() { QVERIFY(QFile::exists(defaultFontFile())); }
};

QTEST_GUILESS_MAIN(TstRenderGraphParts)
#include "tst_rendergraphparts.moc"
