// The engine store against a real SQLite file: draft versions and undo/redo, the redo branch
// being dropped by a new edit, WAL mode, data surviving a restart, start-up recovery of jobs a
// killed engine left running, and writes from many threads (one connection per thread).
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>
#include <vector>

using namespace cw::engine;

class TstStore : public QObject {
    Q_OBJECT

private slots:
    void opensInWalMode();
    void versionsUndoRedo();
    void newEditDropsRedoBranch();
    void unknownSession();
    void hostileTextStoredVerbatim();
    void restartKeepsData();
    void staleJobsFailedOnStart();
    void manyThreadsWrite();

private:
    static QByteArray draftJson(int n)
    {
        return QByteArray("{\"v\":1,\"d\":") + QByteArray::number(n) + "}";
    }
};

void TstStore::opensInWalMode()
{
    QTemporaryDir dir;
    Store store;
    QString error;
    QVERIFY2(store.open(dir.path() + QStringLiteral("/data"), &error), qPrintable(error));
    QCOMPARE(store.journalMode(), QStringLiteral("wal"));
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/data/engine.db")));
    QVERIFY(QDir(store.mediaDir()).exists());
    QVERIFY(QDir(store.rendersDir()).exists());
    QVERIFY(QDir(store.tmpDir()).exists());
}

void TstStore::versionsUndoRedo()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.path()));
    const auto s = store.createSession(QStringLiteral("en"), draftJson(0));
    QVERIFY(s);
    QCOMPARE(s->headVersion, 1);
    QCOMPARE(store.headDraft(s->id)->json, draftJson(0));

    QCOMPARE(store.addDraftVersion(s->id, draftJson(2), QStringLiteral("two")), 2);
    QCOMPARE(store.addDraftVersion(s->id, draftJson(3), QStringLiteral("three")), 3);
    QCOMPARE(store.headDraft(s->id)->json, draftJson(3));
    QCOMPARE(store.headDraft(s->id)->parentVersion, 2);

    HeadMove m = store.undo(s->id);
    QVERIFY(m.ok);
    QCOMPARE(m.from.version, 3);
    QCOMPARE(m.from.label, QStringLiteral("three"));
    QCOMPARE(m.to.version, 2);
    QCOMPARE(store.session(s->id)->headVersion, 2);
    QVERIFY(store.undo(s->id).ok);
    QCOMPARE(store.headDraft(s->id)->json, draftJson(0));
    QVERIFY(!store.undo(s->id).ok); // the first version has no parent
    QCOMPARE(store.session(s->id)->headVersion, 1);

    m = store.redo(s->id);
    QVERIFY(m.ok);
    QCOMPARE(m.to.version, 2);
    m = store.redo(s->id);
    QVERIFY(m.ok);
    QCOMPARE(m.to.label, QStringLiteral("three"));
    QVERIFY(!store.redo(s->id).ok);
    QCOMPARE(store.headDraft(s->id)->json, draftJson(3));
}

void TstStore::newEditDropsRedoBranch()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.path()));
    const auto s = store.createSession(QStringLiteral("en"), draftJson(0));
    QVERIFY(s);
    QCOMPARE(store.addDraftVersion(s->id, draftJson(2), QStringLiteral("a")), 2);
    QCOMPARE(store.addDraftVersion(s->id, draftJson(3), QStringLiteral("b")), 3);
    QVERIFY(store.undo(s->id).ok); // head 2, redo would go to 3
    const int v = store.addDraftVersion(s->id, draftJson(4), QStringLiteral("c"));
    QCOMPARE(v, 4); // numbers only grow
    QVERIFY(!store.redo(s->id).ok);
    QVERIFY(store.undo(s->id).ok);
    QCOMPARE(store.session(s->id)->headVersion, 2);
    const HeadMove m = store.redo(s->id);
    QVERIFY(m.ok);
    QCOMPARE(m.to.version, 4);                                  // not the dropped 3
    QCOMPARE(store.draftVersion(s->id, 3)->json, draftJson(3)); // kept, just unreachable
}

void TstStore::unknownSession()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.path()));
    QVERIFY(!store.session(QStringLiteral("nope")));
    QVERIFY(!store.headDraft(QStringLiteral("nope")));
    QCOMPARE(store.addDraftVersion(QStringLiteral("nope"), draftJson(1), QString()), 0);
    QVERIFY(!store.undo(QStringLiteral("nope")).ok);
    QVERIFY(!store.redo(QStringLiteral("nope")).ok);
    QVERIFY(!store.media(QStringLiteral("nope")));
    QVERIFY(!store.job(QStringLiteral("nope")));
    QVERIFY(store.sessionMedia(QStringLiteral("nope")).isEmpty());
}

