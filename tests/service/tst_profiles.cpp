// Profiles in a temporary settings file: defaults, choosing a profile, custom URL cleaning
// (credentials, query and fragment dropped; non-http refused) and the attribution platform.
#include "Profiles.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cw;

Q_DECLARE_METATYPE(cw::Profile::Kind)

class TestProfiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults();
    void customUrl_data();
    void customUrl();
    void persists();
};

void TestProfiles::defaults()
{
    QTemporaryDir dir;
    Profiles profiles(dir.filePath(QStringLiteral("s.ini")));
    QCOMPARE(profiles.current().kind, Profile::Kind::Local);
    QCOMPARE(profiles.current().renderPollMs, 1000);
    QVERIFY(!profiles.current().showsCredits);
    QVERIFY(!profiles.current().needsAuth);
    QCOMPARE(profiles.platform(), QStringLiteral("unknown"));
    const Profile cloud = Profiles::cloud();
    QCOMPARE(cloud.baseUrl, QUrl(QStringLiteral("https://mega-api-prod.nemovideo.ai")));
    QCOMPARE(cloud.renderPollMs, 30000);
    QVERIFY(cloud.showsCredits);
    QVERIFY(cloud.needsAuth);
    QCOMPARE(profiles.all().size(), 3);
    // A custom profile without a URL falls back to local.
    profiles.setCurrent(Profile::Kind::Custom);
    QCOMPARE(profiles.current().kind, Profile::Kind::Local);
}

void TestProfiles::customUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("stored");
    QTest::newRow("plain") << "http://10.0.0.5:8080" << true << "http://10.0.0.5:8080";
    QTest::newRow("https path") << "https://edit.example.com/api" << true
                                << "https://edit.example.com/api";
    QTest::newRow("credentials") << "http://bob:hunter2@host:1234" << true << "http://host:1234";
    QTest::newRow("query fragment") << "http://host/?token=abc#x" << true << "http://host/";
    QTest::newRow("ftp") << "ftp://host" << false << "";
    QTest::newRow("no host") << "http://" << false << "";
    QTest::newRow("file") << "file:///etc/passwd" << false << "";
    QTest::newRow("garbage") << "::::" << false << "";
    QTest::newRow("empty") << "" << false << "";
}

void TestProfiles::customUrl()
{
    QFETCH(QString, input);
    QFETCH(bool, accepted);
    QFETCH(QString, stored);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        Profiles profiles(path);
        QCOMPARE(profiles.setCustomUrl(QUrl(input)), accepted);
        profiles.setCurrent(Profile::Kind::Custom);
        QCOMPARE(profiles.customUrl().toString(), stored);
        QCOMPARE(profiles.current().kind, accepted ? Profile::Kind::Custom : Profile::Kind::Local);
        profiles.sync();
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray ini = file.readAll();
    QVERIFY(!ini.contains("hunter2"));
    QVERIFY(!ini.contains("token=abc"));
}

void TestProfiles::persists()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("s.ini"));
    {
        Profiles profiles(path);
        profiles.setCurrent(Profile::Kind::Cloud);
        profiles.setPlatform(QStringLiteral("  linux  "));
    }
    Profiles again(path);
    QCOMPARE(again.current().kind, Profile::Kind::Cloud);
    QCOMPARE(again.current().id, QStringLiteral("cloud"));
    QCOMPARE(again.platform(), QStringLiteral("linux"));
}

QTEST_GUILESS_MAIN(TestProfiles)
#include "tst_profiles.moc"
