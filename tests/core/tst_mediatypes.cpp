// Upload name checks: the PROTOCOL.md list, jpeg as an alias, case, paths and near misses.
#include "MediaTypes.h"

#include <QtTest>

using namespace cw;

class TstMediaTypes : public QObject {
    Q_OBJECT

private slots:
    void kind_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("kind");
        const char* rows[][2] = {
            {"clip.mp4", "video"},
            {"clip.MOV", "video"},
            {"a.avi", "video"},
            {"b.webm", "video"},
            {"c.MkV", "video"},
            {"p.jpg", "image"},
            {"p.JPEG", "image"},
            {"p.png", "image"},
            {"p.gif", "image"},
            {"p.webp", "image"},
            {"logo.SVG", "image"},
            {"logo.svgz", ""},
            {"s.mp3", "audio"},
            {"s.wav", "audio"},
            {"s.M4A", "audio"},
            {"s.aac", "audio"},
            {"/home/u/v.d/x.mp4", "video"},
            {"C:\\Videos\\x.MP4", "video"},
            {"my.clip.final.mov", "video"},
            {"城市.mp4", "video"},
            {".mp4", "video"},
            {"clip.mp4.exe", ""},
            {"clip.txt", ""},
            {"clip", ""},
            {"", ""},
            {"clip.", ""},
            {"/dir.mp4/file", ""},
            {"C:\\dir.mp4\\file", ""},
            {"clip.mp4 ", ""},
            {"clip.m4v", ""},
            {"clip.mpeg4", ""},
            {"clip.jpgx", ""},
            {"clip.flac", ""},
            {"clip.mp", ""},
        };
        for (const auto& r : rows)
            QTest::newRow(r[0][0] ? r[0] : "(empty)")
                << QString::fromUtf8(r[0]) << QString::fromUtf8(r[1]);
    }

    void kind()
    {
        QFETCH(QString, name);
        QFETCH(QString, kind);
        QCOMPARE(mediaKindForFileName(name), kind);
        QCOMPARE(isAcceptedFileName(name), !kind.isEmpty());
    }

    void acceptedList()
    {
        const QStringList exts = acceptedExtensions();
        const QStringList protocol = {"mp4", "mov",  "avi", "webm", "mkv", "jpg", "png",
                                      "gif", "webp", "mp3", "wav",  "m4a", "aac"};
        for (const QString& e : protocol)
            QVERIFY2(exts.contains(e), qPrintable(e));
        QVERIFY(exts.contains("jpeg"));
        QVERIFY(exts.contains("svg")); // the local engine draws SVG logos (SvgImage.h)
        QCOMPARE(exts.size(), protocol.size() + 2);
        for (const QString& e : exts) {
            QCOMPARE(e, e.toLower());
            QVERIFY(!e.startsWith(u'.'));
            QVERIFY(isAcceptedFileName(QStringLiteral("x.") + e.toUpper()));
        }
        QCOMPARE(kMaxUploadBytes, 524288000LL);
    }
};

QTEST_GUILESS_MAIN(TstMediaTypes)
#include "tst_mediatypes.moc"