void TstStore::hostileTextStoredVerbatim()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.path()));
    const auto s = store.createSession(QStringLiteral("zh"), draftJson(0));
    QVERIFY(s);
    const QString evil = QStringLiteral("x'); DROP TABLE drafts; -- \"剪辑\" \u0001");
    QCOMPARE(store.addDraftVersion(s->id, draftJson(2), evil), 2);
    QCOMPARE(store.headDraft(s->id)->label, evil);
    MediaRecord m;
    m.id = newId(QStringLiteral("med_"));
    m.sessionId = s->id;
    m.filename = evil;
    m.kind = QStringLiteral("video");
    m.path = store.mediaDir() + QStringLiteral("/x.mp4");
    m.hash = QStringLiteral("abc");
    QVERIFY(store.addMedia(m));
    QCOMPARE(store.media(m.id)->filename, evil);
    QCOMPARE(store.media(m.id)->path, m.path);
    QCOMPARE(store.session(s->id)->language, QStringLiteral("zh"));
}

void TstStore::restartKeepsData()
{
    QTemporaryDir dir;
    QString sid;
    QString mediaId;
    {
        Store store;
        QVERIFY(store.open(dir.path()));
        const auto s = store.createSession(QStringLiteral("en"), draftJson(0));
        QVERIFY(s);
        sid = s->id;
        QCOMPARE(store.addDraftVersion(sid, draftJson(2), QStringLiteral("edit")), 2);
        MediaRecord m;
        m.id = mediaId = newId(QStringLiteral("med_"));
        m.sessionId = sid;
        m.filename = QStringLiteral("clip.mp4");
        m.kind = QStringLiteral("video");
        m.path = store.mediaDir() + QStringLiteral("/") + mediaId + QStringLiteral(".mp4");
        m.hash = QStringLiteral("h1");
        m.durationMs = 17500;
        m.width = 1280;
        m.height = 720;
        m.fps = 30;
        m.hasAudio = m.hasVideo = true;
        QVERIFY(store.addMedia(m));
        QVERIFY(store.putAnalysis(QStringLiteral("h1"), QByteArray("{\"a\":1}")));
    }
    Store store;
    QVERIFY(store.open(dir.path()));
    const auto s = store.session(sid);
    QVERIFY(s);
    QCOMPARE(s->headVersion, 2);
    QCOMPARE(store.headDraft(sid)->json, draftJson(2));
    const auto m = store.media(mediaId);
    QVERIFY(m);
    QCOMPARE(m->durationMs, 17500);
    QCOMPARE(m->width, 1280);
    QVERIFY(m->hasAudio && m->hasVideo);
    QCOMPARE(store.sessionMedia(sid).size(), 1);
    QCOMPARE(store.analysis(QStringLiteral("h1")).value_or(QByteArray()), QByteArray("{\"a\":1}"));
    QVERIFY(!store.analysis(QStringLiteral("h2")));
}

void TstStore::staleJobsFailedOnStart()
{
    QTemporaryDir dir;
    {
        Store store;
        QVERIFY(store.open(dir.path()));
        for (const char* status : {"pending", "processing", "completed", "failed"}) {
            JobRecord j;
            j.id = QString::fromLatin1(status);
            j.sessionId = QStringLiteral("s");
            j.status = j.id;
            j.progress = 40;
            j.preset = QStringLiteral("1080p");
            if (j.status == QLatin1String("completed"))
                j.outputPath = store.rendersDir() + QStringLiteral("/completed.mp4");
            if (j.status == QLatin1String("failed"))
                j.error = QStringLiteral("ffmpeg said no");
            QVERIFY(store.addJob(j));
        }
        QFile part(store.rendersDir() + QStringLiteral("/processing.mp4.part"));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write("half a render");
        QFile tmp(store.tmpDir() + QStringLiteral("/upload.part"));
        QVERIFY(tmp.open(QIODevice::WriteOnly));
    }
    QVERIFY(QFile::exists(dir.path() + QStringLiteral("/renders/processing.mp4.part")));
    Store store;
    QVERIFY(store.open(dir.path()));
    for (const char* id : {"pending", "processing"}) {
        const auto j = store.job(QString::fromLatin1(id));
        QVERIFY(j);
        QCOMPARE(j->status, QStringLiteral("failed"));
        QCOMPARE(j->error, Store::staleJobError());
    }
    QCOMPARE(store.job(QStringLiteral("completed"))->status, QStringLiteral("completed"));
    QCOMPARE(store.job(QStringLiteral("completed"))->outputPath,
             store.rendersDir() + QStringLiteral("/completed.mp4"));
    QCOMPARE(store.job(QStringLiteral("failed"))->error, QStringLiteral("ffmpeg said no"));
    QVERIFY(!QFile::exists(store.rendersDir() + QStringLiteral("/processing.mp4.part")));
    QVERIFY(!QFile::exists(store.tmpDir() + QStringLiteral("/upload.part")));
}

void TstStore::manyThreadsWrite()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.path()));
    const auto s = store.createSession(QStringLiteral("en"), draftJson(0));
    QVERIFY(s);
    constexpr int kThreads = 6;
    constexpr int kEach = 15;
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kEach; ++i) {
                if (store.addDraftVersion(s->id, draftJson(t * 100 + i), QString()) <= 1)
                    ++failures;
                if (!store.headDraft(s->id))
                    ++failures;
            }
        });
    }
    for (std::thread& th : threads)
        th.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(store.session(s->id)->headVersion, 1 + kThreads * kEach);
}

QTEST_GUILESS_MAIN(TstStore)
#include "tst_store.moc"
